import { isRecord } from '../source/pointer.js';

/** `IntegrationHttpMethod` → `integrationHttpMethod`; keys of nested maps the user names (headers…) are kept. */
export function lowerCamel(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

/** Renames the keys of an object to lower camel case (one level). */
export function lowerKeys(value: unknown): Record<string, unknown> {
  return isRecord(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [lowerCamel(k), v])) : {};
}
