/** Outcome of sending a handler's return value through the Lambda runtime's JSON serialisation. */
export type WireValue = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * What API Gateway actually receives: the Node.js Lambda runtime sends `JSON.stringify(result)` (`undefined`
 * becomes `null`). So `undefined` properties vanish, `Date`s become strings, a `Buffer` becomes
 * `{"type":"Buffer","data":[…]}`, and a `BigInt` or a cycle makes the invocation fail.
 */
export function toWireValue(result: unknown): WireValue {
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
