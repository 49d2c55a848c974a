// The examples of docs/gateway.md, run as written (helpers stand in for the handlers the page names).
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2, APIGatewayProxyHandler } from 'aws-lambda';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway } from '../../src/gateway/index.js';

const listPets = async () => ({ statusCode: 200, body: '[]' });
const secret = async () => ({ statusCode: 200, body: 'secret' });
const HOST = 'https://abcd1234ef.execute-api.us-east-1.amazonaws.com';

describe('docs/gateway.md examples', () => {
  it('a first gateway', async () => {
    const gateway = createGateway({
      routes: {
        'GET /pets/{id}': async (event) => ({
          statusCode: 200,
          body: JSON.stringify({ id: event.pathParameters?.id }),
        }),
        'ANY /{proxy+}': async () => ({ statusCode: 404, body: 'no such pet route' }),
      },
    });
    const { response, trace } = await gateway.handle(`${HOST}/dev/pets/7`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: '7' });
    expect(response.headers.get('x-amzn-RequestId')).toBe(trace.event?.requestContext.requestId);
  });

  it('routing: no match is 403 Missing Authentication Token', async () => {
    const gateway = createGateway({ routes: { 'GET /pets': listPets } });
    const response = await gateway.fetch(`${HOST}/dev/owners`);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('{"message":"Missing Authentication Token"}');
    expect(response.headers.get('x-amzn-ErrorType')).toBe('MissingAuthenticationTokenException');
  });

  it('lambda proxy: a throwing handler is a 502 explained by the trace', async () => {
    const gateway = createGateway({
      routes: {
        'GET /boom': async () => {
          throw new Error('kaput');
        },
      },
    });
    const { response, trace } = await gateway.handle(`${HOST}/dev/boom`);
    expect(response.status).toBe(502);
    expect(await response.text()).toBe('{"message": "Internal server error"}');
    expect(trace.invocation).toMatchObject({
      kind: 'error',
      error: { errorType: 'Error', errorMessage: 'kaput' },
    });
  });

  it('timeouts with a manual clock and with fake timers', async () => {
    const clock = createManualClock();
    const gateway = createGateway({ clock, routes: { 'GET /slow': () => new Promise(() => {}) } });
    const pending = gateway.fetch(`${HOST}/dev/slow`);
    await clock.advanceAsync(29_000);
    expect((await pending).status).toBe(504);
    expect(clock.pendingTimers()).toBe(0);

    vi.useFakeTimers();
    try {
      const faked = createGateway({ routes: { 'GET /slow': () => new Promise(() => {}) } });
      const later = faked.fetch(`${HOST}/dev/slow`);
      await vi.advanceTimersByTimeAsync(29_000);
      expect((await later).status).toBe(504);
    } finally {
      vi.useRealTimers();
    }
  });

  it('throttling', async () => {
    const gateway = createGateway({
      clock: createManualClock(),
      throttle: { stage: { rateLimit: 100, burstLimit: 200 } },
      routes: {
        'GET /pets': {
          integration: { type: 'AWS_PROXY', handler: listPets },
          throttle: { rateLimit: 1, burstLimit: 1 },
        },
      },
    });
    expect((await gateway.fetch(gateway.url('/pets'))).status).toBe(200);
    const limited = await gateway.fetch(gateway.url('/pets'));
    expect(limited.status).toBe(429);
    expect(await limited.text()).toBe('{"message":"Too Many Requests"}');
  });

  it('API keys and usage plans', async () => {
    const gateway = createGateway({
      clock: createManualClock(),
      apiKeys: [{ id: 'key1', value: 'my-key-value-0123456789' }],
      usagePlans: [
        { id: 'gold', apiStages: [{ stage: 'dev' }], quota: { limit: 1, period: 'DAY' }, keys: ['key1'] },
      ],
      routes: {
        'GET /secret': { integration: { type: 'AWS_PROXY', handler: secret }, apiKeyRequired: true },
      },
    });
    const missing = await gateway.fetch(gateway.url('/secret'));
    expect([missing.status, await missing.text()]).toEqual([403, '{"message":"Forbidden"}']);
    const headers = { 'x-api-key': 'my-key-value-0123456789' };
    expect((await gateway.fetch(gateway.url('/secret'), { headers })).status).toBe(200);
    const quota = await gateway.fetch(gateway.url('/secret'), { headers });
    expect([quota.status, await quota.text()]).toEqual([429, '{"message":"Limit Exceeded"}']);
    expect(gateway.usage('key1').used).toBe(1);
  });

  it('caching', async () => {
    const clock = createManualClock();
    const gateway = createGateway({
      clock,
      cache: {
        ttlInSeconds: 60,
        routes: { 'GET /pets': { cacheKeyParameters: ['method.request.querystring.type'] } },
      },
      routes: { 'GET /pets': listPets },
    });
    const first = await gateway.handle(gateway.url('/pets?type=dog'));
    const second = await gateway.handle(gateway.url('/pets?type=dog'));
    expect([first.trace.cache, second.trace.cache]).toEqual(['miss', 'hit']);
    gateway.flushCache();
    expect((await gateway.handle(gateway.url('/pets?type=dog'))).trace.cache).toBe('miss');
  });

  it('metrics and access logs', async () => {
    const gateway = createGateway({
      accessLog: { format: '$context.requestId $context.httpMethod $context.resourcePath $context.status' },
      routes: { 'GET /pets': listPets },
    });
    const { trace } = await gateway.handle(gateway.url('/pets'));
    expect(gateway.accessLog).toEqual([`${trace.requestId} GET /pets 200`]);
    expect(gateway.metrics().stages.dev?.Count).toBe(1);
  });

  it('handler types: the examples answer as the types say', async () => {
    const getPet: APIGatewayProxyHandler = async (event) => ({
      statusCode: 200,
      body: event.pathParameters?.id ?? '',
    });
    const rest = createGateway({
      routes: {
        'GET /pets/{id}': getPet,
        'DELETE /pets/{id}': async (event) => ({ statusCode: 204, headers: { 'x-deleted': event.path } }),
        // @ts-expect-error a REST event has no requestContext.http: that is payload 2.0
        'GET /v2-style': async (event) => ({ statusCode: 200, body: event.requestContext.http.method }),
      },
    });
    expect(await (await rest.fetch(`${HOST}/dev/pets/7`)).text()).toBe('7');
    const deleted = await rest.fetch(`${HOST}/dev/pets/7`, { method: 'DELETE' });
    expect([deleted.status, deleted.headers.get('x-deleted')]).toEqual([204, '/pets/7']);
    expect((await rest.fetch(`${HOST}/dev/v2-style`)).status).toBe(502); // what the type error prevents
    const http = createGateway({
      apiType: 'HTTP',
      routes: {
        'GET /pets/{id}': async (event) => ({
          id: event.pathParameters?.id,
          method: event.requestContext.http.method,
        }),
        'GET /legacy': {
          integration: {
            type: 'AWS_PROXY',
            payloadFormatVersion: '1.0',
            handler: async (event) => ({ statusCode: 200, body: event.httpMethod }),
          },
        },
      },
    });
    const { response, trace } = await http.handle('/pets/7');
    expect(await response.json()).toEqual({ id: '7', method: 'GET' });
    expectTypeOf(trace.event).toEqualTypeOf<APIGatewayProxyEventV2 | APIGatewayProxyEvent | undefined>();
    expect(trace.event && 'rawPath' in trace.event ? trace.event.rawPath : '').toBe('/pets/7');
    expect(await (await http.fetch('/legacy')).text()).toBe('GET');
  });

  it('the trace: integrationCalled, responseHeaders, typed steps', async () => {
    const gateway = createGateway({ routes: { 'GET /pets': listPets } });
    const { response, trace } = await gateway.handle(gateway.url('/pets'));
    expect(trace.integrationCalled).toBe(true);
    expect(trace.responseHeaders).toEqual([
      ['Content-Type', 'application/json'],
      ['x-amzn-RequestId', trace.requestId],
      ['x-amz-apigw-id', trace.extendedRequestId],
      ['X-Amzn-Trace-Id', response.headers.get('x-amzn-trace-id')],
    ]);
    expect(trace.steps.map((step) => `${step.stage}:${step.decision}`)).toEqual([
      'stage:matched',
      'route:matched',
      'throttle:allowed',
      'integration:invoked',
      'response:valid-result',
    ]);
  });
});
