import { formatRequestTime } from '../../events/derive/time.js';
import type { AccessLogValue } from '../observability/index.js';
import type { Connection } from './connection.js';
import type { WebSocketDeps } from './websocket-deps.js';
import type { EventStamp } from './websocket-events.js';

/**
 * The WebSocket `$context` variables of one event that depend only on the connection and the event (behaviour.md
 * §12.4): ids, times, route, identity (`apiKey`, an IAM caller's keys), `authorizer.<key>` — read by access logs and
 * by `$connect` identity sources (`context.x`). `undefined` for names it does not know; the access log adds the
 * per-outcome ones (`status`, `integration.*`, `error.*`, `authorize.*`).
 */
export function webSocketContextValue(
  name: string,
  deps: WebSocketDeps,
  conn: Connection,
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT',
  routeKey: string | undefined,
  stamp: EventStamp,
): AccessLogValue {
  switch (name) {
    case 'apiId':
      return deps.config.apiId;
    case 'connectionId':
      return conn.id;
    case 'connectedAt':
      return conn.connectedAt;
    case 'domainName':
      return conn.handshake.domainName;
    case 'eventType':
      return eventType;
    case 'messageId':
      return stamp.messageId;
    case 'routeKey':
      return routeKey;
    case 'requestId':
    case 'extendedRequestId':
      return stamp.requestId;
    case 'requestTime':
      return formatRequestTime(stamp.time);
    case 'requestTimeEpoch':
      return stamp.time;
    case 'stage':
      return deps.config.stageName;
    case 'identity.sourceIp':
      return conn.handshake.sourceIp;
    case 'identity.userAgent':
      return conn.handshake.userAgent;
    case 'identity.apiKey':
      return conn.apiKey?.value;
    case 'identity.apiKeyId':
      return conn.apiKey?.id;
    default:
      return namedValue(name, conn);
  }
}

/** `identity.<key>` of an IAM caller and `authorizer.<key>` of a `$connect` authorizer, as text. */
function namedValue(name: string, conn: Connection): AccessLogValue {
  const source = name.startsWith('identity.')
    ? conn.caller
    : name.startsWith('authorizer.')
      ? conn.authorizer
      : undefined;
  const value = source?.[name.slice(name.indexOf('.') + 1)];
  return value === undefined || value === null ? undefined : String(value);
}
