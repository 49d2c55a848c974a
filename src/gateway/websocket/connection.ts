import type { TimerHandle } from '../../clock/clock.js';
import type { CloseFrame } from './websocket-limits.js';

/** Where frames for one client go: the in-process client's queue, or a real socket (`serve`). */
export interface ConnectionSink {
  /** A frame from API Gateway to the client: text, or bytes for a binary frame. */
  deliver(data: string | Uint8Array): void;
  /** API Gateway closes the connection (idle timeout, `DeleteConnection`, a too-big message, …). */
  close(frame: CloseFrame): void;
}

/** `CONNECTING` while `$connect` runs (posts get 410), `OPEN`, then `CLOSED` for good. */
export type ConnectionState = 'CONNECTING' | 'OPEN' | 'CLOSED';

/** What the handshake told API Gateway about the client. */
export interface Handshake {
  /** Header pairs as sent (names keep their casing). */
  headers: [string, string][];
  /** Raw query string without `?`. */
  query: string;
  sourceIp: string;
  userAgent: string | null;
  /** `requestContext.domainName`: the invoke host, or the Host the client used (`serve`). */
  domainName: string;
  /** The request path without the query (`/dev`): what a SigV4 signature of the upgrade covers. */
  path: string;
}

/** One WebSocket connection as API Gateway keeps it. */
export interface Connection {
  readonly id: string;
  /** Epoch ms of the handshake (`connectedAt`). */
  readonly connectedAt: number;
  readonly handshake: Handshake;
  state: ConnectionState;
  /** Last data frame in either direction (`LastActiveAt`; the idle timeout counts from it). */
  lastActiveAt: number;
  /** The API key `$connect` accepted, for `$context.identity.apiKey`. */
  apiKey: { id: string; value: string } | undefined;
  /** `requestContext.authorizer` of every event of the connection (set by a `$connect` authorizer). */
  authorizer: Readonly<Record<string, unknown>> | undefined;
  /** The `$connect` authorizer's `usageIdentifierKey` (the API key with `$context.authorizer.usageIdentifierKey`). */
  usageIdentifierKey: string | undefined;
  /** The IAM caller of an `AWS_IAM` `$connect` (`accessKey`, `accountId`, `caller`, `user`, `userArn`, …). */
  caller: Readonly<Record<string, unknown>> | undefined;
  sink: ConnectionSink | undefined;
  idleTimer: TimerHandle | undefined;
  durationTimer: TimerHandle | undefined;
  /** Set once closed: the close code and reason `$disconnect` reports. */
  closeFrame: CloseFrame | undefined;
}

/** A new connection in the `CONNECTING` state. */
export function newConnection(id: string, connectedAt: number, handshake: Handshake): Connection {
  return {
    id,
    connectedAt,
    handshake,
    state: 'CONNECTING',
    lastActiveAt: connectedAt,
    apiKey: undefined,
    authorizer: undefined,
    usageIdentifierKey: undefined,
    caller: undefined,
    sink: undefined,
    idleTimer: undefined,
    durationTimer: undefined,
    closeFrame: undefined,
  };
}

/** Lets the process exit while a timer is pending (a forgotten client must not keep Node alive). */
export function unrefTimer(handle: TimerHandle): TimerHandle {
  (handle as { unref?: () => unknown }).unref?.();
  return handle;
}
