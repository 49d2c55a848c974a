import { formatRequestTime } from '../../events/derive/time.js';
import type { AccessLogValue } from '../observability/index.js';
import type { Connection } from './connection.js';
import type { WebSocketDeps } from './websocket-deps.js';
import type { EventStamp } from './websocket-events.js';

/** What happened to one `$connect`, message or `$disconnect`, for metrics and the access log. */
export interface WebSocketEventRecord {
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
  conn: Connection;
  /** The selected route; `undefined` when none matched. */
  routeKey: string | undefined;
  stamp: EventStamp;
  /** `$context.status`: 200, or the status of the refusal or error frame. */
  status: number;
  integrationLatencyMs?: number;
  /** The status the integration returned (`$context.integration.status`). */
  integrationStatus?: number;
  /** Set when API Gateway answered by itself. */
  error?: { message: string; responseType: string };
  /** `MessageCount` contribution: the incoming message and the frames sent back. */
  messages: number;
  connect?: boolean;
  clientError?: boolean;
  integrationError?: boolean;
  executionError?: boolean;
}

/** Records the WebSocket metrics and, when configured, one access-log line (behaviour.md §12.1, §12.4). */
export function observeWebSocket(deps: WebSocketDeps, rec: WebSocketEventRecord): void {
  const stage = deps.config.stageName;
  deps.metrics.record({
    stage,
    routeKey: rec.routeKey,
    connect: rec.connect,
    messages: rec.messages,
    clientError: rec.clientError,
    integrationError: rec.integrationError,
    executionError: rec.executionError,
    integrationLatencyMs: rec.integrationLatencyMs,
  });
  const format = deps.accessLogFormat;
  if (!format) return;
  const values: Record<string, AccessLogValue> = {};
  for (const name of format.variables) values[name] = contextValue(name, deps, rec);
  deps.accessLog.push(format.render(values));
}

function contextValue(name: string, deps: WebSocketDeps, rec: WebSocketEventRecord): AccessLogValue {
  const { conn, stamp } = rec;
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
      return rec.eventType;
    case 'messageId':
      return stamp.messageId;
    case 'routeKey':
      return rec.routeKey;
    case 'requestId':
    case 'extendedRequestId':
      return stamp.requestId;
    case 'requestTime':
      return formatRequestTime(stamp.time);
    case 'requestTimeEpoch':
      return stamp.time;
    case 'stage':
      return deps.config.stageName;
    case 'status':
      return rec.status;
    case 'identity.sourceIp':
      return conn.handshake.sourceIp;
    case 'identity.userAgent':
      return conn.handshake.userAgent;
    case 'identity.apiKey':
      return conn.apiKey?.value;
    case 'identity.apiKeyId':
      return conn.apiKey?.id;
    case 'integrationLatency':
    case 'integration.latency':
      return rec.integrationLatencyMs;
    case 'integration.status':
      return rec.integrationStatus;
    case 'integration.integrationStatus':
      return rec.integrationLatencyMs === undefined ? undefined : 200;
    case 'error.message':
      return rec.error?.message;
    case 'error.messageString':
      return rec.error ? JSON.stringify(rec.error.message) : undefined;
    case 'error.responseType':
      return rec.error?.responseType;
    default: {
      if (name.startsWith('authorizer.') && conn.authorizer !== undefined) {
        const value = conn.authorizer[name.slice(11)];
        return value === undefined || value === null ? undefined : String(value);
      }
      return undefined;
    }
  }
}
