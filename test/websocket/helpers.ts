import { readFileSync } from 'node:fs';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { createManualClock } from '../../src/clock/index.js';
import type { WebSocketEvent } from '../../src/events/websocket-event.js';
import { createGateway } from '../../src/gateway/index.js';
import type { WebSocketGatewayOptions } from '../../src/gateway/websocket/websocket-types.js';

/** The shape of every error frame: `{"message": "<text>", "connectionId":"<id>", "requestId":"<id>"}`. */
export const ERROR_FRAME =
  /^\{"message": "([^"]+)", "connectionId":"([A-Za-z0-9]{15}=)", "requestId":"([A-Za-z0-9]{15}=)"\}$/;

/** A handler that records its events and answers `result` (default 200 with no body). */
export function recorder(result: (event: WebSocketEvent) => unknown = () => ({ statusCode: 200 })) {
  const events: WebSocketEvent[] = [];
  const handler = async (event: unknown) => {
    events.push(event as WebSocketEvent);
    return result(event as WebSocketEvent) as APIGatewayProxyResult;
  };
  return { events, handler };
}

/** A WebSocket gateway on a manual clock with `$request.body.action` routing. */
export function wsGateway(
  routes: WebSocketGatewayOptions['routes'],
  extra: Partial<WebSocketGatewayOptions> = {},
) {
  const clock = createManualClock();
  const gateway = createGateway({
    apiType: 'WEBSOCKET',
    routeSelectionExpression: '$request.body.action',
    clock,
    routes,
    ...extra,
  });
  return { gateway, clock };
}

/** A recorded WebSocket case of test/fixtures/conformance/gateway-sample-2.json. */
export function recordedCase(id: string): {
  request: { method: string; body: string };
  expected: { body: string; body_compare: string };
} {
  const cases = JSON.parse(
    readFileSync(new URL('../fixtures/conformance/gateway-sample-2.json', import.meta.url), 'utf8'),
  ) as { id: string }[];
  const found = cases.find((c) => c.id === id);
  if (!found) throw new Error(`no recorded case ${id}`);
  return found as never;
}
