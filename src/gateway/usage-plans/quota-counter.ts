import type { QuotaGate, QuotaPeriod } from '../throttling/index.js';
import { DAY_MS, type PeriodBounds, quotaPeriodBounds, utcDate, type WeekStart } from './quota-period.js';

/** A usage plan's quota (`QuotaSettings`). */
export interface QuotaSettings {
  /** Requests allowed per period. Integer ≥ 0. */
  readonly limit: number;
  /** Requests subtracted from `limit` in the first period only (a plan starting mid-period). Default 0. */
  readonly offset?: number;
  readonly period: QuotaPeriod;
}

/** Request counts of one API key in one usage plan: the quota gate plus per-day history. */
export interface QuotaCounter {
  readonly quota: QuotaSettings | undefined;
  /** Quota left in the period containing `now` (`Infinity` without a quota). */
  remaining(now: number): number;
  /** Counts one request at `now`. */
  consume(now: number): void;
  /** Requests counted on the UTC day `date` (`YYYY-MM-DD`). */
  usedOn(date: string): number;
  /** The period containing `now` (a UTC day when the plan has no quota). */
  bounds(now: number): PeriodBounds;
  /** Effective limit of the period starting at `periodStart` (offset applied to the first period). */
  limitOf(periodStart: number): number;
  /**
   * A {@link QuotaGate} for the throttler. Without a quota the gate never refuses (limit `Infinity`) but still
   * counts requests for `usage()`.
   */
  gate(message: string): QuotaGate;
}

/**
 * Days of per-key usage kept for `gateway.usage()` (GetUsage): a date range there spans at most 90 days, and a
 * quota period at most a month, so older days are dropped as the clock moves on and memory stays bounded.
 * How long AWS itself keeps usage data is UNCONFIRMED.
 *
 * @example
 * ```ts
 * gateway.usage('key1', { startDate: '2024-01-01', endDate: '2024-03-30' }); // at most USAGE_RETENTION_DAYS back
 * ```
 */
export const USAGE_RETENTION_DAYS = 90;

/** Deletes the days before `cutoff` (YYYY-MM-DD, which sorts as text). */
function forgetBefore(days: Map<string, number>, cutoff: string): void {
  for (const date of days.keys()) if (date < cutoff) days.delete(date);
}

/** Creates the counter of one key in one plan; the first period is the one containing `startedAt`. */
export function createQuotaCounter(
  quota: QuotaSettings | undefined,
  startedAt: number,
  weekStartsOn: WeekStart,
): QuotaCounter {
  const period = quota?.period ?? 'DAY';
  const firstStart = quotaPeriodBounds(period, startedAt, weekStartsOn).start;
  const days = new Map<string, number>();
  let current = quotaPeriodBounds(period, startedAt, weekStartsOn);
  let used = 0;
  let dayEnd = 0;
  let dayKey = '';

  const roll = (now: number): void => {
    if (now >= current.end || now < current.start) {
      current = quotaPeriodBounds(period, now, weekStartsOn);
      used = 0;
      for (const [date, count] of days) {
        const at = Date.parse(`${date}T00:00:00Z`);
        if (at >= current.start && at < current.end) used += count;
      }
    }
  };
  const limitOf = (start: number): number =>
    quota ? Math.max(0, quota.limit - (start === firstStart ? (quota.offset ?? 0) : 0)) : Infinity;

  const counter: QuotaCounter = {
    quota,
    remaining(now) {
      roll(now);
      return Math.max(0, limitOf(current.start) - used);
    },
    consume(now) {
      roll(now);
      used += 1;
      if (now >= dayEnd || now < dayEnd - DAY_MS) {
        dayEnd = (Math.floor(now / DAY_MS) + 1) * DAY_MS;
        dayKey = utcDate(now);
        forgetBefore(days, utcDate(now - USAGE_RETENTION_DAYS * DAY_MS));
      }
      days.set(dayKey, (days.get(dayKey) ?? 0) + 1);
    },
    usedOn: (date) => days.get(date) ?? 0,
    bounds(now) {
      roll(now);
      return current;
    },
    limitOf,
    gate(message) {
      return {
        limit: quota?.limit ?? Number.POSITIVE_INFINITY,
        period,
        canConsume: (now) => counter.remaining(now) >= 1,
        consume: (now) => counter.consume(now),
        message,
      };
    },
  };
  return counter;
}
