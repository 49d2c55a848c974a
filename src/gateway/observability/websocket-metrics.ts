import { createDimensions, type MetricStats, Stats } from './metrics.js';

/** What the WebSocket core reports for one `$connect`, message, `$disconnect` or outgoing frame. */
export interface WebSocketMetric {
  stage: string;
  /** The route that handled it; omit for frames sent through `@connections`. */
  routeKey?: string | undefined;
  /** A `$connect` integration call (`ConnectCount`). */
  connect?: boolean | undefined;
  /** Messages to or from the client (`MessageCount`): incoming messages, route responses, posts, error frames. */
  messages?: number | undefined;
  /** API Gateway answered 4xx before the integration ran (`ClientError`): no route, throttled, API key. */
  clientError?: boolean | undefined;
  /** The integration answered 4xx/5xx (`IntegrationError`). */
  integrationError?: boolean | undefined;
  /** Calling the integration failed: function error, malformed result, timeout (`ExecutionError`). */
  executionError?: boolean | undefined;
  /** `IntegrationLatency`, when an integration ran. */
  integrationLatencyMs?: number | undefined;
}

/** The WebSocket metrics of one dimension set (behaviour.md §12.1). */
export interface WebSocketMetricSet {
  readonly ConnectCount: number;
  readonly MessageCount: number;
  readonly IntegrationError: number;
  readonly ClientError: number;
  readonly ExecutionError: number;
  readonly IntegrationLatency: MetricStats;
}

/** Everything a WebSocket API recorded, by `ApiId`, `ApiId, Stage` and `ApiId, Stage, Route`. */
export interface WebSocketMetricsSnapshot {
  readonly apiType: 'WEBSOCKET';
  readonly total: WebSocketMetricSet;
  readonly stages: Readonly<Record<string, WebSocketMetricSet>>;
  readonly routes: Readonly<Record<string, Readonly<Record<string, WebSocketMetricSet>>>>;
}

/** A per-gateway WebSocket metrics recorder. */
export interface WebSocketMetrics {
  record(metric: WebSocketMetric): void;
  snapshot(): WebSocketMetricsSnapshot;
  reset(): void;
}

class WebSocketAccumulator {
  connects = 0;
  messages = 0;
  integrationErrors = 0;
  clientErrors = 0;
  executionErrors = 0;
  latency = new Stats();
  add(m: WebSocketMetric): void {
    if (m.connect) this.connects += 1;
    this.messages += m.messages ?? 0;
    if (m.integrationError) this.integrationErrors += 1;
    if (m.clientError) this.clientErrors += 1;
    if (m.executionError) this.executionErrors += 1;
    if (m.integrationLatencyMs !== undefined) this.latency.add(m.integrationLatencyMs);
  }
  view(): WebSocketMetricSet {
    return {
      ConnectCount: this.connects,
      MessageCount: this.messages,
      IntegrationError: this.integrationErrors,
      ClientError: this.clientErrors,
      ExecutionError: this.executionErrors,
      IntegrationLatency: this.latency.view(),
    };
  }
}

/**
 * Creates a recorder with API Gateway's WebSocket metric names: `ConnectCount`, `MessageCount`,
 * `IntegrationError`, `ClientError`, `ExecutionError`, `IntegrationLatency` (behaviour.md §12.1).
 *
 * @example
 * ```ts
 * const metrics = createWebSocketMetrics();
 * metrics.record({ stage: 'dev', routeKey: 'sendMessage', messages: 2, integrationLatencyMs: 3 });
 * metrics.snapshot().routes.dev?.sendMessage?.MessageCount; // 2
 * ```
 */
export function createWebSocketMetrics(): WebSocketMetrics {
  const dimensions = createDimensions<WebSocketAccumulator, WebSocketMetric>(
    () => new WebSocketAccumulator(),
  );
  return {
    record(m) {
      dimensions.add(m.stage, m.routeKey, m);
    },
    snapshot: () => ({ apiType: 'WEBSOCKET', ...dimensions.view((acc) => acc.view()) }),
    reset: dimensions.reset,
  };
}
