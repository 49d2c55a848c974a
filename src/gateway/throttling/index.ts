export type {
  ClientLimits,
  ClientThrottleGate,
  QuotaGate,
  QuotaPeriod,
  QuotaRejected,
  ThrottleAllowed,
  ThrottleDecision,
  ThrottleLevel,
  ThrottleRejected,
} from './client-limits.js';
export { STAGE_WIDE_KEY, toRouteKey } from './route-key.js';
export {
  DEFAULT_ACCOUNT_THROTTLE,
  formatThrottleLimit,
  type ThrottleLimit,
  validateThrottleLimit,
} from './throttle-limit.js';
export { createThrottler, type ThrottleRequest, type Throttler, type ThrottlerOptions } from './throttler.js';
export { createTokenBucket, type TokenBucket } from './token-bucket.js';
