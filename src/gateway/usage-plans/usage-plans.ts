import type { Clock } from '../../clock/index.js';
import { formatValue } from '../../errors/format-value.js';
import { assertKnownOptions, GatewayConfigError, InvalidInputError } from '../../errors/index.js';
import { type ClientLimits, createTokenBucket, type ThrottleLimit } from '../throttling/index.js';
import { createKeyBinding, type KeyBinding, maskKey } from './key-binding.js';
import { createQuotaCounter, type QuotaCounter } from './quota-counter.js';
import type { WeekStart } from './quota-period.js';
import {
  type ApiKeyConfig,
  type ApiKeyOptions,
  normalizeApiKeys,
  normalizeUsagePlans,
  type UsagePlanOptions,
} from './usage-plan-options.js';
import { buildUsageReport, type UsageOptions, type UsageReport } from './usage-report.js';

/** Options of {@link createUsagePlans}. */
export interface UsagePlansOptions {
  clock: Clock;
  apiKeys?: readonly ApiKeyOptions[];
  usagePlans?: readonly UsagePlanOptions[];
  /** Used in log-style reasons (`RestApi <apiId>`). Default `'restapi'`. */
  apiId?: string;
  /** First day of a `WEEK` quota (UNCONFIRMED on AWS). Default `'SUNDAY'`. */
  weekStartsOn?: WeekStart;
}

/** What the core passes for a method with `apiKeyRequired`. */
export interface ApiKeyRequest {
  stage: string;
  /** The value of the `x-api-key` header (any case), or of the authorizer's `usageIdentifierKey`. */
  apiKeyValue: string | null | undefined;
  /** Matched route key (`'GET /pets/{id}'`); or give `resourcePath` and `method`. */
  routeKey?: string;
  resourcePath?: string;
  /** The method as declared on the route (`ANY` for an ANY route). */
  method?: string;
}

/** A key that may proceed; hand `client` to `throttler.check()`. */
export interface ApiKeyAccepted {
  readonly ok: true;
  readonly keyId: string;
  readonly keyValue: string;
  readonly planId: string;
  readonly client: ClientLimits;
  readonly message: string;
}

/** A refused request, named by its gateway response type (behaviour.md §5). */
export interface ApiKeyRefused {
  readonly ok: false;
  /** INVALID_API_KEY → 403 `{"message":"Forbidden"}`; QUOTA_EXCEEDED → 429 `{"message":"Limit Exceeded"}`;
   * THROTTLED → 429 `{"message":"Too Many Requests"}`. */
  readonly responseType: 'INVALID_API_KEY' | 'QUOTA_EXCEEDED' | 'THROTTLED';
  readonly reason:
    | 'missing'
    | 'unknown'
    | 'disabled'
    | 'no-plan-for-stage'
    | 'quota'
    | 'usage-plan-method'
    | 'usage-plan';
  readonly keyId?: string;
  readonly planId?: string;
  readonly limit?: ThrottleLimit;
  readonly message: string;
}

export type ApiKeyDecision = ApiKeyAccepted | ApiKeyRefused;

/** API keys and usage plans of one REST API. */
export interface UsagePlans {
  /**
   * Checks the key and pre-checks its per-client throttles and quota at `clock.now()`, consuming nothing;
   * `throttler.check({ routeKey, client })` then takes the tokens and counts the quota.
   */
  authorize(request: ApiKeyRequest): ApiKeyDecision;
  /** Consumption of a key like `GetUsage`. `planId` is needed when the key is in several plans. */
  usage(keyId: string, options?: UsageOptions): UsageReport;
  /** Enables or disables a key at run time. */
  setKeyEnabled(keyId: string, enabled: boolean): void;
}

const KNOWN = ['clock', 'apiKeys', 'usagePlans', 'apiId', 'weekStartsOn'] as const;

/**
 * Creates the API-key and usage-plan engine (behaviour.md §6.2–6.3).
 *
 * @example
 * ```ts
 * const plans = createUsagePlans({
 *   clock: createManualClock(),
 *   apiKeys: [{ id: 'k1', value: 'a'.repeat(20) }],
 *   usagePlans: [{ id: 'p1', apiStages: [{ stage: 'dev' }], quota: { limit: 2, period: 'DAY' }, keys: ['k1'] }],
 * });
 * plans.authorize({ stage: 'dev', routeKey: 'GET /pets', apiKeyValue: 'a'.repeat(20) }).ok; // true
 * ```
 */
export function createUsagePlans(options: UsagePlansOptions): UsagePlans {
  assertKnownOptions('createUsagePlans', options, KNOWN);
  const { clock, apiId = 'restapi', weekStartsOn = 'SUNDAY' } = options;
  if (typeof clock?.now !== 'function') {
    throw new GatewayConfigError(
      'USAGE_PLAN_MISSING_CLOCK',
      'createUsagePlans: clock is missing',
      'Pass the gateway clock.',
    );
  }
  if (weekStartsOn !== 'SUNDAY' && weekStartsOn !== 'MONDAY') {
    throw new GatewayConfigError(
      'USAGE_PLAN_INVALID_WEEK_START',
      `createUsagePlans: weekStartsOn must be SUNDAY or MONDAY, got ${formatValue(weekStartsOn)}`,
      'Pass SUNDAY or MONDAY.',
    );
  }
  const keys = normalizeApiKeys(options.apiKeys ?? []);
  const plans = normalizeUsagePlans(options.usagePlans ?? [], keys);
  const startedAt = clock.now();
  const byValue = new Map(keys.map((k) => [k.value, k]));
  const byId = new Map(keys.map((k) => [k.id, k]));
  const bindings = new Map<string, Map<string, KeyBinding>>(); // keyId → stage → binding
  const counters = new Map<string, QuotaCounter>(); // planId \n keyId
  for (const plan of plans) {
    for (const keyId of plan.keyIds) {
      const key = byId.get(keyId)!;
      const counter = createQuotaCounter(plan.quota, startedAt, weekStartsOn);
      counters.set(`${plan.id}\n${keyId}`, counter);
      const planBucket = plan.throttle ? createTokenBucket(plan.throttle, startedAt) : undefined;
      let byStage = bindings.get(keyId);
      if (!byStage) {
        byStage = new Map();
        bindings.set(keyId, byStage);
      }
      for (const stage of plan.stages.keys()) {
        byStage.set(stage, createKeyBinding(key, plan, stage, apiId, planBucket, counter, clock));
      }
    }
  }

  const refuse = (
    responseType: ApiKeyRefused['responseType'],
    reason: ApiKeyRefused['reason'],
    message: string,
    extra: { keyId?: string; planId?: string; limit?: ThrottleLimit } = {},
  ): ApiKeyRefused => Object.freeze({ ok: false, responseType, reason, message, ...extra });

  return {
    authorize(request) {
      const routeKey = request.routeKey ?? `${request.method ?? 'GET'} ${request.resourcePath ?? '/'}`;
      const { stage, apiKeyValue } = request;
      if (!apiKeyValue) {
        return refuse(
          'INVALID_API_KEY',
          'missing',
          `Forbidden: ${routeKey} requires an API key and the request has none`,
        );
      }
      const key = byValue.get(apiKeyValue);
      if (!key) {
        return refuse(
          'INVALID_API_KEY',
          'unknown',
          `Forbidden: API Key ${maskKey(apiKeyValue)} is not a key of this API`,
        );
      }
      if (!key.enabled) {
        return refuse('INVALID_API_KEY', 'disabled', `Forbidden: API Key ${maskKey(key.value)} is disabled`, {
          keyId: key.id,
        });
      }
      const binding = bindings.get(key.id)?.get(stage);
      if (!binding) {
        return refuse(
          'INVALID_API_KEY',
          'no-plan-for-stage',
          `Forbidden: API Key ${maskKey(key.value)} is not associated with a usage plan for API stage ${apiId}/${stage}`,
          { keyId: key.id },
        );
      }
      const now = clock.now();
      const { methodGate, planGate, accepted } = binding.route(routeKey);
      const ids = { keyId: key.id, planId: binding.plan.id };
      if (methodGate && !methodGate.bucket.canTake(now)) {
        return refuse('THROTTLED', 'usage-plan-method', methodGate.message, {
          ...ids,
          limit: methodGate.bucket.limit,
        });
      }
      if (planGate && !planGate.bucket.canTake(now)) {
        return refuse('THROTTLED', 'usage-plan', planGate.message, { ...ids, limit: planGate.bucket.limit });
      }
      const quota = accepted.client.quota!;
      if (!quota.canConsume(now)) return refuse('QUOTA_EXCEEDED', 'quota', quota.message, ids);
      return accepted;
    },
    usage(keyId, usageOptions = {}) {
      const key = byId.get(keyId);
      if (!key)
        throw new InvalidInputError(
          'USAGE_UNKNOWN_KEY',
          `usage: no API key has the id ${formatValue(keyId)}`,
          `Known key ids: ${[...byId.keys()].join(', ') || '(none)'}.`,
        );
      const candidates = plans.filter(
        (p) =>
          p.keyIds.includes(keyId) && (usageOptions.planId === undefined || p.id === usageOptions.planId),
      );
      if (candidates.length !== 1) {
        throw new InvalidInputError(
          candidates.length === 0 ? 'USAGE_NO_PLAN' : 'USAGE_AMBIGUOUS_PLAN',
          `usage: API key ${keyId} is in ${candidates.length} matching usage plans`,
          'Pass { planId } naming one usage plan the key belongs to.',
        );
      }
      const plan = candidates[0]!;
      return buildUsageReport(key, plan, counters.get(`${plan.id}\n${keyId}`)!, clock.now(), usageOptions);
    },
    setKeyEnabled(keyId, enabled) {
      const key: ApiKeyConfig | undefined = byId.get(keyId);
      if (!key)
        throw new InvalidInputError(
          'USAGE_UNKNOWN_KEY',
          `setKeyEnabled: no API key has the id ${formatValue(keyId)}`,
          'Use an id from apiKeys.',
        );
      key.enabled = enabled;
    },
  };
}
