export {
  createQuotaCounter,
  type QuotaCounter,
  type QuotaSettings,
  USAGE_RETENTION_DAYS,
} from './quota-counter.js';
export { type PeriodBounds, quotaPeriodBounds, utcDate, type WeekStart } from './quota-period.js';
export type { ApiKeyOptions, UsagePlanOptions, UsagePlanStageOptions } from './usage-plan-options.js';
export {
  type ApiKeyAccepted,
  type ApiKeyDecision,
  type ApiKeyRefused,
  type ApiKeyRequest,
  createUsagePlans,
  type UsagePlans,
  type UsagePlansOptions,
} from './usage-plans.js';
export type { UsageDay, UsageOptions, UsageReport } from './usage-report.js';
