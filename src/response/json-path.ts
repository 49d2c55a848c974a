import { formatText, formatValue } from '../errors/format-value.js';

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Appends `key` to a JSON path: `$.headers` + `x-a` → `$.headers.x-a`; odd keys use `["…"]`. */
export function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return PLAIN_KEY.test(key) ? `${base}.${key}` : `${base}[${formatValue(key)}]`;
}

/** Short human description of a JSON value for issue messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (${formatValue(value).slice(0, 60)})`;
  if (typeof value === 'object') return `an object (${formatValue(value).slice(0, 60)})`;
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return `the string ${quoted.length > 62 ? `${quoted.slice(0, 60)}…"` : quoted}`;
  }
  return `the ${typeof value} ${formatText(value)}`;
}
