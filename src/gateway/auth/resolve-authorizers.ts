import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import type { IdSource } from '../../ids/ids.js';
import { javaRegex } from '../../vtl/java/regex.js';
import { resolveFunctionTimeout } from '../config/resolve-integration.js';
import type { ApiType, LambdaHandler } from '../types.js';
import type { CompiledAuthorizer } from './compiled-auth.js';
import { parseIdentitySources } from './identity-sources.js';

/** Authorizers per API (behaviour.md §14). */
export const MAX_AUTHORIZERS = 10;
/** Longest authorizer result TTL, seconds (behaviour.md §2.4). */
export const MAX_AUTHORIZER_TTL_SECONDS = 3600;

const LAMBDA_KEYS = [
  'type',
  'handler',
  'identitySource',
  'authorizerResultTtlInSeconds',
  'functionName',
  'functionTimeoutMs',
];
const KEYS: Readonly<Record<string, readonly string[]>> = {
  TOKEN: [...LAMBDA_KEYS, 'identityValidationExpression'],
  REQUEST: [...LAMBDA_KEYS, 'authorizerPayloadFormatVersion', 'enableSimpleResponses'],
  COGNITO_USER_POOLS: ['type', 'providerARNs', 'identitySource', 'identityValidationExpression'],
  JWT: ['type', 'identitySource', 'jwtConfiguration'],
};
const TYPES: Readonly<Record<ApiType, readonly string[]>> = {
  REST: ['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'],
  HTTP: ['REQUEST', 'JWT'],
};
const USER_POOL =
  /^arn:aws[a-z-]*:cognito-idp:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):userpool\/([\w-]+_[0-9a-zA-Z]+)$/;

/**
 * Validates the gateway's `authorizers` (CreateAuthorizer's fields, behaviour.md §2, §18) and compiles them.
 * What AWS refuses is a `GatewayConfigError` naming the authorizer and the field.
 */
export function resolveAuthorizers(
  value: unknown,
  apiType: ApiType,
  ids: IdSource,
  functionTimeoutMs: number,
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
    assertKnownOptions(where, config, KEYS[type]!);
    const id = ids.alphanumeric(6);
    out.set(
      name,
      type === 'JWT' || type === 'COGNITO_USER_POOLS'
        ? jwtAuthorizer(where, name, id, type, config, apiType)
        : lambdaAuthorizer(where, name, id, type as 'TOKEN' | 'REQUEST', config, apiType, functionTimeoutMs),
    );
  }
  return out;
}

function lambdaAuthorizer(
  where: string,
  name: string,
  id: string,
  type: 'TOKEN' | 'REQUEST',
  config: Record<string, unknown>,
  apiType: ApiType,
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
  const ttl = config.authorizerResultTtlInSeconds ?? (http ? 0 : 300);
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
    handler: config.handler as LambdaHandler,
    identity,
    validation: expression === undefined ? undefined : validation(where, expression),
    ttlMs: ttl * 1000,
    functionName,
    functionTimeoutMs: resolveFunctionTimeout(
      `${where}.functionTimeoutMs`,
      config.functionTimeoutMs ?? functionTimeoutMs,
    ),
  };
}

function jwtAuthorizer(
  where: string,
  name: string,
  id: string,
  type: 'JWT' | 'COGNITO_USER_POOLS',
  config: Record<string, unknown>,
  apiType: ApiType,
): CompiledAuthorizer {
  const fallback =
    apiType === 'REST' ? 'method.request.header.Authorization' : ['$request.header.Authorization'];
  const identity = parseIdentitySources(
    `${where}.identitySource`,
    config.identitySource ?? fallback,
    apiType,
  );
  if (identity.length !== 1)
    throw bad(where, 'needs exactly one identity source', `Use ${JSON.stringify(fallback)}.`);
  if (type === 'COGNITO_USER_POOLS') {
    const arns = config.providerARNs;
    if (!Array.isArray(arns) || arns.length === 0)
      throw bad(
        where,
        'has no providerARNs',
        'List the user-pool ARNs: arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}.',
      );
    const issuers = arns.map((arn) => {
      const match = typeof arn === 'string' ? USER_POOL.exec(arn) : null;
      if (!match)
        throw bad(
          where,
          `providerARNs entry ${JSON.stringify(arn)} is not a user-pool ARN`,
          'Write arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123.',
        );
      return `https://cognito-idp.${match[1]}.amazonaws.com/${match[3]}`;
    });
    const expression = config.identityValidationExpression;
    return {
      kind: 'jwt',
      name,
      id,
      type,
      identity: identity[0]!,
      issuers,
      audience: [],
      validation: expression === undefined ? undefined : validation(where, expression),
    };
  }
  const jwt = config.jwtConfiguration as Record<string, unknown> | undefined;
  if (typeof jwt !== 'object' || jwt === null)
    throw bad(
      where,
      'has no jwtConfiguration',
      "Add jwtConfiguration: { issuer: 'https://…', audience: ['client-id'] }.",
    );
  assertKnownOptions(`${where}.jwtConfiguration`, jwt, ['issuer', 'audience']);
  const issuer = jwt.issuer;
  if (typeof issuer !== 'string' || !/^https:\/\/[^/\s]+/.test(issuer)) {
    throw bad(
      where,
      `jwtConfiguration.issuer ${JSON.stringify(issuer)} is not an https URL`,
      'Give the issuer URL exactly as the tokens\' "iss" claim has it (AWS requires one).',
    );
  }
  const audience = jwt.audience;
  if (
    !Array.isArray(audience) ||
    audience.length === 0 ||
    audience.some((a) => typeof a !== 'string' || a === '')
  ) {
    throw bad(
      where,
      `jwtConfiguration.audience ${JSON.stringify(audience)} is not a list of audiences`,
      'Give at least one audience (an app client id); AWS requires it.',
    );
  }
  return {
    kind: 'jwt',
    name,
    id,
    type,
    identity: identity[0]!,
    issuers: [issuer],
    audience: [...audience],
    validation: undefined,
  };
}

function validation(where: string, expression: unknown): (value: string) => boolean {
  if (typeof expression !== 'string' || expression === '')
    throw bad(
      where,
      'identityValidationExpression must be a non-empty regex',
      'Give a regex such as ^Bearer [-0-9a-zA-Z._]+$.',
    );
  try {
    // AWS matches the whole value (Java `matches()`), in Java regex syntax.
    const java = javaRegex(expression);
    const re = new RegExp(`^(?:${java.source})$`, java.flags);
    return (value) => re.test(value);
  } catch (error) {
    throw bad(
      where,
      `identityValidationExpression ${JSON.stringify(expression)} is not a valid regex: ${(error as Error).message}`,
      'Fix the regex.',
    );
  }
}

function bad(where: string, what: string, fix: string): GatewayConfigError {
  return new GatewayConfigError('GATEWAY_INVALID_AUTHORIZER', `${where}: ${what}`, fix);
}
