import { Buffer } from 'node:buffer';
import { type WebSocketFrameMessage, webSocketErrorFrame } from '../websocket-responses.js';
import { closeConnection } from './close-connection.js';
import type { Connection } from './connection.js';
import { observeWebSocket, type WebSocketEventRecord } from './observe-websocket.js';
import type { WebSocketDeps } from './websocket-deps.js';
import { type EventStamp, messageEvent, webSocketMappingInput } from './websocket-events.js';
import { runWebSocketIntegration } from './websocket-integration.js';
import { BINARY_REFUSED, MAX_FRAME_BYTES, MAX_MESSAGE_BYTES, TOO_BIG } from './websocket-limits.js';

const ERROR_STATUS: Record<WebSocketFrameMessage, number> = {
  Forbidden: 403,
  'Too Many Requests': 429,
  'Internal server error': 500,
  'Endpoint request timed out': 504,
};

/**
 * One message from the client, in AWS order (behaviour.md §13): size limits (a frame over 32 KB or a message over
 * 128 KB closes with 1009), binary frames (closed with 1003 unless `binaryFrames: 'BASE64'`), route selection
 * (no match and no `$default`: the `Forbidden` frame), throttling, the integration, then the route response on
 * two-way routes. Failures are error frames; the connection stays open. `frameSize` is the largest frame the
 * message came in (one frame when not given).
 */
export async function handleMessage(
  deps: WebSocketDeps,
  conn: Connection,
  data: string | Uint8Array,
  frameSize?: number,
): Promise<void> {
  const { config } = deps;
  const now = config.clock.now();
  conn.lastActiveAt = now;
  const binary = typeof data !== 'string';
  // A UTF-16 string of n units is at most 3n UTF-8 bytes: short messages skip the byte count.
  if (binary || data.length * 3 > MAX_FRAME_BYTES) {
    const bytes = binary ? data.byteLength : Buffer.byteLength(data);
    const largestFrame = frameSize === undefined ? bytes : Math.min(frameSize, bytes);
    if (bytes > MAX_MESSAGE_BYTES || largestFrame > MAX_FRAME_BYTES)
      return closeConnection(deps, conn, TOO_BIG);
  }
  if (binary && config.binaryFrames === 'CLOSE') return closeConnection(deps, conn, BINARY_REFUSED);
  const body = binary ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64') : data;
  const stamp: EventStamp = { requestId: config.ids.shortId(), time: now, messageId: config.ids.shortId() };
  const key = binary ? undefined : config.routeSelection.evaluate(body);
  let route =
    key === undefined || key === '$connect' || key === '$disconnect' ? undefined : config.routes.get(key);
  route ??= config.routes.get('$default');
  if (!route) {
    return errorFrame(deps, conn, stamp, 'Forbidden', {
      routeKey: undefined,
      error: { message: 'Forbidden', responseType: 'MISSING_AUTHENTICATION_TOKEN' },
      clientError: true,
    });
  }
  const routeKey = route.routeKey;
  const throttled = deps.throttler.check({ routeKey });
  if (!throttled.allowed) {
    return errorFrame(deps, conn, stamp, 'Too Many Requests', {
      routeKey,
      error: { message: 'Too Many Requests', responseType: 'THROTTLED' },
      clientError: true,
    });
  }
  const call = await runWebSocketIntegration(
    deps,
    route.integration,
    () => messageEvent(config, conn, routeKey, stamp, binary ? data : body),
    () => webSocketMappingInput(config, conn, 'MESSAGE', routeKey, stamp, body),
    route.twoWay,
  );
  const { result } = call;
  const latency = call.latencyMs;
  if (result.kind !== 'response') {
    const message = result.kind === 'timeout' ? 'Endpoint request timed out' : 'Internal server error';
    return errorFrame(deps, conn, stamp, message, {
      routeKey,
      integrationLatencyMs: latency,
      error: {
        message,
        responseType: result.kind === 'timeout' ? 'INTEGRATION_TIMEOUT' : 'INTEGRATION_FAILURE',
      },
      executionError: true,
    });
  }
  // Two-way routes send the integration's body back (nothing when it has none); one-way routes never do.
  const reply = route.twoWay && result.body !== '';
  if (reply) sendFrame(deps, conn, result.body);
  observeWebSocket(deps, {
    eventType: 'MESSAGE',
    conn,
    stamp,
    routeKey,
    status: 200,
    integrationLatencyMs: latency,
    integrationStatus: result.statusCode,
    messages: reply ? 2 : 1,
    integrationError: result.statusCode >= 400,
  });
}

/** Sends an error frame (the connection stays open) and records the message with the frame's status. */
function errorFrame(
  deps: WebSocketDeps,
  conn: Connection,
  stamp: EventStamp,
  message: WebSocketFrameMessage,
  rec: Omit<WebSocketEventRecord, 'eventType' | 'conn' | 'stamp' | 'status' | 'messages'>,
): void {
  sendFrame(deps, conn, webSocketErrorFrame(message, conn.id, stamp.requestId));
  observeWebSocket(deps, {
    eventType: 'MESSAGE',
    conn,
    stamp,
    ...rec,
    status: ERROR_STATUS[message],
    messages: 2,
  });
}

/** A frame from API Gateway to the client; counts as activity for the idle timeout. */
export function sendFrame(deps: WebSocketDeps, conn: Connection, data: string | Uint8Array): void {
  if (conn.state !== 'OPEN') return;
  conn.lastActiveAt = deps.config.clock.now();
  conn.sink?.deliver(data);
}
