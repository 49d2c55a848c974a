import { type Connection, unrefTimer } from './connection.js';
import { observeWebSocket } from './observe-websocket.js';
import { track, type WebSocketDeps } from './websocket-deps.js';
import { disconnectEvent, type EventStamp, webSocketMappingInput } from './websocket-events.js';
import { runWebSocketIntegration } from './websocket-integration.js';
import { type CloseFrame, GOING_AWAY, IDLE_TIMEOUT_MS, MAX_CONNECTION_MS } from './websocket-limits.js';

/**
 * Opens a connection once `$connect` accepted it: arms the idle timeout (10 minutes without a data frame in
 * either direction) and the 2-hour limit on the gateway clock. Both close with 1001 "Going away" (recorded) and
 * never keep the process alive on the system clock.
 */
export function openConnection(deps: WebSocketDeps, conn: Connection): void {
  const { clock } = deps.config;
  conn.state = 'OPEN';
  const checkIdle = (): void => {
    conn.idleTimer = undefined;
    if (conn.state !== 'OPEN') return;
    const idle = clock.now() - conn.lastActiveAt;
    if (idle >= IDLE_TIMEOUT_MS) void closeConnection(deps, conn, GOING_AWAY);
    // Activity moved the deadline: wait for the rest instead of re-arming on every frame.
    else conn.idleTimer = unrefTimer(clock.setTimeout(checkIdle, IDLE_TIMEOUT_MS - idle));
  };
  conn.idleTimer = unrefTimer(
    clock.setTimeout(checkIdle, IDLE_TIMEOUT_MS - (clock.now() - conn.lastActiveAt)),
  );
  conn.durationTimer = unrefTimer(
    clock.setTimeout(() => {
      conn.durationTimer = undefined;
      void closeConnection(deps, conn, GOING_AWAY);
    }, MAX_CONNECTION_MS),
  );
}

/**
 * Closes a connection for good (either side): it leaves the store at once (`@connections` answers 410 from
 * then on), its timers are cleared, the client gets the close frame, and `$disconnect` runs with the code and
 * reason (best effort on AWS; here the returned promise settles when its integration finished). A connection
 * refused during `$connect` has no `$disconnect`.
 */
export function closeConnection(deps: WebSocketDeps, conn: Connection, frame: CloseFrame): Promise<void> {
  if (conn.state === 'CLOSED') return Promise.resolve();
  const wasOpen = conn.state === 'OPEN';
  conn.state = 'CLOSED';
  conn.closeFrame = frame;
  deps.connections.delete(conn.id);
  const { clock } = deps.config;
  if (conn.idleTimer !== undefined) clock.clearTimeout(conn.idleTimer);
  if (conn.durationTimer !== undefined) clock.clearTimeout(conn.durationTimer);
  conn.idleTimer = undefined;
  conn.durationTimer = undefined;
  conn.sink?.close(frame);
  if (!wasOpen) return Promise.resolve();
  return track(deps, runDisconnect(deps, conn, frame));
}

async function runDisconnect(deps: WebSocketDeps, conn: Connection, frame: CloseFrame): Promise<void> {
  const { config } = deps;
  const route = config.routes.get('$disconnect');
  if (!route) return;
  const stamp: EventStamp = { requestId: config.ids.shortId(), time: config.clock.now() };
  const call = await runWebSocketIntegration(
    deps,
    route.integration,
    () => disconnectEvent(config, conn, stamp, frame),
    () => webSocketMappingInput(config, conn, 'DISCONNECT', '$disconnect', stamp, null),
    false,
  );
  const { result } = call;
  observeWebSocket(deps, {
    eventType: 'DISCONNECT',
    conn,
    routeKey: '$disconnect',
    stamp,
    status: result.kind === 'response' ? 200 : result.kind === 'timeout' ? 504 : 500,
    integrationLatencyMs: call.latencyMs,
    ...(result.kind === 'response' ? { integrationStatus: result.statusCode } : { executionError: true }),
    messages: 0,
  });
}
