import type { Clock } from '../../../clock/clock.js';
import type { IdSource } from '../../../ids/ids.js';
import { validateAuthorizerResult } from '../../../response/validate-authorizer-result.js';
import { invokeLambda } from '../../integrations/invoke-lambda.js';
import { buildInvocationContext } from '../../integrations/lambda-context.js';
import type { LambdaErrorObject } from '../../trace.js';
import type { LambdaHandler } from '../../types.js';
import type { CompiledLambdaAuthorizer } from '../compiled-auth.js';
import { compilePolicy } from '../policy/compile-policy.js';
import { evaluateCompiled } from '../policy/evaluate-compiled.js';
import type { AuthorizerCache, AuthorizerVerdict } from './authorizer-cache.js';
import { authorizerLog, mask } from './authorizer-log.js';

/** API Gateway waits this long for a Lambda authorizer (behaviour.md §2.3, HTTP API quota; REST assumed equal). */
export const AUTHORIZER_TIMEOUT_MS = 10_000;

/** One authorization question, independent of the HTTP pipeline (a WebSocket `$connect` asks the same). */
export interface LambdaAuthorizerRequest {
  /** Identity-source values in order; `undefined` when one is missing or empty. */
  identity: readonly string[] | undefined;
  /** The method (REST, WebSocket) or route (HTTP API) ARN the policy is evaluated against. */
  methodArn: string;
  /** Builds the function's event; called only when the function is invoked (not on a cache hit). */
  event: () => unknown;
  requestId: string;
}

/** What the runner needs from its gateway. */
export interface LambdaAuthorizerEnv {
  clock: Clock;
  ids: IdSource;
  region: string;
  accountId: string;
  cache: AuthorizerCache;
  logStreamName(functionName: string, start: number): string;
  /** Receives execution-log lines (built only when a log is kept). */
  log: ((lines: () => readonly string[]) => void) | undefined;
}

/** How an authorization ended. `cached` says whether the verdict came from the result cache. */
export type LambdaAuthorizerOutcome =
  | { kind: 'allow'; cached: boolean; verdict: AuthorizerVerdict; latencyMs: number }
  | { kind: 'deny'; cached: boolean; explicit: boolean; verdict: AuthorizerVerdict }
  | { kind: 'unauthorized'; reason: string }
  | { kind: 'error'; reason: string; error?: LambdaErrorObject };

/**
 * Runs a Lambda authorizer as API Gateway does (behaviour.md §2): missing identity → 401 without invoking;
 * a TOKEN failing `identityValidationExpression` → 401; a cached verdict for the same identity values is reused
 * (its policy evaluated against *this* request's ARN); otherwise the function is invoked like a warm Lambda
 * within 10 s, its result checked with `validateAuthorizerResult`, cached, and evaluated. `Unauthorized` thrown
 * by the function → 401; any other error, a timeout or a malformed result → error (500).
 */
export async function runLambdaAuthorizer(
  authorizer: CompiledLambdaAuthorizer,
  request: LambdaAuthorizerRequest,
  env: LambdaAuthorizerEnv,
): Promise<LambdaAuthorizerOutcome> {
  const identity = request.identity;
  if (identity === undefined) {
    return {
      kind: 'unauthorized',
      reason: `identity source ${authorizer.identity.map((r) => r.expression).join(', ')} is missing or empty; the authorizer is not invoked`,
    };
  }
  if (authorizer.validation !== undefined && !authorizer.validation(identity[0]!)) {
    return {
      kind: 'unauthorized',
      reason: 'the token does not match identityValidationExpression; the authorizer is not invoked',
    };
  }
  const key = authorizer.ttlMs > 0 ? cacheKey(identity) : undefined;
  const hit = cachedOutcome(authorizer, identity, request.methodArn, env.cache);
  if (hit !== undefined) return hit;
  const { clock } = env;
  const start = clock.now();
  const event = request.event();
  env.log?.(() => authorizerLog.start(authorizer, env, request.requestId, identity, event));
  const outcome = await invokeLambda({
    handler: authorizer.handler as unknown as LambdaHandler,
    event,
    context: buildInvocationContext({
      functionName: authorizer.functionName,
      memoryLimitInMB: 128,
      region: env.region,
      accountId: env.accountId,
      awsRequestId: env.ids.uuid(),
      start,
      functionTimeoutMs: authorizer.functionTimeoutMs,
      logStreamName: env.logStreamName(authorizer.functionName, start),
      clock,
    }),
    clock,
    integrationTimeoutMs: AUTHORIZER_TIMEOUT_MS,
    functionTimeoutMs: authorizer.functionTimeoutMs,
  });
  const latencyMs = clock.now() - start;
  if (outcome.kind === 'timeout') {
    env.log?.(() => [
      'Execution failed due to a timeout error',
      'Execution failed due to configuration error: Authorizer error',
    ]);
    return { kind: 'error', reason: `the authorizer did not answer within ${AUTHORIZER_TIMEOUT_MS} ms` };
  }
  if (outcome.kind === 'error') {
    if (outcome.error.errorMessage === 'Unauthorized') {
      env.log?.(() => [`Unauthorized request: ${request.requestId}`]);
      return { kind: 'unauthorized', reason: 'the authorizer failed with "Unauthorized"' };
    }
    env.log?.(() => [
      `Lambda execution failed with status 200 due to customer function error: ${outcome.error.errorMessage}.`,
      'Execution failed due to configuration error: Authorizer error',
    ]);
    return {
      kind: 'error',
      reason: `the authorizer failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
      error: outcome.error,
    };
  }
  env.log?.(() => [`Authorizer result body before parsing: ${safeJson(outcome.value)}`]);
  const report = validateAuthorizerResult(outcome.value, {
    api: authorizer.api,
    simpleResponses: authorizer.simpleResponses,
  });
  if (!report.ok) {
    env.log?.(() => ['Execution failed due to configuration error: Invalid JSON in response']);
    return {
      kind: 'error',
      reason: `malformed authorizer result: ${report.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    };
  }
  const value = outcome.value as Record<string, unknown>;
  let verdict: AuthorizerVerdict;
  try {
    verdict = {
      principalId: typeof value.principalId === 'string' ? value.principalId : undefined,
      policy: authorizer.simpleResponses
        ? undefined
        : compilePolicy(value.policyDocument, { kind: 'identity' }),
      isAuthorized: authorizer.simpleResponses ? value.isAuthorized === true : undefined,
      context: report.integrationContext,
      usageIdentifierKey: typeof value.usageIdentifierKey === 'string' ? value.usageIdentifierKey : undefined,
    };
  } catch (error) {
    return { kind: 'error', reason: `malformed authorizer policy: ${(error as Error).message}` };
  }
  if (key !== undefined) env.cache.set(authorizer.name, key, verdict, authorizer.ttlMs);
  env.log?.(() => [
    `Using valid authorizer policy for principal: ${mask(verdict.principalId ?? '')}`,
    'Successfully completed authorizer execution',
  ]);
  return decide(verdict, request.methodArn, false, latencyMs);
}

/**
 * The outcome from the result cache alone, synchronously: `undefined` when the authorizer must run (no caching,
 * identity missing, no live entry for these identity values). A cached policy is evaluated against `methodArn`.
 */
export function cachedOutcome(
  authorizer: CompiledLambdaAuthorizer,
  identity: readonly string[] | undefined,
  methodArn: string,
  cache: AuthorizerCache,
): LambdaAuthorizerOutcome | undefined {
  if (authorizer.ttlMs === 0 || identity === undefined) return undefined;
  const hit = cache.get(authorizer.name, cacheKey(identity));
  return hit === undefined ? undefined : decide(hit, methodArn, true, 0);
}

const cacheKey = (identity: readonly string[]): string =>
  identity.length === 1 ? identity[0]! : identity.join('\u0000');

function decide(
  verdict: AuthorizerVerdict,
  methodArn: string,
  cached: boolean,
  latencyMs: number,
): LambdaAuthorizerOutcome {
  if (verdict.policy === undefined) {
    return verdict.isAuthorized
      ? { kind: 'allow', cached, verdict, latencyMs }
      : { kind: 'deny', cached, explicit: false, verdict };
  }
  const { decision } = evaluateCompiled(verdict.policy, 'execute-api:Invoke', methodArn, undefined);
  if (decision === 'allow') return { kind: 'allow', cached, verdict, latencyMs };
  return { kind: 'deny', cached, explicit: decision === 'explicit-deny', verdict };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return String(value);
  }
}
