import { type Clock, isClock, systemClock } from '../../clock/clock.js';
import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { createIdSource, type IdSource } from '../../ids/ids.js';
import { type FunctionTable, resolveFunctions } from '../functions/resolve-functions.js';
import type { AwsCredentials } from '../integrations/aws/types.js';
import { type GatewayResponses, resolveGatewayResponses } from '../responses/resolve-gateway-responses.js';
import type { ApiType, GatewayOptions } from '../types.js';
import { resolveRequestValidators } from '../validation/resolve-method-request.js';
import { type ModelValidator, resolveModels } from '../validation/resolve-models.js';
import { refuseMisplacedApiOptions, refuseStageSettings } from './misplaced-options.js';
import { refuseUnsupportedAnywhere } from './refusals.js';
import { resolveAwsBackends } from './resolve-aws-backends.js';
import { MAX_FUNCTION_TIMEOUT_MS, resolveFunctionTimeout } from './resolve-function-settings.js';
import { type RouteTable, resolveRoutes } from './resolve-routes.js';
import { resolveStageVariables, STAGE_NAME } from './resolve-stage-variables.js';

/** Gateway settings with every default filled in. */
export interface ResolvedGateway {
  apiType: ApiType;
  stageName: string;
  stageVariables: Readonly<Record<string, string>> | null;
  apiId: string;
  region: string;
  accountId: string;
  /** `{apiId}.execute-api.{region}.amazonaws.com`, the host of relative URLs. */
  domainName: string;
  deploymentId: string;
  binaryMediaTypes: readonly string[];
  clock: Clock;
  ids: IdSource;
  table: RouteTable;
  /** REST customised gateway responses (`gatewayResponses`); `undefined` when none. */
  gatewayResponses: GatewayResponses | undefined;
  /** Credentials for signing calls to AWS-compatible endpoints. */
  awsCredentials: AwsCredentials;
  /** Lambda functions named by ARN in integration `uri`s and authorizer `authorizerUri`s (`functions`). */
  functions: FunctionTable;
  /** Requests that did not come through a custom domain are refused (`disableExecuteApiEndpoint`). */
  disableExecuteApiEndpoint: boolean;
  /** REST `EDGE` endpoint: CloudFront's headers are added to execute-api requests. */
  edge: boolean;
}

const KNOWN = [
  'apiType',
  'routes',
  'stage',
  'apiId',
  'region',
  'accountId',
  'clock',
  'seed',
  'binaryMediaTypes',
  'functionTimeoutMs',
  'allowRaisedIntegrationTimeout',
  'throttle',
  'apiKeys',
  'usagePlans',
  'cache',
  'accessLog',
  'fetch',
  'models',
  'requestValidators',
  'gatewayResponses',
  'services',
  'awsEndpoint',
  'awsCredentials',
  'authorizers',
  'apiKeySource',
  'policy',
  'corsConfiguration',
  'identityProviders',
  'accessDeniedWording',
  'functions',
  'endpointConfiguration',
  'disableExecuteApiEndpoint',
  'name',
  'description',
  'version',
] as const;
const STAGE_KEYS = ['name', 'variables'] as const;

/** The first checks of any gateway options: an object, no unsimulated feature, no API-level option misplaced. */
export function refuseMisusedOptions(options: GatewayOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTIONS',
      'createGateway: options must be an object',
      `Call createGateway({ routes: { 'GET /pets': handler } }).`,
    );
  }
  refuseUnsupportedAnywhere(options);
  refuseMisplacedApiOptions(options);
}

/** Validates {@link GatewayOptions} (unknown options and unsimulated features are refused) and fills defaults. */
export function resolveOptions(options: GatewayOptions): ResolvedGateway {
  refuseMisusedOptions(options);
  assertKnownOptions('createGateway', options, KNOWN);
  const apiType = checkApiType(options.apiType ?? 'REST');
  if (apiType === 'REST' && options.corsConfiguration !== undefined) {
    throw new GatewayConfigError(
      'GATEWAY_HTTP_ONLY',
      'createGateway: corsConfiguration is HTTP API built-in CORS; REST APIs have none',
      "Use apiType: 'HTTP', or enable CORS the REST way: enableCors(routes) adds the OPTIONS MOCK the console writes (docs/cors.md).",
      { option: 'corsConfiguration' },
    );
  }
  if (apiType === 'HTTP') {
    for (const name of [
      'apiKeys',
      'usagePlans',
      'cache',
      'binaryMediaTypes',
      'models',
      'requestValidators',
      'gatewayResponses',
      'apiKeySource',
      'policy',
    ] as const satisfies readonly (keyof GatewayOptions)[]) {
      if (options[name] !== undefined) {
        throw new GatewayConfigError(
          'GATEWAY_REST_ONLY',
          `createGateway: ${name} is not available on HTTP APIs`,
          `Remove ${name}, or use apiType: 'REST'.`,
          { option: name },
        );
      }
    }
  }
  const stage = options.stage ?? {};
  if (typeof stage === 'object' && stage !== null) refuseStageSettings(stage);
  assertKnownOptions('createGateway: stage', stage, STAGE_KEYS);
  const stageName = stage.name ?? (apiType === 'REST' ? 'dev' : '$default');
  if (!(STAGE_NAME.test(stageName) || (apiType === 'HTTP' && stageName === '$default'))) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_STAGE',
      `createGateway: invalid stage name ${JSON.stringify(stageName)}`,
      `Use 1–128 letters, digits, "-" or "_"${apiType === 'HTTP' ? ", or '$default'" : ''}.`,
    );
  }
  const { ids, apiId, region, accountId, clock } = resolveApiIdentity(options);
  const binaryMediaTypes = options.binaryMediaTypes ?? [];
  if (
    !Array.isArray(binaryMediaTypes) ||
    binaryMediaTypes.some((t) => typeof t !== 'string' || !t.includes('/'))
  ) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      'createGateway: binaryMediaTypes must be media types like "image/png" or "application/*"',
      'Pass an array of type/subtype strings.',
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      'createGateway: fetch must be a function with the signature of the global fetch',
      'Pass globalThis.fetch, a test double, or leave it out.',
    );
  }
  const aws = resolveAwsBackends(options);
  let models: ReadonlyMap<string, ModelValidator> | undefined;
  const methodRequests = {
    validators: resolveRequestValidators(options.requestValidators),
    // ajv is loaded only when a model is defined or named.
    models: () => (models ??= resolveModels(options.models, apiId)),
  };
  if (options.models !== undefined) methodRequests.models();
  const stageVariables = resolveStageVariables(stage.variables);
  const functions = resolveFunctions(options.functions);
  const defaults = {
    aws,
    functions,
    stageVariables,
    apiType,
    functionTimeoutMs: resolveFunctionTimeout(
      'createGateway: functionTimeoutMs',
      options.functionTimeoutMs ?? MAX_FUNCTION_TIMEOUT_MS,
    ),
    allowRaisedIntegrationTimeout: options.allowRaisedIntegrationTimeout === true,
  };
  return {
    apiType,
    stageName,
    stageVariables,
    apiId,
    region,
    accountId,
    domainName: `${apiId}.execute-api.${region}.amazonaws.com`,
    deploymentId: ids.alphanumeric(6),
    binaryMediaTypes,
    clock,
    ids,
    table: resolveRoutes(options.routes, defaults, ids, methodRequests),
    gatewayResponses: resolveGatewayResponses(options.gatewayResponses),
    awsCredentials: aws.credentials,
    functions,
    ...resolveEndpoint(options, apiType),
  };
}

/** `endpointConfiguration` and `disableExecuteApiEndpoint` (behaviour.md §19.2, §19.3). */
function resolveEndpoint(
  options: GatewayOptions,
  apiType: ApiType,
): { disableExecuteApiEndpoint: boolean; edge: boolean } {
  const disabled = options.disableExecuteApiEndpoint ?? false;
  if (typeof disabled !== 'boolean') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      `createGateway: disableExecuteApiEndpoint must be a boolean, got ${JSON.stringify(disabled)}`,
      'Pass true to reach the API only through custom domain names.',
    );
  }
  const types = options.endpointConfiguration?.types ?? [];
  const allowed = apiType === 'REST' ? ['EDGE', 'REGIONAL'] : ['REGIONAL'];
  if (!Array.isArray(types) || types.length > 1 || types.some((t) => !allowed.includes(t))) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      `createGateway: endpointConfiguration.types ${JSON.stringify(types)} is not one endpoint type of a${apiType === 'REST' ? ' REST' : 'n HTTP'} API`,
      apiType === 'REST'
        ? "Use ['EDGE'] or ['REGIONAL'] (private APIs are not simulated)."
        : "HTTP APIs are regional: use ['REGIONAL'] or leave it out.",
      { option: 'endpointConfiguration' },
    );
  }
  for (const key of ['name', 'description', 'version'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'string') {
      throw new GatewayConfigError(
        'GATEWAY_INVALID_OPTION',
        `createGateway: ${key} must be a string`,
        `Give the API's ${key} as text.`,
      );
    }
  }
  return { disableExecuteApiEndpoint: disabled, edge: types[0] === 'EDGE' };
}

/** `apiType` of a REST or HTTP gateway (WebSocket options never get here), or `GATEWAY_INVALID_API_TYPE`. */
export function checkApiType(apiType: unknown): ApiType {
  if (apiType !== 'REST' && apiType !== 'HTTP') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_API_TYPE',
      `createGateway: apiType must be 'REST', 'HTTP' or 'WEBSOCKET', got ${JSON.stringify(apiType)}`,
      "Use 'REST' (API Gateway v1), 'HTTP' (v2) or 'WEBSOCKET' (with routeSelectionExpression).",
    );
  }
  return apiType;
}

/** The API's identity and per-gateway sources, shared by every API type. */
export interface ApiIdentity {
  ids: IdSource;
  apiId: string;
  region: string;
  accountId: string;
  clock: Clock;
}

/** Validates `seed`, `apiId`, `region`, `accountId` and `clock` and fills their defaults. */
export function resolveApiIdentity(options: {
  seed?: string | number;
  apiId?: string;
  region?: string;
  accountId?: string;
  clock?: Clock;
}): ApiIdentity {
  const ids = createIdSource({ seed: options.seed ?? 'apigw-testkit' });
  const apiId = options.apiId ?? 'abcd1234ef';
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  checkString('apiId', apiId, /^[a-z0-9]{1,64}$/, 'lowercase letters and digits, e.g. abcd1234ef');
  checkString('region', region, /^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS Region such as us-east-1');
  checkString('accountId', accountId, /^\d{12}$/, '12 digits');
  const clock = options.clock ?? systemClock;
  if (!isClock(clock)) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      'createGateway: clock must implement now(), setTimeout() and clearTimeout()',
      'Pass systemClock or createManualClock() from apigw-testkit/clock.',
    );
  }
  return { ids, apiId, region, accountId, clock };
}

/** Throws `GATEWAY_INVALID_OPTION` unless `value` is a string matching `pattern`. */
export function checkString(name: string, value: unknown, pattern: RegExp, expected: string): void {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      `createGateway: ${name} ${JSON.stringify(value)} is not valid`,
      `Use ${expected}.`,
    );
  }
}
