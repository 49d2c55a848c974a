import { formatText } from '../../errors/format-value.js';
import { GatewayConfigError } from '../../errors/index.js';

/**
 * Lines `gateway.accessLog` keeps unless `accessLog.maxLines` says otherwise: enough for any ordinary test,
 * bounded for a soak test serving millions of requests.
 *
 * @example
 * ```ts
 * createGateway({ accessLog: { format: '$context.requestId', maxLines: DEFAULT_ACCESS_LOG_MAX_LINES * 10 }, routes });
 * ```
 */
export const DEFAULT_ACCESS_LOG_MAX_LINES = 10_000;

/** Checks `accessLog.maxLines`: an integer ≥ 1. */
export function validateMaxLines(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  throw new GatewayConfigError(
    'ACCESS_LOG_INVALID_MAX_LINES',
    `createGateway: accessLog.maxLines must be an integer ≥ 1, got ${formatText(value)}`,
    `Pass a positive integer (default ${DEFAULT_ACCESS_LOG_MAX_LINES}).`,
  );
}

/**
 * Appends one line to an access log holding at most `maxLines` lines. When the log is full, the oldest quarter
 * of it (at least one line) is dropped first, like a rotated log file: the array stays a plain array the user
 * can read and clear, and rotation costs O(1) per line on average (dropping a single line from the front of a
 * large array would copy it on every request).
 *
 * @example
 * ```ts
 * const log = ['a', 'b', 'c', 'd'];
 * appendAccessLogLine(log, 'e', 4); // log is ['b', 'c', 'd', 'e']
 * ```
 */
export function appendAccessLogLine(log: string[], line: string, maxLines: number): void {
  if (log.length >= maxLines) log.splice(0, Math.max(1, log.length - maxLines + Math.floor(maxLines / 4)));
  log.push(line);
}
