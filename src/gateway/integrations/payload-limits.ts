import { Buffer } from 'node:buffer';

/** API Gateway's request payload limit, REST and HTTP APIs: 10 MB (behaviour.md §14). */
export const MAX_REQUEST_PAYLOAD_BYTES = 10_485_760;

/** Lambda's synchronous invocation request limit (`Request must be smaller than 6291456 bytes`). */
export const LAMBDA_MAX_REQUEST_BYTES = 6_291_456;

/** Lambda's synchronous response limit as its error reports it (`maximum allowed payload size (6291556 bytes)`). */
export const LAMBDA_MAX_RESPONSE_BYTES = 6_291_556;

// Events whose body has at most this many units cannot reach Lambda's limit: even if each were escaped as
// `\u00XX` (6 bytes) the body takes 3 MiB (base64 makes bytes 4/3 longer), and AWS caps headers at 10 240 bytes.
const SMALL_EVENT_BODY_UNITS = 512 * 1024;

/** The body's size in bytes when it is over {@link MAX_REQUEST_PAYLOAD_BYTES}; `undefined` when within it. */
export function oversizedBodyBytes(body: string | Uint8Array | null): number | undefined {
  if (body === null) return undefined;
  let bytes = typeof body === 'string' ? body.length : body.byteLength;
  // A UTF-16 unit is at most 3 UTF-8 bytes: short strings skip the exact count.
  if (typeof body === 'string' && bytes * 3 > MAX_REQUEST_PAYLOAD_BYTES)
    bytes = Buffer.byteLength(body, 'utf8');
  return bytes > MAX_REQUEST_PAYLOAD_BYTES ? bytes : undefined;
}

/**
 * The size of the Lambda event as Lambda receives it (its JSON bytes), or `undefined` when the request body is
 * too small for the event to come near Lambda's limit (the serialisation is skipped on the hot path).
 */
export function eventBytesIfLarge(event: unknown, body: string | Uint8Array | null): number | undefined {
  if (body === null) return undefined;
  // Units of the body: UTF-16 units of text or bytes; each takes at most 6 bytes in the event JSON.
  const units = typeof body === 'string' ? body.length : body.byteLength;
  if (units <= SMALL_EVENT_BODY_UNITS) return undefined;
  return Buffer.byteLength(JSON.stringify(event), 'utf8');
}

/**
 * The JSON size in bytes of what a handler returned, as the Lambda runtime serialises it, when that can exceed
 * `limit`; `undefined` when a cheap upper bound already shows it cannot, or when the value does not serialise
 * (the proxy-result check reports that).
 */
export function resultBytesIfLarge(value: unknown, limit: number): number | undefined {
  try {
    // Both walks read the result's properties, and a getter or proxy trap may throw: the result is then not
    // serialisable, which the proxy-result check reports (a 502), so no size is given here.
    if (upperBound(value, 0) <= limit) return undefined;
    const text = JSON.stringify(value);
    return text === undefined ? undefined : Buffer.byteLength(text, 'utf8');
  } catch {
    return undefined;
  }
}

// An upper bound of the JSON bytes of `value`: strings count 6 bytes per UTF-16 unit (the longest escape);
// anything deeper than three levels or unusual counts as unbounded, so the exact size is measured.
function upperBound(value: unknown, depth: number): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 5;
  if (typeof value === 'number') return 25;
  if (typeof value === 'string') return value.length * 6 + 2;
  if (typeof value !== 'object' || depth > 3) return Number.POSITIVE_INFINITY;
  let total = 2;
  if (Array.isArray(value)) {
    for (const item of value) total += upperBound(item, depth + 1) + 1;
    return total;
  }
  const proto = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in value) return Number.POSITIVE_INFINITY;
  for (const key in value) {
    total += key.length * 6 + 3 + upperBound((value as Record<string, unknown>)[key], depth + 1);
  }
  return total;
}
