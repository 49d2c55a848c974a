import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import type { CompiledTemplate } from '../../vtl/types.js';
import { isLambdaInvocationUri } from '../functions/lambda-uri.js';
import type { FunctionTable } from '../functions/resolve-functions.js';
import {
  type DeclaredParameters,
  resolveRequestParameters,
} from '../integrations/mapping/request-parameters.js';
import {
  compileTemplates,
  resolveIntegrationResponses,
  resolveMethodResponses,
  resolvePassthrough,
} from '../integrations/mapping/resolve-mapping.js';
import type { PassthroughBehavior, ResolvedIntegrationResponse } from '../integrations/mapping/types.js';
import type { ApiType, PayloadFormatVersion } from '../types.js';
import { refuseIntegration, refuseUnsupported } from './refusals.js';
import type { AwsBackends } from './resolve-aws-backends.js';
import { type ResolvedHttpProxyIntegration, resolveHttpProxy } from './resolve-http-proxy.js';
import { type LambdaFunctionSettings, lambdaFunction } from './resolve-lambda-function.js';
import { resolveMockShorthand } from './resolve-mock.js';
import {
  type ResolvedAwsServiceIntegration,
  type ResolvedHttpIntegration,
  type ResolvedLambdaCustomIntegration,
  resolveAwsService,
  resolveHttp,
  resolveLambdaCustom,
} from './resolve-non-proxy.js';

/** A Lambda proxy integration with every default filled in. */
export interface ResolvedLambdaIntegration extends LambdaFunctionSettings {
  type: 'AWS_PROXY';
  payloadFormatVersion: PayloadFormatVersion;
  timeoutMs: number;
  httpMethod: string;
}

/** A MOCK integration with every default filled in. */
export interface ResolvedMockIntegration {
  type: 'MOCK';
  /** Request templates by lower-cased media type, compiled (VTL). */
  requestTemplates: ReadonlyMap<string, CompiledTemplate>;
  passthroughBehavior: PassthroughBehavior;
  /** Integration responses in selection order (the `responses` shorthand is converted to these). */
  integrationResponses: readonly ResolvedIntegrationResponse[];
  timeoutMs: number;
}

export type ResolvedIntegration =
  | ResolvedLambdaIntegration
  | ResolvedMockIntegration
  | ResolvedLambdaCustomIntegration
  | ResolvedAwsServiceIntegration
  | ResolvedHttpIntegration
  | ResolvedHttpProxyIntegration;

/** Settings the integration resolution needs from the gateway. */
export interface IntegrationDefaults {
  apiType: ApiType;
  functionTimeoutMs: number;
  allowRaisedIntegrationTimeout: boolean;
  /** Responders and endpoints of AWS service integrations. */
  aws: AwsBackends;
  /** Functions that Lambda `uri`s name (the gateway's `functions`). */
  functions: FunctionTable;
  /** The stage's variables, substituted into `${stageVariables.x}` Lambda ARNs. */
  stageVariables: Readonly<Record<string, string>> | null;
}

const NO_DECLARED: DeclaredParameters = { declared: new Set(), pathVariables: new Set() };

/** Options of a Lambda proxy integration. */
export const LAMBDA_KEYS = [
  'type',
  'handler',
  'uri',
  'payloadFormatVersion',
  'timeoutInMillis',
  'httpMethod',
  'functionTimeoutMs',
  'functionName',
  'memoryLimitInMB',
  'qualifier',
  'functionVersion',
] as const;
/** Options of a MOCK integration. */
export const MOCK_KEYS = [
  'type',
  'requestTemplates',
  'requestParameters',
  'passthroughBehavior',
  'integrationResponses',
  'responses',
  'timeoutInMillis',
] as const;

/** Validates one route's integration and fills in defaults (behaviour.md §5.1 timeouts). */
export function resolveIntegration(
  where: string,
  value: unknown,
  defaults: IntegrationDefaults,
  functionName: string,
  methodResponses?: unknown,
  declared: DeclaredParameters = NO_DECLARED,
): ResolvedIntegration {
  const integration = integrationObject(where, value);
  refuseUnsupported(where, integration);
  const timeoutMs = resolveTimeout(where, integration.timeoutInMillis, defaults);
  const routeWhere = where.replace(/\.integration$/, '');
  const methods = resolveMethodResponses(routeWhere, methodResponses);
  if (integration.type === 'MOCK') {
    if (defaults.apiType === 'HTTP') {
      // AWS itself refuses this (HTTP APIs have no MOCK type), unlike what is merely not simulated yet.
      throw new GatewayConfigError(
        'GATEWAY_REST_ONLY',
        `${where}: HTTP APIs have no MOCK integration (AWS offers MOCK on REST APIs only)`,
        "Use apiType: 'REST' for MOCK integrations, or a Lambda handler.",
        { option: 'type', type: 'MOCK' },
      );
    }
    assertKnownOptions(where, integration, MOCK_KEYS);
    if (integration.responses !== undefined && integration.integrationResponses !== undefined) {
      throw new GatewayConfigError(
        'GATEWAY_INVALID_INTEGRATION',
        `${where}: both responses (the static shorthand) and integrationResponses are given`,
        'Use one of them: integrationResponses (AWS names, with methodResponses on the route) or responses.',
      );
    }
    // AWS stores a MOCK integration's request parameters and checks their sources; with no backend they send
    // nothing anywhere, so they are validated the same way and have no other effect.
    resolveRequestParameters(where, integration.requestParameters, declared);
    return {
      type: 'MOCK',
      requestTemplates: compileTemplates(`${where}.requestTemplates`, integration.requestTemplates),
      passthroughBehavior: resolvePassthrough(where, integration.passthroughBehavior),
      integrationResponses:
        integration.integrationResponses !== undefined
          ? resolveIntegrationResponses(where, integration.integrationResponses, methods)
          : integration.responses !== undefined
            ? resolveMockShorthand(where, integration.responses)
            : [],
      timeoutMs,
    };
  }
  if (integration.type === 'AWS' || integration.type === 'HTTP' || integration.type === 'HTTP_PROXY') {
    if (defaults.apiType === 'HTTP' && integration.type !== 'HTTP_PROXY')
      refuseIntegration(where, integration.type);
    const input = { where, integration, methods, declared, timeoutMs };
    if (integration.type === 'HTTP_PROXY') {
      return resolveHttpProxy(where, integration, defaults.apiType, declared, timeoutMs);
    }
    if (integration.type === 'HTTP') return resolveHttp(input);
    if (integration.handler === undefined && !isLambdaInvocationUri(integration.uri)) {
      return resolveAwsService(input, defaults.aws);
    }
    const fn = lambdaFunction(where, integration, defaults, functionName);
    return resolveLambdaCustom(input, fn);
  }
  if (integration.type !== 'AWS_PROXY') refuseIntegration(where, integration.type);
  assertKnownOptions(where, integration, LAMBDA_KEYS);
  const format = integration.payloadFormatVersion ?? (defaults.apiType === 'REST' ? '1.0' : '2.0');
  if (format !== '1.0' && format !== '2.0') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_PAYLOAD_FORMAT',
      `${where}: payloadFormatVersion must be '1.0' or '2.0', got ${JSON.stringify(format)}`,
      "Use '2.0' (HTTP API default) or '1.0'.",
    );
  }
  if (format === '2.0' && defaults.apiType === 'REST') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_PAYLOAD_FORMAT',
      `${where}: REST APIs only send payload format 1.0`,
      "Remove payloadFormatVersion, or use apiType: 'HTTP' for payload 2.0.",
    );
  }
  const httpMethod = integration.httpMethod ?? 'POST';
  if (typeof httpMethod !== 'string') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_INTEGRATION',
      `${where}: httpMethod must be a string`,
      "Leave it out: Lambda is invoked with 'POST'.",
    );
  }
  return {
    type: 'AWS_PROXY',
    payloadFormatVersion: format,
    timeoutMs,
    httpMethod,
    ...lambdaFunction(where, integration, defaults, functionName),
  };
}

/** The integration as an object, or `GATEWAY_INVALID_INTEGRATION`. */
export function integrationObject(where: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_INTEGRATION',
      `${where}: integration must be an object, got ${value === null ? 'null' : typeof value}`,
      "Write { type: 'AWS_PROXY', handler } or { type: 'MOCK', ... }, or give the handler function directly.",
    );
  }
  return value as Record<string, unknown>;
}

function resolveTimeout(where: string, value: unknown, defaults: IntegrationDefaults): number {
  const rest = defaults.apiType === 'REST';
  const fallback = rest ? 29_000 : 30_000;
  if (value === undefined) return fallback;
  const max = rest ? (defaults.allowRaisedIntegrationTimeout ? 300_000 : 29_000) : 30_000;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 50 || value > max) {
    const raise =
      rest && !defaults.allowRaisedIntegrationTimeout
        ? ' Regional/private REST APIs can go above 29 000 after a quota increase: set allowRaisedIntegrationTimeout: true (ceiling 300 000, UNCONFIRMED).'
        : '';
    throw new GatewayConfigError(
      'GATEWAY_INVALID_TIMEOUT',
      `${where}: timeoutInMillis must be an integer from 50 to ${max}, got ${String(value)}`,
      `Use a value in range (default ${fallback}).${raise}`,
      { value, min: 50, max },
    );
  }
  return value;
}
