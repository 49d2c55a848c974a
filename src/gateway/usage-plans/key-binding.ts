import {
  type ClientLimits,
  type ClientThrottleGate,
  createTokenBucket,
  formatThrottleLimit,
  type QuotaGate,
  type TokenBucket,
} from '../throttling/index.js';
import type { QuotaCounter } from './quota-counter.js';
import type { ApiKeyConfig, PlanConfig } from './usage-plan-options.js';

/** What a successful authorization hands back; cached per key, stage and route, so it is built once. */
export interface AcceptedBinding {
  readonly ok: true;
  readonly keyId: string;
  readonly keyValue: string;
  readonly planId: string;
  readonly client: ClientLimits;
  readonly message: string;
}

/** One API key bound to one stage through one usage plan, with its buckets and per-route results. */
export interface KeyBinding {
  readonly plan: PlanConfig;
  readonly counter: QuotaCounter;
  readonly planBucket: TokenBucket | undefined;
  /** The per-route pieces, created on first use of a route. */
  route(routeKey: string): RouteBinding;
}

export interface RouteBinding {
  readonly methodGate: ClientThrottleGate | undefined;
  readonly planGate: ClientThrottleGate | undefined;
  readonly accepted: AcceptedBinding;
}

/** Masks a key value like AWS execution logs: asterisks and the last four characters. */
export function maskKey(value: string): string {
  return `**********${value.slice(-4)}`;
}

/**
 * Creates the binding of `key` to `stage` in `plan`. `planBucket` and `counter` are shared by every stage of the
 * plan (throttle and quota are aggregated across stages).
 */
export function createKeyBinding(
  key: ApiKeyConfig,
  plan: PlanConfig,
  stage: string,
  apiId: string,
  planBucket: TokenBucket | undefined,
  counter: QuotaCounter,
  clock: { now(): number },
): KeyBinding {
  const methodLimits = plan.stages.get(stage);
  const quotaMessage = plan.quota
    ? `Key quota exhausted for Usage Plan ID ${plan.id}. Limit: ${plan.quota.limit} Period: ${plan.quota.period}`
    : '';
  const quota: QuotaGate = counter.gate(quotaMessage);
  const okMessage = `API Key ${maskKey(key.value)} authorized by usage plan ${plan.id} for stage ${stage}`;
  const routes = new Map<string, RouteBinding>();
  return {
    plan,
    counter,
    planBucket,
    route(routeKey) {
      const found = routes.get(routeKey);
      if (found) return found;
      const space = routeKey.indexOf(' ');
      const resource = space > 0 ? routeKey.slice(space + 1) : routeKey;
      const method = space > 0 ? routeKey.slice(0, space) : 'ANY';
      const where = `Usage Plan ID ${plan.id}, RestApi ${apiId}, Stage ${stage}, Resource ${resource}, HttpMethod ${method}`;
      const methodLimit = methodLimits?.get(routeKey);
      const methodGate: ClientThrottleGate | undefined = methodLimit && {
        level: 'usage-plan-method',
        bucket: createTokenBucket(methodLimit, clock.now()),
        message: `Key throttle limit exceeded for ${where}. ${formatThrottleLimit(methodLimit)}`,
      };
      const planGate: ClientThrottleGate | undefined = planBucket && {
        level: 'usage-plan',
        bucket: planBucket,
        message: `Key throttle limit exceeded for ${where}. ${formatThrottleLimit(planBucket.limit)}`,
      };
      const client: ClientLimits = Object.freeze({
        ...(methodGate ? { method: methodGate } : {}),
        ...(planGate ? { plan: planGate } : {}),
        quota,
      });
      const accepted: AcceptedBinding = Object.freeze({
        ok: true,
        keyId: key.id,
        keyValue: key.value,
        planId: plan.id,
        client,
        message: okMessage,
      });
      const binding = { methodGate, planGate, accepted };
      routes.set(routeKey, binding);
      return binding;
    },
  };
}
