import type { CredentialOutcome } from '../auth/auth-outcome.js';
import { authorizeWithLambda } from '../auth/authorize-lambda.js';
import type { CompiledLambdaAuthorizer, RouteAuth } from '../auth/compiled-auth.js';
import type { GatewayAuth } from '../auth/create-auth.js';
import { invokeDenyMessage } from '../auth/deny-messages.js';
import { readIdentity } from '../auth/identity-sources.js';
import { cachedOutcome } from '../auth/lambda/run-lambda-authorizer.js';
import { loadEngine } from '../auth/load-engine.js';
import { evaluateCompiled, type PolicyDecision } from '../auth/policy/evaluate-compiled.js';
import { conditionContextOf, identityRequestOf, methodArnOf, requestFactsOf } from '../auth/request-facts.js';
import { allow, eventFormatOf, fail, iamDenial, lambdaVerdict } from '../auth/stage-verdicts.js';
import type { PipelineContext, StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';

/**
 * The authorize stage (docs/decisions/0003: after routing, before API keys): the route's Lambda authorizer,
 * token check (JWT, Cognito) or SigV4 signature, then the REST resource policy, combined as AWS's authorization
 * flow does (behaviour.md §2, §18). Sets `ctx.authorization`; a refusal is a gateway response (401, 403, 500).
 * Called only for routes with an `auth`. A cached Lambda authorizer verdict is answered synchronously.
 */
export function authorize(ctx: PipelineContext, deps: PipelineDeps): StageResult | Promise<StageResult> {
  const routeAuth = ctx.route!.auth!;
  const auth = deps.policies.auth!;
  const methodArn = methodArnOf(ctx, auth.apiArn, deps.config.stageName);
  const trace: NonNullable<PipelineContext['trace']['authorization']> = {
    type: routeAuth.type,
    decision: 'pending',
    methodArn,
    latencyMs: 0,
  };
  ctx.trace.authorization = trace;
  const authorizer = routeAuth.authorizer;
  if (authorizer?.kind === 'lambda' && routeAuth.resourcePolicy === undefined) {
    trace.authorizer = authorizer.name;
    const identity = readIdentity(authorizer.identity, identityRequestOf(ctx, deps), deps.config.apiType);
    const hit = cachedOutcome(authorizer, identity, methodArn, auth.cache);
    if (hit !== undefined) return lambdaVerdict(ctx, deps, auth, hit, undefined, methodArn);
  }
  const started = deps.config.clock.now();
  return decide(ctx, deps, auth, routeAuth, methodArn).then((result) => {
    trace.latencyMs = deps.config.clock.now() - started;
    return result;
  });
}

async function decide(
  ctx: PipelineContext,
  deps: PipelineDeps,
  auth: GatewayAuth,
  routeAuth: RouteAuth,
  methodArn: string,
): Promise<StageResult> {
  const policy = routeAuth.resourcePolicy;
  const anonymous = (): PolicyDecision | undefined =>
    policy &&
    evaluateCompiled(
      policy,
      'execute-api:Invoke',
      methodArn,
      undefined,
      policy.hasConditions ? conditionContextOf(requestFactsOf(ctx), undefined) : undefined,
    ).decision;
  const denyAnonymous = (reason: string) =>
    fail(
      ctx,
      deps,
      'ACCESS_DENIED',
      reason,
      invokeDenyMessage('anonymous', methodArn, true, 'resource', auth.wording),
    );
  const authorizer = routeAuth.authorizer;
  if (routeAuth.type === 'NONE') {
    const decision = anonymous();
    if (decision === 'allow') return allow(ctx, 'the resource policy allows anonymous callers');
    const explicit = decision === 'explicit-deny';
    return fail(
      ctx,
      deps,
      'ACCESS_DENIED',
      `the resource policy ${explicit ? 'explicitly denies' : 'does not allow'} anonymous callers`,
      invokeDenyMessage('anonymous', methodArn, explicit, 'resource', auth.wording),
    );
  }
  if (authorizer?.kind === 'lambda') {
    const before = anonymous();
    // An explicit deny in the resource policy answers before the authorizer is invoked (authorization flow).
    if (before === 'explicit-deny')
      return denyAnonymous(
        'the resource policy explicitly denies the request; the authorizer is not invoked',
      );
    const outcome = await authorizeWithLambda(
      ctx,
      deps,
      auth,
      authorizer as CompiledLambdaAuthorizer,
      methodArn,
    );
    return lambdaVerdict(ctx, deps, auth, outcome, before, methodArn);
  }
  let outcome: CredentialOutcome;
  if (authorizer !== undefined) {
    ctx.trace.authorization!.authorizer = authorizer.name;
    const jwt = await loadEngine(auth, 'jwt');
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
    outcome = await iam.authenticateIam(
      requestFactsOf(ctx),
      deps.config,
      auth,
      methodArn,
      eventFormatOf(ctx, deps),
    );
  }
  if (outcome.kind === 'rejected')
    return fail(ctx, deps, outcome.failure, outcome.reason, outcome.message, outcome.headers);
  const caller = outcome.caller;
  if (caller !== undefined) {
    ctx.trace.authorization!.principalId = caller.arn;
    const resource =
      policy &&
      evaluateCompiled(
        policy,
        'execute-api:Invoke',
        methodArn,
        caller,
        policy.hasConditions ? conditionContextOf(requestFactsOf(ctx), caller) : undefined,
      ).decision;
    const denied = iamDenial(outcome.identityDecision!, resource, caller.accountId !== deps.config.accountId);
    if (denied !== undefined) {
      return fail(
        ctx,
        deps,
        'ACCESS_DENIED',
        `${caller.arn}: ${denied.reason}`,
        invokeDenyMessage(caller.arn, methodArn, denied.explicit, denied.policy, auth.wording),
      );
    }
  } else if (anonymous() === 'explicit-deny') {
    // Cognito/JWT: authenticated, then the resource policy on its own (only an explicit deny refuses).
    return denyAnonymous('the resource policy explicitly denies the request');
  }
  ctx.authorization = outcome.authorization;
  return allow(ctx, outcome.note);
}
