import { Buffer } from 'node:buffer';
import { decodeUtf8 } from '../../http/utf8.js';
import {
  type ConnectionsErrorResponse,
  type ConnectionsFailure,
  connectionsError,
} from '../websocket-responses.js';
import { closeConnection } from './close-connection.js';
import type { Connection } from './connection.js';
import { sendFrame } from './handle-message.js';
import type { WebSocketDeps } from './websocket-deps.js';
import { DELETED, MAX_POST_BYTES } from './websocket-limits.js';

/** `GetConnection`'s answer on the wire (ISO-8601 times). */
export interface ConnectionWireInfo {
  connectedAt: string;
  identity: { sourceIp: string; userAgent: string };
  lastActiveAt: string;
}

/** The outcome of one `@connections` operation. */
export type ConnectionsOutcome =
  | { ok: true; statusCode: 200 | 204; info?: ConnectionWireInfo }
  | { ok: false; error: ConnectionsErrorResponse };

/** Connection ids as API Gateway issues them: 16 characters ending in `=` (`R1kmxc2VNjMCFIA=`). UNCONFIRMED rule. */
const CONNECTION_ID = /^[A-Za-z0-9+/_-]{15}=$/;
const ACCOUNT_ONLY = Object.freeze({ accountOnly: true });

/**
 * `PostToConnection` (behaviour.md §13): 400 for a malformed id, 429 when the account bucket is empty
 * (callbacks share it, §19.4), 410 for a connection that is gone, never existed or is still in `$connect`, 413
 * over 131 072 bytes; otherwise the data reaches the client as a text frame and the call answers 200.
 */
export function postToConnection(
  deps: WebSocketDeps,
  id: string,
  data: string | Uint8Array,
): ConnectionsOutcome {
  const found = lookup(deps, id);
  if (!('state' in found)) return found;
  // A UTF-16 string of n units is at most 3n UTF-8 bytes: short data skips the byte count.
  const bytes =
    typeof data !== 'string'
      ? data.byteLength
      : data.length * 3 <= MAX_POST_BYTES
        ? 0
        : Buffer.byteLength(data);
  if (bytes > MAX_POST_BYTES) return refuse(deps, 'PAYLOAD_TOO_LARGE');
  sendFrame(deps, found, typeof data === 'string' ? data : decodeUtf8(data));
  deps.metrics.record({ stage: deps.config.stageName, messages: 1 });
  return { ok: true, statusCode: 200 };
}

/** `GetConnection`: when the connection was made, who made it, and when it was last active. */
export function getConnection(deps: WebSocketDeps, id: string): ConnectionsOutcome {
  const found = lookup(deps, id);
  if (!('state' in found)) return found;
  const { handshake } = found;
  return {
    ok: true,
    statusCode: 200,
    info: {
      connectedAt: new Date(found.connectedAt).toISOString(),
      identity: { sourceIp: handshake.sourceIp, userAgent: handshake.userAgent ?? '' },
      lastActiveAt: new Date(found.lastActiveAt).toISOString(),
    },
  };
}

/**
 * `DeleteConnection`: 204, the client gets close code 1000 and `$disconnect` runs with 1000 "Connection Closed
 * Normally" (recorded). The promise settles once `$disconnect` finished.
 */
export async function deleteConnection(deps: WebSocketDeps, id: string): Promise<ConnectionsOutcome> {
  const found = lookup(deps, id);
  if (!('state' in found)) return found;
  await closeConnection(deps, found, DELETED);
  return { ok: true, statusCode: 204 };
}

function lookup(deps: WebSocketDeps, id: string): Connection | ConnectionsOutcome {
  // Ids the gateway issued are well formed by construction: the pattern is tested only for unknown ones.
  const conn = typeof id === 'string' ? deps.connections.get(id) : undefined;
  if (conn === undefined && (typeof id !== 'string' || !CONNECTION_ID.test(id)))
    return refuse(deps, 'INVALID_CONNECTION_ID');
  if (!deps.throttler.check(ACCOUNT_ONLY).allowed) return refuse(deps, 'LIMIT_EXCEEDED');
  if (conn === undefined || conn.state !== 'OPEN') return refuse(deps, 'GONE');
  return conn;
}

function refuse(deps: WebSocketDeps, failure: ConnectionsFailure): ConnectionsOutcome {
  return { ok: false, error: connectionsError(failure, deps.config.ids.uuid()) };
}
