import { InvalidInputError } from '../../errors/families.js';
import {
  type ConnectionsOutcome,
  deleteConnection,
  getConnection,
  postToConnection,
} from './connections-api.js';
import { ConnectionsApiError } from './connections-api-error.js';
import type { WebSocketDeps } from './websocket-deps.js';

/** `GetConnection`'s output, as the AWS SDK returns it. */
export interface ConnectionInfo {
  ConnectedAt: Date;
  Identity: { SourceIp: string; UserAgent: string };
  LastActiveAt: Date;
}

/**
 * The `@connections` management API in-process: the same answers as the HTTP API at the callback URL, with the
 * AWS SDK's shapes (failures reject with a {@link ConnectionsApiError} named like the SDK's exception).
 *
 * @example
 * ```ts
 * await gateway.connections.post(connectionId, JSON.stringify({ text: 'hi' }));
 * (await gateway.connections.get(connectionId)).Identity.SourceIp;
 * await gateway.connections.delete(connectionId); // the client sees close code 1000
 * ```
 */
export interface ConnectionsApi {
  /** `PostToConnection`: sends `data` to the client as a text frame. */
  post(connectionId: string, data: string | Uint8Array): Promise<void>;
  /** `GetConnection`. */
  get(connectionId: string): Promise<ConnectionInfo>;
  /** `DeleteConnection`: closes the connection; settles after `$disconnect` ran. */
  delete(connectionId: string): Promise<void>;
  /** Ids of the open connections, oldest first (not an AWS operation: a test convenience). */
  list(): string[];
}

const DONE: Promise<void> = Promise.resolve();

/** Creates the in-process `@connections` API of a WebSocket gateway. */
export function createConnectionsApi(deps: WebSocketDeps): ConnectionsApi {
  const settle = (outcome: ConnectionsOutcome): void => {
    if (!outcome.ok) {
      const requestId = outcome.error.headers.find(([n]) => n === 'x-amzn-RequestId')?.[1] ?? '';
      throw new ConnectionsApiError(outcome.error, requestId);
    }
  };
  return {
    // Not `async`: a settled promise keeps a handler's `await` to one microtask turn (the hot path).
    post(connectionId, data) {
      if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
        return Promise.reject(
          new InvalidInputError(
            'CONNECTIONS_INVALID_DATA',
            `gateway.connections.post: data must be a string or a Uint8Array, got ${data === null ? 'null' : typeof data}`,
            'Pass the message text (JSON.stringify objects first) or its bytes.',
          ),
        );
      }
      try {
        settle(postToConnection(deps, connectionId, data));
      } catch (error) {
        return Promise.reject(error);
      }
      return DONE;
    },
    async get(connectionId) {
      const outcome = getConnection(deps, connectionId);
      settle(outcome);
      const info = (outcome as { info: NonNullable<Extract<ConnectionsOutcome, { ok: true }>['info']> }).info;
      return {
        ConnectedAt: new Date(info.connectedAt),
        Identity: { SourceIp: info.identity.sourceIp, UserAgent: info.identity.userAgent },
        LastActiveAt: new Date(info.lastActiveAt),
      };
    },
    async delete(connectionId) {
      settle(await deleteConnection(deps, connectionId));
    },
    list: () => [...deps.connections.values()].filter((c) => c.state === 'OPEN').map((c) => c.id),
  };
}
