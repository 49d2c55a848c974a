import type { InspectOptions } from 'node:util';
import { builtin } from '../node/builtin.js';
import { HeaderList, type HeaderPair } from './header-list.js';
import { HeadersIterator } from './headers-iterator.js';
import { checkArgumentCount, illegalInvocation, lineArguments, nameArgument } from './headers-webidl.js';
import { linkToGlobal } from './link-to-global.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * The `headers` of a BufferedResponse: the whole fetch `Headers` interface with undici's observable behaviour for
 * a response's headers (guard "response", so mutable) — name and value checks with undici's TypeError messages,
 * value trimming, case-insensitive lookup, ", "-joined repeats ("; " for cookie), `getSetCookie()`, sorted
 * lowercase iteration with set-cookie lines one by one, live iterators, argument-count errors and the same
 * `util.inspect` output — without loading undici (~35–45 ms in a fresh Node process). Like BufferedResponse it
 * is linked to `Headers.prototype` when the `Headers` global is first read ({@link linkToGlobal}), so
 * `instanceof Headers` and the `[object Headers]` tag hold. Building one is O(1): it keeps the response's
 * checked pairs and builds its list on first use.
 *
 * @example
 * ```ts
 * const headers = new BufferedHeaders([['Content-Type', 'text/plain'], ['X-A', '1'], ['x-a', '2']]);
 * headers.get('x-a'); // '1, 2'
 * [...headers]; // [['content-type', 'text/plain'], ['x-a', '1, 2']]
 * ```
 */
export class BufferedHeaders {
  /** The checked pairs (token names, values undici keeps unchanged) until the list is first needed. */
  #seed: readonly HeaderPair[] | undefined;
  #list: HeaderList | undefined;

  /** `seed`: pairs whose names are tokens and whose values are already normalised (the caller checked). */
  constructor(seed: readonly HeaderPair[]) {
    linkToGlobal('Headers', BufferedHeaders);
    this.#seed = seed;
  }

  /** True for a BufferedHeaders (without reading the `Headers` global). */
  static is(value: unknown): value is BufferedHeaders {
    return typeof value === 'object' && value !== null && #list in value;
  }

  /** An independent copy with the same lines, names in the same case and order (what a clone carries). */
  static copy(headers: BufferedHeaders): BufferedHeaders {
    const copy = new BufferedHeaders([]);
    if (headers.#list === undefined) copy.#seed = headers.#seed;
    else copy.#list = headers.#list.copy();
    return copy;
  }

  /** The lines as undici copies a Headers: kept case, insertion order, set-cookie values one by one. */
  static lines(headers: BufferedHeaders): [string, string][] {
    return BufferedHeaders.#listOf(headers).lines();
  }

  static #listOf(self: unknown): HeaderList {
    if (!BufferedHeaders.is(self)) throw illegalInvocation();
    if (self.#list === undefined) {
      self.#list = HeaderList.of(self.#seed ?? []);
      self.#seed = undefined;
    }
    return self.#list;
  }

  append(name: string, value: string): void {
    const list = BufferedHeaders.#listOf(this);
    // biome-ignore lint/complexity/noArguments: the argument count is part of the Headers contract
    list.append(...lineArguments(arguments.length, name, value, 'Headers.append'));
  }

  delete(name: string): void {
    const list = BufferedHeaders.#listOf(this);
    // biome-ignore lint/complexity/noArguments: the argument count is part of the Headers contract
    list.delete(nameArgument(arguments.length, name, 'Headers.delete'));
  }

  get(name: string): string | null {
    const list = BufferedHeaders.#listOf(this);
    // biome-ignore lint/complexity/noArguments: the argument count is part of the Headers contract
    return list.get(nameArgument(arguments.length, name, 'Headers.get'));
  }

  has(name: string): boolean {
    const list = BufferedHeaders.#listOf(this);
    // biome-ignore lint/complexity/noArguments: the argument count is part of the Headers contract
    return list.has(nameArgument(arguments.length, name, 'Headers.has'));
  }

  set(name: string, value: string): void {
    const list = BufferedHeaders.#listOf(this);
    // biome-ignore lint/complexity/noArguments: the argument count is part of the Headers contract
    list.set(...lineArguments(arguments.length, name, value, 'Headers.set'));
  }

  getSetCookie(): string[] {
    return BufferedHeaders.#listOf(this).cookies();
  }

  keys(): HeadersIterator {
    return new HeadersIterator(BufferedHeaders.#listOf(this), 'key');
  }

  values(): HeadersIterator {
    return new HeadersIterator(BufferedHeaders.#listOf(this), 'value');
  }

  entries(): HeadersIterator {
    return new HeadersIterator(BufferedHeaders.#listOf(this), 'key+value');
  }

  forEach(
    callbackfn: (value: string, key: string, parent: BufferedHeaders) => void,
    thisArg: unknown = globalThis,
  ): void {
    const list = BufferedHeaders.#listOf(this);
    // biome-ignore lint/complexity/noArguments: the argument count is part of the Headers contract
    checkArgumentCount(arguments.length, 1, 'Headers.forEach');
    if (typeof callbackfn !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    const iterator = new HeadersIterator(list, 'key+value');
    for (let step = iterator.next(); step.done !== true; step = iterator.next()) {
      const [key, value] = step.value as [string, string];
      callbackfn.call(thisArg, value, key, this);
    }
  }

  /** What `util.inspect` (console.log) shows: undici's `Headers { Name: 'value' }`, names in their kept case. */
  [INSPECT](depth: number, options: InspectOptions): string {
    options.depth ??= depth;
    const shown = BufferedHeaders.#listOf(this).shown();
    return `Headers ${builtin('node:util').formatWithOptions(options, shown)}`;
  }

  declare readonly [Symbol.toStringTag]: string;
  declare [Symbol.iterator]: () => HeadersIterator;
}

// `headers.constructor` is the Headers global, as for a real one (`new headers.constructor(init)` makes a checked,
// real Headers; our constructor takes pre-checked pairs only).
Object.defineProperty(BufferedHeaders.prototype, 'constructor', {
  configurable: true,
  enumerable: false,
  get: () => globalThis.Headers,
});
// As on undici's Headers.prototype: the methods are enumerable, [Symbol.iterator] is entries, the tag a value.
const ENUMERABLE = [
  'append',
  'delete',
  'get',
  'has',
  'set',
  'getSetCookie',
  'keys',
  'values',
  'entries',
  'forEach',
];
for (const name of ENUMERABLE) Object.defineProperty(BufferedHeaders.prototype, name, { enumerable: true });
Object.defineProperties(BufferedHeaders.prototype, {
  [Symbol.iterator]: {
    writable: true,
    enumerable: false,
    configurable: true,
    value: BufferedHeaders.prototype.entries,
  },
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'Headers' },
});
