// Every store a gateway keeps across requests has a bound, so a soak test of millions of requests runs in flat
// memory (docs/gateway-policies.md, "Memory bounds"). Each bound is pinned here with its default and override.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import { isTestkitError } from '../../src/errors/index.js';
import {
  appendAccessLogLine,
  createGateway,
  createResponseCache,
  createThrottler,
  createUsagePlans,
  DEFAULT_ACCESS_LOG_MAX_LINES,
  DEFAULT_CACHE_MAX_ENTRIES,
  USAGE_RETENTION_DAYS,
} from '../../src/gateway/index.js';

import { HOST } from './helpers.js';

const ok = async () => ({ statusCode: 200, body: 'ok' });
const DAY = 86_400_000;

describe('access log: keeps the newest maxLines lines, dropping the oldest quarter when full', () => {
  it.each([
    [4, 4, ['a', 'b', 'c', 'd']],
    [4, 5, ['b', 'c', 'd', 'e']],
    [4, 6, ['b', 'c', 'd', 'e', 'f'].slice(1)],
    [8, 9, ['c', 'd', 'e', 'f', 'g', 'h', 'i']],
    [1, 3, ['c']],
  ])('maxLines %i after %i lines', (maxLines, lines, expected) => {
    const log: string[] = [];
    for (let i = 0; i < lines; i++) appendAccessLogLine(log, String.fromCharCode(97 + i), maxLines);
    expect(log).toEqual(expected);
    expect(log.length).toBeLessThanOrEqual(maxLines);
  });

  it('a gateway keeps at most accessLog.maxLines lines, the newest last', async () => {
    const gateway = createGateway({
      accessLog: { format: '$context.requestId $context.path', maxLines: 3 },
      routes: { 'GET /pets/{id}': ok },
    });
    for (let i = 1; i <= 5; i++) await gateway.fetch(`${HOST}/dev/pets/${i}`);
    expect(gateway.accessLog.map((line) => line.split(' ')[1])).toEqual([
      '/dev/pets/3',
      '/dev/pets/4',
      '/dev/pets/5',
    ]);
    await gateway.fetch(`${HOST}/dev/pets/6`);
    expect(gateway.accessLog.map((line) => line.split(' ')[1])).toEqual([
      '/dev/pets/4',
      '/dev/pets/5',
      '/dev/pets/6',
    ]);
  });

  it(`defaults to ${DEFAULT_ACCESS_LOG_MAX_LINES} lines`, async () => {
    const gateway = createGateway({ accessLog: { format: '$context.requestId' }, routes: { 'GET /x': ok } });
    for (let i = 0; i < DEFAULT_ACCESS_LOG_MAX_LINES; i++) gateway.accessLog.push(`old ${i}`);
    const { trace } = await gateway.handle(`${HOST}/dev/x`);
    expect(gateway.accessLog.length).toBe(DEFAULT_ACCESS_LOG_MAX_LINES * 0.75 + 1);
    expect(gateway.accessLog[0]).toBe(`old ${DEFAULT_ACCESS_LOG_MAX_LINES / 4}`);
    expect(gateway.accessLog.at(-1)).toBe(trace.requestId);
  });

  it.each([0, -1, 1.5, '10', Number.NaN])(
    'refuses accessLog.maxLines %s with ACCESS_LOG_INVALID_MAX_LINES',
    (maxLines) => {
      let error: unknown;
      try {
        createGateway({
          accessLog: { format: '$context.requestId', maxLines: maxLines as number },
          routes: { 'GET /x': ok },
        });
      } catch (e) {
        error = e;
      }
      expect(isTestkitError(error) && error.code).toBe('ACCESS_LOG_INVALID_MAX_LINES');
      expect((error as Error).message).toContain(
        `accessLog.maxLines must be an integer ≥ 1, got ${String(maxLines)}`,
      );
    },
  );
});

describe('stage cache: bounded by entries as well as bytes', () => {
  it(`holds at most ${DEFAULT_CACHE_MAX_ENTRIES} entries by default, evicting the least recently used`, () => {
    const cache = createResponseCache({
      clock: createManualClock(),
      routes: { 'GET /x': { cacheKeyParameters: ['method.request.querystring.id'] } },
    });
    const request = (i: number) => ({
      routeKey: 'GET /x',
      method: 'GET',
      stage: 'dev',
      query: { id: String(i) },
    });
    const response = { statusCode: 200, headers: [] as [string, string][], body: 'x' };
    for (let i = 0; i <= DEFAULT_CACHE_MAX_ENTRIES; i++) {
      const miss = cache.lookup(request(i));
      if (miss.status !== 'miss') throw new Error(`request ${i}: ${miss.status}`);
      cache.store(miss, response);
    }
    expect(cache.stats()).toMatchObject({ entries: DEFAULT_CACHE_MAX_ENTRIES, evictions: 1 });
    expect(cache.lookup(request(0)).status).toBe('miss');
    expect(cache.lookup(request(1)).status).toBe('hit');
  });
});

describe('usage counters: per-day usage kept for the last USAGE_RETENTION_DAYS days', () => {
  it(`forgets days older than ${USAGE_RETENTION_DAYS} days as the clock moves on`, () => {
    const start = Date.UTC(2024, 0, 1, 12);
    const clock = createManualClock({ start });
    const plans = createUsagePlans({
      clock,
      apiKeys: [{ id: 'key1', value: 'abcdefghij0123456789KEY1' }],
      usagePlans: [{ id: 'plan1', apiStages: [{ stage: 'dev' }], keys: ['key1'] }],
    });
    const throttler = createThrottler({ clock });
    const call = () => {
      const auth = plans.authorize({
        stage: 'dev',
        routeKey: 'GET /x',
        apiKeyValue: 'abcdefghij0123456789KEY1',
      });
      return auth.ok && throttler.check({ routeKey: 'GET /x', client: auth.client }).allowed;
    };
    expect(call()).toBe(true);
    const used = (date: string) =>
      plans.usage('key1', { startDate: date, endDate: date }).items.find((d) => d.date === date)?.used;
    clock.set(start + USAGE_RETENTION_DAYS * DAY);
    expect(call()).toBe(true);
    expect(used('2024-01-01')).toBe(1);
    clock.set(start + (USAGE_RETENTION_DAYS + 1) * DAY);
    expect(call()).toBe(true);
    expect(used('2024-01-01')).toBe(0);
    expect(used('2024-03-31')).toBe(1);
  });
});
