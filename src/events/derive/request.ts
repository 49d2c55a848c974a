import { EventInputError } from '../../errors/families.js';
import { formatValue } from '../../errors/format-value.js';
import { type BodyInput, mediaTypeOf, type ResolvedBody, resolveBody } from './body.js';
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_ID,
  DEFAULT_REGION,
  DEFAULT_SOURCE_IP,
  defaultDomainName,
} from './constants.js';
import { scanHeaders } from './gateway-headers.js';
import { findHeader, type HeaderInput, type HeaderList, toHeaderList } from './headers.js';
import { type EventIds, eventIds } from './id-block.js';
import { type ParsedQuery, parseQuery, type QueryInput } from './query.js';
import { resolveTime } from './time.js';
import { checkPath, checkStage, checkStringMap, resolveMethod } from './validate.js';

/** Cookies as a record (`{ session: 'abc' }`) or as `name=value` strings. */
export type CookieInput = Readonly<Record<string, string>> | readonly string[];

/** Options every HTTP event builder (REST, HTTP API, authorizer events) understands. */
export interface HttpEventOptions {
  /** Request verb. Default `GET`. */
  method?: string;
  /** Request path after the stage, not decoded; may carry `?query`. */
  path?: string;
  /** Request headers; repeated names allowed. Hop-by-hop headers are dropped as API Gateway does. */
  headers?: HeaderInput;
  /** Query parameters (added after any `?query` in `path`). */
  query?: QueryInput;
  /** Cookies, sent as a `Cookie` header. */
  cookies?: CookieInput;
  /** Body: text, a plain object (JSON-encoded, `Content-Type: application/json` added) or bytes. */
  body?: BodyInput;
  /** The API's binary media types; a matching `Content-Type` makes the body base64 (REST). */
  binaryMediaTypes?: readonly string[];
  /** Stage name. Default `dev` (REST) or `$default` (HTTP API). */
  stage?: string;
  /** Stage variables; none gives `null` (REST) or no key (HTTP API). */
  stageVariables?: Readonly<Record<string, string>> | null;
  /** Client IP. Default: the first `X-Forwarded-For` entry, else 203.0.113.9. */
  sourceIp?: string;
  /** Client user agent; also sent as `User-Agent` when that header is missing. */
  userAgent?: string;
  apiId?: string;
  accountId?: string;
  region?: string;
  /** Default `{apiId}.execute-api.{region}.amazonaws.com`. */
  domainName?: string;
  requestId?: string;
  extendedRequestId?: string;
  /** Request time, epoch ms or Date. Default 2024-01-01T00:00:00Z. */
  time?: number | Date;
  /** Seed of the generated ids (default: `requestId` when given, else `apigw-testkit`). Same seed, same event. */
  seed?: string | number;
  /** Draw ids at random instead of from the seed. */
  randomIds?: boolean;
}

export const HTTP_OPTION_KEYS: readonly string[] = [
  'method',
  'path',
  'headers',
  'query',
  'cookies',
  'body',
  'binaryMediaTypes',
  'stage',
  'stageVariables',
  'sourceIp',
  'userAgent',
  'apiId',
  'accountId',
  'region',
  'domainName',
  'requestId',
  'extendedRequestId',
  'time',
  'seed',
  'randomIds',
];

/** Everything derived from {@link HttpEventOptions} that both payload versions share. */
export interface ResolvedRequest {
  method: string;
  /** Path as given (query removed), before any leading-slash collapse. */
  rawPath: string | undefined;
  query: ParsedQuery;
  headers: HeaderList;
  body: ResolvedBody;
  mediaType: string;
  time: number;
  /** Words every id of the event is formatted from (slots: see each builder). Slots 9–11: trace id. */
  ids: EventIds;
  sourceIp: string;
  userAgent: string | null;
  stage: string;
  stageVariables: Record<string, string> | null;
  /** Bit set of the gateway-added headers the request already has (see {@link scanHeaders}). */
  gatewayHeaders: number;
  apiId: string;
  accountId: string;
  region: string;
  domainName: string;
}

/** Resolves the shared options; `binary` decides base64 per payload version. */
export function resolveRequest(
  where: string,
  options: HttpEventOptions,
  defaultStage: string,
  binary: (mediaType: string, isBytes: boolean) => boolean,
  defaultMethod = 'GET',
): ResolvedRequest {
  const method = options.method === undefined ? defaultMethod : resolveMethod(where, options.method);
  let rawPath: string | undefined;
  let pathQuery: string | undefined;
  if (options.path !== undefined) {
    const path = checkPath(where, options.path);
    const q = path.indexOf('?');
    const hash = path.indexOf('#');
    const end = hash === -1 ? path.length : hash;
    rawPath = q === -1 || q > end ? path.slice(0, end) : path.slice(0, q);
    if (q !== -1 && q < end) pathQuery = path.slice(q + 1, end);
  }
  const query = parseQuery(where, pathQuery, options.query);
  const headers = toHeaderList(where, options.headers);
  if (options.cookies !== undefined) addCookies(where, headers, options.cookies);
  const isObjectBody =
    options.body !== null &&
    typeof options.body === 'object' &&
    !(options.body instanceof Uint8Array) &&
    !(options.body instanceof ArrayBuffer);
  const scan = scanHeaders(headers);
  let contentType = scan.contentType;
  if (isObjectBody && contentType === undefined) {
    contentType = 'application/json';
    headers.push(['Content-Type', contentType]);
  }
  const mediaType = mediaTypeOf(contentType);
  const body = resolveBody(where, options.body, mediaType, binary);
  const forwardedFor = scan.forwardedFor;
  // REST builders also take these from `identity`; the headers must then agree with it.
  const identity = (options as { identity?: { sourceIp?: string; userAgent?: string | null } }).identity;
  const sourceIp =
    options.sourceIp ??
    identity?.sourceIp ??
    (forwardedFor ? forwardedFor.split(',')[0]!.trim() || DEFAULT_SOURCE_IP : DEFAULT_SOURCE_IP);
  let userAgent: string | null = scan.userAgent ?? null;
  const wantedAgent = options.userAgent ?? identity?.userAgent ?? undefined;
  if (wantedAgent !== undefined && wantedAgent !== null) {
    if (userAgent === null) headers.push(['User-Agent', wantedAgent]);
    userAgent = wantedAgent;
  }
  const apiId = options.apiId ?? DEFAULT_API_ID;
  const region = options.region ?? DEFAULT_REGION;
  return {
    method,
    rawPath,
    query,
    headers,
    body,
    mediaType,
    time: resolveTime(where, options.time),
    ids: eventIds(options.seed ?? options.requestId, options.randomIds),
    gatewayHeaders: scan.gateway,
    sourceIp,
    userAgent,
    stage: options.stage === undefined ? defaultStage : checkStage(where, options.stage),
    stageVariables: checkStringMap(where, 'stageVariables', options.stageVariables),
    apiId,
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    region,
    domainName: options.domainName ?? defaultDomainName(apiId, region),
  };
}

function addCookies(where: string, headers: HeaderList, cookies: CookieInput): void {
  const parts: string[] = [];
  if (Array.isArray(cookies)) {
    for (const c of cookies as readonly string[]) parts.push(checkCookie(where, c));
  } else if (cookies !== null && typeof cookies === 'object') {
    const record = cookies as Readonly<Record<string, string>>;
    for (const name in record) {
      const value: unknown = record[name];
      parts.push(checkCookie(where, typeof value === 'string' ? `${name}=${value}` : value));
    }
  }
  if (parts.length === 0) return;
  const at = findHeader(headers, 'cookie');
  if (at === -1) headers.push(['Cookie', parts.join('; ')]);
  else headers[at] = [headers[at]![0], `${headers[at]![1]}; ${parts.join('; ')}`];
}

function checkCookie(where: string, cookie: unknown): string {
  if (typeof cookie === 'string' && cookie.indexOf('=') > 0 && !/[;\r\n\0]/.test(cookie)) return cookie;
  throw new EventInputError(
    'EVENT_INVALID_COOKIE',
    `${where}: invalid cookie: ${formatValue(cookie)}`,
    "Pass cookies as { name: 'value' } or ['name=value'] (no ';' inside one cookie).",
  );
}
