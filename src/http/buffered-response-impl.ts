import type { InspectOptions } from 'node:util';
import { builtin } from '../node/builtin.js';
import {
  type BufferedBody,
  copyBytes,
  ignore,
  lazyPairs,
  nullBodyStatus,
  type Pairs,
  replaceLines,
  TEXT_TYPE,
  textOf,
  unusable,
} from './buffered-body.js';
import { BufferedHeaders } from './buffered-headers.js';
import { linkToGlobal } from './link-to-global.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export type { BufferedBody };
export { TEXT_TYPE };

/**
 * The class behind `BufferedResponse`. It does not `extend Response`: its prototype is linked to
 * `Response.prototype` on first use ({@link linkToResponse}), so `instanceof Response` and the `Response` tag
 * hold, and it answers every member of `Response.prototype` itself. Running undici's constructor (`super()`)
 * cost ~1.5 µs per response — a tenth of the gateway's whole overhead per request (measured) — for state this
 * class keeps itself. An init undici would change or refuse (statusText, unusual status or header values) is
 * still handed to a real `Response`, which then answers status, statusText and headers, so its errors and
 * normalisations are undici's own.
 */
export class BufferedResponseImpl {
  /** `null`: no body at all (204, HEAD, an empty body), which reads as empty any number of times. */
  readonly #content: BufferedBody | null;
  #used = false;
  /** The real Response that owns the body once a stream, blob or form data was asked for. */
  #real: Response | undefined;
  /** A real, body-less Response holding status, statusText and headers of an init that needed undici. */
  readonly #init: Response | undefined;
  readonly #status: number;
  /** Header pairs not yet turned into `Headers` (only pairs undici would accept unchanged wait here). */
  readonly #pairs: Pairs | undefined;
  #headers: Headers | undefined;

  /** The body of an unread response without reading it; `undefined` for anything else. */
  static peek(response: unknown): BufferedBody | undefined {
    return typeof response === 'object' &&
      response !== null &&
      #content in response &&
      !(response as BufferedResponseImpl).#used &&
      (response as BufferedResponseImpl).#real === undefined
      ? ((response as BufferedResponseImpl).#content ?? '')
      : undefined;
  }

  /** `adopted`: checked pairs the caller hands over (see `adoptBufferedResponse`); `init` is then `{ status }`. */
  constructor(body: BufferedBody | null, init: ResponseInit = {}, adopted?: Pairs) {
    const text = typeof body === 'string';
    // Building Headers costs ~1 µs a line in undici; pairs it would accept as they are are kept until
    // `headers` is read.
    const pairs = adopted ?? (isPlainInit(init) ? lazyPairs(init.headers, text) : undefined);
    if (pairs !== undefined) {
      this.#status = init.status ?? 200;
      this.#pairs = pairs;
      this.#init = undefined;
    } else {
      // Anything else goes to the Response constructor now, so its errors come at once.
      const real = new Response(null, init);
      if (text && !real.headers.has('content-type')) real.headers.append('content-type', TEXT_TYPE);
      this.#status = real.status;
      this.#pairs = undefined;
      this.#init = real;
    }
    if (body !== null && nullBodyStatus(this.#status)) {
      throw new TypeError(`Response constructor: Invalid response status code ${this.#status}`);
    }
    // Like undici, the bytes are taken at construction: later changes to the caller's array do not show.
    this.#content = body === null || text ? body : body.slice();
  }

  get type(): ResponseType {
    return 'default';
  }

  /** `[object Response]`, also before the prototype is linked (see {@link linkToResponse}). */
  get [Symbol.toStringTag](): string {
    return 'Response';
  }

  /** What `util.inspect` (console.log) shows: the same as for a real Response, linked or not yet. */
  [INSPECT](depth: number, options: InspectOptions): string {
    const shown = { ...options, depth: options.depth ?? depth };
    const { status, statusText, headers, body, bodyUsed, ok, redirected, type, url } = this;
    const properties = { status, statusText, headers, body, bodyUsed, ok, redirected, type, url };
    return `Response ${builtin('node:util').formatWithOptions(shown, properties)}`;
  }

  get url(): string {
    return '';
  }

  get redirected(): boolean {
    return false;
  }

  get status(): number {
    return this.#status;
  }

  get ok(): boolean {
    return this.#status >= 200 && this.#status <= 299;
  }

  get statusText(): string {
    return this.#init ? this.#init.statusText : '';
  }

  /**
   * The real Response's headers for an init that needed undici; otherwise a BufferedHeaders over the kept pairs
   * (undici's behaviour without loading undici), made on first read and the same object from then on.
   */
  get headers(): Headers {
    if (this.#init) return this.#init.headers;
    this.#headers ??= new BufferedHeaders(this.#pairs ?? []) as unknown as Headers;
    return this.#headers;
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#content === null) return null;
    return this.#delegate().body as ReadableStream<Uint8Array<ArrayBuffer>>;
  }

  get bodyUsed(): boolean {
    return this.#real ? this.#real.bodyUsed : this.#used;
  }

  text(): Promise<string> {
    if (this.#real) return this.#real.text();
    if (!this.#take()) return unusable();
    return Promise.resolve(textOf(this.#content));
  }

  json(): Promise<unknown> {
    if (this.#real) return this.#real.json();
    if (!this.#take()) return unusable();
    try {
      return Promise.resolve(JSON.parse(textOf(this.#content)) as unknown);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#real) return this.#real.arrayBuffer();
    if (!this.#take()) return unusable();
    return Promise.resolve(copyBytes(this.#content).buffer as ArrayBuffer);
  }

  bytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#real) return this.#real.bytes();
    if (!this.#take()) return unusable();
    return Promise.resolve(copyBytes(this.#content));
  }

  blob(): Promise<Blob> {
    return this.#delegate().blob();
  }

  formData(): Promise<FormData> {
    return this.#delegate().formData();
  }

  clone(): Response {
    const headers = this.#headers;
    if (this.#real) {
      const copy = this.#real.clone();
      // Changes made to our headers after the real Response was built reach the clone too, as in undici (with a
      // non-plain init, `headers` is the init Response's own Headers, which the real Response copied once).
      if (BufferedHeaders.is(headers)) replaceLines(copy.headers, BufferedHeaders.lines(headers));
      else if (this.#init) replaceLines(copy.headers, [...this.#init.headers]);
      return copy;
    }
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    if (this.#pairs !== undefined) {
      // The pairs are checked and never changed: the clone shares them, or copies the headers made from them.
      const copy = new BufferedResponseImpl(this.#content, { status: this.#status }, this.#pairs);
      if (BufferedHeaders.is(headers)) copy.#headers = BufferedHeaders.copy(headers) as unknown as Headers;
      return copy as unknown as Response;
    }
    const init = { status: this.#status, statusText: this.statusText, headers: this.headers };
    return new BufferedResponseImpl(this.#content, init) as unknown as Response;
  }

  /** Marks the body read; false when it already was. No body is never used up (undici: bodyUsed stays false). */
  #take(): boolean {
    if (this.#content === null) return true;
    if (this.#used) return false;
    this.#used = true;
    return true;
  }

  /** The real Response for this body, built once; a body already read stays read (disturbed) there too. */
  #delegate(): Response {
    if (this.#real) return this.#real;
    const headers = this.#headers;
    const real = new Response(this.#content as string | Uint8Array<ArrayBuffer>, {
      status: this.#status,
      statusText: this.statusText,
      // Our headers' lines as undici copies a Headers (kept case and order), or the untouched pairs.
      headers: BufferedHeaders.is(headers)
        ? BufferedHeaders.lines(headers)
        : ((this.#pairs as [string, string][] | undefined) ?? this.headers),
    });
    if (this.#used) real.arrayBuffer().catch(ignore);
    this.#real = real;
    return real;
  }
}

// Named as the public constructor (what `response.constructor.name` says).
Object.defineProperty(BufferedResponseImpl, 'name', { value: 'BufferedResponse' });

/**
 * Makes `BufferedResponseImpl` a `Response` (prototype chain) once the `Response` global is first read, so a test
 * that only reads `status` and `text()` never loads undici (see {@link linkToGlobal}).
 */
export function linkToResponse(): void {
  linkToGlobal('Response', BufferedResponseImpl);
}

/** An init the fast path can take: no statusText, and an integer status undici keeps as it is. */
function isPlainInit(init: ResponseInit): boolean {
  if (init.statusText !== undefined) return false;
  const status = init.status;
  return status === undefined || (Number.isInteger(status) && status >= 200 && status <= 599);
}
