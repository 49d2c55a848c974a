import { isHeaders } from '../../http/is-headers.js';
import { encodeLikeUrl, trimUrl } from './encode-like-url.js';

/**
 * A request as the gateway sees it: raw path and query (never decoded), headers in order with the casing the
 * client used (when it is known: a `Request` object lowercases names), and the body bytes or text.
 */
export interface GatewayRequest {
  method: string;
  /** `host[:port]` of the URL. */
  host: string;
  /** Raw path, e.g. `/dev/pets/%2B1`. */
  pathname: string;
  /** Raw query without `?`; `''` when none. */
  query: string;
  headers: [string, string][];
  body: string | Uint8Array | null;
  /**
   * Set when the request came through a custom domain name (behaviour.md §19.1): the base path mapping that matched.
   * `prefix` is the part of `pathname` the mapping consumed (`/orders/v1`, `''` for `(none)`); without `stage` the
   * stage name follows it in the path.
   */
  mapping?: BasePathMatch;
}

/** The base path mapping a custom-domain request matched. */
export interface BasePathMatch {
  /** The mapping's base path as configured: `(none)`, `orders`, `orders/v1`. */
  basePath: string;
  /** What of the request path it consumed: `''` or `/orders/v1`. */
  prefix: string;
  /** The mapped stage; `undefined` for a mapping without a stage (the path names it). */
  stage: string | undefined;
}

/** What `gateway.fetch` accepts as its first argument. */
export type GatewayFetchInput = Request | URL | string;

/**
 * Turns `fetch` arguments into a {@link GatewayRequest}. Strings and `init` objects are read directly (no
 * `Request` is built), which keeps header casing and saves time; other bodies go through `Request`. Synchronous
 * unless a `Request` body has to be read (the hot path pays no promise for it).
 */
export function toGatewayRequest(
  input: GatewayFetchInput,
  init: RequestInit | undefined,
  defaultHost: string,
): GatewayRequest | Promise<GatewayRequest> {
  if (typeof input === 'object' && !(input instanceof URL)) {
    const request = init ? new Request(input, init) : input;
    return fromRequest(request, defaultHost);
  }
  const url = typeof input === 'string' ? input : input.href;
  const body = init?.body;
  if (body !== undefined && body !== null && !isPlainBody(body)) {
    return fromRequest(new Request(absolute(url, defaultHost), init), defaultHost);
  }
  const headers = headerPairs(init?.headers);
  let requestBody: string | Uint8Array | null = null;
  if (typeof body === 'string') requestBody = body;
  else if (body instanceof URLSearchParams) {
    requestBody = body.toString();
    if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) {
      headers.push(['content-type', 'application/x-www-form-urlencoded;charset=UTF-8']);
    }
  } else if (body instanceof ArrayBuffer) requestBody = new Uint8Array(body);
  else if (ArrayBuffer.isView(body))
    requestBody = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const parts = splitUrl(url, defaultHost);
  return {
    method: methodOf(init?.method),
    host: parts.host,
    pathname: parts.pathname,
    query: parts.query,
    headers,
    body: requestBody,
  };
}

function isPlainBody(body: unknown): boolean {
  return (
    typeof body === 'string' ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body)
  );
}

async function fromRequest(request: Request, defaultHost: string): Promise<GatewayRequest> {
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => {
    headers.push([name, value]);
  });
  let body: Uint8Array | null = null;
  if (request.body !== null) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    body = bytes.byteLength === 0 ? null : bytes;
  }
  const parts = splitUrl(request.url, defaultHost);
  return {
    method: request.method.toUpperCase(),
    host: parts.host,
    pathname: parts.pathname,
    query: parts.query,
    headers,
    body,
  };
}

function headerPairs(init: HeadersInit | undefined): [string, string][] {
  if (init === undefined) return [];
  if (Array.isArray(init)) return init.map(([name, value]) => [String(name), String(value)]);
  if (isHeaders(init)) {
    const pairs: [string, string][] = [];
    init.forEach((value, name) => {
      pairs.push([name, value]);
    });
    return pairs;
  }
  const record = init as Record<string, string>;
  // Pushed onto an empty array rather than written into one of the exact length: the Lambda proxy pushes its
  // X-Amzn-Trace-Id line onto this list, which grew an exact-length store to 19 slots (a second copy, ~0.2 KB with
  // the first, against one 16-slot store for the usual few headers; heap-sampled on the gateway's GET).
  // for-in over own names is Object.keys' order without its array (V8 walks the object's enum cache): ~0.2 KB
  // less per request with headers (heap-sampled on the gateway bench's GET).
  const pairs: [string, string][] = [];
  for (const name in record) if (Object.hasOwn(record, name)) pairs.push([name, String(record[name])]);
  return pairs;
}

function absolute(url: string, defaultHost: string): string {
  return url.startsWith('/') ? `https://${defaultHost}${url}` : url;
}

/**
 * Splits a URL without decoding or normalising its path (`//` and `%2B` survive). Relative URLs get `defaultHost`.
 * Characters a URL cannot carry are percent-encoded as `new Request(url)` would (`/a b` → `/a%20b`); the encoding
 * pass runs only for a part with a character that needs it.
 *
 * The delimiters are found by `indexOf` and the characters that need encoding by one regular expression per part:
 * a URL built by concatenation is a cons string, and a char-code loop over it reads each character through the
 * cons (about 3,000 instructions per request for the gateway bench's 70-character URL, valgrind-counted, against
 * a few hundred for the native searches).
 */
export function splitUrl(
  input: string,
  defaultHost: string,
): { host: string; pathname: string; query: string } {
  const url = trimUrl(input);
  const length = url.length;
  const scheme = url.indexOf('://');
  const from = scheme > 0 && scheme < 10 ? scheme + 3 : 0;
  // The path runs to the first '#', the query from the first '?' before it.
  const hash = url.indexOf('#', from);
  let question = url.indexOf('?', from);
  let host = defaultHost;
  let start = 0;
  if (from > 0) {
    // The authority ends at the first '/', '?' or '#'; the host follows its last '@'.
    const slash = url.indexOf('/', from);
    let end = slash === -1 ? length : slash;
    if (question !== -1 && question < end) end = question;
    if (hash !== -1 && hash < end) end = hash;
    const at = url.lastIndexOf('@', end - 1);
    host = url.slice(at >= from ? at + 1 : from, end);
    start = end;
  }
  const stop = hash === -1 ? length : hash;
  if (question > stop) question = -1;
  const pathname = url.slice(start, question === -1 ? stop : question);
  const query = question === -1 ? '' : url.slice(question + 1, stop);
  // encodeLikeUrl returns a part that needs no encoding as it is, after one regular-expression test.
  return {
    host,
    pathname: pathname === '' ? '/' : encodeLikeUrl(pathname, 'path'),
    query: encodeLikeUrl(query, 'query'),
  };
}

/** The init's method in uppercase; `GET` without one (not converted: most requests give none). */
function methodOf(method: string | undefined | null): string {
  return method === undefined || method === null ? 'GET' : method.toUpperCase();
}
