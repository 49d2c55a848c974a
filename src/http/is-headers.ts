import { BufferedHeaders } from './buffered-headers.js';

/**
 * True for a fetch `Headers` object. Arrays, plain objects (`{ name: value }`, the usual header inputs) and a
 * gateway response's own headers (BufferedHeaders) are answered without reading the `Headers` global: in Node that
 * read loads the fetch implementation (undici, ~35–45 ms in a fresh process, measured on Node 20), which a test
 * that never touches fetch objects should not pay.
 *
 * @example
 * ```ts
 * isHeaders({ accept: 'text/html' }); // false, and undici stays unloaded
 * isHeaders(new Headers()); // true
 * ```
 */
export function isHeaders(value: unknown): value is Headers {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // A gateway response's own headers (passed on to another request) are known without the global too.
  if (BufferedHeaders.is(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto !== Object.prototype && proto !== null && value instanceof Headers;
}
