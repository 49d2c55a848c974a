import { createLinkedLru, type LruNode } from './linked-lru.js';

/** One stored response snapshot. */
export interface StoredEntry<T> {
  readonly value: T;
  readonly storedAt: number;
  readonly expiresAt: number;
  readonly size: number;
}

/** A map with least-recently-used eviction by entry count and total size; expiry checked on read. */
export interface LruStore<T> {
  get(key: string, now: number): StoredEntry<T> | undefined;
  /** Stores `entry`; returns how many entries were evicted to make room. */
  set(key: string, entry: StoredEntry<T>): number;
  delete(key: string): boolean;
  clear(): void;
  readonly size: number;
  readonly bytes: number;
}

/** An entry as the store keeps it: the node of the linked LRU (one object per entry). */
interface Node<T> extends StoredEntry<T>, LruNode {}

/**
 * Creates an LRU store: entries evicted least recently used first by count and total size, expiry checked on read
 * (a {@link createLinkedLru} whose nodes carry the value).
 *
 * @example
 * ```ts
 * const store = createLruStore<string>(2, Infinity);
 * store.set('a', { value: 'A', storedAt: 0, expiresAt: 10, size: 1 });
 * store.get('a', 5)?.value; // 'A'
 * ```
 */
export function createLruStore<T>(maxEntries: number, maxBytes: number): LruStore<T> {
  const lru = createLinkedLru<Node<T>>(maxEntries, maxBytes);
  return {
    get: (key, now) => lru.get(key, now),
    set: (key, entry) =>
      lru.insert({
        key,
        value: entry.value,
        storedAt: entry.storedAt,
        expiresAt: entry.expiresAt,
        size: entry.size,
        older: undefined,
        newer: undefined,
      }),
    delete: (key) => lru.delete(key),
    clear: () => lru.clear(),
    get size() {
      return lru.size;
    },
    get bytes() {
      return lru.bytes;
    },
  };
}
