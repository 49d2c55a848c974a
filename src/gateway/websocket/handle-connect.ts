import { type GatewayFailure, gatewayResponse } from '../gateway-responses.js';
import { headerValue } from '../integrations/lambda-proxy.js';
import type { ClientLimits } from '../throttling/index.js';
import { authorizeConnect } from './authorize-connect.js';
import { openConnection } from './close-connection.js';
import { type Connection, type Handshake, newConnection } from './connection.js';
import { observeWebSocket, type WebSocketEventRecord } from './observe-websocket.js';
import type { WebSocketDeps } from './websocket-deps.js';
import { connectEvent, type EventStamp, webSocketMappingInput } from './websocket-events.js';
import { runWebSocketIntegration } from './websocket-integration.js';

/** How the upgrade is answered. */
export type ConnectOutcome =
  /** 101: the connection is open; `protocol` is the subprotocol `$connect` selected (`''` for none). */
  | { ok: true; conn: Connection; protocol: string }
  /** The upgrade is refused with this HTTP response; `detail` says why. */
  | { ok: false; statusCode: number; headers: [string, string][]; body: string; detail: string };

/**
 * Runs `$connect` in AWS order (behaviour.md §13, decision 0003): the new-connection rate, the `$connect`
 * authorizer (Lambda or `AWS_IAM`), the API key (`apiKeyRequired`, from the header or the authorizer's
 * `usageIdentifierKey`), throttling, then the integration. The connection exists (and
 * `@connections` answers 410 for it) from the start; it opens only when the integration answered 2xx. A non-2xx
 * result refuses the upgrade with that status, headers and body; a function error is 502 and a timeout 504.
 * Returning `Sec-WebSocket-Protocol` selects the subprotocol.
 */
export async function handleConnect(deps: WebSocketDeps, handshake: Handshake): Promise<ConnectOutcome> {
  const { config } = deps;
  const now = config.clock.now();
  const conn = newConnection(config.ids.shortId(), now, handshake);
  const stamp: EventStamp = { requestId: config.ids.shortId(), time: now };
  const route = config.routes.get('$connect');
  let authorize: WebSocketEventRecord['authorize'];
  const record = (rec: Omit<WebSocketEventRecord, 'eventType' | 'conn' | 'routeKey' | 'stamp'>): void =>
    observeWebSocket(deps, { eventType: 'CONNECT', conn, routeKey: '$connect', stamp, authorize, ...rec });
  const refuse = (
    failure: GatewayFailure,
    detail: string,
    auth?: { message: string | undefined; latencyMs: number },
  ): ConnectOutcome => {
    const response = gatewayResponse(
      'REST',
      failure,
      { requestId: stamp.requestId, extendedRequestId: stamp.requestId },
      auth?.message === undefined ? undefined : { message: auth.message },
    );
    if (auth !== undefined) {
      authorize = { status: response.statusCode, latencyMs: auth.latencyMs, error: response.message };
    }
    record({
      status: response.statusCode,
      error: { message: response.message, responseType: response.responseType },
      messages: 0,
      clientError: response.statusCode < 500,
    });
    return {
      ok: false,
      statusCode: response.statusCode,
      headers: response.headers,
      body: response.body,
      detail,
    };
  };
  if (!deps.connectionRate.tryTake(now)) {
    return refuse(
      'THROTTLED',
      'New connection rate exceeded (quota: 500 new connections per second per account)',
    );
  }
  if (deps.auth !== undefined) {
    // Decision 0003: authorize before the API key (the key may come from the authorizer).
    const verdict = await authorizeConnect(deps, deps.auth, conn, stamp);
    if (!verdict.ok) {
      return refuse(verdict.failure, verdict.reason, {
        message: verdict.message,
        latencyMs: verdict.latencyMs,
      });
    }
    authorize = { status: 200, latencyMs: verdict.latencyMs };
  }
  let client: ClientLimits | undefined;
  if (route?.apiKeyRequired && deps.usagePlans) {
    const decision = deps.usagePlans.authorize({
      stage: config.stageName,
      apiKeyValue:
        config.apiKeySource === 'AUTHORIZER'
          ? (conn.usageIdentifierKey ?? null)
          : headerValue(handshake.headers, 'x-api-key'),
      routeKey: '$connect',
    });
    if (!decision.ok) return refuse(decision.responseType as GatewayFailure, decision.message);
    conn.apiKey = { id: decision.keyId, value: decision.keyValue };
    client = decision.client;
  }
  const throttled = deps.throttler.check(
    client ? { routeKey: '$connect', client } : { routeKey: '$connect' },
  );
  if (!throttled.allowed) {
    return refuse(throttled.limitedBy === 'quota' ? 'QUOTA_EXCEEDED' : 'THROTTLED', throttled.message);
  }
  deps.connections.set(conn.id, conn);
  if (!route) {
    openConnection(deps, conn);
    return { ok: true, conn, protocol: '' };
  }
  const call = await runWebSocketIntegration(
    deps,
    route.integration,
    () => connectEvent(config, conn, stamp),
    () => webSocketMappingInput(config, conn, 'CONNECT', '$connect', stamp, null),
    true,
  );
  const { result } = call;
  const latency = { integrationLatencyMs: call.latencyMs, connect: true };
  if (conn.state === 'CLOSED') {
    return {
      ok: false,
      statusCode: 410,
      headers: [],
      body: '',
      detail: 'the gateway closed during $connect',
    };
  }
  if (result.kind !== 'response') {
    deps.connections.delete(conn.id);
    conn.state = 'CLOSED';
    const failure = result.kind === 'timeout' ? 'INTEGRATION_TIMEOUT' : 'LAMBDA_FAILURE';
    const response = gatewayResponse('REST', failure, {
      requestId: stamp.requestId,
      extendedRequestId: stamp.requestId,
    });
    record({
      ...latency,
      status: response.statusCode,
      error: { message: response.message, responseType: response.responseType },
      messages: 0,
      executionError: true,
    });
    return {
      ok: false,
      statusCode: response.statusCode,
      headers: response.headers,
      body: response.body,
      detail: result.detail,
    };
  }
  const accepted = result.statusCode >= 200 && result.statusCode < 300;
  record({
    ...latency,
    status: result.statusCode,
    integrationStatus: result.statusCode,
    messages: 0,
    integrationError: result.statusCode >= 400,
  });
  if (!accepted) {
    deps.connections.delete(conn.id);
    conn.state = 'CLOSED';
    return {
      ok: false,
      statusCode: result.statusCode,
      headers: [...result.headers],
      body: result.body,
      detail: `$connect answered ${result.statusCode}: only 2xx accepts the connection`,
    };
  }
  openConnection(deps, conn);
  return { ok: true, conn, protocol: headerValue([...result.headers], 'sec-websocket-protocol') ?? '' };
}
