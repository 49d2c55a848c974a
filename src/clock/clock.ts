/** Opaque handle returned by {@link Clock.setTimeout}. */
export type TimerHandle = { readonly __timer: unique symbol } | ReturnType<typeof globalThis.setTimeout>;

/**
 * The only source of time in apigw-testkit. Everything that waits or expires (throttling buckets, cache
 * TTLs, usage-plan quotas, integration timeouts, `getRemainingTimeInMillis`) reads a `Clock`.
 *
 * @example
 * ```ts
 * import { createManualClock } from 'apigw-testkit/clock';
 * const clock = createManualClock({ start: Date.UTC(2024, 0, 1) });
 * clock.advance(29_000); // fires every timer due by then, synchronously
 * ```
 */
export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /** Calls `callback` once after `ms` milliseconds of this clock's time. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timer; unknown or already fired handles are ignored. */
  clearTimeout(handle: TimerHandle): void;
}

/** True when `value` has the three methods of a {@link Clock} (checked where a user passes one in). */
export function isClock(value: unknown): value is Clock {
  const clock = value as Partial<Clock> | null | undefined;
  return (
    typeof clock?.now === 'function' &&
    typeof clock.setTimeout === 'function' &&
    typeof clock.clearTimeout === 'function'
  );
}

/**
 * The real clock. It looks up `Date.now`, `setTimeout` and `clearTimeout` on `globalThis` at every call, so
 * `vi.useFakeTimers()` installed after the gateway was created still controls it.
 */
export const systemClock: Clock = Object.freeze({
  now: () => globalThis.Date.now(),
  setTimeout: (callback: () => void, ms: number): TimerHandle => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle: TimerHandle): void => {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  },
});

/**
 * Resolves after `ms` of `clock` time.
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const done = sleep(clock, 1_000);
 * clock.advance(1_000); // `done` resolves
 * await done;
 * ```
 */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => {
    clock.setTimeout(resolve, ms);
  });
}
