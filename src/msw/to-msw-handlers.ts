import { type HttpHandler, http } from 'msw';
import { assertKnownOptions, InvalidInputError } from '../errors/families.js';
import { formatValue } from '../errors/format-value.js';
import { type FetchLike, isFetchLike } from '../gateway/adapters/gateway-like.js';

/**
 * Options of {@link toMswHandlers}.
 *
 * @example
 * ```ts
 * const options: MswHandlersOptions = { baseUrl: 'https://api.example.com/v1' }; // a custom domain
 * ```
 */
export interface MswHandlersOptions {
  /**
   * The origin (optionally with a path prefix) your code calls, e.g.
   * `https://abc123defg.execute-api.us-east-1.amazonaws.com` or `.../prod`. Every request to this origin, under
   * the prefix, is passed to the gateway with its URL unchanged (so the stage stays the first path segment).
   * Default: the origin of the gateway's invoke URL (`gateway.info.baseUrl`; for a WebSocket API the
   * `@connections` callback URL, `gateway.info.callbackUrl`), so every stage is served and an unknown stage gets
   * API Gateway's own 403.
   */
  baseUrl?: string;
}

const KNOWN = ['baseUrl'] as const;

/**
 * Returns msw request handlers that answer every request to `baseUrl` from the simulated gateway, so code
 * that calls the real `https://{apiId}.execute-api.{region}.amazonaws.com/{stage}/…` URL is served in-process
 * (any method, headers, body; responses keep status, headers and binary bodies).
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createGateway } from 'apigw-testkit/gateway';
 * import { toMswHandlers } from 'apigw-testkit/msw';
 * const gateway = createGateway({ apiType: 'REST', apiId: 'abc123defg', routes: { 'GET /pets': async () => ({ body: '[]' }) } });
 * const server = setupServer(...toMswHandlers(gateway)); // baseUrl defaults to the gateway's invoke URL origin
 * server.listen();
 * await fetch('https://abc123defg.execute-api.us-east-1.amazonaws.com/dev/pets'); // 200 []
 * ```
 */
export function toMswHandlers(gateway: FetchLike, options: MswHandlersOptions = {}): HttpHandler[] {
  if (!isFetchLike(gateway)) {
    throw new InvalidInputError(
      'ADAPTER_NOT_A_GATEWAY',
      'toMswHandlers: expected a gateway with a fetch(request) method',
      'Pass the object createGateway(...) returns.',
    );
  }
  assertKnownOptions('toMswHandlers', options, KNOWN);
  const prefix = parseBaseUrl(options.baseUrl ?? defaultBaseUrl(gateway));
  // A RegExp (not a path pattern) so no msw path syntax (`:x`, `*`) in the URL is interpreted, and so the bare
  // base URL and everything under it match. msw tests it against the URL without query and fragment.
  const pattern = new RegExp(`^${escapeRegExp(prefix)}(?:/.*)?$`);
  return [http.all(pattern, ({ request }) => gateway.fetch(request))];
}

function defaultBaseUrl(gateway: FetchLike): string {
  // A WebSocket API answers HTTP at its callback URL (`@connections`); other APIs at their invoke URL.
  const info = (gateway as { info?: { baseUrl?: unknown; callbackUrl?: unknown } }).info;
  const baseUrl = info?.callbackUrl ?? info?.baseUrl;
  if (typeof baseUrl !== 'string') {
    throw new InvalidInputError(
      'MSW_BASE_URL_REQUIRED',
      'toMswHandlers: baseUrl is required for a gateway without info.baseUrl',
      "Pass { baseUrl: 'https://{apiId}.execute-api.{region}.amazonaws.com' }.",
    );
  }
  return new URL(baseUrl).origin;
}

function parseBaseUrl(baseUrl: unknown): string {
  let url: URL;
  try {
    if (typeof baseUrl !== 'string') throw new TypeError('not a string');
    url = new URL(baseUrl);
  } catch {
    throw new InvalidInputError(
      'MSW_BASE_URL_INVALID',
      `toMswHandlers: baseUrl must be an absolute http(s) URL, got ${formatValue(baseUrl) ?? String(baseUrl)}`,
      "Write it like 'https://abc123defg.execute-api.us-east-1.amazonaws.com'.",
    );
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '') {
    throw new InvalidInputError(
      'MSW_BASE_URL_INVALID',
      `toMswHandlers: baseUrl must be an http(s) origin with an optional path and no query or fragment, got "${baseUrl}"`,
      "Write it like 'https://abc123defg.execute-api.us-east-1.amazonaws.com' or '…/prod'.",
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
