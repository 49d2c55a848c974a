import { gatewayResponse } from '../gateway-responses.js';
import { type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import type { ClientLimits } from '../throttling/index.js';

/**
 * Token-bucket throttling (behaviour.md §6.1) in AWS order: usage-plan per-method, usage-plan, quota,
 * per-method/stage, account. A rejection is 429 `{"message":"Too Many Requests"}` (quota: `Limit Exceeded`).
 */
export function throttle(ctx: PipelineContext, deps: PipelineDeps): StageResult {
  const client = ctx.clientLimits as ClientLimits | undefined;
  const decision = deps.policies.throttler.checkAt(ctx.route!.routeKey, client, ctx.now);
  if (decision.allowed) {
    ctx.trace.throttle = decision;
    if (ctx.detailed) record(ctx, { stage: 'throttle', decision: 'allowed' });
    return ctx;
  }
  ctx.trace.throttle = decision;
  record(ctx, {
    stage: 'throttle',
    decision: decision.limitedBy === 'quota' ? 'quota-exceeded' : 'throttled',
    detail: decision.message,
  });
  return gatewayResponse(
    deps.config.apiType,
    decision.limitedBy === 'quota' ? 'QUOTA_EXCEEDED' : 'THROTTLED',
    ctx,
  );
}
