import type { CompiledPolicy, CompiledStatement } from './compile-policy.js';
import type { ConditionContext } from './conditions.js';
import type { PolicyCaller } from './principal.js';

/** IAM's verdict: a matching `Deny` wins, then a matching `Allow`; otherwise the request is implicitly denied. */
export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

/** The verdict and the statement that decided it (none for an implicit deny). */
export interface PolicyVerdict {
  decision: PolicyDecision;
  statement: CompiledStatement | undefined;
}

const NO_CONTEXT: ConditionContext = new Map();

/** Evaluates a compiled policy for one action on one resource, by one caller, with condition keys. */
export function evaluateCompiled(
  policy: CompiledPolicy,
  action: string,
  resource: string,
  caller: PolicyCaller | undefined,
  context: ConditionContext = NO_CONTEXT,
): PolicyVerdict {
  let allowed: CompiledStatement | undefined;
  for (const statement of policy.statements) {
    if (statement.effect === 'Allow' && allowed !== undefined) continue;
    if (!statement.action(action) || !statement.resource(resource)) continue;
    if (statement.principal !== undefined && !statement.principal(caller)) continue;
    if (statement.condition !== undefined && !statement.condition(context)) continue;
    if (statement.effect === 'Deny') return { decision: 'explicit-deny', statement };
    allowed = statement;
  }
  return allowed
    ? { decision: 'allow', statement: allowed }
    : { decision: 'implicit-deny', statement: undefined };
}
