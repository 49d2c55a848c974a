// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';

export type {
  AccountOptions,
  ApiMappingOptions,
  BasePathMappingOptions,
  DomainNameOptions,
  GatewayAccount,
} from './account/account-types.js';
export { createAccount } from './account/create-account.js';
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
  toUpgradeListener,
  type UpgradeListener,
  type UpgradeListenerOptions,
  type WebSocketConnectionRecord,
} from './adapters/websocket-upgrade.js';
export type {
  AuthorizationType,
  AuthorizerConfig,
  CognitoAuthorizerConfig,
  CorsConfiguration,
  HttpAuthorizerConfig,
  IamCredentials,
  IdentityProviderConfig,
  JsonWebKeySet,
  JwtAuthorizerConfig,
  RestAuthorizerConfig,
} from './auth/auth-options.js';
export type {
  AuthorizerEvent,
  AuthorizerHandler,
  HttpRequestAuthorizerEventV1,
} from './auth/authorizer-handler.js';
export type { AccessDeniedWording } from './auth/deny-messages.js';
export {
  AUTHORIZER_TIMEOUT_MS,
  type LambdaAuthorizerEnv,
  type LambdaAuthorizerOutcome,
  type LambdaAuthorizerRequest,
  runLambdaAuthorizer,
} from './auth/lambda/run-lambda-authorizer.js';
export type {
  HttpRequestAuthorizerConfigV1,
  HttpRequestAuthorizerConfigV2,
  RequestAuthorizerConfig,
  RestRequestAuthorizerConfig,
  TokenAuthorizerConfig,
  WebSocketAuthorizerConfig,
} from './auth/lambda-authorizer-options.js';
export {
  type CacheClusterSize,
  type CacheLookup,
  type CacheStageOptions,
  type CacheStats,
  createResponseCache,
  DEFAULT_CACHE_MAX_ENTRIES,
  DEFAULT_CACHE_TTL_SECONDS,
  DEFAULT_CACHE_WARNING_HEADER,
  MAX_CACHE_ENTRY_BYTES,
  MAX_CACHE_TTL_SECONDS,
  type ResponseCache,
  type ResponseCacheOptions,
  type RouteCacheOptions,
  type UnauthorizedCacheControlHeaderStrategy,
} from './caching/index.js';
export type { CorsHeaderOptions } from './cors/cors-gateway-responses.js';
export { type CorsPreflightRoute, type EnableCorsOptions, enableCors } from './cors/enable-cors.js';
export {
  createGateway,
  type Gateway,
  type GatewayApiKeys,
  type GatewayInfo,
  type HandledRequest,
} from './create-gateway.js';
export type {
  FunctionConfig,
  FunctionHandler,
  FunctionValue,
  GatewayFunctions,
} from './functions/function-options.js';
export {
  type GatewayErrorResponse,
  type GatewayFailure,
  gatewayResponse,
} from './gateway-responses.js';
export type {
  InferredResultV2,
  ProxyHandlerV1,
  ProxyHandlerV2,
  ProxyResultV1,
  ProxyResultV2,
} from './handler-types.js';
export type {
  AwsCredentials,
  AwsServiceCall,
  AwsServiceResponder,
  AwsServiceResponders,
  AwsServiceResponse,
} from './integrations/aws/types.js';
export type {
  AwsServiceIntegration,
  ContentHandling,
  CustomEventHandler,
  HttpIntegration,
  HttpProxyIntegration,
  LambdaCustomIntegration,
  NonProxyMapping,
} from './integrations/integration-options.js';
export type {
  IntegrationResponseConfig,
  MethodResponseConfig,
  PassthroughBehavior,
} from './integrations/mapping/types.js';
export type { ApiDefinition } from './lifecycle/definition.js';
export type { GatewayLifecycle } from './lifecycle/lifecycle-api.js';
export type {
  CanarySettings,
  CreateStageOptions,
  DeploymentInfo,
  DeployOptions,
  GatewayRequestOptions,
  StageInfo,
  StagePatchOperation,
  StageSettings,
  UpdateOptions,
} from './lifecycle/lifecycle-types.js';
export {
  type AccessLogValues,
  appendAccessLogLine,
  type CompiledAccessLogFormat,
  compileAccessLogFormat,
  createMetrics,
  DEFAULT_ACCESS_LOG_MAX_LINES,
  type MetricSet,
  type MetricStats,
  type Metrics,
  type MetricsSnapshot,
  type WebSocketMetricSet,
  type WebSocketMetricsSnapshot,
} from './observability/index.js';
export type { BasePathMatch, GatewayFetchInput } from './pipeline/gateway-request.js';
export type { RequestProgress } from './pipeline/request-progress.js';
export type {
  AnsweredResponseType,
  GatewayResponseConfig,
  GatewayResponseType,
} from './responses/types.js';
export type {
  JwtAuthorizerContextV1,
  RouteAuthorization,
  RouteEventV1,
  RouteEventV2,
} from './route-events.js';
export type {
  AuthorizerTypes,
  GatewayEvent,
  GatewayOptionsFor,
  HttpGatewayOptions,
  NoAuthorizers,
  RestGatewayOptions,
  RouteEvent,
  RouteValueFor,
  TypedAuthorizers,
} from './route-types.js';
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
export type { CacheVerdict, GatewayTrace, InvocationOutcome, LambdaErrorObject } from './trace.js';
export type { TraceDecisions, TraceStageName, TraceStep } from './trace-steps.js';
export type {
  ApiType,
  GatewayIntegration,
  GatewayOptions,
  GatewayOptionsBase,
  GatewayThrottleOptions,
  LambdaHandler,
  LambdaProxyIntegration,
  LambdaProxyIntegrationFields,
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
  USAGE_RETENTION_DAYS,
  type UsageOptions,
  type UsagePlanOptions,
  type UsagePlans,
  type UsageReport,
} from './usage-plans/index.js';
export type { RequestValidatorConfig } from './validation/resolve-method-request.js';
export type { ModelConfig } from './validation/resolve-models.js';
export { ConnectionsApiError } from './websocket/connections-api-error.js';
export type { ConnectionInfo, ConnectionsApi } from './websocket/connections-in-process.js';
export type {
  WebSocketGateway,
  WebSocketGatewayInfo,
} from './websocket/create-websocket-gateway.js';
export type { WebSocketConnectOptions } from './websocket/handshake.js';
export type {
  WebSocketClient,
  WebSocketCloseEvent,
  WebSocketMessage,
  WebSocketSendOptions,
} from './websocket/websocket-client.js';
export { UpgradeRejectedError, WebSocketClosedError } from './websocket/websocket-errors.js';
export type {
  WebSocketGatewayOptions,
  WebSocketHandler,
  WebSocketHandlerEvent,
  WebSocketIntegration,
  WebSocketIntegrationResponse,
  WebSocketLambdaIntegration,
  WebSocketMockIntegration,
  WebSocketRouteConfig,
  WebSocketRouteValue,
  WebSocketThrottleOptions,
} from './websocket/websocket-types.js';
