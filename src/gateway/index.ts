// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';

export {
  type FetchLike,
  type GatewayLike,
  isFetchLike,
  isGatewayLike,
} from './adapters/gateway-like.js';
export {
  type NodeListener,
  type NodeListenerOptions,
  type NodeRequestRecord,
  toNodeListener,
} from './adapters/node-listener.js';
export { formatRequestLine, type RequestOutcome, readOutcome } from './adapters/request-log.js';
export {
  type CacheClusterSize,
  type CacheLookup,
  type CacheStageOptions,
  type CacheStats,
  createResponseCache,
  DEFAULT_CACHE_TTL_SECONDS,
  DEFAULT_CACHE_WARNING_HEADER,
  MAX_CACHE_ENTRY_BYTES,
  MAX_CACHE_TTL_SECONDS,
  type ResponseCache,
  type ResponseCacheOptions,
  type RouteCacheOptions,
  type UnauthorizedCacheControlHeaderStrategy,
} from './caching/index.js';
export {
  createGateway,
  type Gateway,
  type GatewayApiKeys,
  type GatewayInfo,
  type HandledRequest,
} from './create-gateway.js';
export {
  type GatewayErrorResponse,
  type GatewayFailure,
  gatewayResponse,
} from './gateway-responses.js';
export type {
  IntegrationResponseConfig,
  MethodResponseConfig,
  PassthroughBehavior,
} from './integrations/mapping/types.js';
export {
  type AccessLogValues,
  type CompiledAccessLogFormat,
  compileAccessLogFormat,
  createMetrics,
  type MetricSet,
  type MetricStats,
  type Metrics,
  type MetricsSnapshot,
} from './observability/index.js';
export type { GatewayFetchInput } from './pipeline/gateway-request.js';
export type { RequestProgress } from './pipeline/request-progress.js';
export {
  createThrottler,
  createTokenBucket,
  DEFAULT_ACCOUNT_THROTTLE,
  type ThrottleDecision,
  type ThrottleLevel,
  type ThrottleLimit,
  type Throttler,
  type ThrottlerOptions,
  type TokenBucket,
} from './throttling/index.js';
export type {
  GatewayTrace,
  InvocationOutcome,
  LambdaErrorObject,
  TraceStageName,
  TraceStep,
} from './trace.js';
export type {
  ApiType,
  GatewayIntegration,
  GatewayOptions,
  GatewayThrottleOptions,
  LambdaHandler,
  LambdaProxyIntegration,
  MockIntegration,
  MockIntegrationResponse,
  PayloadFormatVersion,
  RouteConfig,
  RouteValue,
  StageOptions,
  ThrottleLimits,
} from './types.js';
export {
  type ApiKeyOptions,
  createUsagePlans,
  type UsageOptions,
  type UsagePlanOptions,
  type UsagePlans,
  type UsageReport,
} from './usage-plans/index.js';
