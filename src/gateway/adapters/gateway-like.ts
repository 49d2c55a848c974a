/**
 * The part of a simulated gateway the adapters need: a fetch-style entry point. Any object with this shape
 * works, so the adapters also serve a hand-written fake in tests.
 *
 * @example
 * ```ts
 * import type { FetchLike } from 'apigw-testkit/gateway';
 * const fake: FetchLike = { fetch: async () => new Response('ok') };
 * ```
 */
export interface FetchLike {
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
}

/**
 * A gateway that can also explain each request (`createGateway` returns one). The adapters call `handle`
 * instead of `fetch` when they need the trace, e.g. to log cache hits and throttling per request. `handle`
 * takes the same arguments as `fetch`: the Node adapter passes `(url, init)` with header pairs, so that the
 * client's header casing and repeated headers survive (a `Request` would lowercase and merge them).
 *
 * @example
 * ```ts
 * import type { GatewayLike } from 'apigw-testkit/gateway';
 * const fake: GatewayLike = {
 *   fetch: async () => new Response('ok'),
 *   handle: async () => ({ response: new Response('ok'), trace: {} }),
 * };
 * ```
 */
export interface GatewayLike extends FetchLike {
  handle(input: Request | string | URL, init?: RequestInit): Promise<{ response: Response; trace: unknown }>;
}

/**
 * True when `value` has a callable `fetch`, the least an adapter needs.
 *
 * @example
 * ```ts
 * isFetchLike(createGateway({ routes: {} })); // true
 * isFetchLike({}); // false
 * ```
 */
export function isFetchLike(value: unknown): value is FetchLike {
  return (
    typeof value === 'object' && value !== null && typeof (value as { fetch?: unknown }).fetch === 'function'
  );
}

/**
 * True when `value` can also return a trace through `handle(input, init)`.
 *
 * @example
 * ```ts
 * isGatewayLike(createGateway({ routes: {} })); // true
 * isGatewayLike({ fetch: async () => new Response() }); // false
 * ```
 */
export function isGatewayLike(value: unknown): value is GatewayLike {
  return isFetchLike(value) && typeof (value as { handle?: unknown }).handle === 'function';
}
