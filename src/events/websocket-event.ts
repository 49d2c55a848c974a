import { Buffer } from 'node:buffer';
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { EventInputError } from '../errors/families.js';
import { formatValue } from '../errors/format-value.js';
import { type LambdaAuthorizerInput, lambdaAuthorizerV1 } from './derive/authorizer.js';
import { resolveBody } from './derive/body.js';
import { addRequestGatewayEntries } from './derive/header-maps.js';
import { toV1HeaderMaps } from './derive/headers.js';
import { jsonOption } from './derive/json-value.js';
import { knownOptions } from './derive/known-options.js';
import { type DeepPartial, mergeDeep } from './derive/merge.js';
import { toV1QueryMaps } from './derive/query.js';
import { HTTP_OPTION_KEYS, type HttpEventOptions, resolveRequest } from './derive/request.js';
import { formatRequestTime } from './derive/time.js';

/** WebSocket event kinds (`requestContext.eventType`). */
export type WebSocketEventType = 'CONNECT' | 'MESSAGE' | 'DISCONNECT';

/** `requestContext` of a WebSocket event as API Gateway sends it (behaviour.md §1.4). */
export interface WebSocketRequestContext {
  routeKey: string;
  eventType: WebSocketEventType;
  extendedRequestId: string;
  requestTime: string;
  messageDirection: 'IN';
  stage: string;
  connectedAt: number;
  requestTimeEpoch: number;
  identity: { sourceIp: string; userAgent: string | null };
  requestId: string;
  domainName: string;
  connectionId: string;
  apiId: string;
  messageId?: string;
  disconnectStatusCode?: number;
  disconnectReason?: string;
  authorizer?: Record<string, string | number>;
}

/** A WebSocket Lambda proxy event: CONNECT carries handshake headers and query; MESSAGE a body. */
export interface WebSocketEvent extends Omit<APIGatewayProxyWebsocketEventV2, 'requestContext'> {
  requestContext: WebSocketRequestContext;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
}

/** Options of {@link buildWebSocketEvent}. */
export interface WebSocketEventOptions
  extends Pick<
    HttpEventOptions,
    | 'headers'
    | 'query'
    | 'body'
    | 'stage'
    | 'stageVariables'
    | 'sourceIp'
    | 'userAgent'
    | 'apiId'
    | 'region'
    | 'domainName'
    | 'requestId'
    | 'time'
    | 'seed'
    | 'randomIds'
  > {
  /** `CONNECT`, `MESSAGE` (default) or `DISCONNECT`. */
  eventType?: WebSocketEventType;
  /** Default `$connect`, `$default` or `$disconnect` by event type. */
  routeKey?: string;
  connectionId?: string;
  /** Epoch ms of the handshake. Default: the event time. */
  connectedAt?: number;
  messageId?: string;
  /** `$connect` authorizer verdict; attached to the event's `requestContext.authorizer`. */
  authorizer?: LambdaAuthorizerInput;
  /** WebSocket close code of a DISCONNECT. Default 1001. */
  disconnectStatusCode?: number;
  /** Close reason of a DISCONNECT. Default `''`. */
  disconnectReason?: string;
  requestContext?: DeepPartial<WebSocketRequestContext> & Record<string, unknown>;
}

/** Every option {@link buildWebSocketEvent} takes (the `$connect` authorizer builder takes a subset). */
export const WEBSOCKET_EVENT_OPTION_KEYS: readonly string[] = [
  ...HTTP_OPTION_KEYS.filter((k) =>
    [
      'headers',
      'query',
      'body',
      'stage',
      'stageVariables',
      'sourceIp',
      'userAgent',
      'apiId',
      'region',
    ].includes(k),
  ),
  'domainName',
  'requestId',
  'time',
  'seed',
  'randomIds',
  'eventType',
  'routeKey',
  'connectionId',
  'connectedAt',
  'messageId',
  'authorizer',
  'disconnectStatusCode',
  'disconnectReason',
  'requestContext',
];
const WHERE = 'buildWebSocketEvent';
const checkOptions = knownOptions(WHERE, WEBSOCKET_EVENT_OPTION_KEYS);
const ROUTE: Record<WebSocketEventType, string> = {
  CONNECT: '$connect',
  MESSAGE: '$default',
  DISCONNECT: '$disconnect',
};

/**
 * Builds a WebSocket API Lambda proxy event. CONNECT has the handshake headers (`Sec-WebSocket-*`, Host,
 * X-Forwarded-*) and query; MESSAGE has `messageId` and the frame as `body` (bytes → base64 with
 * `isBase64Encoded: true`) and no headers; DISCONNECT has `disconnectStatusCode`/`disconnectReason` and
 * a small fixed header set. `requestId` equals `extendedRequestId`.
 *
 * @example
 * ```ts
 * const event = buildWebSocketEvent({ eventType: 'MESSAGE', body: { action: 'send', text: 'hi' } });
 * event.requestContext.routeKey; // '$default'
 * event.body; // '{"action":"send","text":"hi"}'
 * ```
 */

export function buildWebSocketEvent(options: WebSocketEventOptions = {}): WebSocketEvent {
  checkOptions(options);
  const eventType = options.eventType ?? 'MESSAGE';
  if (typeof eventType !== 'string' || !Object.hasOwn(ROUTE, eventType)) {
    throw new EventInputError(
      'EVENT_INVALID_EVENT_TYPE',
      `${WHERE}: invalid eventType: ${formatValue(eventType)}`,
      'Use CONNECT, MESSAGE or DISCONNECT.',
    );
  }
  if (eventType !== 'MESSAGE' && options.body !== undefined) {
    throw new EventInputError(
      'EVENT_BODY_NOT_ALLOWED',
      `${WHERE}: a ${eventType} event has no body`,
      'Only MESSAGE events carry a body; remove body or use eventType MESSAGE.',
    );
  }
  if (eventType === 'MESSAGE' && (options.headers !== undefined || options.query !== undefined)) {
    throw new EventInputError(
      'EVENT_HEADERS_NOT_ALLOWED',
      `${WHERE}: a MESSAGE event has no headers or query`,
      'Headers and query parameters arrive only with CONNECT (the handshake); remove them.',
    );
  }
  // The frame body is resolved below; resolveRequest only needs the handshake data.
  const request = resolveRequest(WHERE, options, 'dev', () => false);
  const ids = request.ids;
  const requestId = options.requestId ?? ids.short4;
  const connectionId = options.connectionId ?? ids.short12;
  const context: Record<string, unknown> = {
    routeKey: options.routeKey ?? ROUTE[eventType],
    eventType,
    extendedRequestId: requestId,
    requestTime: formatRequestTime(request.time),
    messageDirection: 'IN',
    stage: request.stage,
    connectedAt: options.connectedAt ?? request.time,
    requestTimeEpoch: request.time,
    identity: { sourceIp: request.sourceIp, userAgent: request.userAgent },
    requestId,
    domainName: request.domainName,
    connectionId,
    apiId: request.apiId,
  };
  const event: Record<string, unknown> = {};
  if (eventType === 'CONNECT') {
    const h = request.headers;
    const has = (lower: string): boolean => h.some(([n]) => n.toLowerCase() === lower);
    if (!has('sec-websocket-extensions'))
      h.push(['Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits']);
    if (!has('sec-websocket-key'))
      h.push(['Sec-WebSocket-Key', Buffer.from(ids.hex0, 'hex').toString('base64')]);
    if (!has('sec-websocket-version')) h.push(['Sec-WebSocket-Version', '13']);
    const maps = toV1HeaderMaps(h, false);
    addRequestGatewayEntries(request, maps.headers, maps.multiValueHeaders, 1);
    Object.assign(event, maps);
    const query = toV1QueryMaps(request.query.pairs);
    if (query.single !== null) {
      event.queryStringParameters = query.single;
      event.multiValueQueryStringParameters = query.multi;
    }
  } else if (eventType === 'MESSAGE') {
    context.messageId = options.messageId ?? ids.short0;
  } else {
    context.disconnectStatusCode = options.disconnectStatusCode ?? 1001;
    context.disconnectReason = options.disconnectReason ?? '';
    // Recorded $disconnect events carry this small fixed header set (aws-lambda-go testdata, 2024).
    Object.assign(
      event,
      toV1HeaderMaps(
        [
          ['Host', request.domainName],
          ['x-api-key', ''],
          ['X-Forwarded-For', ''],
          ['x-restapi', ''],
        ],
        false,
      ),
    );
  }
  if (options.authorizer !== undefined) {
    context.authorizer = lambdaAuthorizerV1(WHERE, options.authorizer);
  }
  event.requestContext =
    options.requestContext === undefined
      ? context
      : mergeDeep(context, jsonOption(WHERE, 'requestContext', options.requestContext));
  if (eventType === 'MESSAGE') {
    const body = resolveBody(WHERE, options.body, '', (_type, isBytes) => isBytes);
    event.body = body.body ?? '';
    event.isBase64Encoded = body.isBase64Encoded;
  } else {
    event.isBase64Encoded = false;
  }
  if (request.stageVariables !== null) event.stageVariables = request.stageVariables;
  return event as unknown as WebSocketEvent;
}
