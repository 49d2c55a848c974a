/**
 * WebSocket API quotas and the close codes AWS uses (behaviour.md §13, §14). Fixed by AWS: none of them can be
 * raised, so none of them is an option.
 */

/** Largest message (all its frames together): 128 KB. */
export const MAX_MESSAGE_BYTES = 128 * 1024;
/** Largest frame: 32 KB. A client must fragment bigger messages. */
export const MAX_FRAME_BYTES = 32 * 1024;
/** A connection without data frames in either direction for 10 minutes is closed. */
export const IDLE_TIMEOUT_MS = 10 * 60 * 1000;
/** No connection lives longer than 2 hours. */
export const MAX_CONNECTION_MS = 2 * 60 * 60 * 1000;
/** Largest `PostToConnection` payload: 131 072 bytes (the model's blob limit, = 128 KB). */
export const MAX_POST_BYTES = 131_072;
/** New connections per second per account and Region (quota); the burst is UNCONFIRMED, taken equal. */
export const DEFAULT_CONNECTION_RATE = Object.freeze({ rateLimit: 500, burstLimit: 500 });
/** WebSocket integration timeout: 50–29 000 ms, default 29 000 (behaviour.md §5.1). */
export const MAX_WEBSOCKET_INTEGRATION_TIMEOUT_MS = 29_000;

/** A close the gateway initiates or reports: code and reason, as the client and `$disconnect` see them. */
export interface CloseFrame {
  readonly code: number;
  readonly reason: string;
}

/** Idle timeout and the 2-hour limit (recorded $disconnect after 10 minutes idle: 1001 "Going away"). */
export const GOING_AWAY: CloseFrame = Object.freeze({ code: 1001, reason: 'Going away' });
/** `DeleteConnection` (recorded $disconnect: 1000 "Connection Closed Normally"). */
export const DELETED: CloseFrame = Object.freeze({ code: 1000, reason: 'Connection Closed Normally' });
/** A message over 128 KB or a frame over 32 KB: code 1009 [DOC]; the reason text is UNCONFIRMED. */
export const TOO_BIG: CloseFrame = Object.freeze({ code: 1009, reason: 'Message too big' });
/** A binary frame: code 1003 [DOC websocket-api-develop-binary-media-types]; the reason text is UNCONFIRMED. */
export const BINARY_REFUSED: CloseFrame = Object.freeze({ code: 1003, reason: 'Unsupported data' });
/** A client close frame without a status code, as AWS reports it to `$disconnect` (recorded). */
export const NO_STATUS: CloseFrame = Object.freeze({
  code: 1005,
  reason: 'Client-side close frame status not set',
});
