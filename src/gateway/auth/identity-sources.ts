import { GatewayConfigError } from '../../errors/families.js';
import { rawQueryToV1Maps, rawQueryToV2Map } from '../../events/derive/query-maps.js';
import type { AuthApiType } from './compiled-auth.js';

/** Where one identity-source value comes from. */
export interface IdentitySourceRef {
  kind: 'header' | 'query' | 'stageVariable' | 'context';
  /** Header names lowercased; query, stage-variable and context names as written. */
  name: string;
  /** The expression as configured, for messages. */
  expression: string;
}

/** What identity sources read from a request. */
export interface IdentityRequest {
  headers: readonly (readonly [string, string])[];
  /** Raw query string without `?`. */
  query: string;
  stageVariables: Readonly<Record<string, string>> | null;
  /** `$context` variables by name (`routeKey`, `identity.sourceIp`, …). */
  context(name: string): string | undefined;
}

/** `$context` variables an identity source may name. */
export const IDENTITY_CONTEXT_VARIABLES: readonly string[] = [
  'accountId',
  'apiId',
  'domainName',
  'httpMethod',
  'identity.sourceIp',
  'identity.userAgent',
  'path',
  'protocol',
  'requestId',
  'resourceId',
  'resourcePath',
  'routeKey',
  'stage',
];

const REST_FORMS: readonly [RegExp, IdentitySourceRef['kind']][] = [
  [/^method\.request\.header\.(.+)$/, 'header'],
  [/^method\.request\.querystring\.(.+)$/, 'query'],
  [/^stageVariables\.(.+)$/, 'stageVariable'],
  [/^context\.(.+)$/, 'context'],
];
/** `$context` variables a WebSocket `$connect` identity source may name (behaviour.md §12.4). */
export const WEBSOCKET_IDENTITY_CONTEXT_VARIABLES: readonly string[] = [
  'apiId',
  'connectedAt',
  'connectionId',
  'domainName',
  'eventType',
  'extendedRequestId',
  'identity.sourceIp',
  'identity.userAgent',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'routeKey',
  'stage',
];

const WEBSOCKET_FORMS: readonly [RegExp, IdentitySourceRef['kind']][] = [
  [/^route\.request\.header\.(.+)$/, 'header'],
  [/^route\.request\.querystring\.(.+)$/, 'query'],
  [/^stageVariables\.(.+)$/, 'stageVariable'],
  [/^context\.(.+)$/, 'context'],
];
const HTTP_FORMS: readonly [RegExp, IdentitySourceRef['kind']][] = [
  [/^\$request\.header\.(.+)$/, 'header'],
  [/^\$request\.querystring\.(.+)$/, 'query'],
  [/^\$stageVariables\.(.+)$/, 'stageVariable'],
  [/^\$context\.(.+)$/, 'context'],
];

const FORMS: Readonly<Record<AuthApiType, readonly [RegExp, IdentitySourceRef['kind']][]>> = {
  REST: REST_FORMS,
  HTTP: HTTP_FORMS,
  WEBSOCKET: WEBSOCKET_FORMS,
};
const CONTEXT_VARIABLES: Readonly<Record<AuthApiType, readonly string[]>> = {
  REST: IDENTITY_CONTEXT_VARIABLES,
  HTTP: IDENTITY_CONTEXT_VARIABLES,
  WEBSOCKET: WEBSOCKET_IDENTITY_CONTEXT_VARIABLES,
};
const EXPECTED: Readonly<Record<AuthApiType, string>> = {
  REST: 'method.request.header.<name>, method.request.querystring.<name>, stageVariables.<name> or context.<name>',
  HTTP: '$request.header.<name>, $request.querystring.<name>, $stageVariables.<name> or $context.<name>',
  WEBSOCKET:
    'route.request.header.<name>, route.request.querystring.<name>, stageVariables.<name> or context.<name>',
};

/**
 * Parses identity sources (behaviour.md §2.4): REST takes one comma-separated string of mapping expressions
 * (`method.request.header.Auth, method.request.querystring.token, stageVariables.x, context.x`); HTTP APIs take an
 * array of selection expressions (`$request.header.Authorization`, `$request.querystring.q`, `$context.x`,
 * `$stageVariables.x`); WebSocket APIs an array of mapping expressions (`route.request.header.Auth`,
 * `route.request.querystring.token`, `stageVariables.x`, `context.x`). Anything else is a
 * `GATEWAY_INVALID_AUTHORIZER`.
 */
export function parseIdentitySources(
  where: string,
  value: unknown,
  apiType: AuthApiType,
): IdentitySourceRef[] {
  let list: unknown[];
  if (apiType === 'REST') {
    if (typeof value !== 'string')
      throw invalid(where, value, 'a comma-separated string of mapping expressions');
    list = value.split(',').map((part) => part.trim());
  } else {
    if (!Array.isArray(value))
      throw invalid(
        where,
        value,
        `an array of ${apiType === 'HTTP' ? 'selection' : 'mapping'} expressions (${EXPECTED[apiType]})`,
      );
    list = value;
  }
  const forms = FORMS[apiType];
  const contextVariables = CONTEXT_VARIABLES[apiType];
  return list.map((item) => {
    const expression = typeof item === 'string' ? item : '';
    for (const [re, kind] of forms) {
      const name = re.exec(expression)?.[1];
      if (name === undefined) continue;
      if (kind === 'context' && !contextVariables.includes(name)) {
        throw invalid(
          where,
          item,
          `a $context variable this simulator knows (${contextVariables.join(', ')})`,
        );
      }
      return { kind, name: kind === 'header' ? name.toLowerCase() : name, expression };
    }
    throw invalid(where, item, EXPECTED[apiType]);
  });
}

/**
 * The values of the identity sources for a request, in order, or `undefined` when one is missing or empty
 * (API Gateway then answers 401 without invoking the authorizer). REST (and WebSocket, UNCONFIRMED) reads the first
 * header line and the last value of a repeated query key; HTTP APIs join repeated headers and query values with
 * commas.
 */
export function readIdentity(
  refs: readonly IdentitySourceRef[],
  request: IdentityRequest,
  apiType: AuthApiType,
): string[] | undefined {
  const values: string[] = [];
  let query: Record<string, string> | null | undefined;
  for (const ref of refs) {
    let value: string | undefined;
    if (ref.kind === 'header') value = header(request.headers, ref.name, apiType === 'HTTP');
    else if (ref.kind === 'stageVariable') value = request.stageVariables?.[ref.name];
    else if (ref.kind === 'context') value = request.context(ref.name);
    else {
      if (query === undefined) {
        query =
          request.query === ''
            ? null
            : apiType === 'HTTP'
              ? (rawQueryToV2Map(request.query) ?? null)
              : rawQueryToV1Maps(request.query, true).single;
      }
      value = query && Object.hasOwn(query, ref.name) ? query[ref.name] : undefined;
    }
    if (value === undefined || value === '') return undefined;
    values.push(value);
  }
  return values;
}

function header(headers: IdentityRequest['headers'], lower: string, join: boolean): string | undefined {
  let found: string | undefined;
  for (const [name, value] of headers) {
    if (name.length !== lower.length || name.toLowerCase() !== lower) continue;
    if (!join) return value;
    found = found === undefined ? value : `${found},${value}`;
  }
  return found;
}

function invalid(where: string, value: unknown, expected: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_AUTHORIZER',
    `${where}: identitySource ${JSON.stringify(value)} is not valid`,
    `Use ${expected}.`,
  );
}
