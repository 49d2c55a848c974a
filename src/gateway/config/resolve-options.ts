import { type Clock, systemClock } from '../../clock/clock.js';
import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { createIdSource, type IdSource } from '../../ids/ids.js';
import type { ApiType, GatewayOptions } from '../types.js';
import { refuseStageSettings } from './misplaced-options.js';
import { refuseUnsupportedAnywhere } from './refusals.js';
import { MAX_FUNCTION_TIMEOUT_MS, resolveFunctionTimeout } from './resolve-integration.js';
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
] as const;
const STAGE_KEYS = ['name', 'variables'] as const;
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
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
  assertKnownOptions('createGateway', options, KNOWN);
  const apiType = options.apiType ?? 'REST';
  if (apiType !== 'REST' && apiType !== 'HTTP') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_API_TYPE',
      `createGateway: apiType must be 'REST' or 'HTTP', got ${JSON.stringify(apiType)}`,
      "Use 'REST' (API Gateway v1) or 'HTTP' (v2). WebSocket APIs are not simulated by createGateway.",
    );
  }
  if (apiType === 'HTTP') {
    for (const name of ['apiKeys', 'usagePlans', 'cache', 'binaryMediaTypes'] as const) {
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
  const seed = options.seed ?? 'apigw-testkit';
  const ids = createIdSource({ seed });
  const apiId = options.apiId ?? 'abcd1234ef';
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  checkString('apiId', apiId, /^[a-z0-9]{1,64}$/, 'lowercase letters and digits, e.g. abcd1234ef');
  checkString('region', region, /^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS Region such as us-east-1');
  checkString('accountId', accountId, /^\d{12}$/, '12 digits');
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
  const clock = options.clock ?? systemClock;
  if (typeof clock.now !== 'function' || typeof clock.setTimeout !== 'function') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      'createGateway: clock must implement now(), setTimeout() and clearTimeout()',
      'Pass systemClock or createManualClock() from apigw-testkit/clock.',
    );
  }
  const defaults = {
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
    table: resolveRoutes(options.routes, defaults, ids),
  };
}

function resolveStageVariables(variables: unknown): Record<string, string> | null {
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

function checkString(name: string, value: unknown, pattern: RegExp, expected: string): void {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_OPTION',
      `createGateway: ${name} ${JSON.stringify(value)} is not valid`,
      `Use ${expected}.`,
    );
  }
}
