import type {
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
} from 'aws-lambda';
import type { WebSocketAuthorizerEvent } from '../../events/websocket-authorizer-event.js';
import type {
  AuthorizerEvent,
  AuthorizerHandler,
  HttpRequestAuthorizerEventV1,
} from './authorizer-handler.js';

/** What every Lambda authorizer shares with the Lambda integration's function settings. */
interface LambdaAuthorizerFunction<E extends AuthorizerEvent> {
  /**
   * The authorizer function; invoked like a warm Lambda (module state persists), within 10 s. Leave it out when
   * `authorizerUri` names the function.
   */
  handler?: AuthorizerHandler<E>;
  /**
   * The function by ARN (invocation URI or function ARN), resolved through the gateway's `functions`;
   * `${stageVariables.x}` resolves per stage. With `handler`, it only names the function.
   */
  authorizerUri?: string;
  /** AWS's free-text `authType` (`x-amazon-apigateway-authtype`): stored and exported, no effect on requests. */
  authType?: string;
  /** Function name in the Lambda context and the execution log. Default `authorizer-{name}`. */
  functionName?: string;
  /** The function's own timeout (ms). Default the gateway's `functionTimeoutMs`. */
  functionTimeoutMs?: number;
}

/** REST and HTTP API Lambda authorizers cache results; WebSocket ones cannot. */
interface CachingLambdaAuthorizer<E extends AuthorizerEvent> extends LambdaAuthorizerFunction<E> {
  /** Seconds a result is cached, keyed by the identity-source values. REST default 300, HTTP default 0; max 3600; 0 = off. */
  authorizerResultTtlInSeconds?: number;
}

/**
 * REST `TOKEN` Lambda authorizer: one header, optionally checked against `identityValidationExpression` before
 * the function is called. The handler receives an `APIGatewayTokenAuthorizerEvent`.
 *
 * @example
 * ```ts
 * const auth: TokenAuthorizerConfig = { type: 'TOKEN', handler: async (event) => allowFor(event.methodArn), identitySource: 'method.request.header.Authorization' };
 * ```
 */
export interface TokenAuthorizerConfig extends CachingLambdaAuthorizer<APIGatewayTokenAuthorizerEvent> {
  type: 'TOKEN';
  /** `method.request.header.<name>`. Default `method.request.header.Authorization`. */
  identitySource?: string;
  /** A regex the whole token must match; otherwise 401 without invoking the function. */
  identityValidationExpression?: string;
  /** HTTP API Lambda authorizers only (absent here; it lets `handler` be typed by the configuration). */
  authorizerPayloadFormatVersion?: undefined;
}

/**
 * REST `REQUEST` Lambda authorizer: identity sources as one comma-separated string of mapping expressions. The
 * handler receives an `APIGatewayRequestAuthorizerEvent`.
 *
 * @example
 * ```ts
 * const auth: RestRequestAuthorizerConfig = { type: 'REQUEST', handler, identitySource: 'method.request.header.Auth, method.request.querystring.tenant' };
 * ```
 */
export interface RestRequestAuthorizerConfig
  extends CachingLambdaAuthorizer<APIGatewayRequestAuthorizerEvent> {
  type: 'REQUEST';
  /** `'method.request.header.Auth, method.request.querystring.q, stageVariables.x, context.x'`. */
  identitySource?: string;
  authorizerPayloadFormatVersion?: undefined;
  enableSimpleResponses?: undefined;
}

/**
 * HTTP API Lambda authorizer with payload format 1.0: the handler receives the REST-like event with `version`,
 * `identitySource` and `authorizationToken` ({@link HttpRequestAuthorizerEventV1}) and answers with an IAM policy.
 *
 * @example
 * ```ts
 * const auth: HttpRequestAuthorizerConfigV1 = { type: 'REQUEST', authorizerPayloadFormatVersion: '1.0', identitySource: ['$request.header.Authorization'], handler };
 * ```
 */
export interface HttpRequestAuthorizerConfigV1 extends CachingLambdaAuthorizer<HttpRequestAuthorizerEventV1> {
  type: 'REQUEST';
  /** Selection expressions: `['$request.header.Authorization', '$request.querystring.q', '$context.x', '$stageVariables.x']`. */
  identitySource?: readonly string[];
  /** The authorizer's event and response format; required on HTTP APIs. */
  authorizerPayloadFormatVersion: '1.0';
  /** Simple responses exist only with payload 2.0. */
  enableSimpleResponses?: false;
}

/**
 * HTTP API Lambda authorizer with payload format 2.0: the handler receives an
 * `APIGatewayRequestAuthorizerEventV2` and answers with an IAM policy, or `{ isAuthorized, context }` with
 * `enableSimpleResponses`.
 *
 * @example
 * ```ts
 * const auth: HttpRequestAuthorizerConfigV2 = {
 *   type: 'REQUEST',
 *   authorizerPayloadFormatVersion: '2.0',
 *   enableSimpleResponses: true,
 *   identitySource: ['$request.header.Authorization'],
 *   handler: async (event) => ({ isAuthorized: event.identitySource[0] === 'let-me-in' }),
 * };
 * ```
 */
export interface HttpRequestAuthorizerConfigV2
  extends CachingLambdaAuthorizer<APIGatewayRequestAuthorizerEventV2> {
  type: 'REQUEST';
  identitySource?: readonly string[];
  authorizerPayloadFormatVersion: '2.0';
  /** The function returns `{ isAuthorized, context }`. */
  enableSimpleResponses?: boolean;
}

/**
 * A `REQUEST` Lambda authorizer of a REST or an HTTP API; the handler's event follows
 * `authorizerPayloadFormatVersion` (none: REST).
 *
 * @example
 * ```ts
 * const rest: RequestAuthorizerConfig = { type: 'REQUEST', handler, identitySource: 'method.request.header.Auth' };
 * const http: RequestAuthorizerConfig = { type: 'REQUEST', handler, identitySource: ['$request.header.Authorization'], authorizerPayloadFormatVersion: '2.0' };
 * ```
 */
export type RequestAuthorizerConfig =
  | RestRequestAuthorizerConfig
  | HttpRequestAuthorizerConfigV1
  | HttpRequestAuthorizerConfigV2;

/**
 * A WebSocket API's `$connect` authorizer (only `REQUEST` Lambda authorizers exist there). The handler receives a
 * {@link WebSocketAuthorizerEvent}. AWS refuses `authorizerResultTtlInSeconds` on WebSocket APIs: results are not
 * cached.
 *
 * @example
 * ```ts
 * const auth: WebSocketAuthorizerConfig = {
 *   type: 'REQUEST',
 *   identitySource: ['route.request.querystring.token'],
 *   handler: async (event) => ({ principalId: 'user-7', policyDocument: allowFor(event.methodArn) }),
 * };
 * ```
 */
export interface WebSocketAuthorizerConfig extends LambdaAuthorizerFunction<WebSocketAuthorizerEvent> {
  type: 'REQUEST';
  /**
   * Mapping expressions, all required to be present and non-empty: `route.request.header.<name>`,
   * `route.request.querystring.<name>`, `stageVariables.<name>`, `context.<name>`. Default none (always invoked).
   */
  identitySource?: readonly string[];
}
