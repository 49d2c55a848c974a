import { formatValue } from '../../errors/format-value.js';
import { InvalidInputError } from '../../errors/index.js';
import type { QuotaPeriod } from '../throttling/index.js';
import type { QuotaCounter } from './quota-counter.js';
import { DAY_MS, utcDate } from './quota-period.js';
import type { ApiKeyConfig, PlanConfig } from './usage-plan-options.js';

/** Options of `usagePlans.usage()`. */
export interface UsageOptions {
  planId?: string;
  /** First day reported, `YYYY-MM-DD`. Default: the first day of the current quota period. */
  startDate?: string;
  /** Last day reported, `YYYY-MM-DD`. Default: today (UTC). */
  endDate?: string;
}

/** One day of usage, like one `[used, remaining]` pair of `GetUsage` items. */
export interface UsageDay {
  readonly date: string;
  readonly used: number;
  /** Quota left at the end of that day in its period; null without a quota. */
  readonly remaining: number | null;
}

/** Consumption of one API key in one usage plan. */
export interface UsageReport {
  readonly keyId: string;
  readonly planId: string;
  /** Quota period; null when the plan has no quota (then the figures are per UTC day). */
  readonly period: QuotaPeriod | null;
  /** Effective limit of the current period (offset applied in the first period); null without a quota. */
  readonly limit: number | null;
  /** Requests counted in the current period. */
  readonly used: number;
  /** Left in the current period; null without a quota. */
  readonly remaining: number | null;
  /** First day of the current period, `YYYY-MM-DD`. */
  readonly periodStart: string;
  /** Last day of the current period, `YYYY-MM-DD`. */
  readonly periodEnd: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly items: readonly UsageDay[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function buildUsageReport(
  key: ApiKeyConfig,
  plan: PlanConfig,
  counter: QuotaCounter,
  now: number,
  options: { startDate?: string; endDate?: string },
): UsageReport {
  const bounds = counter.bounds(now);
  const hasQuota = plan.quota !== undefined;
  const limit = counter.limitOf(bounds.start);
  const remaining = counter.remaining(now);
  const startDate = options.startDate ?? utcDate(bounds.start);
  const endDate = options.endDate ?? utcDate(now);
  const from = parseDate('startDate', startDate);
  const to = parseDate('endDate', endDate);
  if (to < from)
    throw new InvalidInputError(
      'USAGE_INVALID_RANGE',
      `usage: endDate ${endDate} is before startDate ${startDate}`,
      'Swap the dates.',
    );
  const items: UsageDay[] = [];
  let periodStart = Number.NaN;
  let cumulative = 0;
  for (let day = from; day <= to; day += DAY_MS) {
    const p = counter.bounds(day).start;
    if (p !== periodStart) {
      periodStart = p;
      cumulative = 0;
      for (let d = p; d < day; d += DAY_MS) cumulative += counter.usedOn(utcDate(d));
    }
    const used = counter.usedOn(utcDate(day));
    cumulative += used;
    items.push({
      date: utcDate(day),
      used,
      remaining: hasQuota ? Math.max(0, counter.limitOf(p) - cumulative) : null,
    });
  }
  counter.bounds(now); // restore the current period after walking other ones
  return {
    keyId: key.id,
    planId: plan.id,
    period: plan.quota?.period ?? null,
    limit: hasQuota ? limit : null,
    used: hasQuota ? limit - remaining : counter.usedOn(utcDate(now)),
    remaining: hasQuota ? remaining : null,
    periodStart: utcDate(bounds.start),
    periodEnd: utcDate(bounds.end - DAY_MS),
    startDate,
    endDate,
    items,
  };
}

function parseDate(name: string, value: string): number {
  const ms = DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(ms))
    throw new InvalidInputError(
      'USAGE_INVALID_DATE',
      `usage: ${name} must be YYYY-MM-DD, got ${formatValue(value)}`,
      'Pass a UTC calendar date such as 2024-01-31.',
    );
  return ms;
}
