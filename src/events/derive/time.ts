import { EventInputError } from '../../errors/families.js';
import { formatText } from '../../errors/format-value.js';
import { DEFAULT_TIME } from './constants.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Formats epoch milliseconds the way API Gateway writes `requestTime` / `time`: Common Log Format in UTC,
 * `dd/MMM/yyyy:HH:mm:ss +0000`, e.g. `04/Mar/2020:19:15:17 +0000`.
 *
 * @example
 * ```ts
 * formatRequestTime(Date.UTC(2024, 0, 1)); // '01/Jan/2024:00:00:00 +0000'
 * ```
 */
export function formatRequestTime(epochMs: number): string {
  if (epochMs === DEFAULT_TIME) return DEFAULT_TIME_TEXT;
  // Civil date from days since the epoch (H. Hinnant's algorithm): no Date allocation on the hot path.
  const seconds = Math.floor(epochMs / 1000);
  const days = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hh = Math.floor(secondOfDay / 3600);
  const mm = Math.floor((secondOfDay - hh * 3600) / 60);
  return `${pad2(day)}/${MONTHS[month - 1]}/${year}:${pad2(hh)}:${pad2(mm)}:${pad2(secondOfDay % 60)} +0000`;
}

const DEFAULT_TIME_TEXT = '01/Jan/2024:00:00:00 +0000';

/** Resolves the `time` option (epoch ms or Date) to epoch ms; defaults to 2024-01-01T00:00:00Z. */
export function resolveTime(where: string, time: number | Date | undefined): number {
  if (time === undefined) return DEFAULT_TIME;
  const ms = typeof time === 'number' ? time : time instanceof Date ? time.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new EventInputError(
      'EVENT_INVALID_TIME',
      `${where}: invalid time: ${formatText(time)}`,
      'Pass epoch milliseconds or a valid Date.',
    );
  }
  return Math.trunc(ms);
}
