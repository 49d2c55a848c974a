// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';

export { executeApiArn } from './derive/arn.js';
export type {
  AuthorizerContextValue,
  CognitoAuthorizerInput,
  IamCallerInput,
  LambdaAuthorizerInput,
  ProxyEventV1AuthorizerInput,
} from './derive/authorizer.js';
export type {
  IamAuthorizerV2Input,
  JwtAuthorizerInput,
  ProxyEventV2AuthorizerInput,
} from './derive/authorizer-v2.js';
export { type BodyInput, isTextMediaType, matchesBinaryMediaType } from './derive/body.js';
export { type HeaderInput, isHeaderName } from './derive/headers.js';
export {
  type CompiledResourcePath,
  compileResourcePath,
  fillResourcePath,
  matchResourcePath,
  type ResourceSegment,
  splitRequestPath,
} from './derive/match-resource-path.js';
export type { DeepPartial } from './derive/merge.js';
export { decodeQueryComponent, type QueryInput } from './derive/query.js';
export type { CookieInput, HttpEventOptions } from './derive/request.js';
export { type ParsedRouteKey, parseRouteKey } from './derive/route-key.js';
export { formatRequestTime } from './derive/time.js';
export {
  type DeepReadonly,
  type EventFixtureKind,
  type EventFixtureKinds,
  listEventFixtures,
  loadEventFixture,
} from './fixtures.js';
export { buildLambdaContext, type LambdaContextOptions } from './lambda-context.js';
export { buildProxyEventV1, type ProxyEventV1For, type ProxyEventV1Options } from './proxy-event-v1.js';
export { buildProxyEventV2, type ProxyEventV2For, type ProxyEventV2Options } from './proxy-event-v2.js';
export {
  buildRequestAuthorizerEvent,
  type RequestAuthorizerEventOptions,
} from './request-authorizer-event.js';
export {
  buildRequestAuthorizerEventV2,
  type RequestAuthorizerEventV2Options,
} from './request-authorizer-event-v2.js';
export { buildTokenAuthorizerEvent, type TokenAuthorizerEventOptions } from './token-authorizer-event.js';
export {
  buildWebSocketAuthorizerEvent,
  type WebSocketAuthorizerEvent,
  type WebSocketAuthorizerEventOptions,
  webSocketConnectArn,
} from './websocket-authorizer-event.js';
export {
  buildWebSocketEvent,
  type WebSocketEvent,
  type WebSocketEventOptions,
  type WebSocketEventType,
  type WebSocketRequestContext,
} from './websocket-event.js';
