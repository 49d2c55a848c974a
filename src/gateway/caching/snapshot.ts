import { Buffer } from 'node:buffer';
import { isHeaders } from '../../http/is-headers.js';
import { type CacheKeyInput, isHeaderLines } from './cache-key.js';
import type { LruNode } from './linked-lru.js';

/** What the core passes to `cache.lookup()`. */
export interface CacheLookupRequest extends CacheKeyInput {
  /** Matched route key (`'GET /pets/{id}'`): selects the route's settings and default namespace. */
  routeKey: string;
  /** The request's HTTP method (part of the key; matters for ANY routes). */
  method: string;
  stage: string;
  /** Whether the caller may invalidate (`execute-api:InvalidateCache`). Default false. */
  authorizedToInvalidate?: boolean;
}

/** A response as the core hands it to `cache.store()`. */
export interface CacheableResponse {
  statusCode: number;
  headers?: Headers | Iterable<readonly [string, string]> | Readonly<Record<string, string>>;
  /** Body text or bytes; stored as a copy, returned in the same form. */
  body?: string | Uint8Array | null;
}

/** A stored snapshot, copied out on every hit. */
export interface CachedResponse {
  readonly statusCode: number;
  readonly headers: [string, string][];
  readonly body: string | Uint8Array;
}

/** Extra response headers the core must add (the SUCCEED_WITH_RESPONSE_HEADER warning). */
export type ExtraHeaders = readonly (readonly [string, string])[];

export interface CacheBypass {
  readonly status: 'bypass';
  /** `caching-disabled`: not cached for this route/method (only GET is cached by default); `ttl-zero`: TTL 0. */
  readonly reason: 'caching-disabled' | 'ttl-zero';
}
export interface CacheHit {
  readonly status: 'hit';
  readonly key: string;
  readonly response: CachedResponse;
  readonly ageSeconds: number;
  readonly headers: ExtraHeaders;
}
export interface CacheMiss {
  readonly status: 'miss';
  readonly key: string;
  readonly ttlInSeconds: number;
  /** True when an authorised `Cache-Control: max-age=0` dropped the entry. */
  readonly invalidated: boolean;
  readonly headers: ExtraHeaders;
}
/** FAIL_WITH_403: the core answers 403 without calling the integration. */
export interface CacheForbidden {
  readonly status: 'forbidden';
  readonly key: string;
  readonly message: string;
}
/** What a cache lookup decided for one request: bypass, hit, miss, or a FAIL_WITH_403 refusal (behaviour.md §7). */
export type CacheLookup = CacheBypass | CacheHit | CacheMiss | CacheForbidden;

export type CacheStoreResult =
  | { readonly stored: true }
  | { readonly stored: false; readonly reason: 'too-large' | 'status-not-cached' };

/** Counters of a cache. Misses count only for routes with caching enabled (like `CacheMissCount`). */
export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly stored: number;
  readonly evictions: number;
  readonly invalidations: number;
  readonly entries: number;
  readonly bytes: number;
}

/**
 * A response as the cache keeps it, in the cache's LRU node itself: the header lines flat (`[name0, value0, name1,
 * value1, …]`) in one array. An entry lives as long as the cache keeps it, so every object in it is copied by the
 * young-generation GC and promoted: one node holding the response and one array for all lines are the fewest (the
 * node, the key and the body per entry, five objects before the response moved into the node and equal line arrays
 * were shared). Hits copy it out as a {@link CachedResponse}.
 */
export interface StoredResponse extends LruNode {
  readonly statusCode: number;
  readonly lines: readonly string[];
  readonly body: string | Uint8Array;
  readonly storedAt: number;
}

/**
 * Copies a response into a node for `key`, stored at `now` for `ttlMs`, sized for the LRU budget (body bytes +
 * header text + key); `undefined` when its body is over `maxBodyBytes`.
 */
export function snapshotResponse(
  key: string,
  response: CacheableResponse,
  now: number,
  ttlMs: number,
  maxBodyBytes: number,
): StoredResponse | undefined {
  const raw = response.body ?? '';
  const bodyBytes = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.byteLength;
  if (bodyBytes > maxBodyBytes) return undefined;
  let lines: string[];
  let headerBytes = 0;
  const source = response.headers;
  if (Array.isArray(source)) {
    const pairs = source as readonly (readonly [string, string])[];
    if (sameLines(last.lines, pairs)) {
      lines = last.lines;
      headerBytes = last.bytes;
    } else {
      // Sized up front: an array grown by push() keeps a larger backing store alive with the entry.
      lines = new Array(pairs.length * 2);
      for (let i = 0; i < pairs.length; i++) {
        const [name, value] = pairs[i]!;
        lines[2 * i] = name;
        lines[2 * i + 1] = value;
        headerBytes += name.length + value.length;
      }
      last = { lines, bytes: headerBytes };
    }
  } else {
    lines = [];
    if (source) {
      const pairs: Iterable<readonly [string, string]> =
        isHeaders(source) || Symbol.iterator in source
          ? (source as Iterable<readonly [string, string]>)
          : Object.entries(source as Record<string, string>);
      for (const [name, value] of pairs) {
        lines.push(name, value);
        headerBytes += name.length + value.length;
      }
    }
    lines = lines.slice();
  }
  return {
    key,
    statusCode: response.statusCode,
    lines,
    body: typeof raw === 'string' ? raw : raw.slice(),
    storedAt: now,
    expiresAt: now + ttlMs,
    size: bodyBytes + headerBytes + key.length,
    older: undefined,
    newer: undefined,
  };
}

/**
 * The header lines stored last. A route's responses usually carry the same lines (`content-type` and a few
 * constants), and the lines are never changed once stored (hits copy them out), so entries with equal lines share
 * one array: a quarter less memory per entry for the GC to copy and promote (one long-lived object fewer).
 */
let last: { lines: string[]; bytes: number } = { lines: [], bytes: 0 };

function sameLines(lines: readonly string[], pairs: readonly (readonly [string, string])[]): boolean {
  if (lines.length !== pairs.length * 2) return false;
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    if (pair[0] !== lines[2 * i] || pair[1] !== lines[2 * i + 1]) return false;
  }
  return true;
}

/** A stored response copied out for one hit: fresh header pairs and body bytes the caller may change. */
export function cachedResponseOf(stored: StoredResponse): CachedResponse {
  const lines = stored.lines;
  const headers: [string, string][] = new Array(lines.length / 2);
  for (let i = 0; i < headers.length; i++) headers[i] = [lines[2 * i]!, lines[2 * i + 1]!];
  const body = stored.body;
  return { statusCode: stored.statusCode, headers, body: typeof body === 'string' ? body : body.slice() };
}

/** True when the request carries `Cache-Control: max-age=0` (any case, among other directives). */
export function wantsInvalidation(headers: CacheKeyInput['headers']): boolean {
  if (!headers) return false;
  let value: string | undefined;
  if (isHeaders(headers)) value = headers.get('cache-control') ?? undefined;
  else if (isHeaderLines(headers)) {
    // Repeated lines join with a comma, as a record's list would.
    for (const [name, v] of headers) {
      if (name.length === 13 && name.toLowerCase() === 'cache-control')
        value = value === undefined ? v : `${value},${v}`;
    }
  } else {
    for (const name in headers) {
      if (name.length === 13 && name.toLowerCase() === 'cache-control') {
        const v = headers[name];
        value = typeof v === 'string' ? v : v?.join(',');
      }
    }
  }
  if (!value) return false;
  return value.split(',').some((d) => d.trim().toLowerCase() === 'max-age=0');
}
