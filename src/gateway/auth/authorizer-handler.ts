import type {
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
  Callback,
  Context,
} from 'aws-lambda';
import type { WebSocketAuthorizerEvent } from '../../events/websocket-authorizer-event.js';

/**
 * The event of an HTTP API Lambda authorizer with payload format 1.0 (behaviour.md §2.1): a REST REQUEST
 * authorizer event plus `version: '1.0'`, and `identitySource` and `authorizationToken`, both the identity-source
 * values joined with commas.
 *
 * @example
 * ```ts
 * const handler: AuthorizerHandler<HttpRequestAuthorizerEventV1> = async (event) => ({ principalId: event.identitySource, policyDocument });
 * ```
 */
export type HttpRequestAuthorizerEventV1 = APIGatewayRequestAuthorizerEvent & {
  version: '1.0';
  identitySource: string;
  authorizationToken: string;
};

/**
 * Every event a Lambda authorizer can receive: TOKEN, REST REQUEST, HTTP API 1.0 and 2.0, WebSocket `$connect`.
 *
 * @example
 * ```ts
 * const arnOf = (event: AuthorizerEvent) => ('routeArn' in event ? event.routeArn : event.methodArn);
 * ```
 */
export type AuthorizerEvent =
  | APIGatewayTokenAuthorizerEvent
  | APIGatewayRequestAuthorizerEvent
  | HttpRequestAuthorizerEventV1
  | APIGatewayRequestAuthorizerEventV2
  | WebSocketAuthorizerEvent;

/**
 * A Lambda authorizer function as the gateway invokes it: the event, the Lambda context and a callback; it
 * returns (or resolves, or calls back with) the authorizer result. In an authorizer configuration the event type
 * follows the configuration — `type: 'TOKEN'` gets the TOKEN event, a REST `REQUEST` the REST REQUEST event,
 * `authorizerPayloadFormatVersion: '2.0'` the 2.0 event, a WebSocket authorizer the `$connect` event — so
 * `handler: async (event) => …` is typed without annotations. Without a type argument it accepts a handler typed
 * for any one of them.
 *
 * @example
 * ```ts
 * const tokenAuth: AuthorizerHandler<APIGatewayTokenAuthorizerEvent> = async (event) => ({
 *   principalId: 'user-7',
 *   policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: event.methodArn }] },
 * });
 * ```
 */
export type AuthorizerHandler<E extends AuthorizerEvent = AuthorizerEvent> = {
  // Method syntax: parameters are checked bivariantly, so a handler typed for one event of the union fits.
  bivarianceHack(event: E, context: Context, callback: Callback): unknown;
}['bivarianceHack'];
