import { describe, expect, it } from 'vitest';
import { compileSelectionExpression } from '../../src/gateway/websocket/selection-expression.js';
import { ERROR_FRAME, recordedCase, recorder, wsGateway } from './helpers.js';

const PAYLOAD =
  '{"service":"chat","action":"join","data":{"room":"room1234"},"tags":["a","b"],"n":1.0,"flag":true}';

describe('route selection expressions (AWS documentation table)', () => {
  it.each([
    ['$request.body.action', 'join'],
    [`\${request.body.action}`, 'join'],
    [`\${request.body.service}/\${request.body.action}`, 'chat/join'],
    [`\${request.body.action}-\${request.body.invalidPath}`, 'join-'],
    ['action', 'action'],
    ['\\$default', '$default'],
    ['$request.body.data.room', 'room1234'],
    ['$request.body.tags', '[a, b]'],
    ['$request.body.n', '1.0'],
    ['$request.body.flag', 'true'],
    ["$request.body['action']", 'join'],
  ])('%s evaluates to %j', (expression, key) => {
    expect(compileSelectionExpression('test', expression).evaluate(PAYLOAD)).toBe(key);
  });

  it.each([['not json'], ['{"action": '], ['']])(
    'a message that is not JSON (%j) selects no key: the $default route',
    (body) => {
      expect(compileSelectionExpression('test', '$request.body.action').evaluate(body)).toBeUndefined();
    },
  );

  it.each([
    ['$request.header.x-action', 'GATEWAY_INVALID_SELECTION_EXPRESSION'],
    ['${request.body.action', 'GATEWAY_INVALID_SELECTION_EXPRESSION'],
    ['', 'GATEWAY_INVALID_SELECTION_EXPRESSION'],
  ])('createGateway refuses the selection expression %j (%s)', (expression, code) => {
    expect(() => wsGateway({}, { routeSelectionExpression: expression })).toThrow(
      expect.objectContaining({ code }),
    );
  });
});

describe('WebSocket routing (behaviour.md §13)', () => {
  it('routes a JSON message to the route whose key equals the evaluated expression', async () => {
    const join = recorder();
    const other = recorder();
    const { gateway } = wsGateway({ join: join.handler, $default: other.handler });
    const client = await gateway.connect();
    await client.send('{"action":"join"}');
    await client.send('{"action":"leave"}');
    await client.send('plain text');
    expect(join.events.map((e) => e.requestContext.routeKey)).toEqual(['join']);
    expect(other.events.map((e) => [e.requestContext.routeKey, e.body])).toEqual([
      ['$default', '{"action":"leave"}'],
      ['$default', 'plain text'],
    ]);
    await gateway.close();
  });

  it('without a $default route an unmatched message gets the Forbidden error frame and the connection stays open', async () => {
    const { gateway } = wsGateway({ join: recorder().handler });
    const client = await gateway.connect();
    await client.send('{"action":"nothing"}');
    const frame = (await client.nextMessage()) as string;
    const match = ERROR_FRAME.exec(frame);
    expect(match?.[1]).toBe('Forbidden');
    expect(match?.[2]).toBe(client.connectionId);
    expect(frame).toBe(
      `{"message": "Forbidden", "connectionId":"${client.connectionId}", "requestId":"${match?.[3]}"}`,
    );
    expect(client.readyState).toBe('OPEN');
    await gateway.close();
  });

  it('a message cannot select $connect or $disconnect: it goes to $default', async () => {
    const fallback = recorder();
    const { gateway } = wsGateway({ $connect: recorder().handler, $default: fallback.handler });
    const client = await gateway.connect();
    await client.send('{"action":"$connect"}');
    expect(fallback.events.map((e) => e.requestContext.routeKey)).toEqual(['$default']);
    await gateway.close();
  });

  it.each([
    ['$foo', 'GATEWAY_INVALID_ROUTE_KEY'],
    ['', 'GATEWAY_INVALID_ROUTE_KEY'],
    ['x'.repeat(129), 'GATEWAY_INVALID_ROUTE_KEY'],
  ])('createGateway refuses the route key %j (%s): custom keys must not start with $', (key, code) => {
    expect(() => wsGateway({ [key]: recorder().handler })).toThrow(expect.objectContaining({ code }));
  });
});

describe('route responses (two-way routes)', () => {
  const echo = async (event: { body?: string }) => {
    const body = event.body ?? '';
    if (body.startsWith('exc:')) throw new Error(body.slice(4));
    if (body.startsWith('status:')) return { statusCode: Number(body.slice(7)) };
    return { statusCode: 200, body };
  };

  it("returns the integration's body as a text frame on a two-way route ('ws-two-way-route-returns-body-frame')", async () => {
    const recorded = recordedCase('ws-two-way-route-returns-body-frame');
    const { gateway } = wsGateway({
      $default: {
        integration: { type: 'AWS_PROXY', handler: echo },
        routeResponseSelectionExpression: '$default',
      },
    });
    const client = await gateway.connect();
    await client.send(recorded.request.body);
    expect(await client.nextMessage()).toBe(recorded.expected.body);
    await gateway.close();
  });

  it("a function error becomes the Internal server error frame and later frames are still processed ('ws-integration-error-internal-server-error-frame')", async () => {
    const recorded = recordedCase('ws-integration-error-internal-server-error-frame');
    const { gateway } = wsGateway({
      $default: {
        integration: { type: 'AWS_PROXY', handler: echo },
        routeResponseSelectionExpression: '$default',
      },
    });
    const client = await gateway.connect();
    await client.send(recorded.request.body);
    const frame = (await client.nextMessage()) as string;
    const [, message, connectionId, requestId] = ERROR_FRAME.exec(frame) ?? [];
    expect(
      recorded.expected.body.replace('<connection-id>', connectionId!).replace('<request-id>', requestId!),
    ).toBe(frame);
    expect([message, connectionId]).toEqual(['Internal server error', client.connectionId]);
    await client.send('hello');
    expect(await client.nextMessage()).toBe('hello');
    await gateway.close();
  });

  it('a one-way route sends nothing back, whatever the handler returns', async () => {
    const { gateway } = wsGateway({ $default: echo });
    const client = await gateway.connect();
    await client.send('hello');
    await client.send('{"action":"x"}');
    const sent: unknown[] = [];
    void client.nextMessage().then((m) => sent.push(m));
    await gateway.connections.post(client.connectionId, 'marker');
    await Promise.resolve();
    expect(sent).toEqual(['marker']);
    await gateway.close();
  });

  it('a two-way route whose result has no body sends nothing; status codes do not close the connection', async () => {
    const { gateway } = wsGateway({
      $default: {
        integration: { type: 'AWS_PROXY', handler: echo },
        routeResponseSelectionExpression: '$default',
      },
    });
    const client = await gateway.connect();
    await client.send('status:500');
    await client.send('after');
    expect(await client.nextMessage()).toBe('after');
    expect(gateway.metrics().total.IntegrationError).toBe(1);
    await gateway.close();
  });

  it('a malformed result on a two-way route is the Internal server error frame', async () => {
    const { gateway } = wsGateway({
      $default: {
        integration: {
          type: 'AWS_PROXY',
          handler: async () => ({ statusCode: 200, body: { not: 'a string' } }),
        },
        routeResponseSelectionExpression: '$default',
      },
    });
    const client = await gateway.connect();
    await client.send('x');
    expect(ERROR_FRAME.exec((await client.nextMessage()) as string)?.[1]).toBe('Internal server error');
    await gateway.close();
  });

  it('an integration timeout (29 s by default) is the Endpoint request timed out frame', async () => {
    const { gateway, clock } = wsGateway({
      $default: {
        integration: { type: 'AWS_PROXY', handler: () => new Promise(() => {}) },
        routeResponseSelectionExpression: '$default',
      },
    });
    const client = await gateway.connect();
    const sent = client.send('slow');
    await clock.advanceAsync(29_000);
    await sent;
    expect(ERROR_FRAME.exec((await client.nextMessage()) as string)?.[1]).toBe('Endpoint request timed out');
    await gateway.close();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('routeResponseSelectionExpression accepts only $default, and not on $connect/$disconnect', () => {
    const handler = recorder().handler;
    expect(() =>
      wsGateway({
        x: {
          integration: { type: 'AWS_PROXY', handler },
          routeResponseSelectionExpression: 'other' as never,
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'GATEWAY_INVALID_ROUTE' }));
    expect(() =>
      wsGateway({
        $connect: {
          integration: { type: 'AWS_PROXY', handler },
          routeResponseSelectionExpression: '$default',
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'GATEWAY_INVALID_ROUTE' }));
  });
});

describe('MOCK integrations on WebSocket routes', () => {
  it('a two-way MOCK route sends the response template chosen by its template selection expression', async () => {
    const { gateway } = wsGateway({
      ping: {
        integration: {
          type: 'MOCK',
          requestTemplates: { $default: '{"statusCode": 200}' },
          templateSelectionExpression: '\\$default',
          integrationResponses: {
            '/4\\d\\d/': { responseTemplates: { $default: 'client error' } },
            $default: {
              templateSelectionExpression: `\${integration.response.statuscode}`,
              responseTemplates: { '200': '{"pong":"$context.connectionId","route":"$context.routeKey"}' },
            },
          },
        },
        routeResponseSelectionExpression: '$default',
      },
    });
    const client = await gateway.connect();
    await client.send('{"action":"ping","n":7}');
    expect(await client.nextMessage()).toBe(`{"pong":"${client.connectionId}","route":"ping"}`);
    await gateway.close();
  });

  it('an integration response whose pattern matches the MOCK status is chosen before $default', async () => {
    const { gateway } = wsGateway({
      $default: {
        integration: {
          type: 'MOCK',
          requestTemplates: { $default: '{"statusCode": $input.path(\'$.code\')}' },
          templateSelectionExpression: '\\$default',
          integrationResponses: {
            $default: { responseTemplates: { $default: 'ok' } },
            '/4\\d\\d/': { responseTemplates: { $default: 'client error' } },
          },
        },
        routeResponseSelectionExpression: '$default',
      },
    });
    const client = await gateway.connect();
    await client.send('{"code":404}');
    await client.send('{"code":200}');
    expect([await client.nextMessage(), await client.nextMessage()]).toEqual(['client error', 'ok']);
    await gateway.close();
  });

  it('a MOCK request template that renders no statusCode is the Internal server error frame', async () => {
    const { gateway } = wsGateway({
      $default: {
        integration: {
          type: 'MOCK',
          requestTemplates: { $default: '{}' },
          templateSelectionExpression: '\\$default',
        },
        routeResponseSelectionExpression: '$default',
      },
    });
    const client = await gateway.connect();
    await client.send('x');
    expect(ERROR_FRAME.exec((await client.nextMessage()) as string)?.[1]).toBe('Internal server error');
    await gateway.close();
  });
});
