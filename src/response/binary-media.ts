import type { StarStarBinaryMediaType } from './types.js';

/**
 * The first media range of an `Accept` header, lower-cased and without parameters (`image/png;q=0.9, *\/*` →
 * `image/png`), or `null` when there is none.
 *
 * @example
 * ```ts
 * firstMediaRange('Image/PNG;q=0.9, *\/*'); // 'image/png'
 * firstMediaRange(undefined); // null
 * ```
 */
export function firstMediaRange(accept: string | null | undefined): string | null {
  if (!accept) return null;
  const first = accept.split(',')[0]!.split(';')[0]!.trim().toLowerCase();
  return first === '' ? null : first;
}

/**
 * Whether one `binaryMediaTypes` entry matches a request media range, literally as REST APIs do [REC]: an
 * exact match, or a right-hand wildcard entry (`application/*`) matching any subtype of its type. A left-hand
 * wildcard entry (`*\/test`) never matches; an `Accept` of `*\/*` or `image/*` does not match `image/png`.
 * An entry of exactly `*\/*` follows `starStar` (UNCONFIRMED).
 *
 * @example
 * ```ts
 * binaryMediaTypeMatches('image/*', 'image/png'); // true
 * binaryMediaTypeMatches('*\/png', 'image/png'); // false: left-hand wildcards never match
 * ```
 */
export function binaryMediaTypeMatches(
  entry: string,
  mediaRange: string | null,
  starStar: StarStarBinaryMediaType = 'matches-all',
): boolean {
  const normalized = entry.trim().toLowerCase();
  if (normalized === '*/*') return starStar === 'matches-all';
  if (mediaRange === null) return false;
  const slash = normalized.indexOf('/');
  if (slash <= 0) return false;
  const type = normalized.slice(0, slash);
  const subtype = normalized.slice(slash + 1);
  if (type === '*') return false;
  if (subtype === '*') return mediaRange.startsWith(`${type}/`);
  return mediaRange === normalized;
}

/**
 * Whether a REST API decodes an `isBase64Encoded: true` body for this request: only when the FIRST media range
 * of `Accept` matches an entry of `binaryMediaTypes` (see {@link binaryMediaTypeMatches}).
 *
 * @example
 * ```ts
 * restDecodesBase64('image/png, *\/*', ['image/png']); // true
 * restDecodesBase64('*\/*', ['image/png']);            // false: no content negotiation
 * ```
 */
export function restDecodesBase64(
  accept: string | null | undefined,
  binaryMediaTypes: readonly string[] | undefined,
  starStar: StarStarBinaryMediaType = 'matches-all',
): boolean {
  if (!binaryMediaTypes || binaryMediaTypes.length === 0) return false;
  const range = firstMediaRange(accept);
  return binaryMediaTypes.some((entry) => binaryMediaTypeMatches(entry, range, starStar));
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes standard base64 (padding optional, no whitespace); `undefined` when the text is not base64. */
export function decodeBase64Strict(text: string): Uint8Array | undefined {
  if (!BASE64.test(text) || text.length % 4 === 1) return undefined;
  const padAt = text.indexOf('=');
  if (padAt !== -1 && text.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(text, 'base64'));
}
