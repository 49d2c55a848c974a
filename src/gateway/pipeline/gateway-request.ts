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
 * `Request` is built), which keeps header casing and saves time; other bodies go through `Request`.
 */
export async function toGatewayRequest(
  input: GatewayFetchInput,
  init: RequestInit | undefined,
  defaultHost: string,
): Promise<GatewayRequest> {
  if (typeof input === 'object' && !(input instanceof URL)) {
    const request = init ? new Request(input, init) : input;
    return fromRequest(request, defaultHost);
  }
  const url = typeof input === 'string' ? input : input.href;
  const body = init?.body;
  if (body !== undefined && body !== null && !isPlainBody(body)) {
    return fromRequest(new Request(absolute(url, defaultHost), init), defaultHost);
  }
  const parts = splitUrl(url, defaultHost);
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
  return {
    method: (init?.method ?? 'GET').toUpperCase(),
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
  const parts = splitUrl(request.url, defaultHost);
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => {
    headers.push([name, value]);
  });
  let body: Uint8Array | null = null;
  if (request.body !== null) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    body = bytes.byteLength === 0 ? null : bytes;
  }
  return { method: request.method.toUpperCase(), ...parts, headers, body };
}

function headerPairs(init: HeadersInit | undefined): [string, string][] {
  if (init === undefined) return [];
  if (init instanceof Headers) {
    const pairs: [string, string][] = [];
    init.forEach((value, name) => {
      pairs.push([name, value]);
    });
    return pairs;
  }
  if (Array.isArray(init)) return init.map(([name, value]) => [String(name), String(value)]);
  return Object.entries(init as Record<string, string>).map(([name, value]) => [name, String(value)]);
}

function absolute(url: string, defaultHost: string): string {
  return url.startsWith('/') ? `https://${defaultHost}${url}` : url;
}

/**
 * Splits a URL without decoding or normalising its path (`//` and `%2B` survive). Relative URLs get `defaultHost`.
 * Characters a URL cannot carry are percent-encoded as `new Request(url)` would (`/a b` → `/a%20b`).
 */
export function splitUrl(
  input: string,
  defaultHost: string,
): { host: string; pathname: string; query: string } {
  const url = trimUrl(input);
  let rest = url;
  let host = defaultHost;
  const scheme = url.indexOf('://');
  if (scheme > 0 && scheme < 10) {
    const afterScheme = scheme + 3;
    let end = afterScheme;
    while (end < url.length && url[end] !== '/' && url[end] !== '?' && url[end] !== '#') end++;
    host = url.slice(afterScheme, end);
    const at = host.lastIndexOf('@');
    if (at >= 0) host = host.slice(at + 1);
    rest = url.slice(end);
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf('?');
  const pathname = question >= 0 ? rest.slice(0, question) : rest;
  const query = question >= 0 ? rest.slice(question + 1) : '';
  return {
    host,
    pathname: pathname === '' ? '/' : encodeLikeUrl(pathname, 'path'),
    query: encodeLikeUrl(query, 'query'),
  };
}
