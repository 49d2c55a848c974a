import { formatText, formatValue } from '../../errors/format-value.js';
import { assertKnownOptions, GatewayConfigError } from '../../errors/index.js';
import { toRouteKey } from '../throttling/index.js';
import { type CacheKeyParameter, parseCacheKeyParameter } from './cache-key.js';

/** How an unauthorised `Cache-Control: max-age=0` is handled (`unauthorizedCacheControlHeaderStrategy`). */
export type UnauthorizedCacheControlHeaderStrategy =
  | 'FAIL_WITH_403'
  | 'SUCCEED_WITH_RESPONSE_HEADER'
  | 'SUCCEED_WITHOUT_RESPONSE_HEADER';

/** Stage cache sizes in GB (`cacheClusterSize`). */
export type CacheClusterSize = 0.5 | 1.6 | 6.1 | 13.5 | 28.4 | 58.2 | 118 | 237;

/** Per-method cache settings (REST `methodSettings` caching fields + integration cache key). */
export interface RouteCacheOptions {
  /** Default: the stage's `cachingEnabled` for GET routes, false for every other method. */
  cachingEnabled?: boolean;
  /** 0–3600; 0 turns caching off. Default: the stage's. */
  ttlInSeconds?: number;
  /** `method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.<name>` values in the key. */
  cacheKeyParameters?: readonly string[];
  /** `Integration.cacheNamespace`. Default: the route key (AWS: the resource id). */
  cacheNamespace?: string;
  requireAuthorizationForCacheControl?: boolean;
  unauthorizedCacheControlHeaderStrategy?: UnauthorizedCacheControlHeaderStrategy;
}

/** Stage-level options of `createResponseCache` besides the clock. */
export interface CacheStageOptions {
  /** Stage default TTL (`*\/*` `caching/ttlInSeconds`), 0–3600, 0 = off. Default 300. */
  ttlInSeconds?: number;
  /** Stage default for GET methods. Default true (a stage cache caches GET methods). */
  cachingEnabled?: boolean;
  /** Capacity in GB; the byte budget of the LRU. Default 0.5. */
  cacheClusterSize?: CacheClusterSize;
  /**
   * Cap on the number of entries (LRU eviction beyond it). Default {@link DEFAULT_CACHE_MAX_ENTRIES}: AWS sizes
   * the cache by bytes only, but each entry also costs the simulator a few hundred bytes of bookkeeping that
   * `cacheClusterSize` does not count, so a soak test with many small distinct responses stays bounded.
   */
  maxEntries?: number;
  /** Whether non-2xx integration responses are cached (UNCONFIRMED on AWS). Default true. */
  cacheNon2xxResponses?: boolean;
  requireAuthorizationForCacheControl?: boolean;
  unauthorizedCacheControlHeaderStrategy?: UnauthorizedCacheControlHeaderStrategy;
  /** Header added by SUCCEED_WITH_RESPONSE_HEADER (UNCONFIRMED on AWS). Default {@link DEFAULT_CACHE_WARNING_HEADER}. */
  unauthorizedWarningHeader?: readonly [string, string];
  /** Per-route overrides keyed by route key (`'GET /pets/{id}'`) or method-settings key (`'pets/{id}/GET'`). */
  routes?: Readonly<Record<string, RouteCacheOptions>>;
}

/** The warning header this simulator adds for SUCCEED_WITH_RESPONSE_HEADER (AWS's exact header is UNCONFIRMED). */
export const DEFAULT_CACHE_WARNING_HEADER: readonly [string, string] = Object.freeze([
  'Warning',
  '199 Cache-control headers were ignored because the caller was unauthorized.',
] as const);

/** Default `cacheTtlInSeconds` of a REST API stage/method: 300 s (behaviour.md §7). */
export const DEFAULT_CACHE_TTL_SECONDS = 300;
/** Largest `cacheTtlInSeconds` API Gateway accepts: 3600 s; 0 disables caching (behaviour.md §7). */
export const MAX_CACHE_TTL_SECONDS = 3600;
/** Largest response API Gateway caches: 1 048 576 bytes; a bigger one is served but not stored (behaviour.md §7). */
export const MAX_CACHE_ENTRY_BYTES = 1_048_576;
const SIZES: readonly number[] = [0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237];
const STRATEGIES: readonly string[] = [
  'FAIL_WITH_403',
  'SUCCEED_WITH_RESPONSE_HEADER',
  'SUCCEED_WITHOUT_RESPONSE_HEADER',
];
const ROUTE_KEYS = [
  'cachingEnabled',
  'ttlInSeconds',
  'cacheKeyParameters',
  'cacheNamespace',
  'requireAuthorizationForCacheControl',
  'unauthorizedCacheControlHeaderStrategy',
] as const;

/** Settings of one route after defaults. */
export interface ResolvedRouteCache {
  readonly enabled: boolean;
  readonly ttlMs: number;
  readonly ttlInSeconds: number;
  readonly namespace: string;
  readonly parameters: readonly CacheKeyParameter[];
  readonly requireAuthorization: boolean;
  readonly strategy: UnauthorizedCacheControlHeaderStrategy;
}

const fail = (code: string, problem: string, hint: string) => new GatewayConfigError(code, problem, hint);

export function validateTtl(where: string, ttl: unknown): number {
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > MAX_CACHE_TTL_SECONDS) {
    throw fail(
      'CACHE_INVALID_TTL',
      `${where}: ttlInSeconds must be an integer from 0 to ${MAX_CACHE_TTL_SECONDS}, got ${formatText(ttl)}`,
      'API Gateway caches for 0 (off) to 3600 seconds; the default is 300.',
    );
  }
  return ttl;
}

export function validateStrategy(where: string, value: unknown): UnauthorizedCacheControlHeaderStrategy {
  if (typeof value !== 'string' || !STRATEGIES.includes(value)) {
    throw fail(
      'CACHE_INVALID_STRATEGY',
      `${where}: unauthorizedCacheControlHeaderStrategy ${formatValue(value)} is not known`,
      `Use one of ${STRATEGIES.join(', ')}.`,
    );
  }
  return value as UnauthorizedCacheControlHeaderStrategy;
}

export function validateBoolean(where: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw fail(
      'CACHE_INVALID_OPTION',
      `${where}: ${name} must be a boolean, got ${typeof value}`,
      'Pass true or false.',
    );
  return value;
}

/** Bytes of the LRU budget for a cluster size (GB = 2^30 bytes). */
export function clusterBytes(size: unknown): number {
  if (typeof size !== 'number' || !SIZES.includes(size)) {
    throw fail(
      'CACHE_INVALID_CLUSTER_SIZE',
      `createResponseCache: cacheClusterSize must be one of ${SIZES.join(', ')} (GB), got ${formatText(size)}`,
      'Pick one of the sizes API Gateway offers.',
    );
  }
  return Math.floor(size * 2 ** 30);
}

/**
 * Entries a stage cache holds at most unless `maxEntries` says otherwise (a simulator bound, not an AWS limit).
 *
 * @example
 * ```ts
 * createResponseCache({ clock, maxEntries: DEFAULT_CACHE_MAX_ENTRIES * 10 }); // a bigger soak
 * ```
 */
export const DEFAULT_CACHE_MAX_ENTRIES = 100_000;

export function validateMaxEntries(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw fail(
      'CACHE_INVALID_MAX_ENTRIES',
      `createResponseCache: maxEntries must be an integer ≥ 1, got ${formatText(value)}`,
      `Pass a positive integer (default ${DEFAULT_CACHE_MAX_ENTRIES}).`,
    );
  }
  return value;
}

/** Stage defaults a route inherits. */
export interface StageCacheDefaults {
  readonly cachingEnabled: boolean;
  readonly ttlInSeconds: number;
  readonly requireAuthorization: boolean;
  readonly strategy: UnauthorizedCacheControlHeaderStrategy;
}

/** Validates `routes` (keys normalised to route keys) into a map of raw overrides. */
export function normalizeRouteOptions(
  routes: Readonly<Record<string, RouteCacheOptions>>,
): Map<string, RouteCacheOptions> {
  const result = new Map<string, RouteCacheOptions>();
  for (const [key, value] of Object.entries(routes)) {
    const where = `createResponseCache: routes[${formatValue(key)}]`;
    if (key === '*/*')
      throw fail(
        'CACHE_INVALID_ROUTE_KEY',
        `${where}: '*/*' is the stage itself`,
        'Set stage-wide defaults with the top-level options of createResponseCache.',
      );
    const routeKey = toRouteKey(key, where, 'CACHE_INVALID_ROUTE_KEY');
    if (result.has(routeKey))
      throw fail(
        'CACHE_DUPLICATE_ROUTE_KEY',
        `${where}: ${routeKey} is configured twice`,
        'Keep one entry per route.',
      );
    assertKnownOptions(where, value, ROUTE_KEYS);
    result.set(routeKey, value);
  }
  return result;
}

/** Applies stage defaults to a route's overrides and validates them. */
export function resolveRoute(
  routeKey: string,
  route: RouteCacheOptions | undefined,
  stage: StageCacheDefaults,
): ResolvedRouteCache {
  const where = `createResponseCache: routes[${formatValue(routeKey)}]`;
  const method = routeKey.slice(0, routeKey.indexOf(' '));
  const enabled =
    route?.cachingEnabled === undefined
      ? method === 'GET' && stage.cachingEnabled
      : validateBoolean(where, 'cachingEnabled', route.cachingEnabled);
  const ttlInSeconds =
    route?.ttlInSeconds === undefined ? stage.ttlInSeconds : validateTtl(where, route.ttlInSeconds);
  const namespace = route?.cacheNamespace ?? routeKey;
  if (typeof namespace !== 'string' || namespace === '')
    throw fail(
      'CACHE_INVALID_NAMESPACE',
      `${where}: cacheNamespace must be a non-empty string`,
      'Omit it to use the route key.',
    );
  const parameters = (route?.cacheKeyParameters ?? []).map((p) => parseCacheKeyParameter(where, p));
  return {
    enabled: enabled && ttlInSeconds > 0,
    ttlInSeconds,
    ttlMs: ttlInSeconds * 1000,
    namespace,
    parameters,
    requireAuthorization:
      route?.requireAuthorizationForCacheControl === undefined
        ? stage.requireAuthorization
        : validateBoolean(
            where,
            'requireAuthorizationForCacheControl',
            route.requireAuthorizationForCacheControl,
          ),
    strategy:
      route?.unauthorizedCacheControlHeaderStrategy === undefined
        ? stage.strategy
        : validateStrategy(where, route.unauthorizedCacheControlHeaderStrategy),
  };
}
