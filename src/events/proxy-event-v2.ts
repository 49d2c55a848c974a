import type {
  APIGatewayEventRequestContextV2,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2WithLambdaAuthorizer,
} from 'aws-lambda';
import { EventInputError } from '../errors/families.js';
import { authorizerV2, type ProxyEventV2AuthorizerInput } from './derive/authorizer-v2.js';
import { isBinaryForHttpApi } from './derive/body.js';
import { domainPrefixOf } from './derive/constants.js';
import { addRequestGatewayEntries } from './derive/header-maps.js';
import { type HeaderList, toV2HeaderMap } from './derive/headers.js';
import { jsonOption } from './derive/json-value.js';
import { knownOptions } from './derive/known-options.js';
import { type DeepPartial, mergeDeep } from './derive/merge.js';
import { toV2QueryMap } from './derive/query.js';
import { HTTP_OPTION_KEYS, type HttpEventOptions, resolveRequest } from './derive/request.js';
import { decodePath, parseRouteKey } from './derive/route-key.js';
import { setEntry } from './derive/safe-record.js';
import { formatRequestTime } from './derive/time.js';
import { resolveResource } from './resolve-resource.js';

/** Options of {@link buildProxyEventV2}. */
export interface ProxyEventV2Options
  extends Omit<HttpEventOptions, 'binaryMediaTypes' | 'extendedRequestId'> {
  /** Matched route key: `'$default'` (default), `'GET /pets/{id}'`, `'ANY /{proxy+}'`. */
  routeKey?: string;
  /** Path parameters, used to build `path` when it is not given (and checked against it when it is). */
  pathParameters?: Readonly<Record<string, string>>;
  /** `{ jwt: { claims, scopes } }`, `{ lambda: { …context } }` or `{ iam: { … } }`. */
  authorizer?: ProxyEventV2AuthorizerInput;
  /** Deep-partial override applied last; a key set to `undefined` is removed. */
  requestContext?: DeepPartial<APIGatewayEventRequestContextV2> & Record<string, unknown>;
}

/**
 * The `@types/aws-lambda` event type {@link buildProxyEventV2} returns for an `authorizer` option: `{ jwt }` gives
 * `APIGatewayProxyEventV2WithJWTAuthorizer`, `{ lambda: context }` `APIGatewayProxyEventV2WithLambdaAuthorizer<context>`,
 * `{ iam }` `APIGatewayProxyEventV2WithIAMAuthorizer`; none (or an authorizer of unknown kind) `APIGatewayProxyEventV2`.
 *
 * @example
 * ```ts
 * type Event = ProxyEventV2For<{ jwt: { claims: { sub: string } } }>; // APIGatewayProxyEventV2WithJWTAuthorizer
 * ```
 */
export type ProxyEventV2For<A> = [A] extends [{ jwt: unknown }]
  ? APIGatewayProxyEventV2WithJWTAuthorizer
  : [A] extends [{ lambda: infer C }]
    ? APIGatewayProxyEventV2WithLambdaAuthorizer<C>
    : [A] extends [{ iam: unknown }]
      ? APIGatewayProxyEventV2WithIAMAuthorizer
      : APIGatewayProxyEventV2;

/** Option names {@link buildProxyEventV2} accepts. */
export const PROXY_EVENT_V2_OPTION_KEYS: readonly string[] = [
  ...HTTP_OPTION_KEYS.filter((k) => k !== 'binaryMediaTypes' && k !== 'extendedRequestId'),
  'routeKey',
  'pathParameters',
  'authorizer',
  'requestContext',
];
const WHERE = 'buildProxyEventV2';
// Payload 2.0 has no multi-value headers; frozen so that a store into it would throw instead of leaking.
const NO_MULTI_VALUES: Record<string, string[]> = Object.freeze({});
const checkOptions = knownOptions(WHERE, PROXY_EVENT_V2_OPTION_KEYS);

/**
 * Builds the event an HTTP API Lambda integration with payload format 2.0 sends: lowercase headers with
 * repeated values joined by `,`, cookies split out of the `Cookie` header into `cookies`, `rawPath` /
 * `rawQueryString`, `routeKey`, and keys that are absent (not `null`) when empty. A named stage prefixes
 * `rawPath`; `$default` does not.
 *
 * @example
 * ```ts
 * const event = buildProxyEventV2({ routeKey: 'GET /pets/{id}', path: '/pets/7', cookies: { s: '1' } });
 * event.pathParameters; // { id: '7' }
 * event.cookies; // ['s=1']
 * event.rawPath; // '/pets/7'
 * // The type follows the authorizer asked for: APIGatewayProxyEventV2WithJWTAuthorizer here.
 * buildProxyEventV2({ authorizer: { jwt: { claims: { sub: 'u1' } } } }).requestContext.authorizer.jwt.claims.sub; // 'u1'
 * ```
 */
export function buildProxyEventV2<A extends ProxyEventV2AuthorizerInput | undefined = undefined>(
  options?: ProxyEventV2Options & { authorizer?: A },
): ProxyEventV2For<A>;
export function buildProxyEventV2(options: ProxyEventV2Options = {}): APIGatewayProxyEventV2 {
  checkOptions(options);
  const routeKey = options.routeKey ?? '$default';
  const route = parseRouteKey(WHERE, routeKey);
  const defaultMethod = route.method !== null && route.method !== 'ANY' ? route.method : 'GET';
  const request = resolveRequest(WHERE, options, '$default', isBinaryForHttpApi, defaultMethod);
  if (route.method !== null && route.method !== 'ANY' && route.method !== request.method) {
    throw new EventInputError(
      'EVENT_ROUTE_METHOD_MISMATCH',
      `${WHERE}: method ${request.method} does not match route key ${routeKey}`,
      `Use method ${route.method}, or a route key for ${request.method} (or ANY).`,
      { method: request.method, routeKey },
    );
  }
  let path = request.rawPath ?? '/';
  let pathParameters: Record<string, string> | null = null;
  if (route.path !== null) {
    const resolved = resolveResource(WHERE, request.rawPath, route.path, options.pathParameters);
    path = resolved.rawPath;
    if (resolved.pathParameters !== null) {
      pathParameters = {};
      for (const key in resolved.pathParameters)
        setEntry(pathParameters, key, decodePath(resolved.pathParameters[key]!));
    }
  }
  const ids = request.ids;
  const requestId = options.requestId ?? ids.short0;
  const cookies = extractCookies(request.headers);
  const headers = toV2HeaderMap(request.headers);
  // The gateway-added lines go straight into the map under constant names, after the request's own.
  addRequestGatewayEntries(request, headers, NO_MULTI_VALUES, 3);
  headers['content-length'] = String(request.body.byteLength);
  const stage = request.stage;
  const decoded = decodePath(path);
  const rawPath = stage === '$default' ? decoded : `/${stage}${decoded}`;
  const requestContext: Record<string, unknown> = {
    accountId: request.accountId,
    apiId: request.apiId,
    domainName: request.domainName,
    domainPrefix: domainPrefixOf(request.domainName),
    http: {
      method: request.method,
      path: rawPath,
      protocol: 'HTTP/1.1',
      sourceIp: request.sourceIp,
      userAgent: request.userAgent ?? '',
    },
    requestId,
    routeKey,
    stage,
    time: formatRequestTime(request.time),
    timeEpoch: request.time,
  };
  if (options.authorizer !== undefined) {
    requestContext.authorizer = authorizerV2(WHERE, options.authorizer, request.accountId);
  }
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: request.query.raw,
  };
  if (cookies.length > 0) event.cookies = cookies;
  event.headers = headers;
  const query = toV2QueryMap(request.query.pairs);
  if (query !== undefined) event.queryStringParameters = query;
  event.requestContext =
    options.requestContext === undefined
      ? requestContext
      : mergeDeep(requestContext, jsonOption(WHERE, 'requestContext', options.requestContext));
  if (request.body.body !== null) event.body = request.body.body;
  if (pathParameters !== null) event.pathParameters = pathParameters;
  event.isBase64Encoded = request.body.isBase64Encoded;
  if (request.stageVariables !== null) event.stageVariables = request.stageVariables;
  return event as unknown as APIGatewayProxyEventV2;
}

/**
 * Removes every `Cookie` header line and returns its cookies, split on `;` and trimmed; nameless entries
 * (no `name=`) are dropped (behaviour.md §1.2).
 */
export function extractCookies(headers: HeaderList): string[] {
  const cookies: string[] = [];
  let kept = 0;
  for (const line of headers) {
    if (line[0].toLowerCase() !== 'cookie') {
      headers[kept++] = line;
      continue;
    }
    for (const part of line[1].split(';')) {
      const cookie = part.trim();
      if (cookie.indexOf('=') > 0) cookies.push(cookie);
    }
  }
  // Setting the length is a slow runtime call even when nothing changes.
  if (kept !== headers.length) headers.length = kept;
  return cookies;
}
