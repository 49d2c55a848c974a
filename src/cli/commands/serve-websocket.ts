import type { Server } from 'node:http';
import { type FetchLike, type GatewayLike, isGatewayLike } from '../../gateway/adapters/gateway-like.js';
import {
  toUpgradeListener,
  type WebSocketConnectionRecord,
} from '../../gateway/adapters/websocket-upgrade.js';
import { createGateway } from '../../gateway/create-gateway.js';
import type { WebSocketGateway } from '../../gateway/websocket/create-websocket-gateway.js';
import type { WebSocketGatewayOptions } from '../../gateway/websocket/websocket-types.js';

/** True for a gateway from `createGateway({ apiType: 'WEBSOCKET', … })`. */
export function isWebSocketGateway(value: unknown): value is WebSocketGateway {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { connect?: unknown }).connect === 'function' &&
    (value as { info?: { apiType?: unknown } }).info?.apiType === 'WEBSOCKET'
  );
}

/** A WebSocket gateway, or WebSocket options turned into one; `undefined` for anything else. */
export function toWebSocketGateway(value: unknown): WebSocketGateway | undefined {
  if (isWebSocketGateway(value)) return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    (value as { apiType?: unknown }).apiType === 'WEBSOCKET'
  ) {
    return createGateway(value as WebSocketGatewayOptions);
  }
  return undefined;
}

/**
 * One HTTP entry point for a module's gateways: `@connections` calls under the WebSocket API's stage go to it,
 * everything else to the main gateway (the same port serves both, as `serve` prints).
 */
export function combineGateways(main: FetchLike, webSocket: WebSocketGateway | undefined): GatewayLike {
  const connections = webSocket
    ? new RegExp(`^(?:[a-z]+://[^/]+)?/${webSocket.info.stage}/(?:@|%40)connections(?:/|$)`, 'i')
    : undefined;
  const pick = (input: Request | string | URL): FetchLike => {
    if (webSocket === undefined || main === webSocket) return main;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return connections?.test(url) ? webSocket : main;
  };
  return Object.assign(Object.create(main) as object, {
    fetch: (input: Request | string | URL, init?: RequestInit) => pick(input).fetch(input, init),
    async handle(input: Request | string | URL, init?: RequestInit) {
      const gateway = pick(input);
      if (isGatewayLike(gateway)) return gateway.handle(input, init);
      return { response: await gateway.fetch(input, init), trace: undefined };
    },
  }) as GatewayLike;
}

/** Serves the WebSocket API's upgrades on `server`, logging connections; returns how to stop them. */
export function attachWebSocket(
  server: Server,
  gateway: WebSocketGateway,
  log: (line: string) => void,
): { close(): Promise<void> } {
  const listener = toUpgradeListener(gateway, {
    onConnection: (record) => log(`${formatConnection(record)}\n`),
  });
  server.on('upgrade', listener);
  return {
    async close() {
      await gateway.close();
      await listener.close();
    },
  };
}

/** One log line per WebSocket connection event: `WS OPEN /dev 101 <id>`, `WS CLOSE <id> 1005 <reason>`. */
export function formatConnection(record: WebSocketConnectionRecord): string {
  if (record.event === 'close') {
    return `WS CLOSE ${record.connectionId} ${record.code}${record.reason ? ` ${record.reason}` : ''}`;
  }
  const id = record.connectionId ? ` ${record.connectionId}` : '';
  return `WS ${record.event === 'open' ? 'OPEN' : 'REFUSED'} ${record.path} ${record.status}${id}`;
}

/**
 * An entry of a served module's `webSocketExamples`: a connection to open with wscat (`query`) or a message to
 * type into it (`message`).
 *
 * @example
 * ```js
 * export const webSocketExamples = [{ title: 'Join', query: 'name=Ada' }, { title: 'Say hi', message: '{"action":"sendMessage","text":"hi"}' }];
 * ```
 */
export interface WebSocketExample {
  title: string;
  query?: string;
  message?: string;
}

/** The banner lines for a WebSocket API: the wscat line, typed messages, and the @connections calls. */
export function webSocketUsage(
  origin: string,
  gateway: WebSocketGateway,
  examples: readonly WebSocketExample[],
): string[] {
  const { stage, region } = gateway.info;
  const wsUrl = `${origin.replace(/^http/, 'ws')}/${stage}`;
  const callback = `${origin}/${stage}`;
  const lines = [
    `WebSocket API (stage ${stage}, routes ${gateway.info.routes.join(' ')}):`,
    `  WebSocket URL:  ${wsUrl}`,
    `  Callback URL:   ${callback}/@connections/{connectionId}`,
  ];
  const connects = examples.filter((e) => e.query !== undefined);
  if (connects.length === 0) lines.push('  # Connect, then type messages', `  npx wscat -c ${wsUrl}`);
  for (const { title, query, message } of examples) {
    if (query !== undefined)
      lines.push(`  # ${title}`, `  npx wscat -c '${wsUrl}?${query.replace(/^\?/, '')}'`);
    else if (message !== undefined) lines.push(`  # ${title}`, `  > ${message}`);
  }
  lines.push(
    '  # Post to a connection (SigV4 required, any credentials; the id is in the server log: WS OPEN …)',
    `  curl -i --aws-sigv4 'aws:amz:${region}:execute-api' --user AKIDEXAMPLE:secret -d 'hello' ${callback}/@connections/<connectionId>`,
    '  # From a handler or script with the AWS SDK',
    `  new ApiGatewayManagementApiClient({ endpoint: '${callback}', region: '${region}' })`,
    'WebSocket connections are logged as: WS OPEN|REFUSED PATH STATUS [ID] and WS CLOSE ID CODE [REASON]',
    '',
  );
  return lines;
}
