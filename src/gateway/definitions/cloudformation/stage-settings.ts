import type { WarningList } from '../model.js';
import { child, isRecord } from '../source/pointer.js';

/**
 * Stage settings as `createGateway` options: `MethodSettings` throttling → `throttle`, caching (only with a cache
 * cluster) → `cache`; `ResourcePath` `/~1pets~1{id}` is `/pets/{id}`, `/*` + `*` the stage default (behaviour.md §21.4).
 */
export function stageOptions(
  stage: Record<string, unknown>,
  apiType: 'REST' | 'HTTP',
  warnings: WarningList,
  pointer: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const methods: Record<string, unknown> = {};
  const cacheRoutes: Record<string, unknown> = {};
  const cache: Record<string, unknown> = {};
  const settings = Array.isArray(stage.MethodSettings) ? stage.MethodSettings : [];
  settings.forEach((raw, i) => {
    if (!isRecord(raw)) return;
    const at = child(pointer, 'MethodSettings', i);
    const path = String(raw.ResourcePath ?? '/*')
      .replaceAll('~1', '/')
      .replaceAll('~0', '~');
    const method = String(raw.HttpMethod ?? '*').toUpperCase();
    const all = path === '/*' && method === '*';
    if (!all && (path.endsWith('*') || method === '*')) {
      warnings.info(
        'IGNORED_METHOD_SETTING',
        at,
        `method settings for ${method} ${path} (a wildcard) are not applied`,
      );
      return;
    }
    const throttle = limits(raw.ThrottlingRateLimit, raw.ThrottlingBurstLimit);
    if (throttle) {
      if (all) out.throttle = { stage: throttle };
      else methods[`${method} ${path}`] = throttle;
    }
    const caching: Record<string, unknown> = {};
    if (raw.CachingEnabled !== undefined)
      caching.cachingEnabled = raw.CachingEnabled === true || raw.CachingEnabled === 'true';
    if (raw.CacheTtlInSeconds !== undefined) caching.ttlInSeconds = Number(raw.CacheTtlInSeconds);
    if (Object.keys(caching).length > 0) {
      if (all) Object.assign(cache, caching);
      else cacheRoutes[`${method} ${path}`] = caching;
    }
    for (const key of ['LoggingLevel', 'MetricsEnabled', 'DataTraceEnabled', 'CacheDataEncrypted']) {
      if (raw[key] !== undefined)
        warnings.info('IGNORED_METHOD_SETTING', child(at, key), `${key} has no effect on a local run`);
    }
  });
  if (Object.keys(methods).length > 0) out.throttle = { ...(out.throttle as object), methods };
  const routeDefaults = isRecord(stage.DefaultRouteSettings) ? stage.DefaultRouteSettings : undefined;
  if (apiType === 'HTTP' && routeDefaults) {
    const throttle = limits(routeDefaults.ThrottlingRateLimit, routeDefaults.ThrottlingBurstLimit);
    if (throttle) out.throttle = { stage: throttle };
  }
  const enabled = stage.CacheClusterEnabled === true || stage.CacheClusterEnabled === 'true';
  if (enabled) {
    out.cache = {
      ...(stage.CacheClusterSize === undefined ? {} : { cacheClusterSize: Number(stage.CacheClusterSize) }),
      ...cache,
      ...(Object.keys(cacheRoutes).length > 0 ? { routes: cacheRoutes } : {}),
    };
  } else if (Object.keys(cache).length > 0 || Object.keys(cacheRoutes).length > 0) {
    warnings.info(
      'IGNORED_METHOD_SETTING',
      pointer,
      'caching method settings without CacheClusterEnabled have no effect',
    );
  }
  return out;
}

function limits(rate: unknown, burst: unknown): Record<string, number> | undefined {
  if (rate === undefined && burst === undefined) return undefined;
  return {
    ...(rate === undefined ? {} : { rateLimit: Number(rate) }),
    ...(burst === undefined ? {} : { burstLimit: Number(burst) }),
  };
}
