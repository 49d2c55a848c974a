/** Outcome of sending a handler's return value through the Lambda runtime's JSON serialisation. */
export type WireValue = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * What API Gateway actually receives: the Node.js Lambda runtime sends `JSON.stringify(result)` (`undefined`
 * becomes `null`). So `undefined` properties vanish, `Date`s become strings, a `Buffer` becomes
 * `{"type":"Buffer","data":[…]}`, and a `BigInt` or a cycle makes the invocation fail.
 *
 * Results that are already JSON-safe plain data (the usual handler result) are copied directly, which gives
 * the same value as the stringify/parse round trip without building the text; anything else takes the
 * round trip ({@link toWireValueByRoundTrip}).
 */
export function toWireValue(result: unknown): WireValue {
  if (typeof result === 'object' && result !== null && !('toJSON' in Object.prototype)) {
    let copy: unknown;
    try {
      copy = copyJsonSafe(result, 0);
    } catch (error) {
      // A getter threw: the runtime's stringify fails the same way.
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    if (copy !== NOT_SAFE) return { ok: true, value: copy };
  }
  return toWireValueByRoundTrip(result);
}

/** {@link toWireValue} by `JSON.stringify` then `JSON.parse`, exactly what the runtime does. */
export function toWireValueByRoundTrip(result: unknown): WireValue {
  let text: string | undefined;
  try {
    text = JSON.stringify(result === undefined ? null : result);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  // JSON.stringify returns undefined for a bare function or symbol: the runtime sends nothing usable.
  if (text === undefined) return { ok: true, value: null };
  return { ok: true, value: JSON.parse(text) as unknown };
}

const NOT_SAFE: unique symbol = Symbol('not-json-safe');
/** Deeper than this, the round trip decides (it also reports cycles with the runtime's own message). */
const MAX_DEPTH = 100;

/**
 * A copy of `value` equal to `JSON.parse(JSON.stringify(value))`, or NOT_SAFE when that equality is not
 * obvious: anything but strings, finite numbers, booleans, null, plain objects and arrays (Dates, Buffers,
 * class instances, a `toJSON` method, bigint, NaN/Infinity, an `__proto__` key, very deep nesting). As in
 * stringify, object properties whose value is undefined, a function or a symbol are left out, array elements
 * of those kinds become null, and -0 becomes 0.
 */
function copyJsonSafe(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : NOT_SAFE;
    case 'object':
      break;
    default:
      return NOT_SAFE;
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH) return NOT_SAFE;
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (proto !== Array.prototype || 'toJSON' in value) return NOT_SAFE;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const kind = typeof item;
      if (kind === 'undefined' || kind === 'function' || kind === 'symbol') out[i] = null;
      else {
        const copy = copyJsonSafe(item, depth + 1);
        if (copy === NOT_SAFE) return NOT_SAFE;
        out[i] = copy;
      }
    }
    return out;
  }
  if (proto !== Object.prototype && proto !== null) return NOT_SAFE;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const item = record[key];
    const kind = typeof item;
    if (kind === 'function') {
      if (key === 'toJSON') return NOT_SAFE;
      continue;
    }
    if (kind === 'undefined' || kind === 'symbol') continue;
    if (key === '__proto__') return NOT_SAFE;
    const copy = copyJsonSafe(item, depth + 1);
    if (copy === NOT_SAFE) return NOT_SAFE;
    out[key] = copy;
  }
  return out;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Text of a header/cookie value the way API Gateway's Java side coerces JSON scalars into strings: strings
 * as-is, booleans `true`/`false` (recorded), numbers in their JSON spelling (UNCONFIRMED). `undefined` for
 * anything that is not a scalar (objects, arrays) and for `null`.
 */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return undefined;
}
