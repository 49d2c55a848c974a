import { formatValue } from '../../errors/format-value.js';
import { assertKnownOptions, InvalidInputError } from '../../errors/index.js';

/** One request as the core reports it, after the response is known. */
export interface RequestMetric {
  stage: string;
  /** Matched route key (`'GET /pets/{id}'`); omit for requests that matched no route. */
  routeKey?: string;
  /** Alternatively the REST Resource and Method dimensions; combined into `'<method> <resource>'`. */
  resource?: string;
  method?: string;
  status: number;
  /** Client in → client out, ms (`Latency`). */
  latencyMs: number;
  /** Backend only, ms (`IntegrationLatency`); omit when no integration ran (throttled, cache hit, ...). */
  integrationLatencyMs?: number;
  /** true = served from cache, false = cache miss on a caching-enabled route, undefined = caching not involved. */
  cacheHit?: boolean | undefined;
  /** Request + response bytes (HTTP API `DataProcessed`). */
  bytes?: number;
}

/** Sum / average / min / max / sample count, like CloudWatch statistics. */
export interface MetricStats {
  readonly sum: number;
  /** `sum / samples`; 0 with no samples. */
  readonly avg: number;
  /** 0 with no samples. */
  readonly min: number;
  readonly max: number;
  readonly samples: number;
}

/** The metrics of one dimension set. REST names always; HTTP API names too when `apiType` is `'HTTP'`. */
export interface MetricSet {
  readonly Count: number;
  readonly '4XXError': number;
  readonly '5XXError': number;
  readonly Latency: MetricStats;
  readonly IntegrationLatency: MetricStats;
  readonly CacheHitCount: number;
  readonly CacheMissCount: number;
  readonly '4xx'?: number;
  readonly '5xx'?: number;
  readonly DataProcessed?: number;
}

/** Everything recorded so far. */
export interface MetricsSnapshot {
  readonly apiType: 'REST' | 'HTTP';
  readonly total: MetricSet;
  /** By `Stage`. */
  readonly stages: Readonly<Record<string, MetricSet>>;
  /** By `Stage` then route key (REST `Resource` + `Method`, HTTP API `Route`). */
  readonly routes: Readonly<Record<string, Readonly<Record<string, MetricSet>>>>;
}

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** Default `'REST'`. */
  apiType?: 'REST' | 'HTTP';
}

/** A per-gateway metrics recorder. */
export interface Metrics {
  record(metric: RequestMetric): void;
  snapshot(): MetricsSnapshot;
  reset(): void;
}

/** Running CloudWatch-style statistics of one metric. */
export class Stats {
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  samples = 0;
  add(value: number): void {
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    this.samples += 1;
  }
  view(): MetricStats {
    const n = this.samples;
    return {
      sum: this.sum,
      avg: n ? this.sum / n : 0,
      min: n ? this.min : 0,
      max: n ? this.max : 0,
      samples: n,
    };
  }
}

class Accumulator {
  count = 0;
  e4 = 0;
  e5 = 0;
  hits = 0;
  misses = 0;
  bytes = 0;
  latency = new Stats();
  integration = new Stats();
  add(m: RequestMetric): void {
    this.count += 1;
    if (m.status >= 400 && m.status < 500) this.e4 += 1;
    else if (m.status >= 500 && m.status < 600) this.e5 += 1;
    this.latency.add(m.latencyMs);
    if (m.integrationLatencyMs !== undefined) this.integration.add(m.integrationLatencyMs);
    if (m.cacheHit === true) this.hits += 1;
    else if (m.cacheHit === false) this.misses += 1;
    if (m.bytes !== undefined) this.bytes += m.bytes;
  }
  view(http: boolean): MetricSet {
    const rest = {
      Count: this.count,
      '4XXError': this.e4,
      '5XXError': this.e5,
      Latency: this.latency.view(),
      IntegrationLatency: this.integration.view(),
      CacheHitCount: this.hits,
      CacheMissCount: this.misses,
    };
    return http ? { ...rest, '4xx': this.e4, '5xx': this.e5, DataProcessed: this.bytes } : rest;
  }
}

/**
 * Creates a metrics recorder with API Gateway's CloudWatch metric names (behaviour.md §12.1).
 *
 * @example
 * ```ts
 * const metrics = createMetrics();
 * metrics.record({ stage: 'dev', routeKey: 'GET /pets', status: 200, latencyMs: 12, integrationLatencyMs: 10, cacheHit: false });
 * metrics.snapshot().stages.dev?.Count; // 1
 * ```
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  assertKnownOptions('createMetrics', options, ['apiType']);
  const apiType = options.apiType ?? 'REST';
  if (apiType !== 'REST' && apiType !== 'HTTP') {
    throw new InvalidInputError(
      'METRICS_INVALID_API_TYPE',
      `createMetrics: apiType must be REST or HTTP, got ${formatValue(apiType)}`,
      "Pass 'REST' or 'HTTP'.",
    );
  }
  const http = apiType === 'HTTP';
  const dimensions = createDimensions<Accumulator, RequestMetric>(() => new Accumulator());
  return {
    record(m) {
      const routeKey =
        m.routeKey ?? (m.resource !== undefined ? `${m.method ?? 'ANY'} ${m.resource}` : undefined);
      dimensions.add(m.stage, routeKey, m);
    },
    snapshot() {
      return { apiType, ...dimensions.view((acc) => acc.view(http)) };
    },
    reset: dimensions.reset,
  };
}

/** An accumulator of one dimension set: takes one sample at a time. */
export interface Accumulating<M> {
  add(sample: M): void;
}

/** Metrics kept at the three CloudWatch dimension levels: all, by stage, by stage and route. */
export interface Dimensions<A, M> {
  /** Adds `sample` to the total, the stage's and (when `routeKey` is given) the route's accumulator. */
  add(stage: string, routeKey: string | undefined, sample: M): void;
  view<V>(show: (acc: A) => V): {
    total: V;
    stages: Record<string, V>;
    routes: Record<string, Record<string, V>>;
  };
  reset(): void;
}

/** Creates the three dimension levels of a metrics recorder, each filled by `make()` on first use. */
export function createDimensions<A extends Accumulating<M>, M>(make: () => A): Dimensions<A, M> {
  let total = make();
  let stages = new Map<string, A>();
  let routes = new Map<string, Map<string, A>>();
  const at = <K>(map: Map<K, A>, key: K): A => {
    let acc = map.get(key);
    if (acc === undefined) {
      acc = make();
      map.set(key, acc);
    }
    return acc;
  };
  // The accumulators of the last stage and route: consecutive requests to one route find them without the three
  // Map lookups (emptied by reset).
  let last: { stage: string; routeKey: string | undefined; stageAcc: A; routeAcc: A | undefined } | undefined;
  return {
    add(stage, routeKey, sample) {
      total.add(sample);
      if (last === undefined || last.stage !== stage || last.routeKey !== routeKey) {
        let routeAcc: A | undefined;
        if (routeKey !== undefined) {
          let byRoute = routes.get(stage);
          if (!byRoute) {
            byRoute = new Map();
            routes.set(stage, byRoute);
          }
          routeAcc = at(byRoute, routeKey);
        }
        last = { stage, routeKey, stageAcc: at(stages, stage), routeAcc };
      }
      last.stageAcc.add(sample);
      last.routeAcc?.add(sample);
    },
    view(show) {
      const routeView: Record<string, Record<string, ReturnType<typeof show>>> = {};
      for (const [stage, byRoute] of routes) {
        const views: Record<string, ReturnType<typeof show>> = {};
        for (const [key, acc] of byRoute) views[key] = show(acc);
        routeView[stage] = views;
      }
      const stageView: Record<string, ReturnType<typeof show>> = {};
      for (const [stage, acc] of stages) stageView[stage] = show(acc);
      return { total: show(total), stages: stageView, routes: routeView };
    },
    reset() {
      total = make();
      stages = new Map();
      routes = new Map();
      last = undefined;
    },
  };
}
