import type { PolicyDocument } from 'aws-lambda';
import { type ConditionTest, compileCondition } from './conditions.js';
import { PolicyDocumentError } from './policy-error.js';
import { compilePrincipal, type PrincipalTest } from './principal.js';
import { anyOf, type WildcardMatcher } from './wildcard.js';

/** One statement, ready to evaluate. */
export interface CompiledStatement {
  index: number;
  sid: string | undefined;
  effect: 'Allow' | 'Deny';
  /** True when the statement names the action (`Action`), or does not exclude it (`NotAction`). */
  action: WildcardMatcher;
  resource: WildcardMatcher;
  /** Absent: the statement has no `Principal` (identity-based and authorizer policies). */
  principal: PrincipalTest | undefined;
  condition: ConditionTest | undefined;
}

/** A validated policy document. */
export interface CompiledPolicy {
  statements: readonly CompiledStatement[];
  /** Some statement has a `Condition` (the caller then builds the condition context). */
  hasConditions: boolean;
}

/** What a policy document is used as: who may write `Principal`, and how `execute-api:/…` is expanded. */
export interface CompilePolicyOptions {
  /** `resource`: a REST resource policy (statements need a `Principal`); `identity`: IAM or authorizer output. */
  kind: 'resource' | 'identity';
  /** `arn:aws:execute-api:{region}:{account}:{apiId}`: expands the `execute-api:/…` shorthand of resource policies. */
  apiArn?: string;
}

const STATEMENT_KEYS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];

/**
 * Validates an IAM policy document (an object or its JSON text) and compiles its statements. Throws
 * {@link PolicyDocumentError} for anything IAM refuses: not JSON, no `Statement`, an `Effect` other than
 * `Allow`/`Deny`, neither or both of `Action`/`NotAction` (likewise `Resource`), an unknown statement key,
 * an invalid condition, or — in a resource policy — a statement without `Principal`.
 */
export function compilePolicy(document: unknown, options: CompilePolicyOptions): CompiledPolicy {
  let doc = document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch (error) {
      throw new PolicyDocumentError('$', `not valid JSON (${(error as Error).message})`);
    }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new PolicyDocumentError('$', 'a policy document is an object with Version and Statement');
  }
  const { Statement: raw, Version: version } = doc as PolicyDocument;
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    throw new PolicyDocumentError(
      '$.Version',
      `${JSON.stringify(version)} is not a policy language version; use "2012-10-17"`,
    );
  }
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (list.length === 0) throw new PolicyDocumentError('$.Statement', 'the policy has no statement');
  const statements = list.map((item, index) =>
    compileStatement(item, Array.isArray(raw) ? `$.Statement[${index}]` : '$.Statement', index, options),
  );
  return { statements, hasConditions: statements.some((s) => s.condition !== undefined) };
}

function compileStatement(
  item: unknown,
  path: string,
  index: number,
  options: CompilePolicyOptions,
): CompiledStatement {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new PolicyDocumentError(path, 'a statement is an object');
  }
  const s = item as Record<string, unknown>;
  for (const key of Object.keys(s)) {
    if (!STATEMENT_KEYS.includes(key))
      throw new PolicyDocumentError(`${path}.${key}`, 'unknown statement element');
  }
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') {
    throw new PolicyDocumentError(`${path}.Effect`, `${JSON.stringify(s.Effect)}; use "Allow" or "Deny"`);
  }
  if (s.Sid !== undefined && typeof s.Sid !== 'string')
    throw new PolicyDocumentError(`${path}.Sid`, 'must be a string');
  const action = pair(s, path, 'Action', true, (v) => v);
  const expand = (v: string) =>
    options.apiArn !== undefined && v.startsWith('execute-api:/') ? `${options.apiArn}/${v.slice(13)}` : v;
  const resource = pair(s, path, 'Resource', false, expand);
  let principal: PrincipalTest | undefined;
  if (s.Principal !== undefined || s.NotPrincipal !== undefined) {
    if (options.kind !== 'resource') {
      throw new PolicyDocumentError(`${path}.Principal`, 'only resource policies name a Principal');
    }
    if (s.Principal !== undefined && s.NotPrincipal !== undefined) {
      throw new PolicyDocumentError(path, 'give Principal or NotPrincipal, not both');
    }
    const negate = s.Principal === undefined;
    principal = compilePrincipal(
      negate ? s.NotPrincipal : s.Principal,
      `${path}.${negate ? 'NotPrincipal' : 'Principal'}`,
      negate,
    );
  } else if (options.kind === 'resource') {
    throw new PolicyDocumentError(
      `${path}.Principal`,
      'a resource policy statement needs a Principal (e.g. "*")',
    );
  }
  let condition: ConditionTest | undefined;
  if (s.Condition !== undefined) {
    try {
      condition = compileCondition(s.Condition);
    } catch (error) {
      throw new PolicyDocumentError(`${path}.Condition`, (error as Error).message);
    }
  }
  return {
    index,
    sid: s.Sid as string | undefined,
    effect: s.Effect,
    action,
    resource,
    principal,
    condition,
  };
}

/** Compiles `Action`/`NotAction` (or `Resource`/`NotResource`): exactly one of the pair, strings only. */
function pair(
  s: Record<string, unknown>,
  path: string,
  name: 'Action' | 'Resource',
  ignoreCase: boolean,
  map: (value: string) => string,
): WildcardMatcher {
  const not = `Not${name}`;
  const value = s[name] ?? s[not];
  if (s[name] !== undefined && s[not] !== undefined)
    throw new PolicyDocumentError(path, `give ${name} or ${not}, not both`);
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const where = `${path}.${s[name] !== undefined ? name : not}`;
  if (list.length === 0) throw new PolicyDocumentError(where, `the statement has no ${name}`);
  if (list.some((v) => typeof v !== 'string' || v === '')) {
    throw new PolicyDocumentError(where, `${JSON.stringify(value)}; give a string or an array of strings`);
  }
  if (name === 'Resource' && list.some((v: string) => v.length > 512)) {
    throw new PolicyDocumentError(where, 'a Resource ARN is limited to 512 characters');
  }
  const match = anyOf((list as string[]).map(map), ignoreCase);
  return s[name] !== undefined ? match : (text) => !match(text);
}
