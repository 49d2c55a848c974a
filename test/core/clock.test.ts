import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock, sleep, systemClock } from '../../src/clock/index.js';
import { isTestkitError } from '../../src/errors/index.js';

describe('createManualClock', () => {
  it('starts at 2024-01-01T00:00:00Z by default and only moves when told', () => {
    const clock = createManualClock();
    expect(clock.now()).toBe(Date.UTC(2024, 0, 1));
    clock.advance(1500);
    expect(clock.now()).toBe(Date.UTC(2024, 0, 1) + 1500);
  });

  it('accepts a Date or epoch start', () => {
    expect(createManualClock({ start: new Date('2025-05-05T10:00:00Z') }).now()).toBe(
      Date.parse('2025-05-05T10:00:00Z'),
    );
    expect(createManualClock({ start: 42 }).now()).toBe(42);
  });

  it('fires due timers in time order, with now() equal to each due time', () => {
    const clock = createManualClock({ start: 0 });
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => seen.push(`a@${clock.now()}`), 100);
    clock.setTimeout(() => seen.push(`c@${clock.now()}`), 300);
    clock.advance(250);
    expect(seen).toEqual(['a@100', 'b@200']);
    expect(clock.now()).toBe(250);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('fires a timer armed by another timer when it is due within the same advance', () => {
    const clock = createManualClock({ start: 0 });
    const seen: number[] = [];
    clock.setTimeout(() => {
      seen.push(clock.now());
      clock.setTimeout(() => seen.push(clock.now()), 10);
    }, 10);
    clock.advance(25);
    expect(seen).toEqual([10, 20]);
  });

  it('clearTimeout cancels, and unknown handles are ignored', () => {
    const clock = createManualClock({ start: 0 });
    const fn = vi.fn();
    const handle = clock.setTimeout(fn, 5);
    clock.clearTimeout(handle);
    clock.clearTimeout(handle);
    clock.advance(10);
    expect(fn).not.toHaveBeenCalled();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('advanceAsync lets awaiting code arm its timer before time passes', async () => {
    const clock = createManualClock({ start: 0 });
    const done = (async () => {
      await Promise.resolve();
      await sleep(clock, 1000);
      return clock.now();
    })();
    await clock.advanceAsync(1000);
    await expect(done).resolves.toBe(1000);
  });

  it('refuses to go backwards or by a negative duration with typed errors', () => {
    const clock = createManualClock({ start: 100 });
    const codes: string[] = [];
    for (const act of [() => clock.set(50), () => clock.advance(-1), () => clock.advance(Number.NaN)]) {
      try {
        act();
      } catch (error) {
        if (isTestkitError(error)) codes.push(error.code);
      }
    }
    expect(codes).toEqual(['CLOCK_BACKWARDS', 'CLOCK_INVALID_DURATION', 'CLOCK_INVALID_DURATION']);
    expect(() => createManualClock({ start: Number.NaN })).toThrow(/invalid start/);
  });
});

describe('systemClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads globals at call time, so vi.useFakeTimers installed later controls it', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    expect(systemClock.now()).toBe(Date.parse('2030-01-01T00:00:00Z'));
    const fn = vi.fn();
    systemClock.setTimeout(fn, 29_000);
    vi.advanceTimersByTime(28_999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('clearTimeout cancels a pending timer', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const handle = systemClock.setTimeout(fn, 10);
    systemClock.clearTimeout(handle);
    vi.advanceTimersByTime(20);
    expect(fn).not.toHaveBeenCalled();
  });
});
