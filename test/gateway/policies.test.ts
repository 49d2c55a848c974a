import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway } from '../../src/gateway/index.js';
import { HOST, wire } from './helpers.js';

const KEY = 'k'.repeat(20);
const ok = async () => ({ statusCode: 200, body: 'ok' });

describe('throttling through the gateway (behaviour.md §6.1)', () => {
  it('answers 429 {"message":"Too Many Requests"} TooManyRequestsException once the route bucket is empty', async () => {
    const clock = createManualClock();
    const gateway = createGateway({
      clock,
      routes: {
        'GET /pets': {
          integration: { type: 'AWS_PROXY', handler: ok },
          throttle: { rateLimit: 1, burstLimit: 2 },
        },
      },
    });
    expect((await gateway.fetch(`${HOST}/dev/pets`)).status).toBe(200);
    expect((await gateway.fetch(`${HOST}/dev/pets`)).status).toBe(200);
    const { response, trace } = await gateway.handle(`${HOST}/dev/pets`);
    const w = await wire(response);
    expect(w.status).toBe(429);
    expect(w.body).toBe('{"message":"Too Many Requests"}');
    expect(w.headers['x-amzn-errortype']).toBe('TooManyRequestsException');
    expect(trace.throttle).toMatchObject({ allowed: false, limitedBy: 'method' });
    clock.advance(1_000);
    expect((await gateway.fetch(`${HOST}/dev/pets`)).status).toBe(200);
  });

  it('admits exactly the burst out of 1 000 concurrent requests against a burst of 100', async () => {
    const clock = createManualClock();
    const gateway = createGateway({
      clock,
      throttle: { stage: { rateLimit: 50, burstLimit: 100 } },
      routes: { 'GET /x': ok },
    });
    const statuses = await Promise.all(
      Array.from({ length: 1_000 }, () => gateway.fetch(`${HOST}/dev/x`).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    expect(statuses.filter((s) => s === 429)).toHaveLength(900);
  });

  it('HTTP APIs throttle with 429 {"message":"Too Many Requests"} and no x-amzn-ErrorType', async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      clock: createManualClock(),
      throttle: { stage: { rateLimit: 1, burstLimit: 1 } },
      routes: { 'GET /x': ok },
    });
    await gateway.fetch(`${HOST}/x`);
    const w = await wire(await gateway.fetch(`${HOST}/x`));
    expect(w.status).toBe(429);
    expect(w.body).toBe('{"message":"Too Many Requests"}');
    expect(w.headers['x-amzn-errortype']).toBeUndefined();
  });
});

describe('API keys and usage plans (behaviour.md §6.2–6.3)', () => {
  const make = () =>
    createGateway({
      clock: createManualClock(),
      apiKeys: [
        { id: 'key1', value: KEY },
        { id: 'key2', value: 'z'.repeat(20) },
      ],
      usagePlans: [
        { id: 'plan1', apiStages: [{ stage: 'dev' }], quota: { limit: 2, period: 'DAY' }, keys: ['key1'] },
      ],
      routes: {
        'GET /secret': {
          integration: {
            type: 'AWS_PROXY',
            handler: async (e: { requestContext: { identity: unknown } }) => ({
              statusCode: 200,
              body: JSON.stringify(e.requestContext.identity),
            }),
          },
          apiKeyRequired: true,
        },
        'GET /open': ok,
      },
    });

  it.each([
    ['missing', undefined],
    ['unknown', 'u'.repeat(20)],
    ['not in a usage plan of the stage', 'z'.repeat(20)],
  ])('answers a %s key with 403 {"message":"Forbidden"} ForbiddenException', async (_name, key) => {
    const gateway = make();
    const w = await wire(
      await gateway.fetch(`${HOST}/dev/secret`, { headers: key ? { 'x-api-key': key } : {} }),
    );
    expect(w.status).toBe(403);
    expect(w.body).toBe('{"message":"Forbidden"}');
    expect(w.headers['x-amzn-errortype']).toBe('ForbiddenException');
  });

  it('a valid key reaches the handler with identity.apiKey / apiKeyId set', async () => {
    const gateway = make();
    const response = await gateway.fetch(`${HOST}/dev/secret`, { headers: { 'X-API-Key': KEY } });
    expect(response).toHaveStatusCode(200);
    await expect(response).toHaveJsonBody(expect.objectContaining({ apiKey: KEY, apiKeyId: 'key1' }));
  });

  it('answers 429 {"message":"Limit Exceeded"} LimitExceededException once the quota is used, and usage() reports it', async () => {
    const gateway = make();
    const headers = { 'x-api-key': KEY };
    await gateway.fetch(`${HOST}/dev/secret`, { headers });
    await gateway.fetch(`${HOST}/dev/secret`, { headers });
    const w = await wire(await gateway.fetch(`${HOST}/dev/secret`, { headers }));
    expect(w.status).toBe(429);
    expect(w.body).toBe('{"message":"Limit Exceeded"}');
    expect(w.headers['x-amzn-errortype']).toBe('LimitExceededException');
    expect(gateway.usage('key1')).toMatchObject({
      keyId: 'key1',
      planId: 'plan1',
      used: 2,
      remaining: 0,
      limit: 2,
    });
  });

  it('methods without apiKeyRequired ignore keys and bypass plan limits', async () => {
    const gateway = make();
    for (let i = 0; i < 3; i++)
      expect((await gateway.fetch(`${HOST}/dev/open`, { headers: { 'x-api-key': KEY } })).status).toBe(200);
    expect(gateway.usage('key1').used).toBe(0);
  });
});

describe('REST stage cache (behaviour.md §7)', () => {
  it('serves the second GET from the cache until the TTL passes; hit/miss are in the trace and metrics', async () => {
    const clock = createManualClock();
    let calls = 0;
    const gateway = createGateway({
      clock,
      cache: { ttlInSeconds: 60 },
      routes: { 'GET /pets': async () => ({ statusCode: 200, body: `call ${++calls}` }) },
    });
    const first = await gateway.handle(`${HOST}/dev/pets`);
    const second = await gateway.handle(`${HOST}/dev/pets`);
    expect(first.trace.cache).toBe('miss');
    expect(second.trace.cache).toBe('hit');
    expect(await second.response.text()).toBe('call 1');
    expect(second.response.headers.get('x-amzn-RequestId')).toBe(second.trace.requestId);
    clock.advance(60_000);
    expect(await (await gateway.fetch(`${HOST}/dev/pets`)).text()).toBe('call 2');
    const stage = gateway.metrics().stages.dev!;
    expect(stage.CacheHitCount).toBe(1);
    expect(stage.CacheMissCount).toBe(2);
  });

  it('caches GET only by default, keys on cache key parameters, and flushCache() empties it', async () => {
    let calls = 0;
    const handler = async () => ({ statusCode: 200, body: String(++calls) });
    const gateway = createGateway({
      clock: createManualClock(),
      cache: { routes: { 'GET /pets': { cacheKeyParameters: ['method.request.querystring.type'] } } },
      routes: { 'GET /pets': handler, 'POST /pets': handler },
    });
    const text = async (url: string, method = 'GET') =>
      (await gateway.fetch(`${HOST}/dev${url}`, { method })).text();
    expect(await text('/pets?type=dog&page=1')).toBe('1');
    expect(await text('/pets?type=dog&page=2')).toBe('1');
    expect(await text('/pets?type=cat')).toBe('2');
    expect(await text('/pets', 'POST')).toBe('3');
    expect(await text('/pets', 'POST')).toBe('4');
    gateway.flushCache();
    expect(await text('/pets?type=dog')).toBe('5');
  });

  it('FAIL_WITH_403 answers an unauthorised Cache-Control: max-age=0 with 403', async () => {
    const gateway = createGateway({
      clock: createManualClock(),
      cache: { unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' },
      routes: { 'GET /pets': ok },
    });
    const w = await wire(
      await gateway.fetch(`${HOST}/dev/pets`, { headers: { 'Cache-Control': 'max-age=0' } }),
    );
    expect(w.status).toBe(403);
  });
});

describe('metrics and access logs (behaviour.md §12)', () => {
  it('counts Count, 4XXError, 5XXError and latencies by stage and route', async () => {
    const clock = createManualClock();
    const gateway = createGateway({
      clock,
      routes: {
        'GET /ok': async () => {
          await new Promise((resolve) => clock.setTimeout(() => resolve(undefined), 120));
          return { statusCode: 200 };
        },
        'GET /bad': async () => {
          throw new Error('x');
        },
      },
    });
    const pending = gateway.fetch(`${HOST}/dev/ok`);
    await clock.advanceAsync(120);
    await pending;
    await gateway.fetch(`${HOST}/dev/bad`);
    await gateway.fetch(`${HOST}/dev/nope`);
    const metrics = gateway.metrics();
    expect(metrics.stages.dev).toMatchObject({ Count: 3, '4XXError': 1, '5XXError': 1 });
    expect(metrics.routes.dev?.['GET /ok']).toMatchObject({
      Count: 1,
      IntegrationLatency: { sum: 120, samples: 1 },
    });
  });

  it('writes one access-log line per request in the configured $context format', async () => {
    const gateway = createGateway({
      clock: createManualClock({ start: Date.UTC(2024, 2, 4, 19, 15, 17) }),
      accessLog: {
        format:
          '$context.requestId $context.httpMethod $context.resourcePath $context.status [$context.requestTime] $context.error.responseType',
      },
      routes: { 'GET /pets/{id}': ok },
    });
    const a = await gateway.handle(`${HOST}/dev/pets/1`);
    const b = await gateway.handle(`${HOST}/dev/nope`);
    expect(gateway.accessLog).toEqual([
      `${a.trace.requestId} GET /pets/{id} 200 [04/Mar/2024:19:15:17 +0000] -`,
      `${b.trace.requestId} GET - 403 [04/Mar/2024:19:15:17 +0000] MISSING_AUTHENTICATION_TOKEN`,
    ]);
  });
});
