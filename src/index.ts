// apigw-testkit — the peer-free core. Optional-peer glue lives in its own subpaths:
// apigw-testkit/vitest, /vitest/setup, /fast-check, /faker, /msw, /supertest.

// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import './matchers/matcher-types.js';

export {
  type Clock,
  createManualClock,
  type ManualClock,
  type ManualClockOptions,
  systemClock,
} from './clock/index.js';
export {
  EventInputError,
  GatewayConfigError,
  InvalidInputError,
  isTestkitError,
  TemplateError,
  TestkitError,
} from './errors/index.js';
export {
  buildLambdaContext,
  buildProxyEventV1,
  buildProxyEventV2,
  buildRequestAuthorizerEvent,
  buildRequestAuthorizerEventV2,
  buildTokenAuthorizerEvent,
  buildWebSocketAuthorizerEvent,
  buildWebSocketEvent,
  type HttpEventOptions,
  type LambdaContextOptions,
  loadEventFixture,
  matchResourcePath,
  type ProxyEventV1Options,
  type ProxyEventV2Options,
  type RequestAuthorizerEventOptions,
  type RequestAuthorizerEventV2Options,
  type TokenAuthorizerEventOptions,
  type WebSocketAuthorizerEvent,
  type WebSocketAuthorizerEventOptions,
  type WebSocketEvent,
  type WebSocketEventOptions,
} from './events/index.js';
export {
  createAccount,
  createGateway,
  type Gateway,
  type GatewayAccount,
  type GatewayOptions,
  type GatewayTrace,
  type HandledRequest,
  type LambdaHandler,
  type RouteConfig,
  type RouteValue,
  toNodeListener,
  type WebSocketClient,
  type WebSocketGateway,
  type WebSocketGatewayOptions,
} from './gateway/index.js';
export { type ResponseSnapshot, readResponse, toFetchResponse } from './http/index.js';
export {
  assertProxyResult,
  type ClientResponse,
  ProxyResultError,
  type ProxyResultIssue,
  type ProxyResultReport,
  type ValidateProxyResultOptions,
  validateProxyResult,
} from './response/index.js';
export {
  type CompiledTemplate,
  compileTemplate,
  type MappingInput,
  mappingInputFromEvent,
  mappingInputFromRequest,
  type RenderResult,
  renderTemplate,
  TemplateRuntimeError,
  TemplateSyntaxError,
} from './vtl/index.js';
