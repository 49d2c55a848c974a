import { InvalidInputError } from '../../errors/families.js';
import { closeConnection } from './close-connection.js';
import type { Connection, ConnectionSink } from './connection.js';
import { handleMessage } from './handle-message.js';
import type { WebSocketDeps } from './websocket-deps.js';
import { WebSocketClosedError } from './websocket-errors.js';
import { type CloseFrame, NO_STATUS } from './websocket-limits.js';

/** A frame the client received: text, or bytes for a binary frame. */
export type WebSocketMessage = string | Uint8Array;

/** How a connection ended, as the client saw the close frame. */
export interface WebSocketCloseEvent {
  code: number;
  reason: string;
  /** True when the close handshake completed (always, in-process). */
  wasClean: boolean;
}

/**
 * Options of {@link WebSocketClient.send}.
 *
 * @example
 * ```ts
 * await client.send(big, { frameSize: 32 * 1024 }); // fragmented like a careful client; AWS allows 32 KB frames
 * ```
 */
export interface WebSocketSendOptions {
  /** Fragment the message into frames of at most this many bytes. Default: one frame (what `ws` and browsers do). */
  frameSize?: number;
}

/**
 * An in-process WebSocket client of a simulated WebSocket API (`gateway.connect()`).
 *
 * @example
 * ```ts
 * const client = await gateway.connect({ query: { room: 'lobby' } });
 * await client.send(JSON.stringify({ action: 'sendMessage', text: 'hi' }));
 * await client.nextMessage(); // what the handler posted back
 * await client.close(1000, 'bye'); // settles after $disconnect ran
 * ```
 */
export interface WebSocketClient extends AsyncIterable<WebSocketMessage> {
  /** `requestContext.connectionId` of this connection. */
  readonly connectionId: string;
  /** The subprotocol `$connect` selected (its `Sec-WebSocket-Protocol` header), `''` for none. */
  readonly protocol: string;
  readonly readyState: 'OPEN' | 'CLOSED';
  /** Sends a text (string) or binary (bytes) message; settles when API Gateway finished with it. */
  send(data: WebSocketMessage, options?: WebSocketSendOptions): Promise<void>;
  /** The next frame API Gateway sent; rejects with `WebSocketClosedError` once closed and drained. */
  nextMessage(): Promise<WebSocketMessage>;
  /** Closes from the client side (no code: AWS reports 1005); settles after `$disconnect` ran. */
  close(code?: number, reason?: string): Promise<WebSocketCloseEvent>;
  /** Settles when the connection closed, from either side. */
  readonly closed: Promise<WebSocketCloseEvent>;
}

/**
 * Internal: ends the connection with a close the client could not have sent itself (1006 when the socket dropped
 * without a close frame). Used by the `serve` bridge; not part of the public client.
 */
// Symbol.for: a client from another copy of the package (a module importing the built package) works too.
export const ABORT_CONNECTION: unique symbol = Symbol.for('apigw-testkit.abortConnection') as never;

/**
 * Internal: hands every frame to `listener` as it is sent instead of queueing it (the `serve` bridge writes it to
 * the socket at once). Not part of the public client.
 */
export const FORWARD_FRAMES: unique symbol = Symbol.for('apigw-testkit.forwardFrames') as never;

interface Waiter {
  resolve(message: WebSocketMessage): void;
  reject(error: Error): void;
}

/** Creates the client of an open connection and attaches it as the connection's sink. */
export function createWebSocketClient(
  deps: WebSocketDeps,
  conn: Connection,
  protocol: string,
): WebSocketClient {
  const queue: WebSocketMessage[] = [];
  const waiters: Waiter[] = [];
  let closeEvent: WebSocketCloseEvent | undefined;
  let resolveClosed!: (event: WebSocketCloseEvent) => void;
  const closed = new Promise<WebSocketCloseEvent>((resolve) => {
    resolveClosed = resolve;
  });
  let forward: ((data: WebSocketMessage) => void) | undefined;
  const sink: ConnectionSink = {
    deliver(data) {
      if (forward) return forward(data);
      const waiter = waiters.shift();
      if (waiter) waiter.resolve(data);
      else queue.push(data);
    },
    close(frame: CloseFrame) {
      if (closeEvent) return;
      closeEvent = { code: frame.code, reason: frame.reason, wasClean: true };
      resolveClosed(closeEvent);
      for (const waiter of waiters.splice(0))
        waiter.reject(new WebSocketClosedError(frame.code, frame.reason));
    },
  };
  conn.sink = sink;
  const next = (): Promise<WebSocketMessage> => {
    const queued = queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (closeEvent) return Promise.reject(new WebSocketClosedError(closeEvent.code, closeEvent.reason));
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  };
  const client: WebSocketClient & {
    [ABORT_CONNECTION](frame: CloseFrame): Promise<void>;
    [FORWARD_FRAMES](listener: (data: WebSocketMessage) => void): void;
  } = {
    [ABORT_CONNECTION]: (frame: CloseFrame) => closeConnection(deps, conn, frame),
    [FORWARD_FRAMES]: (listener) => {
      forward = listener;
      for (const data of queue.splice(0)) listener(data);
    },
    connectionId: conn.id,
    protocol,
    get readyState() {
      return closeEvent ? 'CLOSED' : 'OPEN';
    },
    // Not `async`: the message's own promise is returned (misuse still rejects, never throws).
    send(data, options = NO_SEND_OPTIONS) {
      try {
        checkSend(conn, data, options, closeEvent);
      } catch (error) {
        return Promise.reject(error);
      }
      return handleMessage(deps, conn, data, options.frameSize);
    },
    nextMessage: next,
    async close(code, reason = '') {
      if (!closeEvent) {
        checkClose(code, reason);
        await closeConnection(deps, conn, code === undefined ? NO_STATUS : { code, reason });
      }
      return closed;
    },
    closed,
    async *[Symbol.asyncIterator]() {
      while (true) {
        if (queue.length === 0 && closeEvent) return;
        try {
          yield await next();
        } catch (error) {
          if (error instanceof WebSocketClosedError) return;
          throw error;
        }
      }
    },
  };
  return client;
}

const NO_SEND_OPTIONS: WebSocketSendOptions = Object.freeze({});

/** Throws when `client.send` is misused: data that is neither text nor bytes, a closed connection, a bad frame size. */
function checkSend(
  conn: Connection,
  data: unknown,
  options: WebSocketSendOptions,
  closeEvent: WebSocketCloseEvent | undefined,
): void {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    throw new InvalidInputError(
      'WEBSOCKET_INVALID_DATA',
      `client.send: data must be a string (text frame) or a Uint8Array (binary frame), got ${data === null ? 'null' : typeof data}`,
      'Send JSON.stringify(message) for JSON.',
    );
  }
  if (closeEvent || conn.state !== 'OPEN') {
    throw new InvalidInputError(
      'WEBSOCKET_NOT_OPEN',
      `client.send: connection ${conn.id} is closed${closeEvent ? ` (${closeEvent.code})` : ''}`,
      'Open a new connection with gateway.connect().',
    );
  }
  const frameSize = options.frameSize;
  if (frameSize !== undefined && !(Number.isInteger(frameSize) && frameSize > 0)) {
    throw new InvalidInputError(
      'WEBSOCKET_INVALID_DATA',
      `client.send: frameSize must be a positive integer, got ${String(frameSize)}`,
      'Pass the largest frame size in bytes, e.g. 32768.',
    );
  }
}

/** Close codes a client may send (RFC 6455 §7.4, as `ws` checks them), reason at most 123 bytes. */
function checkClose(code: number | undefined, reason: string): void {
  const valid =
    code === undefined ||
    (Number.isInteger(code) &&
      ((code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) ||
        (code >= 3000 && code <= 4999)));
  if (!valid) {
    throw new InvalidInputError(
      'WEBSOCKET_INVALID_CLOSE_CODE',
      `client.close: ${String(code)} is not a close code a client may send`,
      'Use 1000 (normal), 1001 (going away), or an application code from 3000 to 4999; leave it out for "no status" (AWS reports 1005).',
      { code },
    );
  }
  if (typeof reason !== 'string' || new TextEncoder().encode(reason).byteLength > 123) {
    throw new InvalidInputError(
      'WEBSOCKET_INVALID_CLOSE_CODE',
      'client.close: the reason must be a string of at most 123 UTF-8 bytes',
      'Shorten the reason.',
    );
  }
}
