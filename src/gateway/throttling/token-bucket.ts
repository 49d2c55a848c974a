import type { ThrottleLimit } from './throttle-limit.js';

/**
 * A token bucket with continuous refill computed from timestamps: no timers. Capacity = `burstLimit`, refill =
 * `rateLimit` tokens per second; a new bucket starts full. Time never runs backwards inside a bucket (an
 * earlier timestamp than the last one seen is treated as the last one). Made by {@link createTokenBucket}.
 */
export interface TokenBucket {
  /** The limit this bucket enforces. */
  readonly limit: ThrottleLimit;
  /** Tokens available at `now` (epoch ms), after refill. Fractional. */
  available(now: number): number;
  /** True when at least one whole token is available at `now`. Takes nothing. */
  canTake(now: number): boolean;
  /** Removes one token (call after {@link TokenBucket.canTake} returned true at the same `now`). */
  take(now: number): void;
  /** `canTake` + `take` in one step; returns whether a token was taken. */
  tryTake(now: number): boolean;
}

// Refill arithmetic is floating point; snapping values within EPSILON of an integer keeps exact boundaries
// exact (at 0.5 rps, precisely 2 000 ms after the last take there is precisely one token).
const EPSILON = 1e-9;

/**
 * Creates a full {@link TokenBucket} for `limit`, as of `now` (epoch ms): the algorithm behind API Gateway
 * throttling (behaviour.md §6.1).
 *
 * @example
 * ```ts
 * const bucket = createTokenBucket({ rateLimit: 0.5, burstLimit: 1 }, 0);
 * bucket.tryTake(0);     // true
 * bucket.tryTake(1_000); // false: half a token
 * bucket.tryTake(2_000); // true
 * ```
 */
export function createTokenBucket(limit: ThrottleLimit, now: number): TokenBucket {
  const capacity = limit.burstLimit;
  const perMs = limit.rateLimit / 1000;
  let tokens = capacity;
  let last = now;

  const refill = (at: number): void => {
    if (at > last) {
      tokens = Math.min(capacity, tokens + (at - last) * perMs);
      const rounded = Math.round(tokens);
      if (Math.abs(tokens - rounded) < EPSILON) tokens = rounded;
      last = at;
    }
  };

  return {
    limit,
    available(at) {
      refill(at);
      return tokens;
    },
    canTake(at) {
      refill(at);
      return tokens >= 1;
    },
    take(at) {
      refill(at);
      tokens -= 1;
    },
    tryTake(at) {
      refill(at);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
