import { describe, expect, it } from 'vitest';
import { createLruStore, type StoredEntry } from '../../src/gateway/caching/lru-store.js';

const entry = (value: string, size = 1, expiresAt = 1_000): StoredEntry<string> => ({
  value,
  storedAt: 0,
  expiresAt,
  size,
});
const keysOf = (store: ReturnType<typeof createLruStore<string>>, keys: string[]) =>
  keys.filter((k) => store.get(k, 0) !== undefined);

describe('createLruStore: least-recently-used eviction by count and bytes, expiry on read', () => {
  it('evicts the oldest entry first, a read making an entry the newest', () => {
    const store = createLruStore<string>(3, Number.POSITIVE_INFINITY);
    for (const k of ['a', 'b', 'c']) store.set(k, entry(k));
    expect(store.get('a', 0)?.value).toBe('a'); // order now b, c, a
    expect(store.set('d', entry('d'))).toBe(1); // evicts b
    expect(store.get('b', 0)).toBeUndefined();
    expect(store.set('e', entry('e'))).toBe(1); // evicts c
    expect(keysOf(store, ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'd', 'e']);
    expect([store.size, store.bytes]).toEqual([3, 3]);
  });

  it('unlinks entries deleted, replaced or expired in the middle of the order', () => {
    const store = createLruStore<string>(4, Number.POSITIVE_INFINITY);
    store.set('a', entry('a'));
    store.set('b', entry('b', 1, 10));
    store.set('c', entry('c'));
    store.set('d', entry('d'));
    expect(store.delete('c')).toBe(true);
    expect(store.delete('c')).toBe(false);
    expect(store.get('b', 10)).toBeUndefined(); // expired: dropped
    store.set('a', entry('A', 2)); // replaced: newest, new size
    expect([store.size, store.bytes]).toEqual([2, 3]);
    for (const k of ['e', 'f', 'g']) store.set(k, entry(k));
    // Order was d, a, e, f, g: d goes first.
    expect(keysOf(store, ['a', 'd', 'e', 'f', 'g'])).toEqual(['a', 'e', 'f', 'g']);
  });

  it('evicts by bytes but always keeps the newest entry, and starts over after clear()', () => {
    const store = createLruStore<string>(10, 5);
    store.set('a', entry('a', 3));
    expect(store.set('b', entry('b', 3))).toBe(1);
    expect(store.set('huge', entry('huge', 50))).toBe(1);
    expect([store.size, store.bytes, store.get('huge', 0)?.value]).toEqual([1, 50, 'huge']);
    store.clear();
    expect([store.size, store.bytes]).toEqual([0, 0]);
    store.set('x', entry('x'));
    store.set('y', entry('y'));
    expect(keysOf(store, ['x', 'y'])).toEqual(['x', 'y']);
  });
});
