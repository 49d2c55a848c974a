import { Buffer } from 'node:buffer';
import { EventInputError } from '../../errors/families.js';
import { formatText } from '../../errors/format-value.js';

/** A request body: text as is, a plain object or array (JSON-encoded), or bytes. */
export type BodyInput =
  | string
  | Uint8Array
  | ArrayBuffer
  | Readonly<Record<string, unknown>>
  | readonly unknown[]
  | null;

/** What a body becomes in an event. */
export interface ResolvedBody {
  /** Text or base64; `null` when the request has no body. */
  body: string | null;
  isBase64Encoded: boolean;
  /** Size of the request body in bytes (for `content-length`). */
  byteLength: number;
  /** True when the input was an object/array, i.e. JSON the builder encoded. */
  json: boolean;
}

const EMPTY: ResolvedBody = { body: null, isBase64Encoded: false, byteLength: 0, json: false };

/**
 * Media type of a Content-Type value, lowercased and without parameters (`application/json; charset=UTF-8` →
 * `application/json`). The last answer is kept: a non-proxy request asks it three times of the same value
 * (validation, request template, binary check), and clients send the same few values.
 */
export function mediaTypeOf(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  if (contentType === lastContentType) return lastMediaType;
  const semi = contentType.indexOf(';');
  const mediaType = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  lastContentType = contentType;
  lastMediaType = mediaType;
  return mediaType;
}

let lastContentType = '';
let lastMediaType = '';

/**
 * True when a request Content-Type matches one of the API's `binaryMediaTypes`: exact match, a right-hand
 * wildcard (`image/*`) or `*\/*`; a left-hand wildcard (`*\/png`) never matches (behaviour.md §0).
 *
 * @example
 * ```ts
 * matchesBinaryMediaType('image/png', ['image/*']); // true
 * ```
 */
export function matchesBinaryMediaType(mediaType: string, binaryMediaTypes: readonly string[]): boolean {
  if (mediaType === '') return false;
  const slash = mediaType.indexOf('/');
  for (const entry of binaryMediaTypes) {
    const type = mediaTypeOf(entry);
    if (type === mediaType || type === '*/*') return true;
    if (
      type.endsWith('/*') &&
      !type.startsWith('*/') &&
      slash !== -1 &&
      type.slice(0, -1) === mediaType.slice(0, slash + 1)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Content types an HTTP API passes to Lambda as text; anything else arrives base64-encoded. Verified on AWS
 * by a third party (ministackorg/ministack#766, HTTP API payload 2.0): only `text/*`, `application/json`,
 * `application/xml` and `application/javascript` stay text; `application/x-www-form-urlencoded`, suffixed
 * types such as `application/vnd.api+json`, and a request without `Content-Type` are base64. Parameters
 * (`; charset=utf-8`) do not matter; give the bare, lowercased media type.
 *
 * @example
 * ```ts
 * isTextMediaType('application/json'); // true
 * isTextMediaType('application/x-www-form-urlencoded'); // false
 * ```
 */
export function isTextMediaType(mediaType: string): boolean {
  return (
    mediaType.startsWith('text/') ||
    mediaType === 'application/json' ||
    mediaType === 'application/xml' ||
    mediaType === 'application/javascript'
  );
}

/**
 * Whether an HTTP API (payload 1.0 or 2.0) base64-encodes a request body: every media type but the text ones
 * of {@link isTextMediaType}, and a body sent without `Content-Type` (behaviour.md §1.2, decisions in
 * docs/events.md). Internal.
 */
export const isBinaryForHttpApi = (mediaType: string): boolean => !isTextMediaType(mediaType);

function toBytes(body: Uint8Array | ArrayBuffer): Buffer {
  return body instanceof ArrayBuffer
    ? Buffer.from(body)
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/**
 * Encodes a body for an event. `binary(mediaType, isBytes)` decides whether API Gateway would base64-encode
 * it. An empty body is `null` (a request without a body).
 */
export function resolveBody(
  where: string,
  input: BodyInput | undefined,
  mediaType: string,
  binary: (mediaType: string, isBytes: boolean) => boolean,
): ResolvedBody {
  if (input === undefined || input === null || input === '') return EMPTY;
  if (typeof input === 'string') return fromText(input, mediaType, binary, false);
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = toBytes(input);
    if (bytes.length === 0) return EMPTY;
    if (binary(mediaType, true)) {
      return { body: bytes.toString('base64'), isBase64Encoded: true, byteLength: bytes.length, json: false };
    }
    return { body: bytes.toString('utf8'), isBase64Encoded: false, byteLength: bytes.length, json: false };
  }
  if (typeof input === 'object') return fromText(jsonBody(where, input), mediaType, binary, true);
  throw new EventInputError(
    'EVENT_INVALID_BODY',
    `${where}: body must be a string, a plain object or bytes, got ${typeof input}`,
    'Pass the body as text, as an object to JSON-encode, or as a Uint8Array.',
  );
}

/** The JSON text of an object body; a typed error when JSON cannot hold it (BigInt, cycle, throwing toJSON). */
function jsonBody(where: string, input: object): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch (error) {
    throw new EventInputError(
      'EVENT_INVALID_BODY',
      `${where}: the body object cannot be JSON-encoded (${error instanceof Error ? error.message : formatText(error)})`,
      'Pass a JSON-compatible object (no BigInt values or cycles), or the body text itself.',
    );
  }
  // A bare function-like object encodes to nothing: the request has no body then.
  return text ?? '';
}

function fromText(
  text: string,
  mediaType: string,
  binary: (mediaType: string, isBytes: boolean) => boolean,
  json: boolean,
): ResolvedBody {
  if (!binary(mediaType, false))
    return { body: text, isBase64Encoded: false, byteLength: Buffer.byteLength(text), json };
  const bytes = Buffer.from(text, 'utf8');
  return { body: bytes.toString('base64'), isBase64Encoded: true, byteLength: bytes.length, json };
}
