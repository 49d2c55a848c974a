import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createThrottler, toRouteKey } from '../../src/gateway/throttling/index.js';
import { createUsagePlans } from '../../src/gateway/usage-plans/index.js';

const KEY = 'k'.repeat(30);

describe('createThrottler', () => {
  it('defaults the account limit to 10 000 rps with a burst of 5 000', () => {
    const throttler = createThrottler({ clock: createManualClock() });
    let admitted = 0;
    for (let i = 0; i < 6_000; i++) if (throttler.check().allowed) admitted += 1;
    expect(admitted).toBe(5_000);
    expect(throttler.check()).toEqual({
      allowed: false,
      limitedBy: 'account',
      limit: { rateLimit: 10_000, burstLimit: 5_000 },
      message: 'Account throttle limit exceeded. Limit: 10000.00 Burst: 5000',
    });
  });

  it('admits exactly 100 of 1,000 concurrent requests against a burst of 100', async () => {
    const throttler = createThrottler({
      clock: createManualClock(),
      stage: { rateLimit: 50, burstLimit: 100 },
    });
    const decisions = await Promise.all(
      Array.from({ length: 1_000 }, async () => throttler.check({ routeKey: 'GET /pets' })),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(100);
    expect(decisions.filter((d) => !d.allowed && d.limitedBy === 'stage')).toHaveLength(900);
  });

  it('a per-method limit replaces the stage default for that route only', () => {
    const clock = createManualClock();
    const throttler = createThrottler({
      clock,
      stage: { rateLimit: 100, burstLimit: 100 },
      methods: { 'pets/{id}/GET': { rateLimit: 1, burstLimit: 1 } },
    });
    expect(throttler.check({ routeKey: 'GET /pets/{id}' })).toEqual({ allowed: true });
    expect(throttler.check({ routeKey: 'GET /pets/{id}' })).toEqual({
      allowed: false,
      limitedBy: 'method',
      limit: { rateLimit: 1, burstLimit: 1 },
      message: 'Method GET /pets/{id} throttle limit exceeded. Limit: 1.00 Burst: 1',
    });
    expect(throttler.check({ routeKey: 'POST /pets' }).allowed).toBe(true);
    expect(throttler.methodLimit('GET /pets/{id}')).toEqual({ rateLimit: 1, burstLimit: 1 });
    expect(throttler.methodLimit('POST /pets')).toEqual({ rateLimit: 100, burstLimit: 100 });
  });

  it("gives each route its own bucket with the stage default by default (stageScope 'route')", () => {
    const throttler = createThrottler({ clock: createManualClock(), stage: { rateLimit: 1, burstLimit: 1 } });
    expect(throttler.check({ routeKey: 'GET /a' }).allowed).toBe(true);
    expect(throttler.check({ routeKey: 'GET /b' }).allowed).toBe(true);
    expect(throttler.check({ routeKey: 'GET /a' }).allowed).toBe(false);
  });

  it("shares one stage bucket across routes with stageScope 'stage'", () => {
    const throttler = createThrottler({
      clock: createManualClock(),
      stage: { rateLimit: 1, burstLimit: 1 },
      stageScope: 'stage',
    });
    expect(throttler.check({ routeKey: 'GET /a' }).allowed).toBe(true);
    expect(throttler.check({ routeKey: 'GET /b' })).toMatchObject({ allowed: false, limitedBy: 'stage' });
  });

  it("accepts '*/*' in methods as the stage default", () => {
    const throttler = createThrottler({
      clock: createManualClock(),
      methods: { '*/*': { rateLimit: 1, burstLimit: 1 } },
    });
    expect(throttler.check({ routeKey: 'GET /x' }).allowed).toBe(true);
    expect(throttler.check({ routeKey: 'GET /x' })).toMatchObject({ allowed: false, limitedBy: 'stage' });
  });

  it('a request rejected at a later level consumes no token at the earlier levels', () => {
    const clock = createManualClock();
    const throttler = createThrottler({
      clock,
      account: { rateLimit: 0, burstLimit: 2 },
      methods: { 'GET /a': { rateLimit: 0, burstLimit: 3 } },
    });
    expect(throttler.check({ routeKey: 'GET /b' }).allowed).toBe(true);
    expect(throttler.check({ routeKey: 'GET /b' }).allowed).toBe(true);
    // account is empty now: /a is refused by the account and keeps its 3 method tokens
    expect(throttler.check({ routeKey: 'GET /a' })).toMatchObject({ allowed: false, limitedBy: 'account' });
    expect(throttler.check({ routeKey: 'GET /a' })).toMatchObject({ allowed: false, limitedBy: 'account' });
  });

  it('evaluates usage-plan per-method, then usage-plan, then method limits; rejected requests keep plan tokens', () => {
    const clock = createManualClock();
    const plans = createUsagePlans({
      clock,
      apiKeys: [{ id: 'key1', value: KEY }],
      usagePlans: [
        {
          id: 'plan1',
          throttle: { rateLimit: 0, burstLimit: 3 },
          apiStages: [{ stage: 'dev', throttle: { '/pets/GET': { rateLimit: 0, burstLimit: 1 } } }],
          keys: ['key1'],
        },
      ],
    });
    const throttler = createThrottler({ clock, methods: { 'GET /toys': { rateLimit: 0, burstLimit: 1 } } });
    const request = (routeKey: string) => {
      const auth = plans.authorize({ stage: 'dev', routeKey, apiKeyValue: KEY });
      return auth.ok ? throttler.check({ routeKey, client: auth.client }) : auth;
    };
    expect(request('GET /pets')).toEqual({ allowed: true });
    expect(request('GET /pets')).toMatchObject({
      ok: false,
      responseType: 'THROTTLED',
      reason: 'usage-plan-method',
    });
    expect(request('GET /toys')).toEqual({ allowed: true });
    expect(request('GET /toys')).toMatchObject({ allowed: false, limitedBy: 'method' });
    expect(request('GET /cats')).toEqual({ allowed: true }); // plan token 3 of 3: the refused /toys took none
    expect(request('GET /cats')).toEqual({
      ok: false,
      responseType: 'THROTTLED',
      reason: 'usage-plan',
      keyId: 'key1',
      planId: 'plan1',
      limit: { rateLimit: 0, burstLimit: 3 },
      message:
        'Key throttle limit exceeded for Usage Plan ID plan1, RestApi restapi, Stage dev, Resource /cats, HttpMethod GET. Limit: 0.00 Burst: 3',
    });
  });

  it('the throttler itself rejects at the usage-plan-method level first when given exhausted client gates', () => {
    const clock = createManualClock();
    const plans = createUsagePlans({
      clock,
      apiKeys: [{ id: 'key1', value: KEY }],
      usagePlans: [
        {
          id: 'plan1',
          throttle: { rateLimit: 0, burstLimit: 1 },
          apiStages: [{ stage: 'dev', throttle: { 'GET /pets': { rateLimit: 0, burstLimit: 1 } } }],
          keys: ['key1'],
        },
      ],
    });
    const throttler = createThrottler({ clock });
    const a = plans.authorize({ stage: 'dev', routeKey: 'GET /pets', apiKeyValue: KEY });
    const b = plans.authorize({ stage: 'dev', routeKey: 'GET /pets', apiKeyValue: KEY });
    if (!a.ok || !b.ok) throw new Error('pre-check should pass for both');
    expect(throttler.check({ routeKey: 'GET /pets', client: a.client })).toEqual({ allowed: true });
    expect(throttler.check({ routeKey: 'GET /pets', client: b.client })).toMatchObject({
      allowed: false,
      limitedBy: 'usage-plan-method',
      limit: { rateLimit: 0, burstLimit: 1 },
    });
  });

  it('reports a quota used up between authorize() and check() as limitedBy quota', () => {
    const clock = createManualClock();
    const plans = createUsagePlans({
      clock,
      apiKeys: [{ id: 'key1', value: KEY }],
      usagePlans: [
        { id: 'plan1', quota: { limit: 1, period: 'DAY' }, apiStages: [{ stage: 'dev' }], keys: ['key1'] },
      ],
    });
    const throttler = createThrottler({ clock });
    const first = plans.authorize({ stage: 'dev', routeKey: 'GET /a', apiKeyValue: KEY });
    const second = plans.authorize({ stage: 'dev', routeKey: 'GET /a', apiKeyValue: KEY });
    if (!first.ok || !second.ok) throw new Error('expected both to pass the pre-check');
    expect(throttler.check({ routeKey: 'GET /a', client: first.client })).toEqual({ allowed: true });
    expect(throttler.check({ routeKey: 'GET /a', client: second.client })).toEqual({
      allowed: false,
      limitedBy: 'quota',
      quota: { limit: 1, period: 'DAY' },
      message: 'Key quota exhausted for Usage Plan ID plan1. Limit: 1 Period: DAY',
    });
  });

  it.each([
    [{ methods: { 'get /pets': { rateLimit: 1, burstLimit: 1 } } }, 'THROTTLE_INVALID_ROUTE_KEY'],
    [{ methods: { pets: { rateLimit: 1, burstLimit: 1 } } }, 'THROTTLE_INVALID_ROUTE_KEY'],
    [
      {
        methods: {
          'GET /pets': { rateLimit: 1, burstLimit: 1 },
          'pets/GET': { rateLimit: 2, burstLimit: 2 },
        },
      },
      'THROTTLE_DUPLICATE_ROUTE_KEY',
    ],
    [
      { stage: { rateLimit: 1, burstLimit: 1 }, methods: { '*/*': { rateLimit: 1, burstLimit: 1 } } },
      'THROTTLE_DUPLICATE_ROUTE_KEY',
    ],
    [{ stage: { rateLimit: -5, burstLimit: 1 } }, 'THROTTLE_INVALID_RATE_LIMIT'],
    [{ stageScope: 'api' }, 'THROTTLE_INVALID_STAGE_SCOPE'],
    [{ burst: 5 }, 'UNKNOWN_OPTION'],
  ])('refuses bad options %o with %s', (options, code) => {
    expect(() => createThrottler({ clock: createManualClock(), ...(options as object) })).toThrowError(
      expect.objectContaining({ code }),
    );
  });
});

describe('toRouteKey', () => {
  it.each([
    ['GET /pets/{id}', 'GET /pets/{id}'],
    ['ANY /{proxy+}', 'ANY /{proxy+}'],
    ['$default', '$default'],
    ['pets/{id}/GET', 'GET /pets/{id}'],
    ['pets~1{id}/GET', 'GET /pets/{id}'],
    ['/GET', 'GET /'],
    ['/pets/GET', 'GET /pets'],
    ['//GET', 'GET /'],
    ['/{proxy+}/ANY', 'ANY /{proxy+}'],
  ])('reads %s as %s', (key, expected) => {
    expect(toRouteKey(key, 'test')).toBe(expected);
  });
});
