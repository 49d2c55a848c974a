// The examples of docs/gateway-policies.md, run as tests so they cannot rot.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createResponseCache } from '../../src/gateway/caching/index.js';
import { createGateway } from '../../src/gateway/index.js';
import { compileAccessLogFormat, createMetrics } from '../../src/gateway/observability/index.js';
import { createThrottler } from '../../src/gateway/throttling/index.js';
import { createUsagePlans } from '../../src/gateway/usage-plans/index.js';

describe('docs/gateway-policies.md examples', () => {
  it('throttling', () => {
    const clock = createManualClock();
    const throttler = createThrottler({
      clock,
      account: { rateLimit: 10_000, burstLimit: 5_000 },
      stage: { rateLimit: 100, burstLimit: 200 },
      methods: { 'GET /pets/{id}': { rateLimit: 0.5, burstLimit: 1 } },
    });
    expect(throttler.check({ routeKey: 'GET /pets/{id}' })).toEqual({ allowed: true });
    expect(throttler.check({ routeKey: 'GET /pets/{id}' })).toMatchObject({
      allowed: false,
      limitedBy: 'method',
      limit: { rateLimit: 0.5, burstLimit: 1 },
    });
    clock.advance(2_000);
    expect(throttler.check({ routeKey: 'GET /pets/{id}' })).toEqual({ allowed: true });
  });

  it('API keys and usage plans', () => {
    const clock = createManualClock({ start: Date.UTC(2024, 0, 3, 12) });
    const plans = createUsagePlans({
      clock,
      apiKeys: [{ id: 'key1', value: 'my-key-value-0123456789' }],
      usagePlans: [
        {
          id: 'gold',
          apiStages: [{ stage: 'dev', throttle: { '/pets/GET': { rateLimit: 5, burstLimit: 10 } } }],
          throttle: { rateLimit: 50, burstLimit: 100 },
          quota: { limit: 1000, offset: 100, period: 'MONTH' },
          keys: ['key1'],
        },
      ],
    });
    const throttler = createThrottler({ clock });
    const auth = plans.authorize({
      stage: 'dev',
      routeKey: 'GET /pets',
      apiKeyValue: 'my-key-value-0123456789',
    });
    expect(auth.ok).toBe(true);
    if (auth.ok)
      expect(throttler.check({ routeKey: 'GET /pets', client: auth.client })).toEqual({ allowed: true });
    expect(plans.usage('key1')).toMatchObject({
      used: 1,
      remaining: 899,
      period: 'MONTH',
      periodStart: '2024-01-01',
      periodEnd: '2024-01-31',
    });
  });

  it('response caching', () => {
    const clock = createManualClock();
    const cache = createResponseCache({
      clock,
      ttlInSeconds: 300,
      routes: { 'GET /pets': { cacheKeyParameters: ['method.request.querystring.type'] } },
    });
    const request = { routeKey: 'GET /pets', method: 'GET', stage: 'dev', query: { type: 'dog', page: '1' } };
    const first = cache.lookup(request);
    expect(first).toMatchObject({ status: 'miss', ttlInSeconds: 300, invalidated: false, headers: [] });
    if (first.status === 'miss') {
      cache.store(first, { statusCode: 200, headers: [['content-type', 'application/json']], body: '[]' });
    }
    expect(cache.lookup({ ...request, query: { type: 'dog', page: '2' } }).status).toBe('hit');
  });

  it('metrics', () => {
    const metrics = createMetrics({ apiType: 'REST' });
    metrics.record({
      stage: 'dev',
      routeKey: 'GET /pets',
      status: 200,
      latencyMs: 12,
      integrationLatencyMs: 9,
      cacheHit: false,
    });
    expect(metrics.snapshot().stages.dev).toEqual({
      Count: 1,
      '4XXError': 0,
      '5XXError': 0,
      Latency: { sum: 12, avg: 12, min: 12, max: 12, samples: 1 },
      IntegrationLatency: { sum: 9, avg: 9, min: 9, max: 9, samples: 1 },
      CacheHitCount: 0,
      CacheMissCount: 1,
    });
  });

  it('access logs', () => {
    const log = compileAccessLogFormat(
      '$context.requestId $context.httpMethod $context.resourcePath $context.status $context.identity.caller',
      'REST',
    );
    expect(log.render({ requestId: 'r-1', httpMethod: 'GET', resourcePath: '/pets', status: 200 })).toBe(
      'r-1 GET /pets 200 -',
    );
  });

  it('memory bounds: the access log keeps the newest maxLines lines', async () => {
    const gateway = createGateway({
      accessLog: { format: '$context.requestId $context.status', maxLines: 3 },
      routes: { 'GET /pets/{id}': async () => ({ statusCode: 200, body: 'ok' }) },
    });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const response = await gateway.fetch(gateway.url(`/pets/${i}`));
      ids.push(response.headers.get('x-amzn-RequestId')!);
    }
    expect(gateway.accessLog.length).toBe(3);
    expect(gateway.accessLog).toEqual(ids.slice(2).map((id) => `${id} 200`));
  });
});
