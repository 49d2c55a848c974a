import type { HeaderList, HeaderPair } from './header-list.js';

/** What a Headers iterator yields: names, values, or [name, value] pairs. */
export type IteratorKind = 'key' | 'value' | 'key+value';

/**
 * The iterator `entries()`, `keys()`, `values()` and `[Symbol.iterator]()` of BufferedHeaders return, built like
 * undici's: it reads the list's sorted view afresh on every step at its own index (changes during iteration show,
 * as in undici), inherits `[Symbol.iterator]` from `%IteratorPrototype%`, is tagged `Headers Iterator` and has no
 * `constructor` of its own (so `util.inspect` prints `Object [Headers Iterator] {}`).
 */
export class HeadersIterator {
  readonly #list: HeaderList;
  readonly #kind: IteratorKind;
  #index = 0;

  constructor(list: HeaderList, kind: IteratorKind) {
    this.#list = list;
    this.#kind = kind;
  }

  next(): IteratorResult<string | [string, string], undefined> {
    if (typeof this !== 'object' || this === null || !(#list in this)) {
      throw new TypeError("'next' called on an object that does not implement interface Headers Iterator.");
    }
    const index = this.#index;
    const lines = this.#list.sorted();
    if (index >= lines.length) return { value: undefined, done: true };
    const [key, value] = lines[index] as HeaderPair;
    this.#index = index + 1;
    const kind = this.#kind;
    return { value: kind === 'key' ? key : kind === 'value' ? value : [key, value], done: false };
  }
}

const ITERATOR_PROTOTYPE = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;
Reflect.deleteProperty(HeadersIterator.prototype, 'constructor');
Object.setPrototypeOf(HeadersIterator.prototype, ITERATOR_PROTOTYPE);
Object.defineProperties(HeadersIterator.prototype, {
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'Headers Iterator' },
  next: { writable: true, enumerable: true, configurable: true },
});
