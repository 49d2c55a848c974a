import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { refuseIntegration, refuseUnsupported } from '../config/refusals.js';
import { resolveAwsBackends } from '../config/resolve-aws-backends.js';
import {
  integrationObject,
  type ResolvedLambdaIntegration,
  resolveIntegration,
} from '../config/resolve-integration.js';
import { requireIntegration, routeObject } from '../config/resolve-routes.js';
import type { FunctionTable } from '../functions/resolve-functions.js';
import { type ThrottleLimit, validateThrottleLimit } from '../throttling/index.js';
import { type ResolvedWsMockIntegration, resolveWsMock } from './resolve-websocket-mock.js';
import { MAX_WEBSOCKET_INTEGRATION_TIMEOUT_MS } from './websocket-limits.js';

/** A WebSocket route ready to serve. */
export interface ResolvedWsRoute {
  routeKey: string;
  integration: ResolvedLambdaIntegration | ResolvedWsMockIntegration;
  /** Has the `$default` route response: the integration's result is sent back. */
  twoWay: boolean;
  apiKeyRequired: boolean;
  throttle: ThrottleLimit | undefined;
  /** `$connect` only: `authorizationType`, `authorizer`, `authorizationScopes` as given (checked by the auth setup). */
  authorization: Readonly<Record<string, unknown>> | undefined;
}

const ROUTE_KEYS = [
  'integration',
  'routeResponseSelectionExpression',
  'apiKeyRequired',
  'throttle',
  'authorizationType',
  'authorizer',
  'authorizationScopes',
] as const;
const PREDEFINED = new Set(['$connect', '$disconnect', '$default']);
/** Authorization settings: `$connect` only, as on AWS. */
const AUTHORIZATION = ['authorizationType', 'authorizer', 'authorizationScopes'] as const;

/** What resolving Lambda `uri`s of WebSocket routes needs: the gateway's functions and the stage's variables. */
export interface WsFunctionEnv {
  functions: FunctionTable;
  stageVariables: Readonly<Record<string, string>> | null;
}

/** Validates WebSocket `routes` (behaviour.md §13) and fills defaults. */
export function resolveWsRoutes(
  routes: unknown,
  functionTimeoutMs: number,
  env: WsFunctionEnv,
): Map<string, ResolvedWsRoute> {
  if (typeof routes !== 'object' || routes === null || Array.isArray(routes)) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_ROUTES',
      'createGateway: routes must be an object keyed by route key',
      'Write routes: { $connect: onConnect, sendMessage: onMessage, $default: onOther }.',
    );
  }
  const out = new Map<string, ResolvedWsRoute>();
  for (const [routeKey, value] of Object.entries(routes)) {
    const where = `createGateway: routes[${JSON.stringify(routeKey)}]`;
    checkRouteKey(where, routeKey);
    const route = routeObject(where, value);
    if (route.authorizerId !== undefined) {
      throw new GatewayConfigError(
        'GATEWAY_MISPLACED_OPTION',
        `${where}: "authorizerId" is not a route option under that name`,
        "Routes name an authorizer with authorizer: 'Name', a key of createGateway({ authorizers }).",
        { options: ['authorizerId'] },
      );
    }
    const authorization = AUTHORIZATION.some((key) => route[key] !== undefined);
    if (authorization && routeKey !== '$connect') {
      throw connectOnly(where, AUTHORIZATION.find((key) => route[key] !== undefined)!, 'authorization');
    }
    refuseUnsupported(where, route);
    assertKnownOptions(where, route, ROUTE_KEYS);
    requireIntegration(where, route);
    const apiKeyRequired = route.apiKeyRequired ?? false;
    if (typeof apiKeyRequired !== 'boolean') throw invalidRoute(where, 'apiKeyRequired must be a boolean');
    if (apiKeyRequired && routeKey !== '$connect') throw connectOnly(where, 'apiKeyRequired', 'API keys');
    const selection = route.routeResponseSelectionExpression;
    if (selection !== undefined && selection !== '$default') {
      throw invalidRoute(
        where,
        `routeResponseSelectionExpression must be '$default' (the only value AWS supports), got ${JSON.stringify(selection)}`,
      );
    }
    if (selection !== undefined && (routeKey === '$connect' || routeKey === '$disconnect')) {
      throw invalidRoute(where, `${routeKey} has no route response: nothing can be sent back on it`);
    }
    out.set(routeKey, {
      routeKey,
      integration: resolveWsIntegration(
        `${where}.integration`,
        route.integration,
        functionTimeoutMs,
        routeKey,
        env,
      ),
      twoWay: selection === '$default',
      apiKeyRequired,
      throttle:
        route.throttle === undefined ? undefined : validateThrottleLimit(`${where}.throttle`, route.throttle),
      authorization: authorization
        ? Object.fromEntries(AUTHORIZATION.map((key) => [key, route[key]]))
        : undefined,
    });
  }
  return out;
}

function resolveWsIntegration(
  where: string,
  value: unknown,
  functionTimeoutMs: number,
  routeKey: string,
  env: WsFunctionEnv,
): ResolvedLambdaIntegration | ResolvedWsMockIntegration {
  const integration = integrationObject(where, value);
  const functionName = `ws-${routeKey.replace(/[^A-Za-z0-9]+/g, '-')}`.replace(/-+$/, '').slice(0, 64);
  // Same timeout bounds as REST: 50–29 000 ms, default 29 000.
  // No AWS service integrations on WebSocket routes (refused above), so no AWS backends.
  const defaults = {
    apiType: 'REST' as const,
    functionTimeoutMs,
    allowRaisedIntegrationTimeout: false,
    aws: resolveAwsBackends({}),
    functions: env.functions,
    stageVariables: env.stageVariables,
  };
  if (integration.type === 'MOCK') {
    const { timeoutMs } = resolveIntegration(
      where,
      { type: 'MOCK', timeoutInMillis: integration.timeoutInMillis },
      defaults,
      functionName,
    );
    return resolveWsMock(where, integration, timeoutMs ?? MAX_WEBSOCKET_INTEGRATION_TIMEOUT_MS);
  }
  if (integration.type === 'AWS' || integration.type === 'HTTP' || integration.type === 'HTTP_PROXY') {
    throw new GatewayConfigError(
      'GATEWAY_UNSUPPORTED_INTEGRATION',
      `${where}: "${integration.type}" integrations of WebSocket routes are not simulated yet`,
      "Use 'AWS_PROXY' (a Lambda handler) or 'MOCK' on WebSocket routes.",
      { type: integration.type },
    );
  }
  if (integration.type !== 'AWS_PROXY') refuseIntegration(where, integration.type);
  if (integration.payloadFormatVersion !== undefined && integration.payloadFormatVersion !== '1.0') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_PAYLOAD_FORMAT',
      `${where}: WebSocket APIs only send payload format 1.0, got ${JSON.stringify(integration.payloadFormatVersion)}`,
      'Remove payloadFormatVersion.',
    );
  }
  return resolveIntegration(where, integration, defaults, functionName) as ResolvedLambdaIntegration;
}

function checkRouteKey(where: string, key: string): void {
  if (key.startsWith('$') ? PREDEFINED.has(key) : key.length > 0 && key.length <= 128) return;
  throw new GatewayConfigError(
    'GATEWAY_INVALID_ROUTE_KEY',
    `${where}: ${JSON.stringify(key)} is not a WebSocket route key`,
    'Use $connect, $disconnect, $default or a custom key of 1–128 characters that does not start with "$" (AWS reserves the prefix).',
    { routeKey: key },
  );
}

function connectOnly(where: string, option: string, feature: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_CONNECT_ROUTE_ONLY',
    `${where}: ${option} is set on a route other than $connect; WebSocket APIs check ${feature} only when a client connects`,
    `Move ${option} to the $connect route: it protects every route of the connection.`,
    { option },
  );
}

function invalidRoute(where: string, why: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_ROUTE',
    `${where}: ${why}`,
    'Fix the route or remove the setting.',
  );
}
