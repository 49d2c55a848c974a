import { BufferedResponseImpl } from './buffered-response-impl.js';
import { decodeUtf8 } from './utf8.js';

/** A fetch `Response` read into plain data that tests can compare. */
export interface ResponseSnapshot {
  status: number;
  /** Header lines as fetch exposes them: lower-case names, sorted, repeated names comma-joined except set-cookie. */
  headers: [string, string][];
  /** Every `set-cookie` line. */
  cookies: string[];
  /** Body decoded as UTF-8. */
  body: string;
  /** The raw body bytes. */
  bodyBytes: Uint8Array;
}

/**
 * Reads a fetch `Response` (a clone, so the original stays readable) into a {@link ResponseSnapshot}.
 *
 * @example
 * ```ts
 * const snap = await readResponse(await gateway.fetch(new Request('https://api.test/pets')));
 * expect(snap.status).toBe(200);
 * ```
 */
export async function readResponse(response: Response): Promise<ResponseSnapshot> {
  const bytes = new Uint8Array(await response.clone().arrayBuffer());
  return {
    status: response.status,
    headers: [...response.headers],
    cookies: response.headers.getSetCookie(),
    body: decodeUtf8(bytes),
    bodyBytes: bytes,
  };
}

/**
 * Every value a response carries for `name` (case-insensitive): the `set-cookie` lines one by one; for other
 * names the comma-joined value fetch exposes, followed by its comma-separated parts.
 *
 * @example
 * ```ts
 * responseHeaderValues(new Response(null, { headers: [['x-m', 'a'], ['x-m', 'b']] }), 'X-M'); // ['a, b', 'a', 'b']
 * ```
 */
export function responseHeaderValues(response: Response, name: string): string[] {
  if (name.toLowerCase() === 'set-cookie') return response.headers.getSetCookie();
  const joined = response.headers.get(name);
  if (joined === null) return [];
  const parts = joined.split(', ');
  return parts.length > 1 ? [joined, ...parts] : [joined];
}

/**
 * True for a fetch `Response` (also one from another realm or copy of undici).
 *
 * @example
 * ```ts
 * isFetchResponse(new Response('ok')); // true
 * isFetchResponse({ statusCode: 200, body: 'ok' }); // false
 * ```
 */
export function isFetchResponse(value: unknown): value is Response {
  if (typeof value !== 'object' || value === null) return false;
  // A gateway's own response and a plain object are answered without reading the `Response` global, which in a
  // fresh Node process loads the fetch implementation (see linkToResponse).
  if (value instanceof BufferedResponseImpl) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  if (
    proto !== Object.prototype &&
    proto !== null &&
    typeof Response !== 'undefined' &&
    value instanceof Response
  )
    return true;
  return (
    Object.prototype.toString.call(value) === '[object Response]' &&
    typeof (value as Response).clone === 'function'
  );
}
