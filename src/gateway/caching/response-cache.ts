import type { Clock } from '../../clock/index.js';
import { assertKnownOptions, GatewayConfigError } from '../../errors/index.js';
import { type CacheKeyInput, computeCacheKey } from './cache-key.js';
import {
  type CacheStageOptions,
  clusterBytes,
  DEFAULT_CACHE_MAX_ENTRIES,
  DEFAULT_CACHE_TTL_SECONDS,
  DEFAULT_CACHE_WARNING_HEADER,
  MAX_CACHE_ENTRY_BYTES,
  normalizeRouteOptions,
  type ResolvedRouteCache,
  resolveRoute,
  type StageCacheDefaults,
  validateBoolean,
  validateMaxEntries,
  validateStrategy,
  validateTtl,
} from './cache-options.js';
import { createLinkedLru } from './linked-lru.js';
import {
  type CacheableResponse,
  type CacheLookup,
  type CacheLookupRequest,
  type CacheMiss,
  type CacheStats,
  type CacheStoreResult,
  cachedResponseOf,
  type StoredResponse,
  snapshotResponse,
  wantsInvalidation,
} from './snapshot.js';

/** Options of {@link createResponseCache}. */
export interface ResponseCacheOptions extends CacheStageOptions {
  clock: Clock;
}

/** A REST stage cache (behaviour.md §7). */
export interface ResponseCache {
  /** Decides hit / miss / bypass / forbidden for a request; counts hits and misses. */
  lookup(request: CacheLookupRequest): CacheLookup;
  /** Stores a snapshot of the integration's response for a miss (never for gateway-generated errors). */
  store(miss: CacheMiss, response: CacheableResponse): CacheStoreResult;
  /** Drops every entry (`FlushStageCache`). */
  flush(): void;
  stats(): CacheStats;
  /** The effective settings of a route (defaults applied). */
  settings(routeKey: string): ResolvedRouteCache;
}

/**
 * The gateway's own entry points: {@link ResponseCache.lookup} and {@link ResponseCache.store} at a time the
 * pipeline read once for the request (see `PipelineContext.now`). Internal.
 */
export interface GatewayResponseCache extends ResponseCache {
  lookupAt(request: CacheLookupRequest, now: number): CacheLookup;
  storeAt(miss: CacheMiss, response: CacheableResponse, now: number): CacheStoreResult;
}

const STORED: CacheStoreResult = Object.freeze({ stored: true });

const KNOWN = [
  'clock',
  'ttlInSeconds',
  'cachingEnabled',
  'cacheClusterSize',
  'maxEntries',
  'cacheNon2xxResponses',
  'requireAuthorizationForCacheControl',
  'unauthorizedCacheControlHeaderStrategy',
  'unauthorizedWarningHeader',
  'routes',
] as const;

/**
 * Creates a stage response cache.
 *
 * @example
 * ```ts
 * const cache = createResponseCache({ clock: createManualClock(), routes: { 'GET /pets': { cacheKeyParameters: ['method.request.querystring.type'] } } });
 * const first = cache.lookup({ routeKey: 'GET /pets', method: 'GET', stage: 'dev', query: { type: 'dog' } });
 * if (first.status === 'miss') cache.store(first, { statusCode: 200, headers: [['content-type', 'application/json']], body: '[]' });
 * cache.lookup({ routeKey: 'GET /pets', method: 'GET', stage: 'dev', query: { type: 'dog' } }).status; // 'hit'
 * ```
 */
export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  return createGatewayResponseCache(options);
}

/** {@link createResponseCache} with the gateway's entry points ({@link GatewayResponseCache}). Internal. */
export function createGatewayResponseCache(options: ResponseCacheOptions): GatewayResponseCache {
  assertKnownOptions('createResponseCache', options, KNOWN);
  const { clock } = options;
  if (typeof clock?.now !== 'function') {
    throw new GatewayConfigError(
      'CACHE_MISSING_CLOCK',
      'createResponseCache: clock is missing',
      'Pass the gateway clock.',
    );
  }
  const where = 'createResponseCache';
  const stage: StageCacheDefaults = {
    cachingEnabled:
      options.cachingEnabled === undefined
        ? true
        : validateBoolean(where, 'cachingEnabled', options.cachingEnabled),
    ttlInSeconds:
      options.ttlInSeconds === undefined
        ? DEFAULT_CACHE_TTL_SECONDS
        : validateTtl(where, options.ttlInSeconds),
    requireAuthorization:
      options.requireAuthorizationForCacheControl === undefined
        ? true
        : validateBoolean(
            where,
            'requireAuthorizationForCacheControl',
            options.requireAuthorizationForCacheControl,
          ),
    strategy:
      options.unauthorizedCacheControlHeaderStrategy === undefined
        ? 'SUCCEED_WITH_RESPONSE_HEADER'
        : validateStrategy(where, options.unauthorizedCacheControlHeaderStrategy),
  };
  const cacheNon2xx =
    options.cacheNon2xxResponses === undefined
      ? true
      : validateBoolean(where, 'cacheNon2xxResponses', options.cacheNon2xxResponses);
  const warning = options.unauthorizedWarningHeader ?? DEFAULT_CACHE_WARNING_HEADER;
  if (
    !Array.isArray(warning) ||
    warning.length !== 2 ||
    typeof warning[0] !== 'string' ||
    typeof warning[1] !== 'string' ||
    warning[0] === ''
  ) {
    throw new GatewayConfigError(
      'CACHE_INVALID_OPTION',
      `${where}: unauthorizedWarningHeader must be a [name, value] pair of strings`,
      "Pass e.g. ['Warning', '199 ...'].",
    );
  }
  const warningHeaders: readonly (readonly [string, string])[] = Object.freeze([
    Object.freeze([warning[0], warning[1]] as const),
  ]);
  const store = createLinkedLru<StoredResponse>(
    options.maxEntries === undefined ? DEFAULT_CACHE_MAX_ENTRIES : validateMaxEntries(options.maxEntries),
    clusterBytes(options.cacheClusterSize ?? 0.5),
  );
  const overrides = normalizeRouteOptions(options.routes ?? {});
  const resolved = new Map<string, ResolvedRouteCache>();
  for (const [routeKey, route] of overrides) resolved.set(routeKey, resolveRoute(routeKey, route, stage));
  const settings = (routeKey: string): ResolvedRouteCache => {
    let found = resolved.get(routeKey);
    if (!found) {
      found = resolveRoute(routeKey, undefined, stage);
      resolved.set(routeKey, found);
    }
    return found;
  };
  const stats = { hits: 0, misses: 0, stored: 0, evictions: 0, invalidations: 0 };
  const none: readonly (readonly [string, string])[] = Object.freeze([]);

  const lookupAt = (request: CacheLookupRequest, now: number): CacheLookup => {
    const route = settings(request.routeKey);
    if (!route.enabled)
      return { status: 'bypass', reason: route.ttlInSeconds === 0 ? 'ttl-zero' : 'caching-disabled' };
    const key = computeCacheKey(
      route.namespace,
      request.method,
      request.stage,
      route.parameters,
      request as CacheKeyInput,
    );
    let headers = none;
    if (wantsInvalidation(request.headers)) {
      if (!route.requireAuthorization || request.authorizedToInvalidate === true) {
        if (store.delete(key)) stats.invalidations += 1;
        stats.misses += 1;
        return { status: 'miss', key, ttlInSeconds: route.ttlInSeconds, invalidated: true, headers };
      }
      if (route.strategy === 'FAIL_WITH_403') {
        return {
          status: 'forbidden',
          key,
          message: `Cache-Control: max-age=0 from a caller not authorized to invalidate the cache of ${request.routeKey} (FAIL_WITH_403)`,
        };
      }
      if (route.strategy === 'SUCCEED_WITH_RESPONSE_HEADER') headers = warningHeaders;
    }
    const entry = store.get(key, now);
    if (entry) {
      stats.hits += 1;
      return {
        status: 'hit',
        key,
        response: cachedResponseOf(entry),
        ageSeconds: Math.floor((now - entry.storedAt) / 1000),
        headers,
      };
    }
    stats.misses += 1;
    return { status: 'miss', key, ttlInSeconds: route.ttlInSeconds, invalidated: false, headers };
  };
  const storeAt = (miss: CacheMiss, response: CacheableResponse, now: number): CacheStoreResult => {
    if (!cacheNon2xx && (response.statusCode < 200 || response.statusCode > 299))
      return { stored: false, reason: 'status-not-cached' };
    const node = snapshotResponse(miss.key, response, now, miss.ttlInSeconds * 1000, MAX_CACHE_ENTRY_BYTES);
    if (node === undefined) return { stored: false, reason: 'too-large' };
    stats.evictions += store.insert(node);
    stats.stored += 1;
    return STORED;
  };

  return {
    lookup: (request) => lookupAt(request, clock.now()),
    store: (miss, response) => storeAt(miss, response, clock.now()),
    lookupAt,
    storeAt,
    flush() {
      store.clear();
    },
    stats() {
      return { ...stats, entries: store.size, bytes: store.bytes };
    },
    settings,
  };
}
