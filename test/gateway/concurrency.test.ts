// 10,000 requests in flight at once through one gateway with mixed handlers (fast, failing, malformed, slow,
// never settling, callback-style, behind an API key with a quota): every request is answered exactly once with
// its own answer, the metrics and the usage counters count exactly, and no rejection goes unhandled.
import type { APIGatewayProxyEvent, Callback, Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type LambdaHandler } from '../../src/gateway/index.js';
import { HOST } from './helpers.js';

const N = 10_000;
const KEY = 'concurrency-key-0123456789';
const QUOTA = 1_000;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('10,000 concurrent requests through one gateway', () => {
  it('answers each once with its own result; metrics, usage and quota count exactly; nothing unhandled', async () => {
    const clock = createManualClock();
    const id = (event: APIGatewayProxyEvent) => event.pathParameters?.id ?? '?';
    const gateway = createGateway({
      clock,
      // Above the account default (5 000 burst), which would otherwise answer half of them 429.
      throttle: { account: { rateLimit: 100_000, burstLimit: 100_000 } },
      apiKeys: [{ id: 'key1', value: KEY }],
      usagePlans: [
        {
          id: 'plan1',
          apiStages: [{ stage: 'dev' }],
          quota: { limit: QUOTA, period: 'DAY' },
          keys: ['key1'],
        },
      ],
      routes: {
        'GET /fast/{id}': async (event) => ({ statusCode: 200, body: `fast ${id(event)}` }),
        'GET /throws/{id}': async () => {
          throw new Error('boom');
        },
        // Malformed on purpose: typed loosely (LambdaHandler) so that it compiles.
        'GET /malformed/{id}': (async () => ({
          statusCode: 200,
          body: { not: 'a string' },
        })) as LambdaHandler,
        'GET /slow/{id}': (event) =>
          new Promise((resolve) => {
            clock.setTimeout(() => resolve({ statusCode: 201, body: `slow ${id(event)}` }), 1_000);
          }),
        'GET /never/{id}': () => new Promise(() => {}),
        'GET /callback/{id}': (event: APIGatewayProxyEvent, _context: Context, callback: Callback) => {
          callback(null, { statusCode: 202, body: `callback ${id(event)}` });
          callback(null, { statusCode: 500, body: 'second answer, ignored' });
        },
        'GET /keyed/{id}': {
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => ({ statusCode: 200, body: `keyed ${id(event)}` }),
          },
          apiKeyRequired: true,
        },
      },
    });
    const kinds = ['fast', 'throws', 'malformed', 'slow', 'never', 'callback', 'keyed', 'missing'] as const;
    const kindOf = (i: number) => kinds[i % kinds.length]!;
    const answers = new Array<number>(N).fill(0);
    const results: { status: number; body: string }[] = new Array(N);
    const pending = Array.from({ length: N }, async (_, i) => {
      const kind = kindOf(i);
      const init = kind === 'keyed' ? { headers: { 'x-api-key': KEY } } : undefined;
      const response = await gateway.fetch(`${HOST}/dev/${kind}/${i}`, init);
      answers[i]! += 1;
      results[i] = { status: response.status, body: await response.text() };
    });
    // Slow handlers answer after 1 s and never-settling ones time out after the 29 s integration timeout.
    await clock.advanceAsync(1_000);
    await clock.advanceAsync(29_000);
    await Promise.all(pending);
    await new Promise((resolve) => setImmediate(resolve));

    expect(answers.every((n) => n === 1)).toBe(true);
    const perKind = N / kinds.length;
    const tally = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const kind = kindOf(i);
      const { status, body } = results[i]!;
      const key = `${kind} ${status}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
      if (kind === 'fast') expect(body).toBe(`fast ${i}`);
      if (kind === 'slow') expect(body).toBe(`slow ${i}`);
      if (kind === 'callback') expect(body).toBe(`callback ${i}`);
      if (kind === 'keyed' && status === 200) expect(body).toBe(`keyed ${i}`);
      if (kind === 'throws' || kind === 'malformed')
        expect(body).toBe('{"message": "Internal server error"}');
      if (kind === 'never') expect(body).toBe('{"message": "Endpoint request timed out"}');
      if (kind === 'missing') expect(body).toBe('{"message":"Missing Authentication Token"}');
    }
    // The quota admits exactly QUOTA of the keyed requests; the rest get 429 Limit Exceeded.
    expect(Object.fromEntries(tally)).toEqual({
      'fast 200': perKind,
      'throws 502': perKind,
      'malformed 502': perKind,
      'slow 201': perKind,
      'never 504': perKind,
      'callback 202': perKind,
      'keyed 200': QUOTA,
      'keyed 429': perKind - QUOTA,
      'missing 403': perKind,
    });

    const metrics = gateway.metrics();
    expect(metrics.total).toMatchObject({
      Count: N,
      '4XXError': 2 * perKind - QUOTA,
      '5XXError': 3 * perKind,
    });
    for (const kind of ['fast', 'throws', 'malformed', 'slow', 'never', 'callback', 'keyed'] as const) {
      expect(metrics.routes.dev?.[`GET /${kind}/{id}`]?.Count, kind).toBe(perKind);
    }
    expect(gateway.usage('key1')).toMatchObject({ used: QUOTA, remaining: 0 });
    expect(clock.pendingTimers()).toBe(0);
    expect(unhandled).toEqual([]);
  }, 60_000);
});
