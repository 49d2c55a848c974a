import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { InvalidInputError } from '../../errors/families.js';
import { builtin } from '../../node/builtin.js';
import type { WebSocketGateway } from '../websocket/create-websocket-gateway.js';
import { ABORT_CONNECTION, FORWARD_FRAMES, type WebSocketClient } from '../websocket/websocket-client.js';
import { UpgradeRejectedError } from '../websocket/websocket-errors.js';
import { MAX_MESSAGE_BYTES } from '../websocket/websocket-limits.js';
import { createFrameSizeWatcher, type FrameSizeWatcher } from './frame-size-watcher.js';

/**
 * What {@link toUpgradeListener} reports: a connection opened or refused, or closed (either side).
 *
 * @example
 * ```ts
 * const record: WebSocketConnectionRecord = { event: 'open', path: '/dev', status: 101, connectionId: 'R1kmxc2VNjMCFIA=' };
 * ```
 */
export interface WebSocketConnectionRecord {
  event: 'open' | 'refused' | 'close';
  /** The upgrade request's target (path and query). */
  path: string;
  connectionId?: string;
  /** 101, or the refusal's status. */
  status?: number;
  /** Close code and reason (`close`). */
  code?: number;
  reason?: string;
}

/**
 * Options of {@link toUpgradeListener}.
 *
 * @example
 * ```ts
 * const options: UpgradeListenerOptions = { onConnection: (r) => console.log(r.event, r.connectionId) };
 * ```
 */
export interface UpgradeListenerOptions {
  onConnection?: (record: WebSocketConnectionRecord) => void;
}

/** A Node `'upgrade'` listener that also closes every socket it accepted. */
export interface UpgradeListener {
  (request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Terminates every open socket (call `gateway.close()` first for clean 1001 closes). */
  close(): Promise<void>;
}

// Messages over 128 KB are the gateway's to refuse (1009), so `ws` may read a little more than that.
const WS_MAX_PAYLOAD = 4 * MAX_MESSAGE_BYTES;

/**
 * Serves a simulated WebSocket API over real WebSockets on a Node HTTP server: `server.on('upgrade',
 * toUpgradeListener(gateway))`. Each upgrade runs `$connect` (a refusal is the HTTP response AWS would send, e.g.
 * `401`); accepted sockets get the frames the gateway sends, their messages go through the gateway with the real
 * frame sizes (32 KB limit), and closes travel both ways (a dropped socket is 1006). The `ws` package is loaded on
 * the first upgrade only.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * const server = createServer(toNodeListener(gateway)); // serves @connections
 * server.on('upgrade', toUpgradeListener(gateway));      // serves ws://127.0.0.1:3000/dev
 * server.listen(3000, '127.0.0.1');
 * ```
 */
export function toUpgradeListener(
  gateway: WebSocketGateway,
  options: UpgradeListenerOptions = {},
): UpgradeListener {
  if (typeof (gateway as Partial<WebSocketGateway> | null)?.connect !== 'function') {
    throw new InvalidInputError(
      'ADAPTER_NOT_A_GATEWAY',
      'toUpgradeListener: expected a WebSocket gateway (createGateway({ apiType: "WEBSOCKET", … }))',
      'Pass the object createGateway returns for a WebSocket API.',
    );
  }
  let server: Promise<WebSocketServer> | undefined;
  const sockets = new Set<WebSocket>();
  const protocols = new WeakMap<IncomingMessage, string>();
  const report = (record: WebSocketConnectionRecord): void => {
    try {
      options.onConnection?.(record);
    } catch {
      // A failing logger must not break the connection.
    }
  };
  const wss = (): Promise<WebSocketServer> => {
    server ??= import('ws').then(
      ({ WebSocketServer }) =>
        new WebSocketServer({
          noServer: true,
          maxPayload: WS_MAX_PAYLOAD,
          perMessageDeflate: false,
          handleProtocols: (_offered, request) => protocols.get(request) || false,
        }),
    );
    return server;
  };
  const listener = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    void upgrade(request, socket, head).catch(() => socket.destroy());
  };
  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const path = request.url ?? '/';
    const key = request.headers['sec-websocket-key'];
    if (request.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') {
      writeResponse(socket, 400, [], 'Bad Request: not a WebSocket upgrade');
      return;
    }
    const headers: [string, string][] = [];
    for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
      headers.push([request.rawHeaders[i]!, request.rawHeaders[i + 1]!]);
    }
    const query = path.indexOf('?');
    let client: WebSocketClient;
    try {
      client = await gateway.connect({
        headers,
        path: query < 0 ? path : path.slice(0, query),
        query: query < 0 ? '' : path.slice(query + 1),
        ...(request.socket.remoteAddress
          ? { sourceIp: request.socket.remoteAddress.replace(/^::ffff:/, '') }
          : {}),
      });
    } catch (error) {
      if (!isUpgradeRejected(error)) throw error;
      report({ event: 'refused', path, status: error.statusCode });
      writeResponse(socket, error.statusCode, error.headers, error.body);
      return;
    }
    const watcher = createFrameSizeWatcher();
    watcher.feed(head);
    socket.on('data', (chunk: Buffer) => watcher.feed(chunk));
    protocols.set(request, client.protocol);
    (await wss()).handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      report({ event: 'open', path, status: 101, connectionId: client.connectionId });
      bridge(ws, client, watcher, () => {
        sockets.delete(ws);
      });
      void client.closed.then(({ code, reason }) =>
        report({ event: 'close', path, connectionId: client.connectionId, code, reason }),
      );
    });
  }
  return Object.assign(listener, {
    async close() {
      for (const ws of sockets) ws.terminate();
      sockets.clear();
      if (server) (await server).close();
    },
  });
}

function bridge(ws: WebSocket, client: WebSocketClient, watcher: FrameSizeWatcher, done: () => void): void {
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const frameSize = watcher.takeLargest() || undefined;
    const payload = isBinary
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : data.toString('utf8');
    client.send(payload, frameSize === undefined ? undefined : { frameSize }).catch(() => {
      // Closed meanwhile: nothing to deliver.
    });
  });
  ws.on('error', () => {
    // The socket failed (client reset); 'close' follows.
  });
  ws.on('close', (code: number, reason: Buffer) => {
    done();
    const abort = (
      client as unknown as Record<symbol, (frame: { code: number; reason: string }) => Promise<void>>
    )[ABORT_CONNECTION];
    void abort?.({
      code,
      reason: code === 1005 ? 'Client-side close frame status not set' : reason.toString('utf8'),
    });
  });
  const internals = client as unknown as Record<
    symbol,
    ((listener: (m: string | Uint8Array) => void) => void) | undefined
  >;
  const send = (message: string | Uint8Array): void => {
    if (ws.readyState === ws.OPEN) ws.send(message, { binary: typeof message !== 'string' });
  };
  const forward = internals[FORWARD_FRAMES];
  if (forward) forward(send);
  else {
    // A client from another copy of the package without the internal hook: read it like any user would.
    void (async () => {
      for await (const message of client) send(message);
    })();
  }
  void client.closed.then(({ code, reason }) => {
    if (ws.readyState !== ws.OPEN) return;
    const sendable =
      (code >= 1000 && code <= 1014 && ![1004, 1005, 1006].includes(code)) || (code >= 3000 && code <= 4999);
    if (sendable) ws.close(code, reason);
    else ws.close();
  });
}

function writeResponse(
  socket: Duplex,
  status: number,
  headers: readonly (readonly [string, string])[],
  body: string,
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const bytes = Buffer.from(body, 'utf8');
  const lines = [`HTTP/1.1 ${status} ${builtin('node:http').STATUS_CODES[status] ?? 'Error'}`];
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'content-length' && name.toLowerCase() !== 'connection')
      lines.push(`${name}: ${value}`);
  }
  lines.push(`Content-Length: ${bytes.byteLength}`, 'Connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), bytes]));
}

/** `instanceof` fails when the gateway comes from another copy of the package (a module importing the build). */
function isUpgradeRejected(error: unknown): error is UpgradeRejectedError {
  return (
    error instanceof UpgradeRejectedError ||
    (error instanceof Error &&
      error.name === 'UpgradeRejectedError' &&
      typeof (error as { statusCode?: unknown }).statusCode === 'number')
  );
}
