import { javaToString, printValue } from './print.js';
import { isNumber, JavaDouble, MapEntry, numberValue } from './values.js';

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
  if (isNumber(a) && isNumber(b)) return numberValue(a) === numberValue(b);
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
  const x = numberValue(a);
  const y = numberValue(b);
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

/**
 * Velocity 1.7 arithmetic: `+` with a String operand concatenates (null as empty text); Integer op Integer stays
 * integral (Java division truncates); any Double makes a Double; a non-number or a zero divisor gives null.
 */
export function velocityArithmetic(op: '+' | '-' | '*' | '/' | '%', a: unknown, b: unknown): unknown {
  if (op === '+' && (typeof a === 'string' || typeof b === 'string')) return printValue(a) + printValue(b);
  if (!isNumber(a) || !isNumber(b)) return null;
  const x = numberValue(a);
  const y = numberValue(b);
  if ((op === '/' || op === '%') && y === 0) return null;
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return Math.trunc(x / y) + 0;
      default:
        return (x % y) + 0;
    }
  }
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
