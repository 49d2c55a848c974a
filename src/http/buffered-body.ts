import { headerValueKind, isContentType, isTokenName, LATIN1, PLAIN } from './header-line.js';
import { normalizedValue } from './headers-webidl.js';

// The body and header helpers of BufferedResponse (src/http/buffered-response-impl.ts).

/** The body of a `BufferedResponse`: text (sent as UTF-8) or bytes. */
export type BufferedBody = string | Uint8Array;

export type Pairs = readonly (readonly [string, string])[];

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
const SURROGATE = /[\uD800-\uDFFF]/;
/** What undici adds for a text body when no content type is given. */
export const TEXT_TYPE = 'text/plain;charset=UTF-8';

/**
 * The init's header pairs (plus the default text content type, as undici adds it) when every one is a token name
 * and a Latin-1 value undici keeps (trimmed as it trims); undefined otherwise.
 */
export function lazyPairs(headers: HeadersInit | undefined, text: boolean): Pairs | undefined {
  if (headers === undefined) return text ? [['content-type', TEXT_TYPE]] : [];
  if (!Array.isArray(headers)) return undefined;
  let typed = false;
  // A copy: the caller may change its array later, the Response must not.
  const pairs: (readonly [string, string])[] = [];
  for (const pair of headers as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2) return undefined;
    const [name, value] = pair as unknown[];
    if (typeof name !== 'string' || typeof value !== 'string') return undefined;
    if (!isTokenName(name)) return undefined;
    const kind = headerValueKind(value);
    // A Latin-1 value undici trims (edge whitespace) is trimmed here the same way; one it refuses goes to undici.
    const kept = kind === PLAIN ? value : kind === LATIN1 ? normalizedValue(value) : undefined;
    if (kept === undefined) return undefined;
    pairs.push([name, kept]);
    if (!typed && isContentType(name)) typed = true;
  }
  if (text && !typed) pairs.push(['content-type', TEXT_TYPE]);
  return pairs;
}

export function nullBodyStatus(status: number): boolean {
  return status === 204 || status === 205 || status === 304;
}

/** What `Response.text()` yields for this body: UTF-8 decoding drops a leading BOM and repairs lone surrogates. */
export function textOf(content: BufferedBody | null): string {
  if (content === null) return '';
  if (typeof content !== 'string') return decoder.decode(content);
  if (content.charCodeAt(0) !== 0xfeff && !SURROGATE.test(content)) return content;
  return decoder.decode(encoder.encode(content));
}

/** A fresh copy of the body bytes, in an ArrayBuffer of exactly their length. */
export function copyBytes(content: BufferedBody | null): Uint8Array<ArrayBuffer> {
  if (content === null) return new Uint8Array(0);
  if (typeof content === 'string') return encoder.encode(content);
  const copy = new Uint8Array(content.byteLength);
  copy.set(content);
  return copy;
}

export function unusable(): Promise<never> {
  return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
}

export function ignore(): void {}

/** Makes `target` hold exactly `lines` (a real Response's mutable headers). */
export function replaceLines(target: Headers, lines: readonly (readonly [string, string])[]): void {
  for (const name of new Set(target.keys())) target.delete(name);
  for (const [name, value] of lines) target.append(name, value);
}
