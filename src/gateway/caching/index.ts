export {
  type CacheKeyInput,
  type CacheKeyParameter,
  type CacheKeySource,
  computeCacheKey,
  parseCacheKeyParameter,
} from './cache-key.js';
export {
  type CacheClusterSize,
  type CacheStageOptions,
  DEFAULT_CACHE_MAX_ENTRIES,
  DEFAULT_CACHE_TTL_SECONDS,
  DEFAULT_CACHE_WARNING_HEADER,
  MAX_CACHE_ENTRY_BYTES,
  MAX_CACHE_TTL_SECONDS,
  type ResolvedRouteCache,
  type RouteCacheOptions,
  type UnauthorizedCacheControlHeaderStrategy,
} from './cache-options.js';
export { createLruStore, type LruStore, type StoredEntry } from './lru-store.js';
export { createResponseCache, type ResponseCache, type ResponseCacheOptions } from './response-cache.js';
export type {
  CacheableResponse,
  CacheBypass,
  CachedResponse,
  CacheForbidden,
  CacheHit,
  CacheLookup,
  CacheLookupRequest,
  CacheMiss,
  CacheStats,
  CacheStoreResult,
  ExtraHeaders,
} from './snapshot.js';
