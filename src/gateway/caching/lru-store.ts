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

/**
 * Creates an LRU store (a `Map` kept in recency order: a read moves the entry last, eviction takes the first).
 *
 * @example
 * ```ts
 * const store = createLruStore<string>(2, Infinity);
 * store.set('a', { value: 'A', storedAt: 0, expiresAt: 10, size: 1 });
 * store.get('a', 5)?.value; // 'A'
 * ```
 */
export function createLruStore<T>(maxEntries: number, maxBytes: number): LruStore<T> {
  const map = new Map<string, StoredEntry<T>>();
  let bytes = 0;
  const remove = (key: string): boolean => {
    const old = map.get(key);
    if (!old) return false;
    map.delete(key);
    bytes -= old.size;
    return true;
  };
  return {
    get(key, now) {
      const entry = map.get(key);
      if (!entry) return undefined;
      map.delete(key);
      if (now >= entry.expiresAt) {
        bytes -= entry.size;
        return undefined;
      }
      map.set(key, entry);
      return entry;
    },
    set(key, entry) {
      remove(key);
      map.set(key, entry);
      bytes += entry.size;
      let evicted = 0;
      while ((map.size > maxEntries || bytes > maxBytes) && map.size > 1) {
        remove(map.keys().next().value as string);
        evicted += 1;
      }
      return evicted;
    },
    delete: remove,
    clear() {
      map.clear();
      bytes = 0;
    },
    get size() {
      return map.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
