import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { buildWebSocketEvent } from '../../src/events/websocket-event.js';
import {
  createGateway,
  type Gateway,
  UpgradeRejectedError,
  type WebSocketGateway,
} from '../../src/gateway/index.js';
import { ERROR_FRAME, recorder, wsGateway } from './helpers.js';

describe('$connect (behaviour.md §1.4, §13)', () => {
  it('sends the CONNECT event the builder builds: handshake headers, query, one connectionId and connectedAt', async () => {
    const connect = recorder();
    const message = recorder();
    const { gateway, clock } = wsGateway({ $connect: connect.handler, $default: message.handler });
    const client = await gateway.connect({
      headers: { Authorization: 'Bearer abc', 'User-Agent': 'wscat/6' },
      query: { room: ['lobby', 'dev'] },
      sourceIp: '198.51.100.7',
    });
    const event = connect.events[0]!;
    const { connectionId, connectedAt, requestId } = event.requestContext;
    expect(connectionId).toBe(client.connectionId);
    expect(event).toEqual(
      buildWebSocketEvent({
        eventType: 'CONNECT',
        headers: [
          ['Authorization', 'Bearer abc'],
          ['User-Agent', 'wscat/6'],
        ],
        query: 'room=lobby&room=dev',
        sourceIp: '198.51.100.7',
        stage: 'dev',
        requestId,
        time: clock.now(),
        connectionId,
        connectedAt,
      }),
    );
    expect(event.queryStringParameters).toEqual({ room: 'dev' });
    expect(event.multiValueQueryStringParameters).toEqual({ room: ['lobby', 'dev'] });
    clock.advance(1_000);
    await client.send('hi');
    const later = message.events[0]!.requestContext;
    expect([later.connectionId, later.connectedAt, later.identity]).toEqual([
      connectionId,
      connectedAt,
      { sourceIp: '198.51.100.7', userAgent: 'wscat/6' },
    ]);
    expect(later.requestTimeEpoch).toBe(connectedAt + 1_000);
    expect(later.requestId).not.toBe(requestId);
    await gateway.close();
  });

  it.each([
    [{ statusCode: 401 }, 401, ''],
    [{ statusCode: 403, body: 'no' }, 403, 'no'],
    [{ statusCode: 302, headers: { Location: '/x' } }, 302, ''],
  ])('a $connect result of %j refuses the upgrade with that status', async (result, status, body) => {
    const { gateway } = wsGateway({ $connect: async () => result });
    const error = (await gateway.connect().catch((e: unknown) => e)) as UpgradeRejectedError;
    expect(error).toBeInstanceOf(UpgradeRejectedError);
    expect(error.message).toBe(`Unexpected server response: ${status}`);
    expect([error.statusCode, error.body]).toEqual([status, body]);
    expect(gateway.connections.list()).toEqual([]);
  });

  it('a $connect function error refuses the upgrade with 502 {"message": "Internal server error"}', async () => {
    const { gateway } = wsGateway({
      $connect: async () => {
        throw new Error('db down');
      },
    });
    const error = (await gateway.connect().catch((e: unknown) => e)) as UpgradeRejectedError;
    expect([error.statusCode, error.body]).toEqual([502, '{"message": "Internal server error"}']);
    expect(error.detail).toContain('Error: db down');
    expect(gateway.metrics().total).toMatchObject({ ConnectCount: 1, ExecutionError: 1 });
  });

  it('a $connect handler that returns nothing is refused with 502 (no statusCode means no valid proxy result)', async () => {
    const { gateway } = wsGateway({ $connect: async () => undefined });
    await expect(gateway.connect()).rejects.toMatchObject({ statusCode: 502 });
  });

  it('a $connect slower than its integration timeout is refused with 504', async () => {
    const { gateway, clock } = wsGateway({
      $connect: {
        integration: { type: 'AWS_PROXY', handler: () => new Promise(() => {}), timeoutInMillis: 5_000 },
      },
    });
    const connecting = gateway.connect().catch((e: unknown) => e);
    await clock.advanceAsync(5_000);
    expect(await connecting).toMatchObject({
      statusCode: 504,
      body: '{"message": "Endpoint request timed out"}',
    });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('the Sec-WebSocket-Protocol header $connect returns selects the subprotocol', async () => {
    const { gateway } = wsGateway({
      $connect: async (event) => {
        const offered = String(event.headers?.['Sec-WebSocket-Protocol'] ?? '').split(', ');
        return offered.includes('chat.v2')
          ? { statusCode: 200, headers: { 'Sec-WebSocket-Protocol': 'chat.v2' } }
          : { statusCode: 400 };
      },
    });
    const client = await gateway.connect({ subprotocols: ['chat.v1', 'chat.v2'] });
    expect(client.protocol).toBe('chat.v2');
    await expect(gateway.connect({ subprotocols: 'chat.v1' })).rejects.toMatchObject({ statusCode: 400 });
    await gateway.close();
  });

  it('without a $connect route every connection is accepted', async () => {
    const { gateway } = wsGateway({ $default: recorder().handler });
    const client = await gateway.connect();
    expect(gateway.connections.list()).toEqual([client.connectionId]);
    await gateway.close();
  });

  it('a path other than the stage is refused with 403 {"message":"Forbidden"}', async () => {
    const { gateway } = wsGateway({});
    await expect(gateway.connect({ path: '/prod' })).rejects.toMatchObject({
      statusCode: 403,
      body: '{"message":"Forbidden"}',
    });
  });

  it('posting to a connection while its $connect runs is 410 Gone (the connection does not exist yet)', async () => {
    let status: unknown;
    const { gateway } = wsGateway({
      $connect: async (event) => {
        status = await gateway.connections
          .post(event.requestContext.connectionId!, 'early')
          .catch((e) => e.name);
        return { statusCode: 200 };
      },
    });
    const client = await gateway.connect();
    expect(status).toBe('GoneException');
    await gateway.close();
    expect(client.readyState).toBe('CLOSED');
  });
});

describe('$disconnect and close codes', () => {
  it.each([
    [undefined, undefined, 1005, 'Client-side close frame status not set'],
    [1000, 'bye', 1000, 'bye'],
    [4001, '', 4001, ''],
  ])('a client close(%j, %j) reaches $disconnect as %i %j', async (code, reason, status, text) => {
    const disconnect = recorder();
    const { gateway } = wsGateway({ $disconnect: disconnect.handler });
    const client = await gateway.connect();
    const closed = await client.close(code, reason);
    expect(closed).toEqual({ code: status, reason: text, wasClean: true });
    expect(disconnect.events).toHaveLength(1);
    const ctx = disconnect.events[0]!.requestContext;
    expect([ctx.eventType, ctx.routeKey, ctx.disconnectStatusCode, ctx.disconnectReason]).toEqual([
      'DISCONNECT',
      '$disconnect',
      status,
      text,
    ]);
    expect(ctx.connectionId).toBe(client.connectionId);
  });

  it('closes after 10 minutes without data frames with 1001 "Going away" (recorded), on the gateway clock', async () => {
    const disconnect = recorder();
    const { gateway, clock } = wsGateway({ $disconnect: disconnect.handler, $default: recorder().handler });
    const client = await gateway.connect();
    clock.advance(9 * 60_000);
    await client.send('keep me');
    await clock.advanceAsync(9 * 60_000);
    expect(client.readyState).toBe('OPEN');
    await clock.advanceAsync(60_000);
    expect(await client.closed).toEqual({ code: 1001, reason: 'Going away', wasClean: true });
    expect(disconnect.events[0]!.requestContext.disconnectStatusCode).toBe(1001);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a frame sent to the client also keeps the connection from idling out', async () => {
    const { gateway, clock } = wsGateway({});
    const client = await gateway.connect();
    clock.advance(9 * 60_000);
    await gateway.connections.post(client.connectionId, 'keep-alive');
    clock.advance(9 * 60_000);
    expect(client.readyState).toBe('OPEN');
    await gateway.close();
  });

  it('closes any connection after 2 hours with 1001 "Going away", however busy', async () => {
    const { gateway, clock } = wsGateway({ $default: recorder().handler });
    const client = await gateway.connect();
    for (let i = 0; i < 13; i++) {
      clock.advance(9 * 60_000);
      await client.send('busy');
    }
    await clock.advanceAsync(2 * 60 * 60_000 - 13 * 9 * 60_000);
    expect(await client.closed).toMatchObject({ code: 1001, reason: 'Going away' });
  });

  it('the timeouts work with vi.useFakeTimers() and the system clock', async () => {
    vi.useFakeTimers();
    try {
      const gateway = createGateway({
        apiType: 'WEBSOCKET',
        routeSelectionExpression: '$request.body.action',
        routes: {},
      });
      const client = await gateway.connect();
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(await client.closed).toMatchObject({ code: 1001 });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gateway.close() closes forgotten clients with 1001 and leaves no timer behind', async () => {
    const disconnect = recorder();
    const { gateway, clock } = wsGateway({ $disconnect: disconnect.handler });
    const clients = [await gateway.connect(), await gateway.connect()];
    expect(clock.pendingTimers()).toBe(4);
    await gateway.close();
    expect(clock.pendingTimers()).toBe(0);
    expect(await Promise.all(clients.map((c) => c.closed))).toEqual([
      { code: 1001, reason: 'Going away', wasClean: true },
      { code: 1001, reason: 'Going away', wasClean: true },
    ]);
    expect(disconnect.events).toHaveLength(2);
    await expect(gateway.connect()).rejects.toMatchObject({ code: 'WEBSOCKET_GATEWAY_CLOSED' });
  });

  it('nextMessage() rejects with the close code once the connection closed and no message is left', async () => {
    const { gateway } = wsGateway({});
    const client = await gateway.connect();
    await gateway.connections.post(client.connectionId, 'last');
    await gateway.connections.delete(client.connectionId);
    expect(await client.nextMessage()).toBe('last');
    await expect(client.nextMessage()).rejects.toMatchObject({
      name: 'WebSocketClosedError',
      closeCode: 1000,
      closeReason: 'Connection Closed Normally',
    });
    const received: unknown[] = [];
    for await (const message of client) received.push(message);
    expect(received).toEqual([]);
  });

  it.each([
    [1006, 'WEBSOCKET_INVALID_CLOSE_CODE'],
    [2000, 'WEBSOCKET_INVALID_CLOSE_CODE'],
    [1.5, 'WEBSOCKET_INVALID_CLOSE_CODE'],
  ])('client.close(%j) is refused (%s): not a code a client may send', async (code, errorCode) => {
    const { gateway } = wsGateway({});
    const client = await gateway.connect();
    await expect(client.close(code)).rejects.toMatchObject({ code: errorCode });
    await gateway.close();
  });

  it('sending on a closed client is refused with WEBSOCKET_NOT_OPEN', async () => {
    const { gateway } = wsGateway({});
    const client = await gateway.connect();
    await client.close();
    await expect(client.send('late')).rejects.toMatchObject({ code: 'WEBSOCKET_NOT_OPEN' });
  });
});

describe('limits (behaviour.md §13, §14)', () => {
  it.each([
    ['a 32 KB + 1 byte single frame', 'a'.repeat(32 * 1024 + 1), undefined],
    ['a 128 KB + 1 byte message in 32 KB frames', 'a'.repeat(128 * 1024 + 1), 32 * 1024],
  ])('%s closes the connection with 1009', async (_name, data, frameSize) => {
    const disconnect = recorder();
    const { gateway } = wsGateway({ $default: recorder().handler, $disconnect: disconnect.handler });
    const client = await gateway.connect();
    await client.send(data, frameSize === undefined ? {} : { frameSize });
    expect(await client.closed).toEqual({ code: 1009, reason: 'Message too big', wasClean: true });
    expect(disconnect.events[0]!.requestContext.disconnectStatusCode).toBe(1009);
  });

  it('a 128 KB message fragmented into 32 KB frames is accepted', async () => {
    const handler = recorder();
    const { gateway } = wsGateway({ $default: handler.handler });
    const client = await gateway.connect();
    await client.send('a'.repeat(128 * 1024), { frameSize: 32 * 1024 });
    expect(handler.events[0]!.body).toHaveLength(128 * 1024);
    await gateway.close();
  });

  it('a binary frame closes the connection with 1003 (AWS documentation)', async () => {
    const { gateway } = wsGateway({ $default: recorder().handler });
    const client = await gateway.connect();
    await client.send(new Uint8Array([1, 2, 3]));
    expect(await client.closed).toMatchObject({ code: 1003 });
  });

  it("with binaryFrames: 'BASE64' a binary frame reaches $default base64-encoded", async () => {
    const handler = recorder();
    const { gateway } = wsGateway({ $default: handler.handler }, { binaryFrames: 'BASE64' });
    const client = await gateway.connect();
    await client.send(new Uint8Array([104, 105]));
    expect([handler.events[0]!.body, handler.events[0]!.isBase64Encoded]).toEqual(['aGk=', true]);
    await gateway.close();
  });
});

describe('throttling and API keys', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a throttled message gets the Too Many Requests error frame and counts as ClientError', async () => {
    const handler = recorder();
    const { gateway, clock } = wsGateway({
      chat: {
        integration: { type: 'AWS_PROXY', handler: handler.handler },
        throttle: { rateLimit: 1, burstLimit: 1 },
      },
    });
    const client = await gateway.connect();
    await client.send('{"action":"chat"}');
    await client.send('{"action":"chat"}');
    expect(ERROR_FRAME.exec((await client.nextMessage()) as string)?.[1]).toBe('Too Many Requests');
    clock.advance(1_000);
    await client.send('{"action":"chat"}');
    expect(handler.events).toHaveLength(2);
    expect(gateway.metrics().routes.dev?.chat?.ClientError).toBe(1);
    await gateway.close();
  });

  it('the new-connection rate (500/s by default) refuses excess upgrades with 429', async () => {
    const { gateway, clock } = wsGateway({}, { throttle: { connections: { rateLimit: 1, burstLimit: 2 } } });
    await gateway.connect();
    await gateway.connect();
    await expect(gateway.connect()).rejects.toMatchObject({
      statusCode: 429,
      body: '{"message":"Too Many Requests"}',
    });
    clock.advance(1_000);
    await expect(gateway.connect()).resolves.toBeDefined();
    await gateway.close();
  });

  it('$connect with apiKeyRequired refuses a missing or unknown x-api-key with 403 and counts usage of a valid one', async () => {
    const key = 'k'.repeat(20);
    const { gateway } = wsGateway(
      {
        $connect: {
          integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 200 }) },
          apiKeyRequired: true,
        },
      },
      {
        apiKeySelectionExpression: '$request.header.x-api-key',
        apiKeys: [{ id: 'key1', value: key }],
        usagePlans: [
          { id: 'plan1', apiStages: [{ stage: 'dev' }], keys: ['key1'], quota: { limit: 1, period: 'DAY' } },
        ],
      },
    );
    await expect(gateway.connect()).rejects.toMatchObject({
      statusCode: 403,
      body: '{"message":"Forbidden"}',
    });
    await expect(gateway.connect({ headers: { 'x-api-key': 'x'.repeat(20) } })).rejects.toMatchObject({
      statusCode: 403,
    });
    await gateway.connect({ headers: { 'x-api-key': key } });
    await expect(gateway.connect({ headers: { 'x-api-key': key } })).rejects.toMatchObject({
      statusCode: 429,
      body: '{"message":"Limit Exceeded"}',
    });
    expect(gateway.usage('key1').items).toBeDefined();
    await gateway.close();
  });

  it.each([
    [
      { $default: { integration: { type: 'AWS_PROXY', handler: async () => ({}) }, apiKeyRequired: true } },
      'GATEWAY_CONNECT_ROUTE_ONLY',
    ],
    [
      { $connect: { integration: { type: 'AWS_PROXY', handler: async () => ({}) }, authorizer: 'auth' } },
      'GATEWAY_INVALID_ROUTE_AUTHORIZATION',
    ],
    [
      {
        $connect: {
          integration: { type: 'AWS_PROXY', handler: async () => ({}) },
          authorizationType: 'CUSTOM',
        },
      },
      'GATEWAY_INVALID_ROUTE_AUTHORIZATION',
    ],
    [
      { x: { integration: { type: 'HTTP_PROXY', uri: 'https://example.com' } } },
      'GATEWAY_UNSUPPORTED_INTEGRATION',
    ],
  ])('createGateway refuses route %j with %s', (routes, code) => {
    expect(() => wsGateway(routes as never)).toThrow(expect.objectContaining({ code }));
  });

  it.each([
    ['cache', {}, 'GATEWAY_REST_ONLY'],
    ['binaryMediaTypes', ['image/png'], 'GATEWAY_REST_ONLY'],
    ['apiKeySelectionExpression', '$request.querystring.key', 'GATEWAY_INVALID_SELECTION_EXPRESSION'],
    ['binaryFrames', 'TEXT', 'GATEWAY_INVALID_OPTION'],
    ['stage', { name: '$default' }, 'GATEWAY_INVALID_STAGE'],
    ['routeSelectionExpression', undefined, 'GATEWAY_INVALID_SELECTION_EXPRESSION'],
    ['colour', 'red', 'UNKNOWN_OPTION'],
  ])('createGateway refuses %s: %j (%s)', (option, value, code) => {
    const clock = createManualClock();
    expect(() =>
      createGateway({
        apiType: 'WEBSOCKET',
        routeSelectionExpression: '$request.body.action',
        routes: {},
        clock,
        [option]: value,
      } as never),
    ).toThrow(expect.objectContaining({ code }));
  });
});

describe('createGateway types', () => {
  it("returns a WebSocketGateway for apiType: 'WEBSOCKET' and a Gateway otherwise", () => {
    const ws = createGateway({
      apiType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
      routes: {},
    });
    const rest = createGateway({ routes: {} });
    expectTypeOf(ws).toEqualTypeOf<WebSocketGateway>();
    expectTypeOf(rest).toEqualTypeOf<Gateway<never>>(); // no routes: no function ever receives an event
    expect([ws.info.apiType, rest.info.apiType]).toEqual(['WEBSOCKET', 'REST']);
    expect([ws.info.baseUrl, ws.info.callbackUrl, ws.url()]).toEqual([
      'wss://abcd1234ef.execute-api.us-east-1.amazonaws.com/dev',
      'https://abcd1234ef.execute-api.us-east-1.amazonaws.com/dev',
      'wss://abcd1234ef.execute-api.us-east-1.amazonaws.com/dev',
    ]);
  });
});
