import {
  type BufferedBody,
  BufferedResponseImpl,
  linkToResponse,
  TEXT_TYPE,
} from './buffered-response-impl.js';

// A fetch `Response` whose body is already in memory. Building a real `Response` from a string or bytes costs
// ~25 µs in Node 20's undici (it extracts a ReadableStream up front, and reading it back walks the stream
// machinery again); this class keeps the body as given, answers text()/json()/arrayBuffer()/bytes()
// directly, and builds a real Response for its body only when a consumer asks for what only a real one has
// (`body` as a stream, `blob()`, `formData()`). From then on that real Response is the one source of truth,
// so every observable (bodyUsed, locked streams, clone) is exactly undici's.

export type { BufferedBody };

/**
 * The body of a {@link BufferedResponse} without reading it (`bodyUsed` stays false); `undefined` for any other
 * Response, or once the body was read or handed to a stream. Lets a synchronous matcher show a body.
 */
export function peekBufferedBody(response: Response): BufferedBody | undefined {
  return BufferedResponseImpl.peek(response);
}

/** A fetch `Response` whose body is in memory (see {@link BufferedResponse} the constructor). */
export interface BufferedResponse extends Response {}

/** The constructor of {@link BufferedResponse}. */
export interface BufferedResponseConstructor {
  new (body: BufferedBody | null, init?: ResponseInit): BufferedResponse;
  [Symbol.hasInstance](value: unknown): boolean;
}

/**
 * A fetch `Response` (`instanceof Response` holds) with an in-memory body: same status, headers and body
 * semantics as `new Response(body, init)` — reading twice rejects with `TypeError: Body is unusable`,
 * `clone()` of a read body throws, `body` is a `ReadableStream` — at a fraction of the cost.
 *
 * @example
 * ```ts
 * const res = new BufferedResponse('{"ok":true}', { status: 200, headers: [['content-type', 'application/json']] });
 * res instanceof Response; // true
 * await res.json(); // { ok: true }
 * res.bodyUsed; // true
 * ```
 */
export const BufferedResponse = function BufferedResponse(body: BufferedBody | null, init?: ResponseInit) {
  linkToResponse();
  return new BufferedResponseImpl(body, init);
} as unknown as BufferedResponseConstructor;
Object.defineProperty(BufferedResponse, Symbol.hasInstance, {
  value: (value: unknown) => value instanceof BufferedResponseImpl,
});

/**
 * A {@link BufferedResponse} taking over `pairs`, a fresh array the caller built and will not touch again, whose
 * every name is a token and every value plain (`isTokenName`, `headerValueKind` → `PLAIN`); `typed` says whether
 * one of them is `content-type`. Saves the copy and the second check of each line (the gateway's responses).
 */
export function adoptBufferedResponse(
  body: BufferedBody | null,
  status: number,
  pairs: [string, string][],
  typed: boolean,
): Response {
  linkToResponse();
  if (!typed && typeof body === 'string') pairs.push(['content-type', TEXT_TYPE]);
  return new BufferedResponseImpl(body, { status }, pairs) as unknown as Response;
}
