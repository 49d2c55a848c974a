import type { PolicyDocument } from 'aws-lambda';
import { assertKnownOptions, InvalidInputError } from '../../../errors/families.js';
import { type CompiledPolicy, compilePolicy } from './compile-policy.js';
import { evaluateCompiled, type PolicyDecision } from './evaluate-compiled.js';
import { PolicyDocumentError } from './policy-error.js';

/** Options of {@link evaluatePolicy}: the request a policy is asked about. */
export interface EvaluatePolicyOptions {
  /** Default `execute-api:Invoke`. Matched case-insensitively, with `*` and `?` wildcards in the policy. */
  action?: string;
  /** The method ARN, e.g. `arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets/7`. */
  resource: string;
  /** The IAM caller (resource policies' `Principal`); omit for an anonymous caller. */
  principal?: { arn: string; accountId?: string };
  /** Condition keys and their values (`{ 'aws:SourceIp': '203.0.113.9' }`); names are case-insensitive. */
  context?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

/** The verdict of {@link evaluatePolicy} and the statement that decided it (none for an implicit deny). */
export interface PolicyEvaluation {
  decision: PolicyDecision;
  statement?: { index: number; sid?: string; effect: 'Allow' | 'Deny' };
}

const WHERE = 'evaluatePolicy';
const KNOWN = ['action', 'resource', 'principal', 'context'];

/**
 * Evaluates an IAM policy document the way API Gateway does for `execute-api:Invoke`: statements whose
 * `Action`, `Resource` (with `*` and `?` wildcards), `Principal` and `Condition` all match apply; an explicit
 * `Deny` wins over any `Allow`; no matching `Allow` is an implicit deny. Works on a Lambda authorizer's
 * `policyDocument`, an IAM identity policy and a REST resource policy (statements with `Principal`).
 * Throws `InvalidInputError` (`POLICY_INVALID`) for a document IAM would refuse.
 *
 * @example
 * ```ts
 * import { evaluatePolicy } from 'apigw-testkit/auth';
 * const { decision } = evaluatePolicy(
 *   { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:*:*:abcd1234ef/dev/GET/*' }] },
 *   { resource: 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/POST/pets' },
 * );
 * decision; // 'implicit-deny'
 * ```
 */
export function evaluatePolicy(
  // Any object: an authorizer's result is often typed loosely (`Effect: string`); the shape is checked here.
  policyDocument: PolicyDocument | string | object,
  options: EvaluatePolicyOptions,
): PolicyEvaluation {
  if (typeof options !== 'object' || options === null || typeof options.resource !== 'string') {
    throw new InvalidInputError(
      'INVALID_OPTION_VALUE',
      `${WHERE}: options.resource must be the ARN being accessed`,
      "Pass { resource: 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets' }.",
    );
  }
  assertKnownOptions(WHERE, options, KNOWN);
  const doc = typeof policyDocument === 'string' ? safeParse(policyDocument) : policyDocument;
  let policy: CompiledPolicy;
  try {
    policy = compilePolicy(doc, { kind: hasPrincipal(doc) ? 'resource' : 'identity' });
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    throw new InvalidInputError(
      'POLICY_INVALID',
      `${WHERE}: the policy document is not valid IAM JSON: ${error.message}`,
      'Fix the part named; a statement needs Effect, Action (or NotAction) and Resource (or NotResource).',
      { path: error.path },
    );
  }
  const context = new Map<string, string | readonly string[]>();
  for (const [key, value] of Object.entries(options.context ?? {})) {
    context.set(key.toLowerCase(), Array.isArray(value) ? value.map(String) : String(value));
  }
  const principal = options.principal;
  const caller = principal
    ? { arn: principal.arn, accountId: principal.accountId ?? principal.arn.split(':')[4] ?? '' }
    : undefined;
  const verdict = evaluateCompiled(
    policy,
    options.action ?? 'execute-api:Invoke',
    options.resource,
    caller,
    context,
  );
  const s = verdict.statement;
  if (s === undefined) return { decision: verdict.decision };
  return {
    decision: verdict.decision,
    statement:
      s.sid === undefined
        ? { index: s.index, effect: s.effect }
        : { index: s.index, sid: s.sid, effect: s.effect },
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // compilePolicy reports it
  }
}

function hasPrincipal(doc: unknown): boolean {
  const raw = (doc as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.some((s) => typeof s === 'object' && s !== null && ('Principal' in s || 'NotPrincipal' in s));
}
