import { InvalidInputError } from '../errors/families.js';
import { formatText } from '../errors/format-value.js';
import type { Clock, TimerHandle } from './clock.js';

/** Options of {@link createManualClock}. */
export interface ManualClockOptions {
  /** Starting time, epoch ms or a `Date`. Default `Date.UTC(2024, 0, 1)` (2024-01-01T00:00:00Z). */
  start?: number | Date;
}

/** A {@link Clock} that only moves when told to. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, firing due timers in order, synchronously. */
  advance(ms: number): void;
  /**
   * Like {@link ManualClock.advance}, but lets pending promise callbacks run before and between timers, so
   * code that awaits before arming a timer (an in-flight `gateway.fetch`) sees the time pass.
   */
  advanceAsync(ms: number): Promise<void>;
  /** Jumps to an absolute time (never backwards), firing due timers. */
  set(time: number | Date): void;
  /** Number of timers not yet fired or cleared. */
  pendingTimers(): number;
}

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

const DEFAULT_START = Date.UTC(2024, 0, 1);

/**
 * Creates a clock whose time only moves when a test calls `advance`, `advanceAsync` or `set`.
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const gateway = createGateway({ clock, routes: { 'GET /slow': () => new Promise(() => {}) } });
 * const pending = gateway.fetch('https://api.test/dev/slow');
 * await clock.advanceAsync(29_000);
 * (await pending).status; // 504
 * ```
 */
export function createManualClock(options: ManualClockOptions = {}): ManualClock {
  let now = toEpoch(options.start ?? DEFAULT_START, 'start');
  let nextId = 1;
  const timers: Timer[] = [];

  const fireDue = (until: number): boolean => {
    timers.sort((a, b) => a.at - b.at || a.id - b.id);
    const first = timers[0];
    if (!first || first.at > until) return false;
    timers.shift();
    now = Math.max(now, first.at);
    first.callback();
    return true;
  };

  const clock: ManualClock = {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { id: nextId++, at: now + Math.max(0, Number(ms) || 0), callback };
      timers.push(timer);
      return timer.id as unknown as TimerHandle;
    },
    clearTimeout(handle) {
      const index = timers.findIndex((t) => t.id === (handle as unknown as number));
      if (index >= 0) timers.splice(index, 1);
    },
    advance(ms) {
      const until = now + checkDuration(ms);
      while (fireDue(until)) {
        // keep firing: a callback may arm another timer that is also due
      }
      now = until;
    },
    async advanceAsync(ms) {
      const until = now + checkDuration(ms);
      await flushMicrotasks();
      while (fireDue(until)) await flushMicrotasks();
      now = until;
      await flushMicrotasks();
    },
    set(time) {
      const target = toEpoch(time, 'time');
      if (target < now) {
        throw new InvalidInputError(
          'CLOCK_BACKWARDS',
          `ManualClock.set: cannot move time backwards from ${now} to ${target}`,
          'Create a new clock to start over at an earlier time.',
        );
      }
      clock.advance(target - now);
    },
    pendingTimers: () => timers.length,
  };
  return clock;
}

function checkDuration(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new InvalidInputError(
      'CLOCK_INVALID_DURATION',
      `ManualClock.advance: invalid duration ${formatText(ms)}`,
      'Pass a finite, non-negative number of milliseconds.',
    );
  }
  return ms;
}

function toEpoch(value: number | Date, what: string): number {
  const ms = value instanceof Date ? value.getTime() : value;
  if (!Number.isFinite(ms)) {
    throw new InvalidInputError(
      'CLOCK_INVALID_TIME',
      `createManualClock: invalid ${what} ${formatText(value)}`,
      'Pass epoch milliseconds or a valid Date.',
    );
  }
  return ms;
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 25; i++) await Promise.resolve();
}
