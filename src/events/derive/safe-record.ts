/**
 * Sets `record[key] = value` even for the key `__proto__` (a legal header name and query key), which a
 * plain assignment would turn into a prototype change.
 */
export function setEntry<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}
