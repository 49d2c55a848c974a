import { gatewayResponse } from '../gateway-responses.js';
import { type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import type { AuthFailure } from './auth-responses.js';
import { lambdaAuthorization } from './authorize-lambda.js';
import type { GatewayAuth } from './create-auth.js';
import { authorizerDenyMessage } from './deny-messages.js';
import type { LambdaAuthorizerOutcome } from './lambda/run-lambda-authorizer.js';
import type { PolicyDecision } from './policy/evaluate-compiled.js';

/** Records an allow in the trace and continues the pipeline. */
export function allow(ctx: PipelineContext, detail: string): PipelineContext {
  const trace = ctx.trace.authorization!;
  trace.decision = 'allow';
  if (ctx.detailed)
    record(ctx, { stage: 'authorize', decision: trace.cached ? 'allow (cache hit)' : 'allow', detail });
  return ctx;
}

/**
 * Ends the request with the gateway response of `failure`, explained in the trace. HTTP APIs answer every
 * denial with `{"message":"Forbidden"}` (behaviour.md §2.3): the IAM-style texts are REST's.
 */
export function fail(
  ctx: PipelineContext,
  deps: PipelineDeps,
  failure: AuthFailure,
  reason: string,
  message?: string,
  headers?: readonly (readonly [string, string])[],
): StageResult {
  const trace = ctx.trace.authorization!;
  trace.decision = failure;
  trace.reason = reason;
  const verdict = failure.toLowerCase() as Lowercase<AuthFailure>;
  record(ctx, {
    stage: 'authorize',
    decision: trace.cached ? `${verdict} (cache hit)` : verdict,
    detail: reason,
  });
  const text = failure === 'ACCESS_DENIED' && deps.config.apiType === 'HTTP' ? undefined : message;
  const detail: { message?: string; headers?: readonly (readonly [string, string])[] } = {};
  if (text !== undefined) detail.message = text;
  if (headers !== undefined) detail.headers = headers;
  return gatewayResponse(deps.config.apiType, failure, ctx, detail);
}

/** The payload format of the event the route's integration receives. */
export function eventFormatOf(ctx: PipelineContext, deps: PipelineDeps): '1.0' | '2.0' {
  const integration = ctx.route!.integration;
  return deps.config.apiType === 'HTTP' &&
    integration.type === 'AWS_PROXY' &&
    integration.payloadFormatVersion === '2.0'
    ? '2.0'
    : '1.0';
}

/**
 * Turns a Lambda authorizer's outcome into the stage's answer, combined with the resource policy's verdict for
 * an anonymous caller (Table A: an explicit deny anywhere denies, either side's allow is enough).
 */
export function lambdaVerdict(
  ctx: PipelineContext,
  deps: PipelineDeps,
  auth: GatewayAuth,
  outcome: LambdaAuthorizerOutcome,
  resourcePolicy: PolicyDecision | undefined,
  methodArn: string,
): StageResult {
  if (outcome.kind === 'unauthorized') return fail(ctx, deps, 'UNAUTHORIZED', outcome.reason);
  if (outcome.kind === 'error') return fail(ctx, deps, 'AUTHORIZER_CONFIGURATION_ERROR', outcome.reason);
  const trace = ctx.trace.authorization!;
  trace.cached = outcome.cached;
  const verdict = outcome.verdict;
  if (verdict.principalId !== undefined) trace.principalId = verdict.principalId;
  const decision: PolicyDecision =
    outcome.kind === 'allow' ? 'allow' : outcome.explicit ? 'explicit-deny' : 'implicit-deny';
  if (decision === 'explicit-deny' || (decision === 'implicit-deny' && resourcePolicy !== 'allow')) {
    const explicit = decision === 'explicit-deny';
    return fail(
      ctx,
      deps,
      'ACCESS_DENIED',
      `the ${outcome.cached ? 'cached ' : ''}authorizer policy ${explicit ? 'explicitly denies' : 'does not allow'} ${methodArn}`,
      authorizerDenyMessage(explicit, auth.wording),
    );
  }
  ctx.authorization = lambdaAuthorization(
    verdict,
    outcome.kind === 'allow' ? outcome.latencyMs : 0,
    eventFormatOf(ctx, deps),
  );
  return ctx.detailed
    ? allow(
        ctx,
        `${outcome.cached ? 'cached policy' : 'authorizer'} of ${verdict.principalId ?? 'the caller'} allows ${methodArn}`,
      )
    : allow(ctx, '');
}

/**
 * IAM callers (behaviour.md §18.4): same account — Table A, an explicit deny on either side denies, either
 * side's allow is enough; cross-account — Table B, both must allow. `undefined` means allowed.
 */
export function iamDenial(
  identity: PolicyDecision,
  resource: PolicyDecision | undefined,
  crossAccount: boolean,
): { explicit: boolean; policy: 'identity' | 'resource'; reason: string } | undefined {
  if (resource === 'explicit-deny')
    return { explicit: true, policy: 'resource', reason: 'the resource policy explicitly denies the caller' };
  if (identity === 'explicit-deny')
    return {
      explicit: true,
      policy: 'identity',
      reason: "the caller's IAM policy explicitly denies the method",
    };
  if (resource === undefined || !crossAccount) {
    if (identity === 'allow' || resource === 'allow') return undefined;
    return {
      explicit: false,
      policy: 'identity',
      reason: 'no IAM policy of the caller (nor the resource policy) allows the method',
    };
  }
  if (identity !== 'allow')
    return {
      explicit: false,
      policy: 'identity',
      reason: "cross-account: the caller's IAM policy does not allow the method",
    };
  return resource === 'allow'
    ? undefined
    : {
        explicit: false,
        policy: 'resource',
        reason: 'cross-account: the resource policy does not allow the caller',
      };
}
