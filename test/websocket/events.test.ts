import { describe, expect, it } from 'vitest';
import { buildWebSocketEvent } from '../../src/events/websocket-event.js';
import { recorder, wsGateway } from './helpers.js';

describe('MESSAGE events are exactly what buildWebSocketEvent builds (one-pass fast path)', () => {
  it.each<
    [
      string,
      string | Uint8Array,
      { stage?: { name: string; variables: Record<string, string> }; binaryFrames?: 'BASE64' },
    ]
  >([
    ['text', '{"action":"go","n":1}', {}],
    ['text with stage variables', 'hello', { stage: { name: 'prod', variables: { table: 'chat-prod' } } }],
    ['binary (BASE64)', new Uint8Array([0, 255, 104]), { binaryFrames: 'BASE64' }],
  ])('%s', async (_name, data, extra) => {
    const handler = recorder();
    const { gateway, clock } = wsGateway({ $default: handler.handler }, extra);
    const client = await gateway.connect({ sourceIp: '198.51.100.7', userAgent: 'ua/1' });
    const connectedAt = clock.now();
    clock.advance(250);
    await client.send(data);
    const event = handler.events[0]!;
    const { requestId, messageId } = event.requestContext;
    expect(event).toEqual(
      buildWebSocketEvent({
        eventType: 'MESSAGE',
        body: data,
        stage: gateway.info.stage,
        stageVariables: extra.stage?.variables ?? null,
        sourceIp: '198.51.100.7',
        userAgent: 'ua/1',
        requestId,
        messageId: messageId!,
        time: connectedAt + 250,
        connectionId: client.connectionId,
        connectedAt,
      }),
    );
    await gateway.close();
  });
});

describe('metrics and access logs of a WebSocket API (behaviour.md §12.1, §12.4)', () => {
  it('counts ConnectCount, MessageCount, ClientError, ExecutionError, IntegrationError and IntegrationLatency by route', async () => {
    const { gateway } = wsGateway(
      {
        $connect: async () => ({ statusCode: 200 }),
        echo: {
          integration: { type: 'AWS_PROXY', handler: async (e) => ({ statusCode: 200, body: e.body }) },
          routeResponseSelectionExpression: '$default',
        },
        fail: async () => {
          throw new Error('x');
        },
        bad: async () => ({ statusCode: 404 }),
      },
      {
        accessLog: {
          format:
            '$context.requestId $context.eventType $context.routeKey $context.status $context.connectionId $context.messageId $context.error.message $context.integration.status',
        },
      },
    );
    const client = await gateway.connect();
    await client.send('{"action":"echo"}');
    await client.send('{"action":"fail"}');
    await client.send('{"action":"bad"}');
    await client.send('{"action":"none"}');
    await gateway.connections.post(client.connectionId, 'pushed');
    await client.close(1000);
    const { total, routes } = gateway.metrics();
    expect(total).toMatchObject({
      ConnectCount: 1,
      MessageCount: 2 + 2 + 1 + 2 + 1,
      ClientError: 1,
      ExecutionError: 1,
      IntegrationError: 1,
    });
    expect(total.IntegrationLatency.samples).toBe(4);
    expect(Object.keys(routes.dev!)).toEqual(['$connect', 'echo', 'fail', 'bad']);
    const id = client.connectionId;
    expect(gateway.accessLog.map((line) => line.split(' ').slice(1))).toEqual([
      ['CONNECT', '$connect', '200', id, '-', '-', '200'],
      ['MESSAGE', 'echo', '200', id, expect.any(String), '-', '200'],
      ['MESSAGE', 'fail', '500', id, expect.any(String), 'Internal', 'server', 'error', '-'],
      ['MESSAGE', 'bad', '200', id, expect.any(String), '-', '404'],
      ['MESSAGE', '-', '403', id, expect.any(String), 'Forbidden', '-'],
    ]);
  });

  it('refuses an access-log format without $context.requestId, as AWS does', () => {
    expect(() => wsGateway({}, { accessLog: { format: '$context.connectionId' } })).toThrow(
      expect.objectContaining({ code: 'ACCESS_LOG_FORMAT_MISSING_REQUEST_ID' }),
    );
  });
});
