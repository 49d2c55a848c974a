import { Buffer } from 'node:buffer';
import { decodeUtf8 } from '../../../http/utf8.js';
import type { ContentHandling } from '../integration-options.js';

/** A payload as API Gateway holds it: text, or bytes. */
export type Payload = string | Uint8Array;

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/;

/**
 * Converts a payload per `contentHandling` (behaviour.md §4.8): `CONVERT_TO_TEXT` turns bytes into their base64
 * text; `CONVERT_TO_BINARY` base64-decodes text into bytes (`undefined` when the text is not base64: AWS answers
 * 500); unset passes bytes through when `binary` (the payload's type is a binary media type) and otherwise reads
 * it as UTF-8 text, which is how a non-binary upload gets mangled (invalid sequences become U+FFFD).
 *
 * @example
 * ```ts
 * convertPayload('aGk=', 'CONVERT_TO_BINARY', false); // Uint8Array [104, 105]
 * convertPayload(new Uint8Array([104, 105]), 'CONVERT_TO_TEXT', true); // 'aGk='
 * ```
 */
export function convertPayload(
  payload: Payload,
  handling: ContentHandling | undefined,
  binary: boolean,
): Payload | undefined {
  if (handling === 'CONVERT_TO_TEXT') return binary ? base64Of(payload) : payloadText(payload);
  if (handling === 'CONVERT_TO_BINARY') {
    if (typeof payload !== 'string' && binary) return payload;
    const text = typeof payload === 'string' ? payload : decodeUtf8(payload);
    if (!BASE64.test(text)) return undefined;
    return new Uint8Array(Buffer.from(text, 'base64'));
  }
  return binary ? payload : payloadText(payload);
}

/** Base64 text of a payload's bytes (text counts as its UTF-8 bytes). */
export function base64Of(payload: Payload): string {
  return typeof payload === 'string'
    ? Buffer.from(payload, 'utf8').toString('base64')
    : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('base64');
}

/** A payload as text: bytes are read as UTF-8 (Java's decoder: malformed sequences become U+FFFD). */
export function payloadText<T extends Payload | null>(payload: T): T extends null ? null : string {
  return (payload === null || typeof payload === 'string' ? payload : decodeUtf8(payload)) as never;
}
