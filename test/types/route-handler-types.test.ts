// Type tests: a route's handler is typed by the API type and the payload format version, so code that would fail
// at run time (a v2 field on a REST event, a string statusCode, a value returned synchronously) does not compile.
// tsc checks this file (npm run typecheck); each case also runs, so the typed fields are the ones delivered.
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyHandler,
  APIGatewayProxyHandlerV2,
  APIGatewayProxyResult,
  APIGatewayProxyWebsocketHandlerV2,
} from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { WebSocketEvent } from '../../src/events/index.js';
import {
  createGateway,
  type GatewayOptions,
  type ProxyHandlerV1,
  type ProxyResultV2,
  type WebSocketGateway,
  type WebSocketHandlerEvent,
} from '../../src/gateway/index.js';

describe('REST API routes: APIGatewayProxyEvent in, APIGatewayProxyResult out', () => {
  it('types an inline handler (shorthand and route object) with the payload 1.0 event', async () => {
    const gateway = createGateway({
      routes: {
        'GET /pets/{id}': async (event) => {
          expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEvent>();
          // @ts-expect-error a REST event has no requestContext.http (that is payload 2.0)
          event.requestContext.http;
          return { statusCode: 200, body: `${event.httpMethod} ${event.pathParameters?.id}` };
        },
        'POST /pets': {
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => {
              expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEvent>();
              return { statusCode: 201, body: event.body ?? '' };
            },
          },
        },
      },
    });
    expect(await (await gateway.fetch('/dev/pets/7')).text()).toBe('GET 7');
    const created = await gateway.fetch('/dev/pets', { method: 'POST', body: 'Rex' });
    expect([created.status, await created.text()]).toEqual([201, 'Rex']);
  });

  it('a result without body is accepted (API Gateway sends an empty body); a string statusCode is not', async () => {
    const gateway = createGateway({ routes: { 'DELETE /pets/{id}': async () => ({ statusCode: 204 }) } });
    const response = await gateway.fetch('/dev/pets/7', { method: 'DELETE' });
    expect([response.status, await response.text()]).toEqual([204, '']);
    createGateway({
      // @ts-expect-error statusCode is a number ('test' answers 502)
      routes: { 'GET /x': async () => ({ statusCode: 'test', body: '' }) },
    });
  });

  it('a value returned synchronously does not compile: the Node.js runtime answers null and REST says 502', async () => {
    const gateway = createGateway({
      // @ts-expect-error a handler returns a promise (async) or calls the callback
      routes: { 'GET /sync': () => ({ statusCode: 200, body: 'lost' }) },
    });
    expect((await gateway.fetch('/dev/sync')).status).toBe(502);
  });

  it('callback-style handlers are typed: the callback takes the result', async () => {
    const gateway = createGateway({
      routes: {
        'GET /cb': (_event, _context, callback) => {
          callback(null, { statusCode: 200, body: 'called back' });
        },
        // @ts-expect-error the callback's result is a proxy result
        'GET /bad': (_event, _context, callback) => callback(null, { statusCode: '200' }),
      },
    });
    expect(await (await gateway.fetch('/dev/cb')).text()).toBe('called back');
  });

  it('handlers typed apart with @types/aws-lambda fit when their event is the one delivered', async () => {
    const rest: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: event.resource });
    const http: APIGatewayProxyHandlerV2 = async (event) => event.rawPath;
    const gateway = createGateway({ routes: { 'GET /pets': rest } });
    expect(await (await gateway.fetch('/dev/pets')).text()).toBe('/pets');
    // @ts-expect-error a payload 2.0 handler on a REST route would read fields the event does not have
    createGateway({ routes: { 'GET /pets': http } });
  });

  it('REST integrations only take payload format 1.0', () => {
    expect(() =>
      createGateway({
        routes: {
          'GET /x': {
            // @ts-expect-error REST APIs send payload 1.0 only (and a payload 2.0 string result is not a 1.0 result)
            integration: { type: 'AWS_PROXY', payloadFormatVersion: '2.0', handler: async () => '' },
          },
        },
      }),
    ).toThrowError(expect.objectContaining({ code: 'GATEWAY_INVALID_PAYLOAD_FORMAT' }));
  });
});

describe('HTTP API routes: payload 2.0 by default, 1.0 when the integration says so', () => {
  it('types an inline handler with APIGatewayProxyEventV2, whether apiType is written before or after routes', async () => {
    const before = createGateway({
      apiType: 'HTTP',
      routes: {
        'GET /pets/{id}': async (event) => {
          expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEventV2>();
          // @ts-expect-error an HTTP API payload 2.0 event has no httpMethod
          event.httpMethod;
          return { statusCode: 200, body: `${event.requestContext.http.method} ${event.pathParameters?.id}` };
        },
      },
    });
    const after = createGateway({
      routes: {
        'GET /pets/{id}': async (event) => {
          expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEventV2>();
          return event.rawPath;
        },
      },
      apiType: 'HTTP',
    });
    expect(await (await before.fetch('/pets/7')).text()).toBe('GET 7');
    expect(await (await after.fetch('/pets/7')).text()).toBe('/pets/7');
  });

  it('allows every payload 2.0 result: structured with cookies, a string, any JSON value (sent as the body)', async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      routes: {
        'GET /structured': async () => ({ statusCode: 201, cookies: ['s=1'], body: 'made' }),
        'GET /text': async () => 'plain',
        'GET /json': async () => ({ id: 7, tags: ['a'] }),
        'GET /list': async () => [1, 2],
      },
    });
    const structured = await gateway.fetch('/structured');
    expect([structured.status, structured.headers.get('set-cookie'), await structured.text()]).toEqual([
      201,
      's=1',
      'made',
    ]);
    expect(await (await gateway.fetch('/text')).text()).toBe('plain');
    expect(await (await gateway.fetch('/json')).json()).toEqual({ id: 7, tags: ['a'] });
    expect(await (await gateway.fetch('/list')).json()).toEqual([1, 2]);
    expectTypeOf<{ statusCode: '200' }>().not.toMatchTypeOf<ProxyResultV2>();
  });

  it("payloadFormatVersion: '1.0' gives the handler the payload 1.0 event and result types", async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      routes: {
        'GET /v1': {
          integration: {
            type: 'AWS_PROXY',
            payloadFormatVersion: '1.0',
            handler: async (event) => {
              expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEvent>();
              return { statusCode: 200, body: `${event.httpMethod} ${event.path}` };
            },
          },
        },
      },
    });
    expect(await (await gateway.fetch('/v1')).text()).toBe('GET /v1');
    const v1: ProxyHandlerV1 = async () => ({ statusCode: 200, body: '' });
    createGateway({
      apiType: 'HTTP',
      // @ts-expect-error a payload 1.0 handler needs payloadFormatVersion: '1.0' on an HTTP API
      routes: { 'GET /v1': { integration: { type: 'AWS_PROXY', handler: v1 } } },
    });
  });
});

describe('options written apart keep the handler types', () => {
  it('`satisfies GatewayOptions` types inline handlers by apiType, and createGateway keeps them', async () => {
    const options = {
      apiType: 'HTTP',
      routes: {
        'GET /pets': async (event) => {
          expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEventV2>();
          return event.requestContext.http.path;
        },
      },
    } satisfies GatewayOptions;
    const gateway = createGateway(options);
    const { response, trace } = await gateway.handle('/pets');
    expect(await response.text()).toBe('/pets');
    expectTypeOf(trace.event).toEqualTypeOf<APIGatewayProxyEventV2 | undefined>();
    expect(trace.event?.rawPath).toBe('/pets');
  });

  it('options of the general GatewayOptions type (an importer, a variable apiType) give an untyped trace event', async () => {
    const handler: ProxyHandlerV1 = async () => ({ statusCode: 200, body: 'ok' });
    const options: GatewayOptions = { routes: { 'GET /x': handler } };
    const { trace } = await createGateway(options).handle('/dev/x');
    expectTypeOf(trace.event).toEqualTypeOf<unknown>();
    expect((trace.event as APIGatewayProxyEvent).resource).toBe('/x');
  });

  it('the handler types are the aws-lambda ones: an APIGatewayProxyResult fits ProxyHandlerV1', () => {
    expectTypeOf<APIGatewayProxyHandler>().toMatchTypeOf<ProxyHandlerV1>();
    expectTypeOf<APIGatewayProxyResult>().toMatchTypeOf<Awaited<ReturnType<ProxyHandlerV1>>>();
  });
});

describe('Lambda custom and WebSocket handlers', () => {
  it('a Lambda custom (AWS) handler gets the rendered template as unknown, or the shape its parameter names', async () => {
    const gateway = createGateway({
      routes: {
        'GET /pets/{id}': {
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            handler: async (event: { id: string }) => ({ id: Number(event.id) }),
            requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
            integrationResponses: [{ statusCode: '200' }],
          },
        },
        'GET /raw': {
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            handler: async (event) => {
              expectTypeOf(event).toEqualTypeOf<unknown>();
              // @ts-expect-error the rendered template is unknown until you name its shape
              return event.id;
            },
            integrationResponses: [{ statusCode: '200' }],
          },
        },
      },
    });
    expect(await (await gateway.fetch('/dev/pets/7')).json()).toEqual({ id: 7 });
  });

  it('a WebSocket route gets the WebSocket event; handlers typed with APIGatewayProxyWebsocketHandlerV2 fit', async () => {
    const typedApart: APIGatewayProxyWebsocketHandlerV2 = async (event) => ({
      statusCode: 200,
      body: `${event.requestContext.routeKey}: ${event.body}`,
    });
    const gateway = createGateway({
      apiType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
      routes: {
        $connect: async (event) => {
          expectTypeOf(event).toEqualTypeOf<WebSocketHandlerEvent>();
          expectTypeOf<WebSocketEvent>().toMatchTypeOf<WebSocketHandlerEvent>();
          return { statusCode: event.queryStringParameters?.name ? 200 : 400 };
        },
        echo: {
          integration: { type: 'AWS_PROXY', handler: typedApart },
          routeResponseSelectionExpression: '$default',
        },
      },
    });
    expectTypeOf(gateway).toEqualTypeOf<WebSocketGateway>();
    const client = await gateway.connect({ query: { name: 'ann' } });
    await client.send('{"action":"echo"}');
    expect(await client.nextMessage()).toBe('echo: {"action":"echo"}');
    await client.close();
  });
});
