import { builtin } from '../../../node/builtin.js';
import { compileWildcard } from './wildcard.js';

/** Values of the request's condition keys, by lowercased key (`aws:sourceip`). */
export type ConditionContext = ReadonlyMap<string, string | readonly string[]>;

/** A compiled `Condition` block: true when every operator's test passes. */
export type ConditionTest = (context: ConditionContext) => boolean;

type ValueTest = (actual: string) => boolean;

const STRING_OPS = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike']);
const NEGATED: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};
const COMPARISONS: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  Equals: (a, b) => a === b,
  LessThan: (a, b) => a < b,
  LessThanEquals: (a, b) => a <= b,
  GreaterThan: (a, b) => a > b,
  GreaterThanEquals: (a, b) => a >= b,
};

/**
 * Compiles a policy statement's `Condition` block (IAM condition operators with `IfExists` and the
 * `ForAnyValue:`/`ForAllValues:` set qualifiers). Several operators, and several keys under one operator, must
 * all hold; several values of one key are alternatives. A negated operator (`StringNotEquals`, `NotIpAddress`)
 * holds when the key is absent, a positive one fails. Throws a plain `Error` naming what is invalid; callers
 * wrap it in their typed error.
 */
export function compileCondition(block: unknown): ConditionTest {
  if (typeof block !== 'object' || block === null || Array.isArray(block)) {
    throw new Error('Condition must be an object of operators');
  }
  const tests: ConditionTest[] = [];
  for (const [rawOperator, keys] of Object.entries(block)) {
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) {
      throw new Error(`Condition operator ${rawOperator} must map condition keys to values`);
    }
    for (const [key, raw] of Object.entries(keys as Record<string, unknown>)) {
      tests.push(compileKeyTest(rawOperator, key.toLowerCase(), toValues(rawOperator, key, raw)));
    }
  }
  return (context) => {
    for (const test of tests) if (!test(context)) return false;
    return true;
  };
}

function toValues(operator: string, key: string, raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0 || list.some((v) => !['string', 'number', 'boolean'].includes(typeof v))) {
    throw new Error(`Condition ${operator} ${key} must be a string, number, boolean or an array of them`);
  }
  return list.map(String);
}

function compileKeyTest(rawOperator: string, key: string, values: string[]): ConditionTest {
  let operator = rawOperator;
  let set: 'any' | 'all' | undefined;
  if (operator.startsWith('ForAnyValue:')) set = 'any';
  else if (operator.startsWith('ForAllValues:')) set = 'all';
  if (set) operator = operator.slice(operator.indexOf(':') + 1);
  const ifExists = operator.endsWith('IfExists');
  if (ifExists) operator = operator.slice(0, -'IfExists'.length);
  if (operator === 'Null') {
    const wantAbsent = values.map((v) => v.toLowerCase() === 'true');
    return (context) => wantAbsent.includes(!context.has(key));
  }
  const positive = NEGATED[operator] ?? operator;
  const negated = positive !== operator;
  const test = valueTest(rawOperator, positive, values);
  return (context) => {
    const actual = context.get(key);
    if (actual === undefined) return ifExists || negated || set === 'all';
    const list = typeof actual === 'string' ? [actual] : actual;
    if (set === 'all') return list.every((v) => test(v) !== negated);
    const some = list.some(test);
    return negated ? !some : some;
  };
}

function valueTest(rawOperator: string, operator: string, values: string[]): ValueTest {
  if (STRING_OPS.has(operator)) {
    if (operator === 'StringEquals') return (a) => values.includes(a);
    if (operator === 'StringEqualsIgnoreCase') {
      const lower = values.map((v) => v.toLowerCase());
      return (a) => lower.includes(a.toLowerCase());
    }
    const globs = values.map((v) => compileWildcard(v, false));
    return (a) => globs.some((g) => g(a));
  }
  if (operator === 'ArnEquals' || operator === 'ArnLike') {
    const globs = values.map((v) => compileWildcard(v, false));
    return (a) => globs.some((g) => g(a));
  }
  if (operator === 'Bool') {
    const lower = values.map((v) => v.toLowerCase());
    return (a) => lower.includes(a.toLowerCase());
  }
  if (operator === 'IpAddress') return ipTest(values);
  for (const family of ['Numeric', 'Date'] as const) {
    const compare = operator.startsWith(family) ? COMPARISONS[operator.slice(family.length)] : undefined;
    if (compare) {
      const parse = family === 'Numeric' ? Number : parseDate;
      const wanted = values.map((v) => {
        const n = parse(v);
        if (Number.isNaN(n))
          throw new Error(`Condition ${rawOperator}: ${JSON.stringify(v)} is not a ${family.toLowerCase()}`);
        return n;
      });
      return (a) => {
        const n = parse(a);
        return !Number.isNaN(n) && wanted.some((w) => compare(n, w));
      };
    }
  }
  throw new Error(`unknown condition operator ${rawOperator}`);
}

/** Epoch milliseconds of an ISO 8601 date or of epoch seconds (as `aws:EpochTime` gives them). */
function parseDate(value: string): number {
  return /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
}

function ipTest(values: string[]): ValueTest {
  const { BlockList, isIP } = builtin('node:net');
  const list = new BlockList();
  for (const value of values) {
    const [address = '', bits] = value.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`IpAddress ${JSON.stringify(value)} is not an IP address or CIDR range`);
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return (actual) => {
    const family = isIP(actual);
    return family !== 0 && list.check(actual, family === 6 ? 'ipv6' : 'ipv4');
  };
}
