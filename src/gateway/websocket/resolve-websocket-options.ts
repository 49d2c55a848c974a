import type { Clock } from '../../clock/clock.js';
import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import type { IdSource } from '../../ids/ids.js';
import { refuseUnsupported } from '../config/refusals.js';
import { MAX_FUNCTION_TIMEOUT_MS, resolveFunctionTimeout } from '../config/resolve-function-settings.js';
import { resolveApiIdentity } from '../config/resolve-options.js';
import { resolveStageVariables, STAGE_NAME } from '../config/resolve-stage-variables.js';
import { resolveFunctions } from '../functions/resolve-functions.js';
import { type ResolvedWsRoute, resolveWsRoutes } from './resolve-websocket-routes.js';
import { compileSelectionExpression, type SelectionExpression } from './selection-expression.js';
import type { WebSocketGatewayOptions } from './websocket-types.js';

/** A WebSocket API's settings with every default filled in. */
export interface ResolvedWebSocketApi {
  stageName: string;
  stageVariables: Readonly<Record<string, string>> | null;
  apiId: string;
  region: string;
  accountId: string;
  /** `{apiId}.execute-api.{region}.amazonaws.com`. */
  domainName: string;
  clock: Clock;
  ids: IdSource;
  routeSelection: SelectionExpression;
  routes: ReadonlyMap<string, ResolvedWsRoute>;
  /** Where `$connect` reads the API key (`apiKeySelectionExpression`); `undefined` when the API names none. */
  apiKeySource: 'HEADER' | 'AUTHORIZER' | undefined;
  /** Default Lambda-side function timeout of every handler. */
  functionTimeoutMs: number;
  binaryFrames: 'CLOSE' | 'BASE64';
}

const KNOWN = [
  'apiType',
  'routeSelectionExpression',
  'apiKeySelectionExpression',
  'routes',
  'stage',
  'apiId',
  'region',
  'accountId',
  'clock',
  'seed',
  'functionTimeoutMs',
  'throttle',
  'apiKeys',
  'usagePlans',
  'accessLog',
  'binaryFrames',
  'functions',
  'authorizers',
  'identityProviders',
  'accessDeniedWording',
] as const;
/** Options of REST or HTTP APIs that WebSocket APIs do not have. */
const NOT_WEBSOCKET = ['cache', 'binaryMediaTypes', 'allowRaisedIntegrationTimeout', 'fetch'] as const;
const STAGE_KEYS = ['name', 'variables'] as const;

/** Validates `createGateway({ apiType: 'WEBSOCKET', … })` options (unknown and unsimulated ones are refused). */
export function resolveWebSocketOptions(options: WebSocketGatewayOptions): ResolvedWebSocketApi {
  const given = options as unknown as Record<string, unknown>;
  for (const name of NOT_WEBSOCKET) {
    if (given[name] !== undefined) {
      throw new GatewayConfigError(
        'GATEWAY_REST_ONLY',
        `createGateway: ${name} is not available on WebSocket APIs`,
        `Remove ${name}; it belongs to REST (or HTTP) APIs.`,
        { option: name },
      );
    }
  }
  refuseUnsupported('createGateway', options);
  assertKnownOptions('createGateway', options, KNOWN);
  if (options.routeSelectionExpression === undefined) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_SELECTION_EXPRESSION',
      'createGateway: a WebSocket API needs a routeSelectionExpression',
      "Add routeSelectionExpression: '$request.body.action' (AWS requires one for WebSocket APIs).",
    );
  }
  const routeSelection = compileSelectionExpression(
    'createGateway: routeSelectionExpression',
    options.routeSelectionExpression,
  );
  const keySource = options.apiKeySelectionExpression;
  if (
    keySource !== undefined &&
    keySource !== '$request.header.x-api-key' &&
    keySource !== '$context.authorizer.usageIdentifierKey'
  ) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_SELECTION_EXPRESSION',
      `createGateway: apiKeySelectionExpression ${JSON.stringify(keySource)} is not one AWS supports`,
      "Use '$request.header.x-api-key' or '$context.authorizer.usageIdentifierKey', the only two values AWS accepts.",
      { expression: keySource },
    );
  }
  const binaryFrames = options.binaryFrames ?? 'CLOSE';
  if (binaryFrames !== 'CLOSE' && binaryFrames !== 'BASE64') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      `createGateway: binaryFrames must be 'CLOSE' or 'BASE64', got ${JSON.stringify(binaryFrames)}`,
      "Leave it out (AWS closes the connection with 1003), or pass 'BASE64'.",
    );
  }
  const stage = options.stage ?? {};
  assertKnownOptions('createGateway: stage', stage, STAGE_KEYS);
  const stageName = stage.name ?? 'dev';
  if (typeof stageName !== 'string' || !STAGE_NAME.test(stageName)) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_STAGE',
      `createGateway: invalid stage name ${JSON.stringify(stageName)}`,
      'Use 1–128 letters, digits, "-" or "_" (WebSocket APIs have no $default stage).',
    );
  }
  const identity = resolveApiIdentity(options);
  const functionTimeoutMs = resolveFunctionTimeout(
    'createGateway: functionTimeoutMs',
    options.functionTimeoutMs ?? MAX_FUNCTION_TIMEOUT_MS,
  );
  const stageVariables = resolveStageVariables(stage.variables);
  const routes = resolveWsRoutes(options.routes, functionTimeoutMs, {
    functions: resolveFunctions(options.functions),
    stageVariables,
  });
  const keyRoutes = [...routes.values()].filter((r) => r.apiKeyRequired);
  if (keyRoutes.length > 0 && keySource === undefined) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_SELECTION_EXPRESSION',
      'createGateway: $connect has apiKeyRequired but the API has no apiKeySelectionExpression',
      "Add apiKeySelectionExpression: '$request.header.x-api-key' (or '$context.authorizer.usageIdentifierKey' to take the key from the $connect authorizer).",
    );
  }
  return {
    ...identity,
    stageName,
    stageVariables,
    domainName: `${identity.apiId}.execute-api.${identity.region}.amazonaws.com`,
    routeSelection,
    routes,
    apiKeySource:
      keySource === undefined
        ? undefined
        : keySource === '$request.header.x-api-key'
          ? 'HEADER'
          : 'AUTHORIZER',
    functionTimeoutMs,
    binaryFrames,
  };
}
