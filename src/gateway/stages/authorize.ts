import type { CredentialOutcome } from '../auth/auth-outcome.js';
import type { AuthFailure } from '../auth/auth-responses.js';
import { authorizeWithLambda, lambdaAuthorization } from '../auth/authorize-lambda.js';
import type { RouteAuth } from '../auth/compiled-auth.js';
import type { GatewayAuth } from '../auth/create-auth.js';
import { authorizerDenyMessage, invokeDenyMessage } from '../auth/deny-messages.js';
import { loadEngine } from '../auth/load-engine.js';
import { evaluateCompiled, type PolicyDecision } from '../auth/policy/evaluate-compiled.js';
import { conditionContextOf, methodArnOf } from '../auth/request-facts.js';
import { gatewayResponse } from '../gateway-responses.js';
import { type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';

/**
 * The authorize stage (docs/decisions/0003: after routing, before API keys): the route's authorizer, IAM
 * signature or token check, then the REST resource policy, combined as AWS's authorization flow does
 * (behaviour.md §2, §18). Sets `ctx.authorization`; a refusal is a gateway response (401, 403, 500). Only
 * called for routes with an `auth`.
 */
export async function authorize(ctx: PipelineContext, deps: PipelineDeps): Promise<StageResult> {
  const routeAuth = ctx.route!.auth!;
  const auth = deps.policies.auth!;
  const methodArn = methodArnOf(ctx, auth.apiArn, deps.config.stageName);
  ctx.trace.authorization = { type: routeAuth.type, decision: 'pending', methodArn, latencyMs: 0 };
  const started = deps.config.clock.now();
  const result = await decide(ctx, deps, auth, routeAuth, methodArn);
  ctx.trace.authorization.latencyMs = deps.config.clock.now() - started;
  return result;
}

async function decide(
  ctx: PipelineContext,
  deps: PipelineDeps,
  auth: GatewayAuth,
  routeAuth: RouteAuth,
  methodArn: string,
): Promise<StageResult> {
  const policy = routeAuth.resourcePolicy;
  const anonymous = () =>
    policy === undefined
      ? undefined
      : evaluateCompiled(
          policy,
          'execute-api:Invoke',
          methodArn,
          undefined,
          policy.hasConditions ? conditionContextOf(ctx, undefined) : undefined,
        ).decision;
  const type = routeAuth.type;
  if (type === 'NONE') {
    const decision = anonymous()!;
    if (decision === 'allow') return allow(ctx, 'the resource policy allows anonymous callers');
    return fail(
      ctx,
      deps,
      'ACCESS_DENIED',
      `the resource policy ${decision === 'explicit-deny' ? 'explicitly denies' : 'does not allow'} anonymous callers`,
      invokeDenyMessage('anonymous', methodArn, decision === 'explicit-deny', 'resource', auth.wording),
    );
  }
  const authorizer = routeAuth.authorizer;
  if (authorizer?.kind === 'lambda') {
    const before = anonymous();
    if (before === 'explicit-deny') {
      return fail(
        ctx,
        deps,
        'ACCESS_DENIED',
        'the resource policy explicitly denies the request; the authorizer is not invoked',
        invokeDenyMessage('anonymous', methodArn, true, 'resource', auth.wording),
      );
    }
    const outcome = await authorizeWithLambda(ctx, deps, auth, authorizer, methodArn);
    const trace = ctx.trace.authorization!;
    trace.authorizer = authorizer.name;
    if (outcome.kind === 'unauthorized') return fail(ctx, deps, 'UNAUTHORIZED', outcome.reason);
    if (outcome.kind === 'error') return fail(ctx, deps, 'AUTHORIZER_CONFIGURATION_ERROR', outcome.reason);
    trace.cached = outcome.cached;
    const verdict = outcome.verdict;
    if (verdict.principalId !== undefined) trace.principalId = verdict.principalId;
    const decision: PolicyDecision =
      outcome.kind === 'allow' ? 'allow' : outcome.explicit ? 'explicit-deny' : 'implicit-deny';
    // Table A (same account): an explicit deny anywhere denies; either side's allow is enough.
    if (decision === 'explicit-deny' || (decision === 'implicit-deny' && before !== 'allow')) {
      const cached = outcome.cached ? 'cached ' : '';
      return fail(
        ctx,
        deps,
        'ACCESS_DENIED',
        `the ${cached}authorizer policy ${decision === 'explicit-deny' ? 'explicitly denies' : 'does not allow'} ${methodArn}`,
        authorizerDenyMessage(decision === 'explicit-deny', auth.wording),
      );
    }
    const format = eventFormatOf(ctx, deps);
    ctx.authorization = lambdaAuthorization(
      verdict,
      outcome.kind === 'allow' ? outcome.latencyMs : 0,
      format,
    );
    return allow(
      ctx,
      `${outcome.cached ? 'cached policy' : 'authorizer'} of ${verdict.principalId ?? 'the caller'} allows ${methodArn}`,
    );
  }
  let outcome: CredentialOutcome;
  if (authorizer !== undefined) {
    const jwt = await loadEngine(auth, 'jwt');
    ctx.trace.authorization!.authorizer = authorizer.name;
    outcome = await jwt.authorizeWithToken(
      ctx,
      deps,
      auth,
      authorizer,
      routeAuth.scopes,
      eventFormatOf(ctx, deps),
    );
  } else {
    const iam = await loadEngine(auth, 'iam');
    outcome = await iam.authenticateIam(ctx, deps, auth, methodArn, eventFormatOf(ctx, deps));
  }
  if (outcome.kind === 'rejected')
    return fail(ctx, deps, outcome.failure, outcome.reason, outcome.message, outcome.headers);
  const caller = outcome.caller;
  if (caller !== undefined) {
    ctx.trace.authorization!.principalId = caller.arn;
    const identity = outcome.identityDecision!;
    const resource =
      policy === undefined
        ? undefined
        : evaluateCompiled(
            policy,
            'execute-api:Invoke',
            methodArn,
            caller,
            policy.hasConditions ? conditionContextOf(ctx, caller) : undefined,
          ).decision;
    const denied = iamDenial(identity, resource, caller.accountId !== deps.config.accountId);
    if (denied !== undefined) {
      return fail(
        ctx,
        deps,
        'ACCESS_DENIED',
        `${caller.arn}: ${denied.reason}`,
        invokeDenyMessage(caller.arn, methodArn, denied.explicit, denied.policy, auth.wording),
      );
    }
  } else if (policy !== undefined) {
    // Cognito/JWT: authenticated, then the resource policy on its own (Table A: silent counts as allow).
    const decision = anonymous();
    if (decision === 'explicit-deny') {
      return fail(
        ctx,
        deps,
        'ACCESS_DENIED',
        'the resource policy explicitly denies the request',
        invokeDenyMessage('anonymous', methodArn, true, 'resource', auth.wording),
      );
    }
  }
  ctx.authorization = outcome.authorization;
  return allow(ctx, outcome.note);
}

/**
 * IAM callers (behaviour.md §18.4): same account — Table A, an explicit deny on either side denies, either
 * side's allow is enough; cross-account — Table B, both must allow. `undefined` means allowed.
 */
function iamDenial(
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
  if (resource === undefined) {
    return identity === 'allow'
      ? undefined
      : { explicit: false, policy: 'identity', reason: 'no IAM policy of the caller allows the method' };
  }
  if (crossAccount) {
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
  return identity === 'allow' || resource === 'allow'
    ? undefined
    : {
        explicit: false,
        policy: 'identity',
        reason: "neither the caller's IAM policy nor the resource policy allows the method",
      };
}

/** The payload format of the event the route's integration receives. */
function eventFormatOf(ctx: PipelineContext, deps: PipelineDeps): '1.0' | '2.0' {
  const integration = ctx.route!.integration;
  return deps.config.apiType === 'HTTP' &&
    integration.type === 'AWS_PROXY' &&
    integration.payloadFormatVersion === '2.0'
    ? '2.0'
    : '1.0';
}

function allow(ctx: PipelineContext, detail: string): PipelineContext {
  ctx.trace.authorization!.decision = 'allow';
  if (ctx.detailed)
    record(ctx, {
      stage: 'authorize',
      decision: ctx.trace.authorization!.cached ? 'allow (cache hit)' : 'allow',
      detail,
    });
  return ctx;
}

function fail(
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
  const cached = trace.cached === true ? ' (cache hit)' : '';
  // HTTP APIs answer every denial with {"message":"Forbidden"} (behaviour.md §2.3); the IAM-style texts are REST's.
  if (failure === 'ACCESS_DENIED' && deps.config.apiType === 'HTTP') message = undefined;
  record(ctx, { stage: 'authorize', decision: `${failure.toLowerCase()}${cached}`, detail: reason });
  const detail =
    message === undefined
      ? headers === undefined
        ? undefined
        : { headers }
      : headers === undefined
        ? { message }
        : { message, headers };
  return gatewayResponse(deps.config.apiType, failure, ctx, detail);
}

export type { GatewayAuth };
