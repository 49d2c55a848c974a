/**
 * A value as an error message quotes it: what `JSON.stringify` prints (so `"dev"`, `42`, `{"a":1}`), and a
 * short description where `JSON.stringify` itself would throw (BigInts, cycles, throwing getters or `toJSON`,
 * revoked proxies). Messages about hostile input must never fail while being written.
 *
 * @example
 * ```ts
 * formatValue('dev'); // '"dev"'
 * formatValue(10n); // '10n'
 * ```
 */
export function formatValue(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch {
    if (typeof value === 'bigint') return `${value}n`;
    return describe(value);
  }
}

/**
 * A value as `String(value)` prints it, or a short description where that throws (objects without a prototype
 * or with a throwing `toString`).
 *
 * @example
 * ```ts
 * formatText(Object.create(null)); // '[object Object]'
 * ```
 */
export function formatText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return describe(value);
  }
}

function describe(value: unknown): string {
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return `[${typeof value}]`;
  }
}
