import { assertKnownOptions } from '../../errors/families.js';
import type { IdSource } from '../../ids/ids.js';
import { resolveFunctionTimeout } from '../config/resolve-function-settings.js';
import type { FunctionHandler } from '../functions/function-options.js';
import { type FunctionTable, resolveLambdaUri } from '../functions/resolve-functions.js';
import { invalidAuthorizer as bad, identityValidation } from './authorizer-checks.js';
import type { AuthApiType, CompiledAuthorizer } from './compiled-auth.js';
import { parseIdentitySources } from './identity-sources.js';
import { jwtAuthorizer } from './resolve-jwt-authorizer.js';

/** Authorizers per API (behaviour.md §14). */
export const MAX_AUTHORIZERS = 10;
/** Longest authorizer result TTL, seconds (behaviour.md §2.4). */
export const MAX_AUTHORIZER_TTL_SECONDS = 3600;

const LAMBDA_KEYS = [
  'type',
  'handler',
  'authorizerUri',
  'identitySource',
  'authorizerResultTtlInSeconds',
  'functionName',
  'functionTimeoutMs',
  'authType',
];
const KEYS: Readonly<Record<string, readonly string[]>> = {
  TOKEN: [...LAMBDA_KEYS, 'identityValidationExpression'],
  REQUEST: [...LAMBDA_KEYS, 'authorizerPayloadFormatVersion', 'enableSimpleResponses'],
  COGNITO_USER_POOLS: ['type', 'providerARNs', 'identitySource', 'identityValidationExpression', 'authType'],
  JWT: ['type', 'identitySource', 'jwtConfiguration', 'authType'],
};
const TYPES: Readonly<Record<AuthApiType, readonly string[]>> = {
  REST: ['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'],
  HTTP: ['REQUEST', 'JWT'],
  WEBSOCKET: ['REQUEST'],
};
const WEBSOCKET_KEYS = ['type', 'handler', 'identitySource', 'functionName', 'functionTimeoutMs'];
/** Fields of `CreateAuthorizer` that WebSocket APIs refuse, and why. */
const NOT_WEBSOCKET: Readonly<Record<string, string>> = {
  authorizerResultTtlInSeconds:
    'AWS refuses it ("AuthorizerResultTtlInSeconds cannot be set for WEBSOCKET protocol Apis"): $connect authorizer results are not cached. Remove it.',
  authorizerPayloadFormatVersion:
    'It belongs to HTTP API Lambda authorizers; a WebSocket authorizer always gets the $connect REQUEST event. Remove it.',
  enableSimpleResponses:
    'Simple responses exist only for HTTP API authorizers (payload 2.0); a WebSocket authorizer returns an IAM policy. Remove it.',
  identityValidationExpression:
    'It applies to REST TOKEN and Cognito authorizers only. Remove it, or check the value in the function.',
};
/**
 * Validates the gateway's `authorizers` (CreateAuthorizer's fields, behaviour.md §2, §18) and compiles them.
 * What AWS refuses is a `GatewayConfigError` naming the authorizer and the field.
 */
export function resolveAuthorizers(
  value: unknown,
  apiType: AuthApiType,
  ids: IdSource,
  functionTimeoutMs: number,
  lambda: AuthorizerFunctionsEnv = NO_FUNCTIONS,
): Map<string, CompiledAuthorizer> {
  const out = new Map<string, CompiledAuthorizer>();
  if (value === undefined) return out;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad(
      'createGateway: authorizers',
      'must be an object keyed by authorizer name',
      "Write authorizers: { TokenAuth: { type: 'TOKEN', handler } }.",
    );
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_AUTHORIZERS) {
    throw bad(
      'createGateway: authorizers',
      `has ${entries.length} authorizers`,
      `An API holds at most ${MAX_AUTHORIZERS} authorizers (AWS quota).`,
    );
  }
  for (const [name, raw] of entries) {
    const where = `createGateway: authorizers.${name}`;
    if (typeof raw !== 'object' || raw === null)
      throw bad(where, 'must be an authorizer object', "Write { type: 'TOKEN', handler }.");
    const config = raw as Record<string, unknown>;
    const type = config.type;
    if (typeof type !== 'string' || !TYPES[apiType].includes(type)) {
      throw bad(
        where,
        `type ${JSON.stringify(type)} is not an ${apiType} API authorizer type`,
        `Use one of ${TYPES[apiType].join(', ')}.`,
      );
    }
    if (apiType === 'WEBSOCKET') {
      for (const key of Object.keys(NOT_WEBSOCKET)) {
        if (config[key] !== undefined)
          throw bad(where, `${key} is not a field of WebSocket API authorizers`, NOT_WEBSOCKET[key]!);
      }
    }
    assertKnownOptions(where, config, apiType === 'WEBSOCKET' ? WEBSOCKET_KEYS : KEYS[type]!);
    const id = ids.alphanumeric(6);
    out.set(
      name,
      type === 'JWT' || type === 'COGNITO_USER_POOLS'
        ? jwtAuthorizer(where, name, id, type, config, apiType)
        : lambdaAuthorizer(
            where,
            name,
            id,
            type as 'TOKEN' | 'REQUEST',
            withFunction(where, config, lambda),
            apiType,
            functionTimeoutMs,
          ),
    );
  }
  return out;
}

/** The functions `authorizerUri`s name and the stage's variables. */
export interface AuthorizerFunctionsEnv {
  functions: FunctionTable;
  stageVariables: Readonly<Record<string, string>> | null;
}
const NO_FUNCTIONS: AuthorizerFunctionsEnv = { functions: new Map(), stageVariables: null };

/**
 * A Lambda authorizer named by `authorizerUri` gets its function from `functions`: the handler, and the name, timeout
 * and qualifier its context reports. A stage-variable ARN the stage cannot satisfy runs a function that fails, which
 * API Gateway answers with 500 (`AUTHORIZER_CONFIGURATION_ERROR`), as for a missing function on AWS.
 */
function withFunction(
  where: string,
  config: Record<string, unknown>,
  env: AuthorizerFunctionsEnv,
): Record<string, unknown> {
  if (config.authorizerUri === undefined) return config;
  const given = config.handler as FunctionHandler | undefined;
  const resolved = resolveLambdaUri(`${where}.authorizerUri`, config.authorizerUri, {
    ...env,
    bareArn: true,
    handler: given,
  });
  if (!resolved.ok) {
    const reason = resolved.reason;
    return {
      ...config,
      handler: () => {
        throw new Error(reason);
      },
    };
  }
  const t = resolved.target;
  return {
    ...config,
    handler: given ?? t.handler,
    functionName: config.functionName ?? t.functionName,
    ...(config.functionTimeoutMs === undefined && t.functionTimeoutMs !== undefined
      ? { functionTimeoutMs: t.functionTimeoutMs }
      : {}),
  };
}

function lambdaAuthorizer(
  where: string,
  name: string,
  id: string,
  type: 'TOKEN' | 'REQUEST',
  config: Record<string, unknown>,
  apiType: AuthApiType,
  functionTimeoutMs: number,
): CompiledAuthorizer {
  if (typeof config.handler !== 'function')
    throw bad(where, 'has no handler function', 'Pass handler: the authorizer Lambda function.');
  const http = apiType === 'HTTP';
  const version = config.authorizerPayloadFormatVersion;
  if (http && version !== '1.0' && version !== '2.0') {
    throw bad(
      where,
      `authorizerPayloadFormatVersion is ${JSON.stringify(version)}`,
      "HTTP API Lambda authorizers require '1.0' or '2.0' (CreateAuthorizer refuses others).",
    );
  }
  const simple = config.enableSimpleResponses ?? false;
  if (typeof simple !== 'boolean')
    throw bad(where, 'enableSimpleResponses must be a boolean', 'Pass true or false.');
  if (simple && version !== '2.0')
    throw bad(
      where,
      'enableSimpleResponses needs authorizerPayloadFormatVersion 2.0',
      "Set authorizerPayloadFormatVersion: '2.0'.",
    );
  const ttl = config.authorizerResultTtlInSeconds ?? (apiType === 'REST' ? 300 : 0);
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > MAX_AUTHORIZER_TTL_SECONDS) {
    throw bad(
      where,
      `authorizerResultTtlInSeconds ${JSON.stringify(ttl)} is out of range`,
      `Use a whole number of seconds from 0 (no caching) to ${MAX_AUTHORIZER_TTL_SECONDS}.`,
    );
  }
  const source =
    config.identitySource ?? (type === 'TOKEN' ? 'method.request.header.Authorization' : undefined);
  const identity =
    source === undefined ? [] : parseIdentitySources(`${where}.identitySource`, source, apiType);
  if (type === 'TOKEN' && (identity.length !== 1 || identity[0]!.kind !== 'header')) {
    throw bad(
      where,
      `identitySource ${JSON.stringify(source)} is not one header`,
      'A TOKEN authorizer reads one header: method.request.header.<name>.',
    );
  }
  if (ttl > 0 && identity.length === 0) {
    throw bad(
      where,
      'caches results (authorizerResultTtlInSeconds > 0) but has no identitySource',
      'Name the identity sources that key the cache, or set authorizerResultTtlInSeconds: 0.',
    );
  }
  const expression = config.identityValidationExpression;
  const functionName =
    config.functionName ?? `authorizer-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`.slice(0, 64);
  if (typeof functionName !== 'string' || functionName === '')
    throw bad(
      where,
      'functionName must be a non-empty string',
      'Name the function, or leave functionName out.',
    );
  return {
    kind: 'lambda',
    name,
    id,
    type,
    api: http ? (version === '1.0' ? 'HTTP_1.0' : 'HTTP_2.0') : 'REST',
    simpleResponses: simple,
    handler: config.handler as CompiledAuthorizer & never,
    identity,
    validation: expression === undefined ? undefined : identityValidation(where, expression),
    ttlMs: ttl * 1000,
    functionName,
    functionTimeoutMs: resolveFunctionTimeout(
      `${where}.functionTimeoutMs`,
      config.functionTimeoutMs ?? functionTimeoutMs,
    ),
  };
}
