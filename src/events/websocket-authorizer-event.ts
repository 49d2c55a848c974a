import { assertKnownOptions } from '../errors/families.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from './derive/constants.js';
import {
  buildWebSocketEvent,
  WEBSOCKET_EVENT_OPTION_KEYS,
  type WebSocketEvent,
  type WebSocketEventOptions,
  type WebSocketRequestContext,
} from './websocket-event.js';

/**
 * The input of a WebSocket `$connect` `REQUEST` Lambda authorizer (behaviour.md §2.1): like a REST REQUEST
 * authorizer's, but `methodArn` ends in `/$connect`, there are no `pathParameters`, `resource`, `path` or
 * `httpMethod`, and `requestContext` is the WebSocket CONNECT context (with `connectionId`).
 *
 * @example
 * ```ts
 * const handler = async (event: WebSocketAuthorizerEvent) => ({
 *   principalId: event.requestContext.connectionId,
 *   policyDocument: allowOnly(event.methodArn),
 * });
 * ```
 */
export interface WebSocketAuthorizerEvent {
  type: 'REQUEST';
  /** `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect`. */
  methodArn: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  /** `{}` when the handshake has no query (as REST REQUEST authorizer events). */
  queryStringParameters: Record<string, string>;
  multiValueQueryStringParameters: Record<string, string[]>;
  /** `{}` when the stage has none. */
  stageVariables: Record<string, string>;
  requestContext: Omit<
    WebSocketRequestContext,
    'authorizer' | 'messageId' | 'disconnectStatusCode' | 'disconnectReason'
  >;
}

/**
 * Options of {@link buildWebSocketAuthorizerEvent}: the handshake being authorized (the CONNECT event's options,
 * plus the account and an explicit `methodArn`).
 *
 * @example
 * ```ts
 * const options: WebSocketAuthorizerEventOptions = { headers: { Auth: 'secret' }, query: { room: 'lobby' }, accountId: '111122223333' };
 * ```
 */
export interface WebSocketAuthorizerEventOptions
  extends Omit<
    WebSocketEventOptions,
    | 'eventType'
    | 'routeKey'
    | 'body'
    | 'messageId'
    | 'authorizer'
    | 'disconnectStatusCode'
    | 'disconnectReason'
  > {
  /** Account of the method ARN. Default `123456789012`. */
  accountId?: string;
  /** Use this ARN instead of deriving it. */
  methodArn?: string;
}

const WHERE = 'buildWebSocketAuthorizerEvent';
/** Options of the CONNECT event that say nothing about a handshake are not the authorizer event's. */
const NOT_HANDSHAKE = new Set([
  'eventType',
  'routeKey',
  'body',
  'messageId',
  'authorizer',
  'disconnectStatusCode',
  'disconnectReason',
]);
const KNOWN: readonly string[] = [
  ...WEBSOCKET_EVENT_OPTION_KEYS.filter((key) => !NOT_HANDSHAKE.has(key)),
  'accountId',
  'methodArn',
];

/**
 * Builds the event API Gateway sends a WebSocket API's `$connect` REQUEST authorizer: the CONNECT event's
 * handshake headers, query and context (the same ids as `buildWebSocketEvent({ eventType: 'CONNECT' })` with the
 * same options) under `type: 'REQUEST'` and a `methodArn` ending in `/$connect`.
 *
 * @example
 * ```ts
 * const event = buildWebSocketAuthorizerEvent({ query: { token: 'abc' }, stage: 'prod' });
 * event.methodArn; // 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/prod/$connect'
 * event.queryStringParameters; // { token: 'abc' }
 * ```
 */
export function buildWebSocketAuthorizerEvent(
  options: WebSocketAuthorizerEventOptions = {},
): WebSocketAuthorizerEvent {
  assertKnownOptions(WHERE, options, KNOWN);
  const { accountId, methodArn, ...connectOptions } = options;
  const connect = buildWebSocketEvent({ ...connectOptions, eventType: 'CONNECT' });
  const context = connect.requestContext;
  return webSocketAuthorizerEventFromConnect(
    connect,
    methodArn ??
      webSocketConnectArn(
        options.region ?? DEFAULT_REGION,
        accountId ?? DEFAULT_ACCOUNT_ID,
        context.apiId,
        context.stage,
      ),
  );
}

/**
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect`: what a `$connect` authorizer is asked about.
 *
 * @example
 * ```ts
 * webSocketConnectArn('us-east-1', '123456789012', 'abcd1234ef', 'dev'); // 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/$connect'
 * ```
 */
export function webSocketConnectArn(region: string, accountId: string, apiId: string, stage: string): string {
  return `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/$connect`;
}

/**
 * The authorizer event of the handshake a CONNECT event describes (shared by the builder and the gateway): maps
 * `{}` when empty, never absent; `requestContext` without `authorizer`; no `isBase64Encoded`.
 */
export function webSocketAuthorizerEventFromConnect(
  connect: WebSocketEvent,
  methodArn: string,
): WebSocketAuthorizerEvent {
  const { authorizer: _, ...requestContext } = connect.requestContext;
  return {
    type: 'REQUEST',
    methodArn,
    headers: connect.headers ?? {},
    multiValueHeaders: connect.multiValueHeaders ?? {},
    queryStringParameters: (connect.queryStringParameters as Record<string, string> | undefined) ?? {},
    multiValueQueryStringParameters:
      (connect.multiValueQueryStringParameters as Record<string, string[]> | undefined) ?? {},
    stageVariables: (connect.stageVariables as Record<string, string> | undefined) ?? {},
    requestContext,
  };
}
