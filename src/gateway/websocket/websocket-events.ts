import { Buffer } from 'node:buffer';
import { DROPPED_REQUEST_HEADERS } from '../../events/derive/constants.js';
import { formatRequestTime } from '../../events/derive/time.js';
import { buildWebSocketEvent, type WebSocketEvent } from '../../events/websocket-event.js';
import type { MappingContext } from '../../vtl/types.js';
import type { Connection } from './connection.js';
import type { ResolvedWebSocketApi } from './resolve-websocket-options.js';
import type { CloseFrame } from './websocket-limits.js';
import type { WebSocketMockInput } from './websocket-mock.js';

/** The ids and time of one event. */
export interface EventStamp {
  requestId: string;
  time: number;
  /** MESSAGE events only. */
  messageId?: string;
}

/** The `$connect` event, built by {@link buildWebSocketEvent} from the handshake (behaviour.md §1.4). */
export function connectEvent(
  config: ResolvedWebSocketApi,
  conn: Connection,
  stamp: EventStamp,
): WebSocketEvent {
  const { handshake } = conn;
  const event = buildWebSocketEvent({
    eventType: 'CONNECT',
    headers: handshake.headers,
    query: handshake.query,
    stage: config.stageName,
    stageVariables: config.stageVariables,
    sourceIp: handshake.sourceIp,
    apiId: config.apiId,
    region: config.region,
    domainName: handshake.domainName,
    requestId: stamp.requestId,
    time: stamp.time,
    connectionId: conn.id,
    connectedAt: conn.connectedAt,
  });
  return withAuthorizer(event, conn);
}

/** The `$disconnect` event: the close code and reason as `disconnectStatusCode` / `disconnectReason`. */
export function disconnectEvent(
  config: ResolvedWebSocketApi,
  conn: Connection,
  stamp: EventStamp,
  frame: CloseFrame,
): WebSocketEvent {
  const event = buildWebSocketEvent({
    eventType: 'DISCONNECT',
    stage: config.stageName,
    stageVariables: config.stageVariables,
    sourceIp: conn.handshake.sourceIp,
    ...(conn.handshake.userAgent === null ? {} : { userAgent: conn.handshake.userAgent }),
    apiId: config.apiId,
    region: config.region,
    domainName: conn.handshake.domainName,
    requestId: stamp.requestId,
    time: stamp.time,
    connectionId: conn.id,
    connectedAt: conn.connectedAt,
    disconnectStatusCode: frame.code,
    disconnectReason: frame.reason,
  });
  return withAuthorizer(event, conn);
}

/**
 * A MESSAGE event, built in one pass on the hot path. It is exactly what {@link buildWebSocketEvent} returns for
 * the same connection, ids and body (pinned by test/websocket/events.test.ts).
 */
export function messageEvent(
  config: ResolvedWebSocketApi,
  conn: Connection,
  routeKey: string,
  stamp: EventStamp,
  body: string | Uint8Array,
): WebSocketEvent {
  const requestContext: Record<string, unknown> = {
    routeKey,
    eventType: 'MESSAGE',
    extendedRequestId: stamp.requestId,
    requestTime: formatRequestTime(stamp.time),
    messageDirection: 'IN',
    stage: config.stageName,
    connectedAt: conn.connectedAt,
    requestTimeEpoch: stamp.time,
    identity: identityOf(conn),
    requestId: stamp.requestId,
    domainName: conn.handshake.domainName,
    connectionId: conn.id,
    apiId: config.apiId,
    messageId: stamp.messageId,
  };
  if (conn.authorizer !== undefined) requestContext.authorizer = conn.authorizer;
  const binary = typeof body !== 'string';
  const event: Record<string, unknown> = {
    requestContext,
    body: binary ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64') : body,
    isBase64Encoded: binary,
  };
  if (config.stageVariables !== null) event.stageVariables = { ...config.stageVariables };
  return event as unknown as WebSocketEvent;
}

/** `$context` of a WebSocket mapping template (behaviour.md §12.4). */
export function webSocketMappingContext(
  config: ResolvedWebSocketApi,
  conn: Connection,
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT',
  routeKey: string,
  stamp: EventStamp,
): MappingContext {
  const identity = identityOf(conn);
  if (conn.apiKey) {
    identity.apiKey = conn.apiKey.value;
    identity.apiKeyId = conn.apiKey.id;
  }
  const context: MappingContext = {
    connectionId: conn.id,
    connectedAt: conn.connectedAt,
    domainName: conn.handshake.domainName,
    eventType,
    routeKey,
    requestId: stamp.requestId,
    extendedRequestId: stamp.requestId,
    apiId: config.apiId,
    accountId: config.accountId,
    identity,
    requestTime: formatRequestTime(stamp.time),
    requestTimeEpoch: stamp.time,
    stage: config.stageName,
  };
  if (stamp.messageId !== undefined) context.messageId = stamp.messageId;
  if (conn.authorizer !== undefined) context.authorizer = conn.authorizer;
  return context;
}

/**
 * What a WebSocket mapping template reads: `$input.body` (messages), `$input.params()` (the handshake's headers
 * and query, `$connect` only), `$stageVariables` and `$context`.
 */
export function webSocketMappingInput(
  config: ResolvedWebSocketApi,
  conn: Connection,
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT',
  routeKey: string,
  stamp: EventStamp,
  body: string | null,
): WebSocketMockInput {
  const header: Record<string, string> = {};
  const querystring: Record<string, string> = {};
  if (eventType === 'CONNECT') {
    for (const [name, value] of conn.handshake.headers) {
      if (!DROPPED_REQUEST_HEADERS.has(name.toLowerCase())) header[name] = value;
    }
    if (conn.handshake.query !== '') {
      for (const [k, v] of new URLSearchParams(conn.handshake.query)) querystring[k] = v;
    }
  }
  return {
    body,
    params: { path: {}, querystring, header },
    stageVariables: config.stageVariables,
    context: webSocketMappingContext(config, conn, eventType, routeKey, stamp),
  };
}

/**
 * `requestContext.identity`: the handshake's `sourceIp` and `userAgent`, then the IAM caller's keys when an
 * `AWS_IAM` `$connect` authenticated the connection (UNCONFIRMED which keys AWS adds).
 */
function identityOf(conn: Connection): Record<string, unknown> {
  const identity: Record<string, unknown> = {
    sourceIp: conn.handshake.sourceIp,
    userAgent: conn.handshake.userAgent,
  };
  return conn.caller === undefined ? identity : Object.assign(identity, conn.caller);
}

/** The `$connect` authorizer's result and the IAM caller, on every event of the connection. */
function withAuthorizer(event: WebSocketEvent, conn: Connection): WebSocketEvent {
  const context = event.requestContext as unknown as Record<string, unknown>;
  if (conn.authorizer !== undefined) context.authorizer = conn.authorizer;
  if (conn.caller !== undefined) context.identity = identityOf(conn);
  return event;
}
