import { type Clock, systemClock } from '../../clock/clock.js';
import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { createIdSource, type IdSource } from '../../ids/ids.js';
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
] as const;
const STAGE_KEYS = ['name', 'variables'] as const;
/** Stage names API Gateway accepts (1–128 letters, digits, `-`, `_`). */
export const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const VARIABLE_NAME = /^[A-Za-z0-9_]{1,64}$/;
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]{1,512}$/;
/** Stage variables per stage (behaviour.md §14; a fixed quota for REST and HTTP APIs). */
export const MAX_STAGE_VARIABLES = 100;

/** Validates {@link GatewayOptions} (unknown options and unsimulated features are refused) and fills defaults. */
export function resolveOptions(options: GatewayOptions): ResolvedGateway {
  if (typeof options !== 'object' || options === null) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTIONS',
      'createGateway: options must be an object',
      `Call createGateway({ routes: { 'GET /pets': handler } }).`,
    );
  }
  refuseUnsupportedAnywhere(options);
  refuseMisplacedApiOptions(options);
  assertKnownOptions('createGateway', options, KNOWN);
  const apiType = options.apiType ?? 'REST';
  if (apiType !== 'REST' && apiType !== 'HTTP') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_API_TYPE',
      `createGateway: apiType must be 'REST', 'HTTP' or 'WEBSOCKET', got ${JSON.stringify(apiType)}`,
      "Use 'REST' (API Gateway v1), 'HTTP' (v2) or 'WEBSOCKET' (with routeSelectionExpression).",
    );
  }
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
  const defaults = {
    aws,
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
    stageVariables: resolveStageVariables(stage.variables),
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
  };
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
  if (typeof clock.now !== 'function' || typeof clock.setTimeout !== 'function') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      'createGateway: clock must implement now(), setTimeout() and clearTimeout()',
      'Pass systemClock or createManualClock() from apigw-testkit/clock.',
    );
  }
  return { ids, apiId, region, accountId, clock };
}

/** Validates stage variables as AWS does (names, values, at most 100); `null` when there are none. */
export function resolveStageVariables(variables: unknown): Record<string, string> | null {
  if (variables === undefined) return null;
  if (typeof variables !== 'object' || variables === null) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_STAGE_VARIABLES',
      'createGateway: stage.variables must be an object of strings',
      "Write stage: { variables: { table: 'pets-dev' } }.",
    );
  }
  const entries = Object.entries(variables);
  if (entries.length > MAX_STAGE_VARIABLES) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_STAGE_VARIABLES',
      `createGateway: stage.variables has ${entries.length} variables`,
      `A stage holds at most ${MAX_STAGE_VARIABLES} stage variables (AWS quota); remove ${entries.length - MAX_STAGE_VARIABLES}.`,
      { count: entries.length, limit: MAX_STAGE_VARIABLES },
    );
  }
  for (const [name, value] of entries) {
    if (!VARIABLE_NAME.test(name) || typeof value !== 'string' || !VARIABLE_VALUE.test(value)) {
      throw new GatewayConfigError(
        'GATEWAY_INVALID_STAGE_VARIABLES',
        `createGateway: invalid stage variable ${JSON.stringify(name)} = ${JSON.stringify(value)}`,
        'Names are letters, digits and "_" (≤64); values match [A-Za-z0-9-._~:/?#&=,]+ (≤512), as AWS requires.',
        { name },
      );
    }
  }
  return entries.length === 0 ? null : { ...(variables as Record<string, string>) };
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
