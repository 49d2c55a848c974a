import { JavaDouble, javaIntegral, SilentMap } from '../java/values.js';

/**
 * Converts caller-supplied JS data (context values, stage variables) into the Java model: plain objects →
 * Map, arrays → List, non-integral numbers → Double. Functions, symbols and class instances become their
 * string form, so nothing callable ever reaches a template.
 */
export function toJava(value: unknown, silentMaps = false): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isInteger(value) ? value : new JavaDouble(value);
    case 'bigint':
      return javaIntegral(value);
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Map) {
    const map = silentMaps ? new SilentMap() : new Map<unknown, unknown>();
    for (const [k, v] of value) map.set(toJava(k), toJava(v, silentMaps));
    return map;
  }
  if (Array.isArray(value)) return value.map((v) => toJava(v, silentMaps));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return String(value);
  const map = silentMaps ? new SilentMap() : new Map<unknown, unknown>();
  for (const key of Object.keys(value))
    map.set(key, toJava((value as Record<string, unknown>)[key], silentMaps));
  return map;
}
