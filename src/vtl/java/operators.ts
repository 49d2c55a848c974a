import { javaToString, printValue } from './print.js';
import {
  isIntegral,
  isNumber,
  JavaDouble,
  type JavaIntegral,
  javaIntegral,
  MapEntry,
  numberValue,
} from './values.js';

/**
 * AWS `#if` truthiness: only `false` is false. Null, undefined references, `""` and `0` are all true
 * (`#if($undefined)yes#end` prints `yes`).
 */
export function isTruthy(value: unknown): boolean {
  return value !== false;
}

/**
 * Velocity 1.7 `==` with AWS null handling: null equals null and `""`; numbers compare by value across
 * Integer/Double; values of the same kind use Java `equals`; otherwise their `toString()` texts are compared.
 */
export function velocityEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined || b === '';
  if (b === null || b === undefined) return a === '';
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) === 0;
  if (typeof a === typeof b && typeof a !== 'object') return a === b;
  if ((a instanceof Map && b instanceof Map) || (Array.isArray(a) && Array.isArray(b)))
    return javaEquals(a, b);
  return javaToString(a) === javaToString(b);
}

/** Java `a.equals(b)`: Integer 1 does not equal Double 1.0; lists and maps compare element-wise. */
export function javaEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (a instanceof JavaDouble) return b instanceof JavaDouble && a.value === b.value;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!javaEquals(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !javaEquals(v, b.get(k))) return false;
    return true;
  }
  if (a instanceof MapEntry)
    return b instanceof MapEntry && javaEquals(a.key, b.key) && javaEquals(a.value, b.value);
  return false;
}

/** Velocity 1.7 relational operators compare numbers only; anything else is false. */
export function velocityCompare(op: '<' | '<=' | '>' | '>=', a: unknown, b: unknown): boolean {
  if (!isNumber(a) || !isNumber(b)) return false;
  const c = compareNumbers(a, b);
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

/**
 * Velocity `MathUtils.compare`: integers compare exactly at any size; with a Double both sides compare as
 * doubles, and NaN compares equal to everything (Java's `<`/`>` are both false).
 */
function compareNumbers(a: JavaIntegral | JavaDouble, b: JavaIntegral | JavaDouble): number {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    if (isIntegral(a) && isIntegral(b)) {
      const x = BigInt(a);
      const y = BigInt(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
  const x = numberValue(a);
  const y = numberValue(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * Exact integer arithmetic (Velocity promotes Integer → Long → BigInteger on overflow, so nothing wraps).
 * Division truncates; `%` keeps the dividend's sign, except that BigInteger operands (beyond the Long range)
 * use `BigInteger.mod`, which is never negative for a positive divisor.
 */
function integralArithmetic(op: '+' | '-' | '*' | '/' | '%', a: JavaIntegral, b: JavaIntegral): JavaIntegral {
  if (typeof a === 'number' && typeof b === 'number') {
    let r: number;
    switch (op) {
      case '+':
        r = a + b;
        break;
      case '-':
        r = a - b;
        break;
      case '*':
        r = a * b;
        break;
      case '/':
        return Math.trunc(a / b) + 0;
      default:
        return (a % b) + 0;
    }
    if (Number.isSafeInteger(r)) return r + 0;
  }
  const x = BigInt(a);
  const y = BigInt(b);
  switch (op) {
    case '+':
      return javaIntegral(x + y);
    case '-':
      return javaIntegral(x - y);
    case '*':
      return javaIntegral(x * y);
    case '/':
      return javaIntegral(x / y);
    default: {
      const big = x < LONG_MIN || x > LONG_MAX || y < LONG_MIN || y > LONG_MAX;
      const r = x % y;
      return javaIntegral(big && r < 0n && y > 0n ? r + y : r);
    }
  }
}

/**
 * Velocity 1.7 arithmetic: `+` with a String operand concatenates (null as empty text); Integer op Integer stays
 * integral (Java division truncates); any Double makes a Double; a non-number or a zero divisor gives null.
 */
export function velocityArithmetic(op: '+' | '-' | '*' | '/' | '%', a: unknown, b: unknown): unknown {
  if (op === '+' && (typeof a === 'string' || typeof b === 'string')) return printValue(a) + printValue(b);
  if (!isNumber(a) || !isNumber(b)) return null;
  const y = numberValue(b);
  if ((op === '/' || op === '%') && y === 0) return null;
  if (isIntegral(a) && isIntegral(b)) return integralArithmetic(op, a, b);
  const x = numberValue(a);
  switch (op) {
    case '+':
      return new JavaDouble(x + y);
    case '-':
      return new JavaDouble(x - y);
    case '*':
      return new JavaDouble(x * y);
    case '/':
      return new JavaDouble(x / y);
    default:
      return new JavaDouble(x % y);
  }
}
