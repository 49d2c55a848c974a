import type { AccessLogValue } from '../observability/index.js';
import type { Connection } from './connection.js';
import { webSocketContextValue } from './websocket-context.js';
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
  /** CONNECT with a `$connect` authorizer or `AWS_IAM`: how the authorization went (`$context.authorize.*`). */
  authorize?: { status: number; latencyMs: number; error?: string } | undefined;
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
  switch (name) {
    case 'status':
      return rec.status;
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
    case 'authorize.status':
    case 'authorizer.status':
      return rec.authorize?.status;
    case 'authorize.latency':
    case 'authorizer.latency':
      return rec.authorize?.latencyMs;
    case 'authorize.error':
    case 'authorizer.error':
      return rec.authorize?.error;
    default:
      return webSocketContextValue(name, deps, rec.conn, rec.eventType, rec.routeKey, rec.stamp);
  }
}
