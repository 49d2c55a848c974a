/** What the linked LRU needs of an entry: its key, expiry, size and the two links of the recency list. */
export interface LruNode {
  readonly key: string;
  readonly expiresAt: number;
  readonly size: number;
  older: LruNode | undefined;
  newer: LruNode | undefined;
}

/** An LRU over caller-made nodes: the node is the stored entry (see {@link createLinkedLru}). */
export interface LinkedLru<N extends LruNode> {
  /** The live node of `key` at `now`, made the most recently used; an expired one is dropped. */
  get(key: string, now: number): N | undefined;
  /** Stores `node` under `node.key` (replacing an entry of that key); returns how many entries were evicted. */
  insert(node: N): number;
  delete(key: string): boolean;
  clear(): void;
  readonly size: number;
  readonly bytes: number;
}

/**
 * Creates an LRU whose entries are the caller's own nodes: a `Map` from key to node, and the nodes in a doubly
 * linked list from the least to the most recently used (a read moves the node last, eviction takes the first). The
 * list makes eviction O(1): taking the oldest key of a `Map` kept in insertion order walks over every slot its
 * deletions left behind since its last rehash (hundreds of steps per stored response with a full cache, measured).
 * The node being the entry means one long-lived object per entry, which the young-generation GC copies and promotes
 * (the response cache keeps its response fields in the node itself).
 *
 * @example
 * ```ts
 * const lru = createLinkedLru<LruNode & { text: string }>(2, Infinity);
 * lru.insert({ key: 'a', text: 'A', expiresAt: 10, size: 1, older: undefined, newer: undefined });
 * lru.get('a', 5)?.text; // 'A'
 * ```
 */
export function createLinkedLru<N extends LruNode>(maxEntries: number, maxBytes: number): LinkedLru<N> {
  const map = new Map<string, N>();
  let oldest: LruNode | undefined;
  let newest: LruNode | undefined;
  let bytes = 0;
  const unlink = (node: LruNode): void => {
    if (node.older) node.older.newer = node.newer;
    else oldest = node.newer;
    if (node.newer) node.newer.older = node.older;
    else newest = node.older;
    node.older = undefined;
    node.newer = undefined;
  };
  const append = (node: LruNode): void => {
    node.older = newest;
    if (newest) newest.newer = node;
    else oldest = node;
    newest = node;
  };
  const drop = (node: LruNode): void => {
    map.delete(node.key);
    unlink(node);
    bytes -= node.size;
  };
  return {
    get(key, now) {
      const node = map.get(key);
      if (!node) return undefined;
      if (now >= node.expiresAt) {
        drop(node);
        return undefined;
      }
      if (node !== newest) {
        unlink(node);
        append(node);
      }
      return node;
    },
    insert(node) {
      const stale = map.get(node.key);
      if (stale) drop(stale);
      map.set(node.key, node);
      append(node);
      bytes += node.size;
      let evicted = 0;
      // Evicting through the node: one Map operation per evicted entry instead of a lookup and a delete (each
      // lookup of a 1000-entry cache's key costs a few hundred ns in cache misses, profiled on the gateway bench).
      while ((map.size > maxEntries || bytes > maxBytes) && map.size > 1) {
        drop(oldest!);
        evicted += 1;
      }
      return evicted;
    },
    delete(key) {
      const node = map.get(key);
      if (!node) return false;
      drop(node);
      return true;
    },
    clear() {
      map.clear();
      oldest = undefined;
      newest = undefined;
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
