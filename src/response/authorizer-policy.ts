import type { CompiledPolicy } from '../gateway/auth/policy/compile-policy.js';
import { evaluateCompiled } from '../gateway/auth/policy/evaluate-compiled.js';
import { anyOf, compileWildcard } from '../gateway/auth/policy/wildcard.js';
import type {
  AuthorizerDecision,
  AuthorizerResultFinding,
  AuthorizerResultIssueCode,
} from './authorizer-result-types.js';
import { childPath, describeValue } from './json-path.js';
import { isJsonObject } from './wire-value.js';

type Issues = AuthorizerResultFinding<AuthorizerResultIssueCode>[];

/** One checked policy statement. */
export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  resources: string[];
}

// IAM limits a policy Resource ARN to 512 characters (behaviour.md §2.2 [DOC]).
const MAX_RESOURCE = 512;

function strings(
  issues: Issues,
  path: string,
  value: unknown,
  code: AuthorizerResultIssueCode,
  what: string,
): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((item) => typeof item !== 'string')) {
    issues.push({
      path,
      code,
      message: `${what} is ${describeValue(value)}; give a string or an array of strings`,
    });
    return [];
  }
  return list as string[];
}

/** Checks `policyDocument` (`Statement` an array or a single object) and returns its statements. */
export function readPolicy(issues: Issues, value: unknown): PolicyStatement[] {
  const path = '$.policyDocument';
  if (!isJsonObject(value)) {
    issues.push({
      path,
      code: 'POLICY_DOCUMENT_NOT_OBJECT',
      message: `policyDocument is ${describeValue(value)}, not an object`,
    });
    return [];
  }
  const raw = value.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (list.length === 0) {
    issues.push({
      path: `${path}.Statement`,
      code: 'POLICY_STATEMENT_INVALID',
      message: 'policyDocument has no Statement',
    });
    return [];
  }
  const out: PolicyStatement[] = [];
  list.forEach((item, index) => {
    const at = Array.isArray(raw) ? childPath(`${path}.Statement`, index) : `${path}.Statement`;
    if (!isJsonObject(item)) {
      issues.push({
        path: at,
        code: 'POLICY_STATEMENT_INVALID',
        message: `statement is ${describeValue(item)}, not an object`,
      });
      return;
    }
    const effect = item.Effect;
    if (effect !== 'Allow' && effect !== 'Deny') {
      issues.push({
        path: `${at}.Effect`,
        code: 'POLICY_EFFECT_INVALID',
        message: `Effect is ${describeValue(effect)}; use "Allow" or "Deny"`,
      });
    }
    const actions = strings(issues, `${at}.Action`, item.Action, 'POLICY_ACTION_INVALID', 'Action');
    const resources = strings(issues, `${at}.Resource`, item.Resource, 'POLICY_RESOURCE_INVALID', 'Resource');
    resources.forEach((resource, i) => {
      if (resource.length > MAX_RESOURCE) {
        issues.push({
          path: Array.isArray(item.Resource) ? childPath(`${at}.Resource`, i) : `${at}.Resource`,
          code: 'POLICY_RESOURCE_TOO_LONG',
          message: `Resource is ${resource.length} characters; the limit is ${MAX_RESOURCE}`,
        });
      }
    });
    if (effect === 'Allow' || effect === 'Deny') out.push({ effect, actions, resources });
  });
  return out;
}

/**
 * IAM-style wildcard match, as policy `Action` (case-insensitive) and `Resource` (case-sensitive) use it:
 * `*` matches any run of characters (slashes included), `?` exactly one.
 *
 * @example
 * ```ts
 * iamGlobMatches('arn:aws:execute-api:*:*:abcd1234ef/dev/GET/*', 'arn:aws:execute-api:us-east-1:1:abcd1234ef/dev/GET/pets/7', false); // true
 * ```
 */
export function iamGlobMatches(pattern: string, text: string, ignoreCase: boolean): boolean {
  return compileWildcard(pattern, ignoreCase)(text);
}

/**
 * IAM evaluation of checked statements for `execute-api:Invoke` on `methodArn`, by the gateway's policy engine:
 * a matching `Deny` wins, then a matching `Allow`; otherwise the request is implicitly denied.
 */
export function evaluatePolicy(
  statements: readonly PolicyStatement[],
  methodArn: string,
): AuthorizerDecision {
  const policy: CompiledPolicy = {
    statements: statements.map((s, index) => ({
      index,
      sid: undefined,
      effect: s.effect,
      action: anyOf(s.actions, true),
      resource: anyOf(s.resources, false),
      principal: undefined,
      condition: undefined,
    })),
    hasConditions: false,
  };
  return evaluateCompiled(policy, 'execute-api:Invoke', methodArn, undefined).decision;
}
