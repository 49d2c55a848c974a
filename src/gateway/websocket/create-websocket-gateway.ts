import { GatewayConfigError, InvalidInputError } from '../../errors/families.js';
import { internalsOf } from '../account/account-internals.js';
import { gatewayResponse } from '../gateway-responses.js';
import type { WebSocketMetricsSnapshot } from '../observability/index.js';
import { type GatewayFetchInput, toGatewayRequest } from '../pipeline/gateway-request.js';
import type { UsageOptions, UsageReport } from '../usage-plans/index.js';
import { closeConnection } from './close-connection.js';
import { serveConnectionsRequest } from './connections-http.js';
import { type ConnectionsApi, createConnectionsApi } from './connections-in-process.js';
import { handleConnect } from './handle-connect.js';
import { toHandshake, type WebSocketConnectOptions } from './handshake.js';
import { resolveWebSocketOptions } from './resolve-websocket-options.js';
import { createWebSocketClient, type WebSocketClient } from './websocket-client.js';
import { createWebSocketDeps, track } from './websocket-deps.js';
import { UpgradeRejectedError } from './websocket-errors.js';
import { GOING_AWAY } from './websocket-limits.js';
import type { WebSocketGatewayOptions } from './websocket-types.js';

/** Settings of a WebSocket gateway, defaults filled in. */
export interface WebSocketGatewayInfo {
  apiType: 'WEBSOCKET';
  stage: string;
  apiId: string;
  region: string;
  accountId: string;
  /** `wss://{apiId}.execute-api.{region}.amazonaws.com/{stage}`: the WebSocket URL clients connect to. */
  baseUrl: string;
  /** `https://{apiId}.execute-api.{region}.amazonaws.com/{stage}`: the `@connections` endpoint (SDK `endpoint`). */
  callbackUrl: string;
  routeSelectionExpression: string;
  /** Route keys in the order they were given. */
  routes: readonly string[];
}

/**
 * An in-process WebSocket API (`createGateway({ apiType: 'WEBSOCKET', … })`).
 *
 * @example
 * ```ts
 * const client = await gateway.connect();
 * await client.send('{"action":"ping"}');
 * await gateway.close(); // closes every connection (1001) and waits for the $disconnect integrations
 * ```
 */
export interface WebSocketGateway {
  /** Opens a connection like a client's upgrade request; rejects with {@link UpgradeRejectedError} when refused. */
  connect(options?: WebSocketConnectOptions): Promise<WebSocketClient>;
  /** The `@connections` management API, in-process. */
  readonly connections: ConnectionsApi;
  /** Serves HTTP requests to the API's domain: the `@connections` API at `{stage}/@connections/{id}`. */
  fetch(input: GatewayFetchInput, init?: RequestInit): Promise<Response>;
  /** `ConnectCount`, `MessageCount`, `IntegrationError`, `ClientError`, `ExecutionError`, `IntegrationLatency`. */
  metrics(): WebSocketMetricsSnapshot;
  /** One line per `$connect`, message and `$disconnect` in the configured format. */
  readonly accessLog: string[];
  /** Consumption of an API key counted on `$connect`, like `GetUsage`. */
  usage(keyId: string, options?: UsageOptions): UsageReport;
  /** The WebSocket URL of `path` on this stage (`wss://…/dev`). */
  url(path?: string): string;
  /**
   * Closes every connection with 1001 "Going away", waits for their `$disconnect` integrations and for messages
   * in flight, and refuses new connections. Timers of forgotten clients are cleared.
   */
  close(): Promise<void>;
  readonly info: WebSocketGatewayInfo;
}

/** Builds the WebSocket gateway; `createGateway` calls it for `apiType: 'WEBSOCKET'`. */
export function createWebSocketGateway(given: WebSocketGatewayOptions): WebSocketGateway {
  const account = given.account === undefined ? undefined : internalsOf(given.account);
  const { account: _account, ...options } = given;
  if (account) account.adopt(options as Record<string, unknown>);
  const config = resolveWebSocketOptions(options as WebSocketGatewayOptions);
  const deps = createWebSocketDeps(options as WebSocketGatewayOptions, config, account?.bucket);
  const stagePath = `/${config.stageName}`;
  const info: WebSocketGatewayInfo = Object.freeze({
    apiType: 'WEBSOCKET',
    stage: config.stageName,
    apiId: config.apiId,
    region: config.region,
    accountId: config.accountId,
    baseUrl: `wss://${config.domainName}${stagePath}`,
    callbackUrl: `https://${config.domainName}${stagePath}`,
    routeSelectionExpression: config.routeSelection.source,
    routes: Object.freeze([...config.routes.keys()]),
  });
  let closing = false;
  const gateway: WebSocketGateway = {
    async connect(connectOptions = {}) {
      if (closing) {
        throw new InvalidInputError(
          'WEBSOCKET_GATEWAY_CLOSED',
          'gateway.connect: the gateway was closed with gateway.close()',
          'Create a new gateway for more connections.',
        );
      }
      const handshake = toHandshake(connectOptions, config.domainName, stagePath);
      const path = connectOptions.path;
      if (path !== undefined && path.split('?')[0]!.replace(/\/$/, '') !== stagePath) {
        const id = config.ids.shortId();
        const refused = gatewayResponse('REST', 'NO_STAGE', { requestId: id, extendedRequestId: id });
        throw new UpgradeRejectedError(
          refused.statusCode,
          refused.headers,
          refused.body,
          `${path} is not the stage path ${stagePath}`,
        );
      }
      const outcome = await track(deps, handleConnect(deps, handshake));
      if (!outcome.ok) {
        throw new UpgradeRejectedError(outcome.statusCode, outcome.headers, outcome.body, outcome.detail);
      }
      return createWebSocketClient(deps, outcome.conn, outcome.protocol);
    },
    connections: createConnectionsApi(deps),
    async fetch(input, init) {
      return serveConnectionsRequest(deps, await toGatewayRequest(input, init, config.domainName));
    },
    metrics: () => deps.metrics.snapshot(),
    accessLog: deps.accessLog,
    usage(keyId, usageOptions) {
      if (!deps.usagePlans) {
        throw new GatewayConfigError(
          'GATEWAY_NO_USAGE_PLANS',
          'gateway.usage: this gateway has no API keys or usage plans',
          'Configure apiKeys and usagePlans to track usage.',
        );
      }
      return deps.usagePlans.usage(keyId, usageOptions);
    },
    url: (path = '') => `${info.baseUrl}${path === '' || path.startsWith('/') ? path : `/${path}`}`,
    async close() {
      closing = true;
      for (const conn of [...deps.connections.values()]) void closeConnection(deps, conn, GOING_AWAY);
      while (deps.pending.size > 0) await Promise.allSettled([...deps.pending]);
    },
    info,
  };
  account?.register(config.apiId, {
    apiType: 'WEBSOCKET',
    serveMapped: (request) => serveConnectionsRequest(deps, request),
    serveDirect: (request) => serveConnectionsRequest(deps, request),
    hasStage: (stage) => stage === config.stageName,
  });
  return gateway;
}
