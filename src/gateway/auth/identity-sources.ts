import { GatewayConfigError } from '../../errors/families.js';
import { rawQueryToV1Maps, rawQueryToV2Map } from '../../events/derive/query-maps.js';
import type { ApiType } from '../types.js';

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
const HTTP_FORMS: readonly [RegExp, IdentitySourceRef['kind']][] = [
  [/^\$request\.header\.(.+)$/, 'header'],
  [/^\$request\.querystring\.(.+)$/, 'query'],
  [/^\$stageVariables\.(.+)$/, 'stageVariable'],
  [/^\$context\.(.+)$/, 'context'],
];

/**
 * Parses identity sources (behaviour.md §2.4): REST takes one comma-separated string of mapping expressions
 * (`method.request.header.Auth, method.request.querystring.token, stageVariables.x, context.x`); HTTP APIs take an
 * array of selection expressions (`$request.header.Authorization`, `$request.querystring.q`, `$context.x`,
 * `$stageVariables.x`). Anything else is a `GATEWAY_INVALID_AUTHORIZER`.
 */
export function parseIdentitySources(where: string, value: unknown, apiType: ApiType): IdentitySourceRef[] {
  let list: unknown[];
  if (apiType === 'REST') {
    if (typeof value !== 'string')
      throw invalid(where, value, 'a comma-separated string of mapping expressions');
    list = value.split(',').map((part) => part.trim());
  } else {
    if (!Array.isArray(value)) throw invalid(where, value, 'an array of selection expressions');
    list = value;
  }
  const forms = apiType === 'REST' ? REST_FORMS : HTTP_FORMS;
  return list.map((item) => {
    const expression = typeof item === 'string' ? item : '';
    for (const [re, kind] of forms) {
      const name = re.exec(expression)?.[1];
      if (name === undefined) continue;
      if (kind === 'context' && !IDENTITY_CONTEXT_VARIABLES.includes(name)) {
        throw invalid(
          where,
          item,
          `a $context variable this simulator knows (${IDENTITY_CONTEXT_VARIABLES.join(', ')})`,
        );
      }
      return { kind, name: kind === 'header' ? name.toLowerCase() : name, expression };
    }
    throw invalid(
      where,
      item,
      apiType === 'REST'
        ? 'method.request.header.<name>, method.request.querystring.<name>, stageVariables.<name> or context.<name>'
        : '$request.header.<name>, $request.querystring.<name>, $stageVariables.<name> or $context.<name>',
    );
  });
}

/**
 * The values of the identity sources for a request, in order, or `undefined` when one is missing or empty
 * (API Gateway then answers 401 without invoking the authorizer). REST reads the first header line and the last
 * value of a repeated query key; HTTP APIs join repeated headers and query values with commas.
 */
export function readIdentity(
  refs: readonly IdentitySourceRef[],
  request: IdentityRequest,
  apiType: ApiType,
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
            : apiType === 'REST'
              ? rawQueryToV1Maps(request.query, true).single
              : (rawQueryToV2Map(request.query) ?? null);
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
