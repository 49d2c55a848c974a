import type { QuotaPeriod } from '../throttling/index.js';

/** First day of a `WEEK` quota period. AWS does not document it; the default is `'SUNDAY'`. */
export type WeekStart = 'SUNDAY' | 'MONDAY';

/** Start (inclusive) and end (exclusive) of a quota period, epoch ms, UTC. */
export interface PeriodBounds {
  readonly start: number;
  readonly end: number;
}

export const DAY_MS = 86_400_000;

/**
 * The UTC calendar period containing `now`: the day (`DAY`), the week starting on `weekStartsOn` (`WEEK`) or
 * the calendar month (`MONTH`).
 *
 * @example
 * ```ts
 * quotaPeriodBounds('WEEK', Date.UTC(2024, 0, 3), 'SUNDAY'); // { start: Date.UTC(2023, 11, 31), end: Date.UTC(2024, 0, 7) }
 * ```
 */
export function quotaPeriodBounds(
  period: QuotaPeriod,
  now: number,
  weekStartsOn: WeekStart = 'SUNDAY',
): PeriodBounds {
  const day = Math.floor(now / DAY_MS) * DAY_MS;
  if (period === 'DAY') return { start: day, end: day + DAY_MS };
  const date = new Date(day);
  if (period === 'WEEK') {
    const weekday = date.getUTCDay(); // 0 = Sunday
    const back = weekStartsOn === 'SUNDAY' ? weekday : (weekday + 6) % 7;
    const start = day - back * DAY_MS;
    return { start, end: start + 7 * DAY_MS };
  }
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
}

/** `YYYY-MM-DD` of the UTC day containing `epochMs`. */
export function utcDate(epochMs: number): string {
  return new Date(Math.floor(epochMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}
