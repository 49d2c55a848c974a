export {
  type AccessLogValue,
  type AccessLogValues,
  type CompiledAccessLogFormat,
  compileAccessLogFormat,
  MAX_HTTP_ACCESS_LOG_FORMAT_LENGTH,
} from './access-log.js';
export {
  appendAccessLogLine,
  DEFAULT_ACCESS_LOG_MAX_LINES,
  validateMaxLines,
} from './access-log-buffer.js';
export { isDocumentedContextVariable } from './context-variables.js';
export {
  createMetrics,
  type MetricSet,
  type MetricStats,
  type Metrics,
  type MetricsOptions,
  type MetricsSnapshot,
  type RequestMetric,
} from './metrics.js';
export {
  createWebSocketMetrics,
  type WebSocketMetric,
  type WebSocketMetricSet,
  type WebSocketMetrics,
  type WebSocketMetricsSnapshot,
} from './websocket-metrics.js';
