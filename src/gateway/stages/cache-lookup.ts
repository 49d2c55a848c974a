import type { ClientResponse } from '../../response/types.js';
import type { CachedResponse } from '../caching/index.js';
import { gatewayResponse } from '../gateway-responses.js';
import { type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';

/**
 * REST stage cache lookup (behaviour.md §7): a hit answers without calling the integration; a miss is filled
 * by `storeInCache` after it; `Cache-Control: max-age=0` invalidates when the caller may, else follows the
 * route's `unauthorizedCacheControlHeaderStrategy` (FAIL_WITH_403 answers 403).
 */
export function lookupCache(ctx: PipelineContext, deps: PipelineDeps): StageResult {
  const cache = deps.policies.cache;
  if (!cache) return ctx;
  const routeKey = ctx.route!.routeKey;
  const settings = cache.settings(routeKey);
  if (!settings.enabled) {
    // Same answer lookup() gives, without building the key inputs (the common case for non-GET routes).
    const reason = settings.ttlInSeconds === 0 ? 'ttl-zero' : 'caching-disabled';
    ctx.trace.cache = `bypass (${reason})`;
    record(ctx, { stage: 'cache-lookup', decision: 'bypass', detail: reason });
    return ctx;
  }
  const lookup = cache.lookupAt(
    {
      routeKey,
      method: ctx.method,
      stage: deps.config.stageName,
      pathParameters: ctx.pathParameters,
      query: ctx.request.query === '' ? null : new URLSearchParams(ctx.request.query),
      headers: ctx.request.headers,
    },
    ctx.now,
  );
  switch (lookup.status) {
    case 'bypass':
      ctx.trace.cache = `bypass (${lookup.reason})`;
      record(ctx, { stage: 'cache-lookup', decision: 'bypass', detail: lookup.reason });
      return ctx;
    case 'forbidden':
      ctx.trace.cache = 'forbidden';
      record(ctx, { stage: 'cache-lookup', decision: 'forbidden', detail: lookup.message });
      return gatewayResponse(deps.config.apiType, 'CACHE_CONTROL_FORBIDDEN', ctx);
    case 'hit':
      ctx.trace.cache = 'hit';
      ctx.cacheHit = true;
      if (lookup.headers.length > 0) ctx.extraHeaders = lookup.headers;
      ctx.response = fromCached(lookup.response);
      if (!ctx.detailed) return ctx;
      record(ctx, {
        stage: 'cache-lookup',
        decision: 'hit',
        detail: `served from the cache (age ${lookup.ageSeconds} s)`,
        data: { key: lookup.key },
      });
      return ctx;
    default:
      ctx.trace.cache = 'miss';
      ctx.cacheHit = false;
      ctx.cacheMiss = lookup;
      if (lookup.headers.length > 0) ctx.extraHeaders = lookup.headers;
      if (!ctx.detailed) return ctx;
      record(ctx, {
        stage: 'cache-lookup',
        decision: 'miss',
        ...(lookup.invalidated ? { detail: 'Cache-Control: max-age=0 invalidated the entry' } : {}),
        data: { key: lookup.key },
      });
      return ctx;
  }
}

function fromCached(cached: CachedResponse): ClientResponse {
  const body = cached.body;
  // Two literals instead of a spread of an optional part: no throwaway object per hit.
  if (typeof body === 'string') {
    return {
      statusCode: cached.statusCode,
      headers: cached.headers,
      cookies: [],
      body,
      isBase64Decoded: false,
    };
  }
  return {
    statusCode: cached.statusCode,
    headers: cached.headers,
    cookies: [],
    body: '',
    bodyBytes: body,
    isBase64Decoded: true,
  };
}

/** Stores the integration's response for a cache miss (never a gateway-generated error). */
export function storeInCache(ctx: PipelineContext, deps: PipelineDeps): StageResult {
  const cache = deps.policies.cache;
  const miss = ctx.cacheMiss;
  const response = ctx.response;
  if (!cache || !miss || !response) return ctx;
  const result = cache.storeAt(
    miss,
    { statusCode: response.statusCode, headers: response.headers, body: response.bodyBytes ?? response.body },
    ctx.now,
  );
  if (!ctx.detailed) return ctx;
  record(ctx, {
    stage: 'cache-store',
    decision: result.stored ? 'stored' : 'not-stored',
    detail: result.stored ? `cached for ${miss.ttlInSeconds} s` : result.reason,
  });
  return ctx;
}
