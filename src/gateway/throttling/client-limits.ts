import type { ThrottleLimit } from './throttle-limit.js';
import type { TokenBucket } from './token-bucket.js';

/** Quota period of a usage plan (`QuotaSettings.period`). */
export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH';

/** A per-client (API key) token bucket from a usage plan, as handed to the throttler. */
export interface ClientThrottleGate {
  /** `usage-plan-method`: the plan's per-method throttle for this stage; `usage-plan`: the plan's throttle. */
  readonly level: 'usage-plan-method' | 'usage-plan';
  readonly bucket: TokenBucket;
  /** Log-style reason used when this gate rejects (behaviour.md §6.2). */
  readonly message: string;
}

/** A usage-plan quota for one API key, as handed to the throttler. */
export interface QuotaGate {
  readonly limit: number;
  readonly period: QuotaPeriod;
  /** True when one more request fits in the current period. */
  canConsume(now: number): boolean;
  /** Counts one request in the current period. */
  consume(now: number): void;
  /** Log-style reason used when the quota rejects (behaviour.md §6.2). */
  readonly message: string;
}

/**
 * The per-client limits of an authorized API key, produced by `usagePlans.authorize()` and consumed by
 * `throttler.check()` so that all levels are taken together or not at all.
 */
export interface ClientLimits {
  readonly method?: ClientThrottleGate;
  readonly plan?: ClientThrottleGate;
  readonly quota?: QuotaGate;
}

/** Which level of the AWS evaluation order rejected a request. */
export type ThrottleLevel = 'usage-plan-method' | 'usage-plan' | 'method' | 'stage' | 'account';

/** A request that passed every level; one token (and one quota unit) was taken at each. */
export interface ThrottleAllowed {
  readonly allowed: true;
}

/** A request rejected by a token bucket: the core answers 429 `{"message":"Too Many Requests"}` (THROTTLED). */
export interface ThrottleRejected {
  readonly allowed: false;
  readonly limitedBy: ThrottleLevel;
  readonly limit: ThrottleLimit;
  readonly message: string;
}

/**
 * A request rejected because the key's quota ran out between `authorize()` and `check()` (a concurrent
 * request took the last unit): the core answers 429 `{"message":"Limit Exceeded"}` (QUOTA_EXCEEDED).
 */
export interface QuotaRejected {
  readonly allowed: false;
  readonly limitedBy: 'quota';
  readonly quota: { readonly limit: number; readonly period: QuotaPeriod };
  readonly message: string;
}

/** Outcome of `throttler.check()`. */
export type ThrottleDecision = ThrottleAllowed | ThrottleRejected | QuotaRejected;
