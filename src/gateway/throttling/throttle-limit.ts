import { assertKnownOptions, GatewayConfigError } from '../../errors/index.js';

/**
 * A token-bucket limit as API Gateway configures it: `rateLimit` requests per second refill the bucket
 * (a double, `0.5` means one request every two seconds) and `burstLimit` is the bucket's capacity (an integer).
 *
 * @example
 * ```ts
 * const limit: ThrottleLimit = { rateLimit: 10, burstLimit: 20 };
 * ```
 */
export interface ThrottleLimit {
  /** Steady-state requests per second (`throttlingRateLimit`). Finite, ≥ 0; fractions allowed. */
  readonly rateLimit: number;
  /** Bucket capacity (`throttlingBurstLimit`). Integer ≥ 0; 0 rejects every request. */
  readonly burstLimit: number;
}

/** The account-level default per Region (behaviour.md §6.1): 10 000 rps with a burst of 5 000. */
export const DEFAULT_ACCOUNT_THROTTLE: ThrottleLimit = Object.freeze({
  rateLimit: 10_000,
  burstLimit: 5_000,
});

const LIMIT_KEYS = ['rateLimit', 'burstLimit'] as const;

/**
 * Checks a {@link ThrottleLimit} given by a user and returns a frozen copy. Throws `GatewayConfigError`
 * `THROTTLE_INVALID_LIMIT` (not an object), `THROTTLE_INVALID_RATE_LIMIT` or `THROTTLE_INVALID_BURST_LIMIT`.
 *
 * @example
 * ```ts
 * validateThrottleLimit('createThrottler: stage', { rateLimit: 0.5, burstLimit: 1 });
 * ```
 */
export function validateThrottleLimit(where: string, value: unknown): ThrottleLimit {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GatewayConfigError(
      'THROTTLE_INVALID_LIMIT',
      `${where}: a throttle limit must be an object, got ${describe(value)}`,
      'Pass { rateLimit: <requests per second>, burstLimit: <integer> }.',
      { where, value },
    );
  }
  try {
    assertKnownOptions(where, value, LIMIT_KEYS);
  } catch (error) {
    const option = (error as { details?: { option?: string } }).details?.option ?? '';
    throw new GatewayConfigError(
      'THROTTLE_UNKNOWN_OPTION',
      `${where}: unknown throttle option "${option}"`,
      'A throttle limit has exactly two fields: rateLimit and burstLimit.',
      { where, option },
    );
  }
  const { rateLimit, burstLimit } = value as Record<string, unknown>;
  if (typeof rateLimit !== 'number' || !Number.isFinite(rateLimit) || rateLimit < 0) {
    throw new GatewayConfigError(
      'THROTTLE_INVALID_RATE_LIMIT',
      `${where}: rateLimit must be a finite number ≥ 0, got ${describe(rateLimit)}`,
      'Set rateLimit to the steady requests per second (fractions such as 0.5 are allowed).',
      { where, rateLimit },
    );
  }
  if (typeof burstLimit !== 'number' || !Number.isInteger(burstLimit) || burstLimit < 0) {
    throw new GatewayConfigError(
      'THROTTLE_INVALID_BURST_LIMIT',
      `${where}: burstLimit must be an integer ≥ 0, got ${describe(burstLimit)}`,
      'Set burstLimit to the bucket capacity, a whole number of requests.',
      { where, burstLimit },
    );
  }
  return Object.freeze({ rateLimit, burstLimit });
}

/** Formats a limit the way AWS execution logs do: `Limit: 5.00 Burst: 10`. */
export function formatThrottleLimit(limit: ThrottleLimit): string {
  return `Limit: ${limit.rateLimit.toFixed(2)} Burst: ${limit.burstLimit}`;
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
