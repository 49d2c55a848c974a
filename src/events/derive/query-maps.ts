import { decodeQueryComponent } from './query.js';
import { setEntry } from './safe-record.js';

/** REST (1.0) query maps as {@link toV1QueryMaps} gives them; both `null` without a query. */
export interface V1QueryMaps {
  single: Record<string, string> | null;
  multi: Record<string, string[]> | null;
}

/**
 * Parses raw query text (no `?`, no `#`) straight into the 1.0 single- and multi-value maps, without an
 * intermediate list of pairs. `semicolons` makes a raw `;` split the data as `&` does (REST APIs,
 * {@link restQueryPairs}). Same result as `toV1QueryMaps(parseRawQuery(raw))`.
 */
export function rawQueryToV1Maps(raw: string, semicolons: boolean): V1QueryMaps {
  let single: Record<string, string> | null = null;
  let multi: Record<string, string[]> | null = null;
  const splitOnSemicolons = semicolons && raw.indexOf(';') !== -1;
  const length = raw.length;
  let start = 0;
  while (start <= length) {
    let end = nextSeparator(raw, start, splitOnSemicolons);
    if (end === -1) end = length;
    if (end > start) {
      const eq = raw.indexOf('=', start);
      const key =
        eq === -1 || eq >= end
          ? decodeQueryComponent(raw.slice(start, end))
          : decodeQueryComponent(raw.slice(start, eq));
      const value = eq === -1 || eq >= end ? '' : decodeQueryComponent(raw.slice(eq + 1, end));
      if (single === null || multi === null) {
        single = {};
        multi = {};
      }
      setEntry(single, key, value);
      const list = Object.hasOwn(multi, key) ? multi[key] : undefined;
      if (list === undefined) setEntry(multi, key, [value]);
      else list.push(value);
    }
    start = end + 1;
  }
  return { single, multi };
}

/**
 * Parses raw query text (no `?`, no `#`) straight into the 2.0 map (repeated keys joined with `,`);
 * `undefined` without a query. Same result as `toV2QueryMap(parseRawQuery(raw))`.
 */
export function rawQueryToV2Map(raw: string): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  const length = raw.length;
  let start = 0;
  while (start <= length) {
    let end = raw.indexOf('&', start);
    if (end === -1) end = length;
    if (end > start) {
      const eq = raw.indexOf('=', start);
      const key =
        eq === -1 || eq >= end
          ? decodeQueryComponent(raw.slice(start, end))
          : decodeQueryComponent(raw.slice(start, eq));
      const value = eq === -1 || eq >= end ? '' : decodeQueryComponent(raw.slice(eq + 1, end));
      out ??= {};
      const previous = Object.hasOwn(out, key) ? out[key] : undefined;
      setEntry(out, key, previous === undefined ? value : `${previous},${value}`);
    }
    start = end + 1;
  }
  return out;
}

function nextSeparator(raw: string, from: number, semicolons: boolean): number {
  const amp = raw.indexOf('&', from);
  if (!semicolons) return amp;
  const semi = raw.indexOf(';', from);
  if (semi === -1) return amp;
  return amp === -1 || semi < amp ? semi : amp;
}
