/** A deep-partial view of an object: what a `requestContext` override may contain. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Returns `base` with `override` merged in: plain objects merge key by key, anything else replaces, and a key
 * set to `undefined` is removed (the escape hatch for deleting a key API Gateway would send). `base` is not
 * modified; untouched branches are shared.
 */
export function mergeDeep<T>(base: T, override: unknown): T {
  if (!isPlainObject(override) || !isPlainObject(base))
    return (override === undefined ? base : override) as T;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(override)) {
    const value = override[key];
    if (value === undefined) {
      delete out[key];
    } else if (isPlainObject(value) && isPlainObject(out[key])) {
      out[key] = mergeDeep(out[key], value);
    } else {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return out as T;
}
