import { TemplateRuntimeError } from '../errors.js';
import { ENTRY_METHODS, LIST_METHODS, MAP_METHODS } from './collection-methods.js';
import { commonMethod, STRING_METHODS, stringProperty } from './string-methods.js';
import {
  HostObject,
  isInteger,
  isNumber,
  JavaDouble,
  type JavaIntegral,
  javaIntegral,
  MapEntry,
  NO_METHOD,
  numberValue,
} from './values.js';

// Member access goes through explicit tables per Java type: a template can never read a JS property
// (constructor, __proto__, prototype…) or call a JS function it was not given.

/**
 * `$value.name` the way Velocity resolves it: a Map's `get("name")`, a host object's property, `isEmpty()` for
 * `.empty` on strings and lists, `getKey()/getValue()` on entries; anything else is null.
 */
export function getProperty(value: unknown, name: string): unknown {
  if (value instanceof Map) {
    const v = value.get(name);
    return v === undefined ? null : v;
  }
  if (value instanceof HostObject) {
    const getter = value.spec.properties.get(name);
    return getter ? getter(value.state) : null;
  }
  if (typeof value === 'string') return stringProperty(value, name);
  if (Array.isArray(value)) return name === 'empty' ? value.length === 0 : null;
  if (value instanceof MapEntry) return name === 'key' ? value.key : name === 'value' ? value.value : null;
  return null;
}

/** `$value.name(args)`: the method table of the value's Java type; a missing method or overload gives null. */
export function callMethod(value: unknown, name: string, args: readonly unknown[]): unknown {
  if (value === null || value === undefined) return null;
  let result: unknown = NO_METHOD;
  if (typeof value === 'string') {
    const m = STRING_METHODS.get(name);
    if (m) result = m(value, args);
  } else if (value instanceof HostObject) {
    const m = value.spec.methods.get(name);
    if (m) result = m(value.state, args);
    else if (args.length === 0 && name.length > 3 && name.startsWith('get')) {
      const getter = value.spec.properties.get(name.charAt(3).toLowerCase() + name.slice(4));
      if (getter) result = getter(value.state);
    }
  } else if (value instanceof Map) {
    const m = MAP_METHODS.get(name);
    if (m) result = m(value, args);
  } else if (Array.isArray(value)) {
    const m = LIST_METHODS.get(name);
    if (m) result = m(value, args);
  } else if (value instanceof MapEntry) {
    const m = ENTRY_METHODS.get(name);
    if (m) result = m(value, args);
  } else if (isNumber(value)) {
    result = numberMethod(value, name, args);
  } else if (typeof value === 'boolean' && name === 'booleanValue' && args.length === 0) {
    result = value;
  }
  if (result === NO_METHOD) result = commonMethod(value, name, args);
  return result === NO_METHOD || result === undefined ? null : result;
}

/**
 * `java.lang.Number` conversions: an integer's `intValue()`/`longValue()` keeps its low 32/64 bits (Java
 * narrowing wraps); a Double's truncates toward zero and saturates at the type's range, NaN giving 0.
 */
function numberMethod(value: JavaIntegral | JavaDouble, name: string, args: readonly unknown[]): unknown {
  if (args.length !== 0) return NO_METHOD;
  switch (name) {
    case 'intValue':
    case 'longValue': {
      const bits = name === 'intValue' ? 32 : 64;
      if (value instanceof JavaDouble) {
        const n = value.value;
        if (Number.isNaN(n)) return 0;
        const limit = 2 ** (bits - 1);
        if (n >= limit) return javaIntegral(BigInt(limit) - 1n);
        if (n <= -limit) return javaIntegral(-BigInt(limit));
        return Math.trunc(n) + 0;
      }
      return javaIntegral(BigInt.asIntN(bits, BigInt(value)));
    }
    case 'doubleValue':
    case 'floatValue':
      return new JavaDouble(numberValue(value));
    default:
      return NO_METHOD;
  }
}

/**
 * `$value[index]`: Velocity 1.7 calls `get(index)` (a negative index first adds `size()`), so a list index out
 * of range fails like `List.get` does; a non-integer index finds no `get` overload and gives null. On a Map
 * it is `get(key)`.
 */
export function getIndex(value: unknown, index: unknown): unknown {
  if (Array.isArray(value)) {
    if (!isInteger(index)) return null;
    const i = index < 0 ? value.length + index : index;
    if (i < 0 || i >= value.length) {
      throw new TemplateRuntimeError(
        'VTL_METHOD_FAILED',
        `List index [${index}] failed: index ${i} out of bounds for length ${value.length}`,
        'Check $list.size() first, e.g. #if($list.size() > 2)$list[2]#end.',
      );
    }
    const v = value[i];
    return v === undefined ? null : v;
  }
  if (value instanceof Map) {
    const v = value.get(index === null || index === undefined ? '' : index);
    return v === undefined ? null : v;
  }
  return null;
}

/** `#set($value.name = x)`: puts into a Map; other targets are left alone (Velocity finds no setter). */
export function setProperty(target: unknown, name: string, x: unknown): void {
  if (target instanceof Map) target.set(name, x);
}

/**
 * `#set($value[index] = x)`: map put (a null key becomes `""`, as AWS does) or `List.set` (negative counts from
 * the end; out of range fails like Java's `set`).
 */
export function setIndex(target: unknown, index: unknown, x: unknown): void {
  if (target instanceof Map) target.set(index === null || index === undefined ? '' : index, x);
  else if (Array.isArray(target) && isInteger(index)) {
    const i = index < 0 ? target.length + index : index;
    if (i < 0 || i >= target.length) {
      throw new TemplateRuntimeError(
        'VTL_METHOD_FAILED',
        `List.set failed: index ${i} out of bounds for length ${target.length}`,
        'Use $list.add(x) to append; #set($list[i] = x) only replaces an existing element.',
      );
    }
    target[i] = x;
  }
}
