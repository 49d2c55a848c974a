import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { createGatewayAuth, type GatewayAuth } from '../auth/create-auth.js';
import type { RouteCacheOptions } from '../caching/index.js';
import { createGatewayResponseCache, type GatewayResponseCache } from '../caching/response-cache.js';
import { MAX_FUNCTION_TIMEOUT_MS } from '../config/resolve-function-settings.js';
import type { ResolvedGateway } from '../config/resolve-options.js';
import { type CompiledCors, resolveCors } from '../cors/resolve-cors.js';
import {
  type CompiledAccessLogFormat,
  compileAccessLogFormat,
  createMetrics,
  DEFAULT_ACCESS_LOG_MAX_LINES,
  type Metrics,
  validateMaxLines,
} from '../observability/index.js';
import type { ThrottleLimit, TokenBucket } from '../throttling/index.js';
import { createGatewayThrottler, type GatewayThrottler } from '../throttling/throttler.js';
import type { GatewayOptions } from '../types.js';
import { createUsagePlans, type UsagePlans } from '../usage-plans/index.js';

/** The policy engines of one gateway (docs/gateway-policies.md), each fed the gateway's clock. */
export interface GatewayPolicies {
  throttler: GatewayThrottler;
  /** REST only, when API keys or usage plans are configured or a route requires a key. */
  usagePlans: UsagePlans | undefined;
  /** REST stage cache, when `cache` is configured. */
  cache: GatewayResponseCache | undefined;
  metrics: Metrics;
  accessLog: CompiledAccessLogFormat | undefined;
  /** Lines `gateway.accessLog` keeps (`accessLog.maxLines`). */
  accessLogMaxLines: number;
  /** Authorizers, resource policy, trusted identities and the authorizer cache; `undefined` when unused. */
  auth: GatewayAuth | undefined;
  /** HTTP API built-in CORS (`corsConfiguration`). */
  cors: CompiledCors | undefined;
}

const THROTTLE_KEYS = ['account', 'stage', 'stageScope', 'methods'] as const;
const ACCESS_LOG_KEYS = ['format', 'maxLines'] as const;

/**
 * Engines several stage runtimes of one gateway share instead of creating their own (docs/decisions/0007): the
 * account bucket, usage plans and metrics of the gateway, and a stage's throttler and cache.
 */
export interface SharedPolicies {
  accountBucket?: TokenBucket | undefined;
  usagePlans?: UsagePlans | undefined;
  metrics?: Metrics | undefined;
  throttler?: GatewayThrottler | undefined;
  cache?: GatewayResponseCache | undefined;
}

/** Creates the policy engines from the gateway options; each engine validates its own options. */
export function createPolicies(
  options: GatewayOptions,
  config: ResolvedGateway,
  shared: SharedPolicies = {},
): GatewayPolicies {
  const { clock, table, apiType } = config;
  const throttle = options.throttle ?? {};
  assertKnownOptions('createGateway: throttle', throttle, THROTTLE_KEYS);
  const methods: Record<string, ThrottleLimit> = { ...throttle.methods };
  for (const route of table.routes) {
    if (route.throttle === undefined) continue;
    if (methods[route.routeKey] !== undefined) {
      throw new GatewayConfigError(
        'GATEWAY_DUPLICATE_THROTTLE',
        `createGateway: ${route.routeKey} has a throttle both on the route and in throttle.methods`,
        'Keep one of them.',
        { routeKey: route.routeKey },
      );
    }
    methods[route.routeKey] = route.throttle;
  }
  const throttler =
    shared.throttler ??
    createGatewayThrottler({
      ...throttle,
      clock,
      methods,
      ...(shared.accountBucket ? { accountBucket: shared.accountBucket } : {}),
    });

  const needsKeys = table.routes.some((r) => r.apiKeyRequired);
  const usagePlans =
    shared.usagePlans ??
    (apiType === 'REST' && (needsKeys || options.apiKeys !== undefined || options.usagePlans !== undefined)
      ? createUsagePlans({
          clock,
          apiKeys: options.apiKeys ?? [],
          usagePlans: options.usagePlans ?? [],
          apiId: config.apiId,
        })
      : undefined);

  const routeCaching = table.routes.filter((r) => r.caching !== undefined);
  let cache: GatewayResponseCache | undefined;
  if (options.cache !== undefined) {
    const stage = options.cache;
    const routes: Record<string, RouteCacheOptions> = { ...stage.routes };
    for (const route of routeCaching) {
      if (routes[route.routeKey] !== undefined) {
        throw new GatewayConfigError(
          'GATEWAY_DUPLICATE_CACHE_SETTINGS',
          `createGateway: ${route.routeKey} has caching both on the route and in cache.routes`,
          'Keep one of them.',
          { routeKey: route.routeKey },
        );
      }
      routes[route.routeKey] = route.caching!;
    }
    cache = shared.cache ?? createGatewayResponseCache({ ...stage, routes, clock });
  } else if (routeCaching.length > 0) {
    throw new GatewayConfigError(
      'GATEWAY_CACHE_NOT_ENABLED',
      `createGateway: route ${routeCaching[0]!.routeKey} sets caching but the stage has no cache`,
      'Enable the stage cache with cache: {} (AWS: cacheClusterEnabled), then override per route.',
    );
  }

  let accessLog: CompiledAccessLogFormat | undefined;
  let accessLogMaxLines = DEFAULT_ACCESS_LOG_MAX_LINES;
  if (options.accessLog !== undefined) {
    assertKnownOptions('createGateway: accessLog', options.accessLog, ACCESS_LOG_KEYS);
    accessLog = compileAccessLogFormat(options.accessLog.format, apiType);
    if (options.accessLog.maxLines !== undefined)
      accessLogMaxLines = validateMaxLines(options.accessLog.maxLines);
  }
  const auth = createGatewayAuth(options, config, options.functionTimeoutMs ?? MAX_FUNCTION_TIMEOUT_MS);
  const cors = options.corsConfiguration === undefined ? undefined : resolveCors(options.corsConfiguration);
  const metrics = shared.metrics ?? createMetrics({ apiType });
  return { throttler, usagePlans, cache, metrics, accessLog, accessLogMaxLines, auth, cors };
}
