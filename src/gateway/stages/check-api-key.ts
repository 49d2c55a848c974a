import { type GatewayFailure, gatewayResponse } from '../gateway-responses.js';
import { headerValue } from '../integrations/lambda-proxy.js';
import { type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';

/**
 * REST `apiKeyRequired` methods (behaviour.md §6.2–6.3): the `x-api-key` header must name an enabled key in a
 * usage plan of this stage, else 403 `{"message":"Forbidden"}`; an exhausted quota is 429 `Limit Exceeded`
 * and a key throttle 429 `Too Many Requests`. Methods without the flag ignore keys and bypass plan limits.
 */
export function checkApiKey(ctx: PipelineContext, deps: PipelineDeps): StageResult {
  const route = ctx.route!;
  const plans = deps.policies.usagePlans;
  if (!route.apiKeyRequired || !plans) return ctx;
  const decision = plans.authorize({
    stage: deps.config.stageName,
    // apiKeySource AUTHORIZER: the key is the Lambda authorizer's usageIdentifierKey (behaviour.md §6.3).
    apiKeyValue:
      deps.policies.auth?.apiKeySource === 'AUTHORIZER'
        ? (ctx.authorization?.usageIdentifierKey ?? null)
        : headerValue(ctx.request.headers, 'x-api-key'),
    routeKey: route.routeKey,
  });
  if (!decision.ok) {
    ctx.trace.usagePlan = {
      ok: false,
      reason: decision.reason,
      message: decision.message,
      ...(decision.keyId ? { keyId: decision.keyId } : {}),
      ...(decision.planId ? { planId: decision.planId } : {}),
    };
    record(ctx, { stage: 'api-key', decision: decision.reason, detail: decision.message });
    return gatewayResponse(deps.config.apiType, decision.responseType as GatewayFailure, ctx);
  }
  ctx.apiKey = { id: decision.keyId, value: decision.keyValue };
  ctx.clientLimits = decision.client;
  ctx.trace.usagePlan = {
    ok: true,
    keyId: decision.keyId,
    planId: decision.planId,
    message: decision.message,
  };
  record(ctx, { stage: 'api-key', decision: 'accepted', detail: decision.message });
  return ctx;
}
