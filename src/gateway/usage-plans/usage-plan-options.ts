import { formatText, formatValue } from '../../errors/format-value.js';
import { assertKnownOptions, GatewayConfigError } from '../../errors/index.js';
import { createIdSource } from '../../ids/index.js';
import { type ThrottleLimit, toRouteKey, validateThrottleLimit } from '../throttling/index.js';
import type { QuotaSettings } from './quota-counter.js';

/** An API key (`CreateApiKey`). */
export interface ApiKeyOptions {
  /** Key id (`$context.identity.apiKeyId`). Default: 10 characters derived from the value. */
  id?: string;
  /** The secret the client sends in `x-api-key`: 20–128 characters, unique. */
  value: string;
  /** Display name, ≤ 1024 characters. */
  name?: string;
  /** Disabled keys are refused with 403 Forbidden. Default true. */
  enabled?: boolean;
}

/** One API stage of a usage plan (`ApiStage`). */
export interface UsagePlanStageOptions {
  stage: string;
  /**
   * Per-method throttles, keyed `'/pets/GET'` (`'//GET'` for the root) as AWS does, or by route key
   * `'GET /pets'`. At most 20 per stage.
   */
  throttle?: Readonly<Record<string, ThrottleLimit>>;
}

/** A usage plan (`CreateUsagePlan`). */
export interface UsagePlanOptions {
  /** Plan id. Default: 10 characters derived from the name or position. */
  id?: string;
  name?: string;
  apiStages?: readonly UsagePlanStageOptions[];
  /** Per-key throttle, aggregated across all stages of the plan. */
  throttle?: ThrottleLimit;
  /** Per-key quota, aggregated across all stages of the plan. */
  quota?: QuotaSettings;
  /** API keys in this plan, by id or by value. */
  keys?: readonly string[];
}

export interface ApiKeyConfig {
  readonly id: string;
  readonly value: string;
  readonly name: string | undefined;
  enabled: boolean;
}

export interface PlanConfig {
  readonly id: string;
  readonly name: string | undefined;
  readonly throttle: ThrottleLimit | undefined;
  readonly quota: QuotaSettings | undefined;
  /** stage → route key → limit */
  readonly stages: ReadonlyMap<string, ReadonlyMap<string, ThrottleLimit>>;
  readonly keyIds: readonly string[];
}

const KEY_OPTIONS = ['id', 'value', 'name', 'enabled'] as const;
const PLAN_OPTIONS = ['id', 'name', 'apiStages', 'throttle', 'quota', 'keys'] as const;
const STAGE_OPTIONS = ['stage', 'throttle'] as const;
const QUOTA_OPTIONS = ['limit', 'offset', 'period'] as const;
const MAX_METHOD_THROTTLES = 20;

const fail = (code: string, problem: string, hint: string, details: Record<string, unknown> = {}) =>
  new GatewayConfigError(code, problem, hint, details);

/** Validates `apiKeys` (behaviour.md §6.3). */
export function normalizeApiKeys(keys: readonly ApiKeyOptions[]): ApiKeyConfig[] {
  const ids = new Set<string>();
  const values = new Set<string>();
  return keys.map((key, index) => {
    const where = `apiKeys[${index}]`;
    assertKnownOptions(where, key, KEY_OPTIONS);
    const { value, name, enabled = true } = key;
    if (typeof value !== 'string' || value.length < 20 || value.length > 128) {
      throw fail(
        'API_KEY_INVALID_VALUE',
        `${where}: an API key value must be a string of 20 to 128 characters, got ${typeof value === 'string' ? `${value.length} characters` : typeof value}`,
        'Use a longer random string, e.g. 40 letters and digits.',
        { index },
      );
    }
    if (values.has(value))
      throw fail(
        'API_KEY_DUPLICATE_VALUE',
        `${where}: the key value is used twice`,
        'Give every API key a distinct value.',
        { index },
      );
    if (name !== undefined && (typeof name !== 'string' || name.length > 1024)) {
      throw fail(
        'API_KEY_INVALID_NAME',
        `${where}: name must be a string of at most 1024 characters`,
        'Shorten the name.',
        { index },
      );
    }
    if (typeof enabled !== 'boolean') {
      throw fail(
        'API_KEY_INVALID_ENABLED',
        `${where}: enabled must be a boolean, got ${typeof enabled}`,
        'Pass true or false.',
        { index },
      );
    }
    const id = key.id ?? createIdSource({ seed: `api-key:${value}` }).alphanumeric(10);
    if (typeof id !== 'string' || id === '' || ids.has(id)) {
      throw fail(
        'API_KEY_DUPLICATE_ID',
        `${where}: the key id ${formatValue(id)} is empty or used twice`,
        'Give every API key a distinct id.',
        { index },
      );
    }
    ids.add(id);
    values.add(value);
    return { id, value, name, enabled };
  });
}

/** Validates `usagePlans` against the keys (behaviour.md §6.2). */
export function normalizeUsagePlans(
  plans: readonly UsagePlanOptions[],
  keys: readonly ApiKeyConfig[],
): PlanConfig[] {
  const planIds = new Set<string>();
  const keyStage = new Map<string, string>();
  const plansPerKey = new Map<string, number>();
  return plans.map((plan, index) => {
    const where = `usagePlans[${index}]`;
    assertKnownOptions(where, plan, PLAN_OPTIONS);
    const id = plan.id ?? createIdSource({ seed: `usage-plan:${plan.name ?? index}` }).alphanumeric(6);
    if (typeof id !== 'string' || id === '' || planIds.has(id)) {
      throw fail(
        'USAGE_PLAN_DUPLICATE_ID',
        `${where}: the plan id ${formatValue(id)} is empty or used twice`,
        'Give every usage plan a distinct id (or name).',
        { index },
      );
    }
    planIds.add(id);
    const throttle = plan.throttle ? validateThrottleLimit(`${where}.throttle`, plan.throttle) : undefined;
    const quota = plan.quota ? validateQuota(`${where}.quota`, plan.quota) : undefined;
    const stages = new Map<string, ReadonlyMap<string, ThrottleLimit>>();
    for (const [s, stage] of (plan.apiStages ?? []).entries()) {
      const at = `${where}.apiStages[${s}]`;
      assertKnownOptions(at, stage, STAGE_OPTIONS);
      if (typeof stage.stage !== 'string' || stage.stage === '' || stages.has(stage.stage)) {
        throw fail(
          'USAGE_PLAN_INVALID_STAGE',
          `${at}: stage must be a non-empty stage name listed once, got ${formatValue(stage.stage)}`,
          'List each stage of the plan once.',
          { index },
        );
      }
      const entries = Object.entries(stage.throttle ?? {});
      if (entries.length > MAX_METHOD_THROTTLES) {
        throw fail(
          'USAGE_PLAN_TOO_MANY_METHOD_THROTTLES',
          `${at}: ${entries.length} method throttles`,
          `API Gateway allows at most ${MAX_METHOD_THROTTLES} per stage per plan.`,
          { index },
        );
      }
      const methods = new Map<string, ThrottleLimit>();
      for (const [key, limit] of entries) {
        const routeKey = toRouteKey(key, `${at}.throttle`);
        if (methods.has(routeKey))
          throw fail(
            'USAGE_PLAN_DUPLICATE_METHOD_THROTTLE',
            `${at}.throttle: ${routeKey} is limited twice`,
            'Keep one entry per method.',
            { index },
          );
        methods.set(routeKey, validateThrottleLimit(`${at}.throttle[${formatValue(key)}]`, limit));
      }
      stages.set(stage.stage, methods);
    }
    const keyIds = (plan.keys ?? []).map((ref) => {
      const key = keys.find((k) => k.id === ref) ?? keys.find((k) => k.value === ref);
      if (!key)
        throw fail(
          'USAGE_PLAN_UNKNOWN_KEY',
          `${where}.keys: no API key has the id or value ${formatValue(ref)}`,
          'Declare the key in apiKeys first and refer to it by id or value.',
          { index },
        );
      for (const stage of stages.keys()) {
        const other = keyStage.get(`${key.id}\n${stage}`);
        if (other !== undefined) {
          throw fail(
            'USAGE_PLAN_KEY_STAGE_CONFLICT',
            `${where}: API key ${key.id} is already in usage plan ${other} for stage ${stage}`,
            'A key may be in only one usage plan per API stage.',
            { index, keyId: key.id, stage },
          );
        }
        keyStage.set(`${key.id}\n${stage}`, id);
      }
      const count = (plansPerKey.get(key.id) ?? 0) + 1;
      if (count > 10)
        throw fail(
          'USAGE_PLAN_KEY_TOO_MANY_PLANS',
          `${where}: API key ${key.id} is in more than 10 usage plans`,
          'API Gateway allows 10 usage plans per key.',
          { index },
        );
      plansPerKey.set(key.id, count);
      return key.id;
    });
    return { id, name: plan.name, throttle, quota, stages, keyIds };
  });
}

function validateQuota(where: string, quota: QuotaSettings): QuotaSettings {
  assertKnownOptions(where, quota, QUOTA_OPTIONS);
  const { limit, offset = 0, period } = quota;
  if (!Number.isInteger(limit) || limit < 0)
    throw fail(
      'USAGE_PLAN_INVALID_QUOTA_LIMIT',
      `${where}: limit must be an integer ≥ 0, got ${formatText(limit)}`,
      'Set the requests allowed per period.',
    );
  if (!Number.isInteger(offset) || offset < 0 || offset > limit)
    throw fail(
      'USAGE_PLAN_INVALID_QUOTA_OFFSET',
      `${where}: offset must be an integer from 0 to limit, got ${formatText(offset)}`,
      'offset is the number of requests subtracted from the limit in the first period.',
    );
  if (period !== 'DAY' && period !== 'WEEK' && period !== 'MONTH')
    throw fail(
      'USAGE_PLAN_INVALID_QUOTA_PERIOD',
      `${where}: period must be DAY, WEEK or MONTH, got ${formatValue(period)}`,
      'Use one of DAY, WEEK, MONTH.',
    );
  return Object.freeze({ limit, offset, period });
}
