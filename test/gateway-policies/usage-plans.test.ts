import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { createThrottler } from '../../src/gateway/throttling/index.js';
import { createUsagePlans, type UsagePlansOptions } from '../../src/gateway/usage-plans/index.js';
import conformance from './fixtures/conformance-api-key.json' with { type: 'json' };

const KEY = 'abcdefghij0123456789KEY1';
const KEY2 = 'abcdefghij0123456789KEY2';
const T0 = Date.UTC(2024, 0, 3, 12); // Wednesday 2024-01-03 12:00 UTC

function setup(options: Partial<UsagePlansOptions> = {}, start = T0) {
  const clock = createManualClock({ start });
  const plans = createUsagePlans({
    clock,
    apiKeys: [
      { id: 'key1', value: KEY },
      { id: 'key2', value: KEY2, enabled: false },
    ],
    usagePlans: [{ id: 'plan1', apiStages: [{ stage: 'dev' }, { stage: 'prod' }], keys: ['key1', KEY2] }],
    ...options,
  });
  const throttler = createThrottler({ clock });
  const call = (stage = 'dev', apiKeyValue: string | undefined = KEY, routeKey = 'GET /pets') => {
    const auth = plans.authorize({ stage, routeKey, apiKeyValue });
    if (!auth.ok) return auth.responseType;
    const decision = throttler.check({ routeKey, client: auth.client });
    return decision.allowed ? 'OK' : decision.limitedBy === 'quota' ? 'QUOTA_EXCEEDED' : 'THROTTLED';
  };
  return { clock, plans, throttler, call };
}

function quotaPlan(quota: { limit: number; offset?: number; period: 'DAY' | 'WEEK' | 'MONTH' }) {
  return {
    usagePlans: [{ id: 'plan1', quota, apiStages: [{ stage: 'dev' }, { stage: 'prod' }], keys: ['key1'] }],
  };
}

describe('API keys (behaviour.md §6.3): 403 Forbidden cases', () => {
  it.each([
    ['missing', undefined, 'dev'],
    ['missing', '', 'dev'],
    ['unknown', 'x'.repeat(25), 'dev'],
    ['disabled', KEY2, 'dev'],
    ['no-plan-for-stage', KEY, 'test'],
  ])('refuses a %s key with INVALID_API_KEY', (reason, value, stage) => {
    const { plans } = setup();
    expect(plans.authorize({ stage, routeKey: 'GET /pets', apiKeyValue: value })).toMatchObject({
      ok: false,
      responseType: 'INVALID_API_KEY',
      reason,
    });
  });

  it('explains a key outside the stage plan in the trace message, masking the key', () => {
    const { plans } = setup();
    const decision = plans.authorize({ stage: 'test', routeKey: 'GET /pets', apiKeyValue: KEY });
    expect(decision.message).toBe(
      'Forbidden: API Key **********KEY1 is not associated with a usage plan for API stage restapi/test',
    );
  });

  it('accepts a valid key in a plan for the stage (conformance: rest-api-key-valid-200)', () => {
    const [vector] = conformance;
    expect(vector?.expected.status).toBe(200);
    const clock = createManualClock();
    const plans = createUsagePlans({
      clock,
      apiKeys: [{ id: 'k', value: KEY }],
      usagePlans: [
        {
          id: 'p',
          throttle: { rateLimit: 2, burstLimit: 1 },
          quota: { limit: 10, period: 'DAY' },
          apiStages: [{ stage: 'dev' }],
          keys: ['k'],
        },
      ],
    });
    const decision = plans.authorize({
      stage: 'dev',
      resourcePath: vector!.request.path,
      method: 'GET',
      apiKeyValue: KEY,
    });
    expect(decision).toMatchObject({ ok: true, keyId: 'k', keyValue: KEY, planId: 'p' });
  });

  it('setKeyEnabled(false) turns a working key into 403', () => {
    const { plans, call } = setup();
    expect(call()).toBe('OK');
    plans.setKeyEnabled('key1', false);
    expect(call()).toBe('INVALID_API_KEY');
  });
});

describe('quotas (behaviour.md §6.2)', () => {
  it('DAY: the 3rd request of a 2/DAY quota is QUOTA_EXCEEDED until the next UTC midnight', () => {
    const { clock, call } = setup(quotaPlan({ limit: 2, period: 'DAY' }));
    expect([call(), call(), call()]).toEqual(['OK', 'OK', 'QUOTA_EXCEEDED']);
    clock.set(Date.UTC(2024, 0, 3, 23, 59, 59, 999));
    expect(call()).toBe('QUOTA_EXCEEDED');
    clock.set(Date.UTC(2024, 0, 4));
    expect([call(), call(), call()]).toEqual(['OK', 'OK', 'QUOTA_EXCEEDED']);
  });

  it('gives the quota refusal the AWS log text', () => {
    const { plans, call } = setup(quotaPlan({ limit: 1, period: 'DAY' }));
    call();
    expect(plans.authorize({ stage: 'dev', routeKey: 'GET /pets', apiKeyValue: KEY })).toEqual({
      ok: false,
      responseType: 'QUOTA_EXCEEDED',
      reason: 'quota',
      keyId: 'key1',
      planId: 'plan1',
      message: 'Key quota exhausted for Usage Plan ID plan1. Limit: 1 Period: DAY',
    });
  });

  it('offset is subtracted in the first period only', () => {
    const { clock, call } = setup(quotaPlan({ limit: 3, offset: 2, period: 'DAY' }));
    expect([call(), call()]).toEqual(['OK', 'QUOTA_EXCEEDED']);
    clock.set(Date.UTC(2024, 0, 4));
    expect([call(), call(), call(), call()]).toEqual(['OK', 'OK', 'OK', 'QUOTA_EXCEEDED']);
  });

  it('WEEK starts on Sunday 00:00 UTC by default', () => {
    const { clock, call } = setup(quotaPlan({ limit: 1, period: 'WEEK' }));
    expect([call(), call()]).toEqual(['OK', 'QUOTA_EXCEEDED']);
    clock.set(Date.UTC(2024, 0, 6, 23, 59, 59)); // Saturday
    expect(call()).toBe('QUOTA_EXCEEDED');
    clock.set(Date.UTC(2024, 0, 7)); // Sunday
    expect(call()).toBe('OK');
  });

  it("WEEK starts on Monday with weekStartsOn: 'MONDAY'", () => {
    const { clock, call } = setup({ ...quotaPlan({ limit: 1, period: 'WEEK' }), weekStartsOn: 'MONDAY' });
    call();
    clock.set(Date.UTC(2024, 0, 7, 12)); // Sunday: same Monday-based week
    expect(call()).toBe('QUOTA_EXCEEDED');
    clock.set(Date.UTC(2024, 0, 8)); // Monday
    expect(call()).toBe('OK');
  });

  it('MONTH is the UTC calendar month', () => {
    const { clock, call } = setup(quotaPlan({ limit: 1, period: 'MONTH' }), Date.UTC(2024, 0, 31, 23));
    expect([call(), call()]).toEqual(['OK', 'QUOTA_EXCEEDED']);
    clock.set(Date.UTC(2024, 1, 1));
    expect(call()).toBe('OK');
    clock.set(Date.UTC(2024, 1, 29, 23, 59));
    expect(call()).toBe('QUOTA_EXCEEDED');
  });

  it('quota is per key, aggregated across all stages of the plan', () => {
    const { call } = setup(quotaPlan({ limit: 2, period: 'DAY' }));
    expect([call('dev'), call('prod'), call('dev'), call('prod')]).toEqual([
      'OK',
      'OK',
      'QUOTA_EXCEEDED',
      'QUOTA_EXCEEDED',
    ]);
  });

  it('plan throttle is per key, aggregated across all stages of the plan', () => {
    const { call } = setup({
      usagePlans: [
        {
          id: 'plan1',
          throttle: { rateLimit: 1, burstLimit: 2 },
          apiStages: [{ stage: 'dev' }, { stage: 'prod' }],
          keys: ['key1'],
        },
      ],
    });
    expect([call('dev'), call('prod'), call('dev')]).toEqual(['OK', 'OK', 'THROTTLED']);
  });

  it('a request refused by the throttler does not count against the quota', () => {
    const clock = createManualClock({ start: T0 });
    const plans = createUsagePlans({
      clock,
      apiKeys: [{ id: 'key1', value: KEY }],
      ...quotaPlan({ limit: 5, period: 'DAY' }),
    });
    const throttler = createThrottler({ clock, account: { rateLimit: 0, burstLimit: 1 } });
    for (let i = 0; i < 3; i++) {
      const auth = plans.authorize({ stage: 'dev', routeKey: 'GET /pets', apiKeyValue: KEY });
      if (auth.ok) throttler.check({ routeKey: 'GET /pets', client: auth.client });
    }
    expect(plans.usage('key1')).toMatchObject({ used: 1, remaining: 4 });
  });
});

describe('usage(keyId) like GetUsage', () => {
  it('reports used, remaining, the period and one item per day', () => {
    const { clock, plans, call } = setup(quotaPlan({ limit: 10, period: 'WEEK' }));
    call();
    call();
    clock.set(Date.UTC(2024, 0, 5, 8));
    call();
    expect(plans.usage('key1')).toEqual({
      keyId: 'key1',
      planId: 'plan1',
      period: 'WEEK',
      limit: 10,
      used: 3,
      remaining: 7,
      periodStart: '2023-12-31',
      periodEnd: '2024-01-06',
      startDate: '2023-12-31',
      endDate: '2024-01-05',
      items: [
        { date: '2023-12-31', used: 0, remaining: 10 },
        { date: '2024-01-01', used: 0, remaining: 10 },
        { date: '2024-01-02', used: 0, remaining: 10 },
        { date: '2024-01-03', used: 2, remaining: 8 },
        { date: '2024-01-04', used: 0, remaining: 8 },
        { date: '2024-01-05', used: 1, remaining: 7 },
      ],
    });
  });

  it('reports null limits for a plan without a quota', () => {
    const { plans, call } = setup();
    call();
    expect(plans.usage('key1')).toMatchObject({ period: null, limit: null, used: 1, remaining: null });
  });

  it.each([
    [() => setup().plans.usage('nope'), 'USAGE_UNKNOWN_KEY'],
    [() => setup().plans.usage('key1', { startDate: '2024-1-1' }), 'USAGE_INVALID_DATE'],
    [
      () => setup().plans.usage('key1', { startDate: '2024-01-05', endDate: '2024-01-01' }),
      'USAGE_INVALID_RANGE',
    ],
    [() => setup().plans.usage('key1', { planId: 'other' }), 'USAGE_NO_PLAN'],
  ])('refuses bad usage() input (%#) with %s', (run, code) => {
    expect(run).toThrowError(expect.objectContaining({ code }));
  });
});

describe('usage plan configuration errors', () => {
  const clock = createManualClock();
  it.each([
    [{ apiKeys: [{ value: 'short' }] }, 'API_KEY_INVALID_VALUE'],
    [{ apiKeys: [{ value: 'x'.repeat(129) }] }, 'API_KEY_INVALID_VALUE'],
    [{ apiKeys: [{ value: KEY }, { value: KEY }] }, 'API_KEY_DUPLICATE_VALUE'],
    [
      {
        apiKeys: [
          { id: 'a', value: KEY },
          { id: 'a', value: KEY2 },
        ],
      },
      'API_KEY_DUPLICATE_ID',
    ],
    [{ apiKeys: [{ value: KEY, secret: true }] }, 'UNKNOWN_OPTION'],
    [{ usagePlans: [{ keys: ['nope'] }] }, 'USAGE_PLAN_UNKNOWN_KEY'],
    [
      {
        apiKeys: [{ id: 'k', value: KEY }],
        usagePlans: [
          { id: 'a', apiStages: [{ stage: 'dev' }], keys: ['k'] },
          { id: 'b', apiStages: [{ stage: 'dev' }], keys: ['k'] },
        ],
      },
      'USAGE_PLAN_KEY_STAGE_CONFLICT',
    ],
    [{ usagePlans: [{ quota: { limit: -1, period: 'DAY' } }] }, 'USAGE_PLAN_INVALID_QUOTA_LIMIT'],
    [{ usagePlans: [{ quota: { limit: 5, offset: 6, period: 'DAY' } }] }, 'USAGE_PLAN_INVALID_QUOTA_OFFSET'],
    [{ usagePlans: [{ quota: { limit: 5, period: 'YEAR' } }] }, 'USAGE_PLAN_INVALID_QUOTA_PERIOD'],
    [{ usagePlans: [{ throttle: { rateLimit: Number.NaN, burstLimit: 1 } }] }, 'THROTTLE_INVALID_RATE_LIMIT'],
    [
      {
        usagePlans: [
          { apiStages: [{ stage: 'dev', throttle: { 'pets GET': { rateLimit: 1, burstLimit: 1 } } }] },
        ],
      },
      'THROTTLE_INVALID_ROUTE_KEY',
    ],
    [
      {
        usagePlans: [
          {
            apiStages: [
              {
                stage: 'dev',
                throttle: Object.fromEntries(
                  Array.from({ length: 21 }, (_, i) => [`/r${i}/GET`, { rateLimit: 1, burstLimit: 1 }]),
                ),
              },
            ],
          },
        ],
      },
      'USAGE_PLAN_TOO_MANY_METHOD_THROTTLES',
    ],
    [{ usagePlans: [{ id: 'a' }, { id: 'a' }] }, 'USAGE_PLAN_DUPLICATE_ID'],
    [{ usagePlans: [{ apiStages: [{ stage: 'dev' }, { stage: 'dev' }] }] }, 'USAGE_PLAN_INVALID_STAGE'],
    [{ weekStartsOn: 'FRIDAY' }, 'USAGE_PLAN_INVALID_WEEK_START'],
  ])('refuses %o with %s', (options, code) => {
    expect(() => createUsagePlans({ clock, ...(options as object) })).toThrowError(
      expect.objectContaining({ code }),
    );
  });

  it('refuses a key in more than 10 plans', () => {
    const usagePlans = Array.from({ length: 11 }, (_, i) => ({
      id: `p${i}`,
      apiStages: [{ stage: `s${i}` }],
      keys: ['k'],
    }));
    expect(() => createUsagePlans({ clock, apiKeys: [{ id: 'k', value: KEY }], usagePlans })).toThrowError(
      expect.objectContaining({ code: 'USAGE_PLAN_KEY_TOO_MANY_PLANS' }),
    );
  });

  it('derives a stable 10-character key id from the value when none is given', () => {
    const a = createUsagePlans({
      clock,
      apiKeys: [{ value: KEY }],
      usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }], keys: [KEY] }],
    });
    const b = createUsagePlans({
      clock,
      apiKeys: [{ value: KEY }],
      usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }], keys: [KEY] }],
    });
    const idA = a.authorize({ stage: 'dev', routeKey: 'GET /', apiKeyValue: KEY });
    const idB = b.authorize({ stage: 'dev', routeKey: 'GET /', apiKeyValue: KEY });
    expect(idA.ok && idA.keyId).toMatch(/^[a-z0-9]{10}$/);
    expect(idA.keyId).toBe(idB.keyId);
  });
});
