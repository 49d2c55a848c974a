import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock, systemClock } from '../../src/clock/index.js';
import {
  createThrottler,
  createTokenBucket,
  validateThrottleLimit,
} from '../../src/gateway/throttling/index.js';

describe('token bucket (behaviour.md §6.1)', () => {
  it('starts full: burst requests pass at one instant, the next is refused', () => {
    const bucket = createTokenBucket({ rateLimit: 10, burstLimit: 5 }, 0);
    const results = Array.from({ length: 6 }, () => bucket.tryTake(0));
    expect(results).toEqual([true, true, true, true, true, false]);
  });

  it('refills continuously at rate tokens per second, capped at burst', () => {
    const bucket = createTokenBucket({ rateLimit: 10, burstLimit: 5 }, 0);
    for (let i = 0; i < 5; i++) bucket.tryTake(0);
    expect(bucket.available(100)).toBe(1);
    expect(bucket.available(250)).toBe(2.5);
    expect(bucket.available(60_000)).toBe(5);
  });

  it('supports fractional rates: 0.5 rps admits one request every 2 seconds', () => {
    const bucket = createTokenBucket({ rateLimit: 0.5, burstLimit: 1 }, 0);
    expect(bucket.tryTake(0)).toBe(true);
    expect(bucket.tryTake(1_999)).toBe(false);
    expect(bucket.tryTake(2_000)).toBe(true);
    expect(bucket.tryTake(3_000)).toBe(false);
    expect(bucket.tryTake(4_000)).toBe(true);
  });

  it('hits exact boundaries with rates that are not binary fractions (3 rps → 1 token after 1000/3 ms × 3)', () => {
    const bucket = createTokenBucket({ rateLimit: 3, burstLimit: 1 }, 0);
    expect(bucket.tryTake(0)).toBe(true);
    expect(bucket.tryTake(333)).toBe(false);
    expect(bucket.tryTake(334)).toBe(true);
  });

  it('a burst of 0 refuses every request whatever the rate', () => {
    const bucket = createTokenBucket({ rateLimit: 100, burstLimit: 0 }, 0);
    expect([bucket.tryTake(0), bucket.tryTake(10_000)]).toEqual([false, false]);
  });

  it('never admits more than burst + rate × elapsed under any arrival pattern', () => {
    fc.assert(
      fc.property(
        fc.record({
          rateLimit: fc.oneof(
            fc.constantFrom(0, 0.5, 1, 3, 10),
            fc.double({ min: 0.01, max: 50, noNaN: true }),
          ),
          burstLimit: fc.integer({ min: 0, max: 20 }),
        }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 }),
        (limit, gaps) => {
          const clock = createManualClock({ start: 0 });
          const throttler = createThrottler({ clock, account: limit });
          let admitted = 0;
          for (const gap of gaps) {
            clock.advance(gap);
            if (throttler.check().allowed) admitted += 1;
            const elapsedSeconds = clock.now() / 1000;
            expect(admitted).toBeLessThanOrEqual(
              Math.floor(limit.burstLimit + limit.rateLimit * elapsedSeconds + 1e-9),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('throttle limit validation', () => {
  it.each([
    [{ rateLimit: -1, burstLimit: 1 }, 'THROTTLE_INVALID_RATE_LIMIT'],
    [{ rateLimit: Number.NaN, burstLimit: 1 }, 'THROTTLE_INVALID_RATE_LIMIT'],
    [{ rateLimit: Number.POSITIVE_INFINITY, burstLimit: 1 }, 'THROTTLE_INVALID_RATE_LIMIT'],
    [{ rateLimit: '5', burstLimit: 1 }, 'THROTTLE_INVALID_RATE_LIMIT'],
    [{ rateLimit: 1, burstLimit: -1 }, 'THROTTLE_INVALID_BURST_LIMIT'],
    [{ rateLimit: 1, burstLimit: 1.5 }, 'THROTTLE_INVALID_BURST_LIMIT'],
    [{ rateLimit: 1 }, 'THROTTLE_INVALID_BURST_LIMIT'],
    [{ rateLimit: 1, burstLimit: 1, period: 'DAY' }, 'THROTTLE_UNKNOWN_OPTION'],
    [null, 'THROTTLE_INVALID_LIMIT'],
  ])('refuses %o with %s', (limit, code) => {
    expect(() => validateThrottleLimit('test', limit)).toThrowError(expect.objectContaining({ code }));
  });

  it('accepts a rate of 0 with burst 0 (a method that is switched off)', () => {
    expect(validateThrottleLimit('test', { rateLimit: 0, burstLimit: 0 })).toEqual({
      rateLimit: 0,
      burstLimit: 0,
    });
  });
});

describe('throttling with vi.useFakeTimers and the system clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refills as fake time advances', () => {
    vi.useFakeTimers({ now: Date.UTC(2024, 0, 1) });
    const throttler = createThrottler({ clock: systemClock, stage: { rateLimit: 1, burstLimit: 2 } });
    const at = () => throttler.check({ routeKey: 'GET /pets' }).allowed;
    expect([at(), at(), at()]).toEqual([true, true, false]);
    vi.advanceTimersByTime(999);
    expect(at()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(at()).toBe(true);
    expect(at()).toBe(false);
  });
});
