import { EventInputError } from '../../errors/families.js';
import { formatText, formatValue } from '../../errors/format-value.js';
import { setEntry } from './safe-record.js';

/** A query as a user thinks of it: raw text, a record (repeated keys as arrays), pairs, or URLSearchParams. */
export type QueryInput =
  | string
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | ReadonlyArray<readonly [string, string]>
  | URLSearchParams;

/** A parsed query: the raw text (no `?`, not decoded) and decoded key/value pairs in order. */
export interface ParsedQuery {
  raw: string;
  pairs: Array<[string, string]>;
}

/**
 * Decodes one query component as API Gateway does: `+` is a space, `%XX` sequences are decoded; a malformed
 * escape is left as written.
 *
 * @example
 * ```ts
 * decodeQueryComponent('a+b%2B'); // 'a b+'
 * ```
 */
export function decodeQueryComponent(text: string): string {
  const plus = text.indexOf('+') !== -1;
  if (!plus && text.indexOf('%') === -1) return text;
  const spaced = plus ? text.replaceAll('+', ' ') : text;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/%[0-9A-Fa-f]{2}/g, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
  }
}

/** Parses raw query text (without `?`; anything after `#` ignored) into decoded pairs. */
export function parseRawQuery(raw: string, pairs: Array<[string, string]>): void {
  const hash = raw.indexOf('#');
  if (hash !== -1) raw = raw.slice(0, hash);
  if (raw === '') return;
  // Pieces between '&' by index (no split array). `eq` is the next '=' at or after the piece's start, searched
  // again only once passed, so a long query is scanned once.
  let start = 0;
  let eq = raw.indexOf('=');
  while (start <= raw.length) {
    let end = raw.indexOf('&', start);
    if (end === -1) end = raw.length;
    if (end > start) {
      if (eq !== -1 && eq < start) eq = raw.indexOf('=', start);
      if (eq === -1 || eq > end) pairs.push([decodeQueryComponent(raw.slice(start, end)), '']);
      else
        pairs.push([
          decodeQueryComponent(raw.slice(start, eq)),
          decodeQueryComponent(raw.slice(eq + 1, end)),
        ]);
    }
    start = end + 1;
  }
}

const encode = (text: string): string => encodeURIComponent(text);

/**
 * Resolves the query of an event: the part of `path` after `?` first, then the `query` option. Structured
 * input is taken as already-decoded values and percent-encoded into the raw text.
 */
export function parseQuery(
  where: string,
  fromPath: string | undefined,
  input: QueryInput | undefined,
): ParsedQuery {
  const pairs: Array<[string, string]> = [];
  let raw = '';
  if (fromPath !== undefined) {
    const hash = fromPath.indexOf('#');
    raw = hash === -1 ? fromPath : fromPath.slice(0, hash);
    parseRawQuery(raw, pairs);
  }
  if (input === undefined || input === null) return { raw, pairs };
  const added: string[] = [];
  const add = (key: string, value: unknown): void => {
    if (typeof value !== 'string') {
      throw new EventInputError(
        'EVENT_INVALID_QUERY',
        `${where}: query parameter ${key} has a non-string value: ${formatText(value)}`,
        'Pass query values as strings (an array of strings for a repeated key).',
        { key },
      );
    }
    pairs.push([key, value]);
    added.push(`${encode(key)}=${encode(value)}`);
  };
  if (typeof input === 'string') {
    const text = input[0] === '?' ? input.slice(1) : input;
    const hash = text.indexOf('#');
    const cut = hash === -1 ? text : text.slice(0, hash);
    parseRawQuery(cut, pairs);
    if (cut !== '') added.push(cut);
  } else if (input instanceof URLSearchParams) {
    input.forEach((value, key) => {
      add(key, value);
    });
  } else if (Array.isArray(input)) {
    for (const pair of input as ReadonlyArray<readonly [string, string]>) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new EventInputError(
          'EVENT_INVALID_QUERY',
          `${where}: a query pair must be [key, value], got ${formatValue(pair)}`,
          'Pass the query as [[key, value], …], a record, URLSearchParams or raw text.',
        );
      }
      add(pair[0], pair[1]);
    }
  } else if (typeof input === 'object') {
    const record = input as Readonly<Record<string, string | readonly string[] | undefined>>;
    for (const key in record) {
      const value = record[key];
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) add(key, v);
      else add(key, value);
    }
  } else {
    throw new EventInputError(
      'EVENT_INVALID_QUERY',
      `${where}: query must be text, a record, pairs or URLSearchParams, got ${typeof input}`,
      "Pass the query as 'a=1&b=2', { a: '1' }, [['a', '1']] or new URLSearchParams(…).",
    );
  }
  if (added.length > 0) raw = raw === '' ? added.join('&') : `${raw}&${added.join('&')}`;
  return { raw, pairs };
}

/**
 * The query pairs a REST API hands on: besides `&`, a raw (unencoded) `;` splits the data too
 * (behaviour.md §14 [DOC]: `;` is not supported in REST query strings "and results in the data being split").
 * An encoded `%3B` stays part of its value. HTTP APIs are not affected.
 */
export function restQueryPairs(query: ParsedQuery): Array<[string, string]> {
  if (query.raw.indexOf(';') === -1) return query.pairs;
  const pairs: Array<[string, string]> = [];
  parseRawQuery(query.raw.replace(/;/g, '&'), pairs);
  return pairs;
}

/**
 * REST query maps: `null` when there is no query; the single-value map keeps the **last** value of a
 * repeated key; the multi-value map keeps all values in order (behaviour.md §1.1).
 */
export function toV1QueryMaps(pairs: ReadonlyArray<readonly [string, string]>): {
  single: Record<string, string> | null;
  multi: Record<string, string[]> | null;
} {
  if (pairs.length === 0) return { single: null, multi: null };
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  // Without a repeated key (most queries) each pair is a new entry: no `Object.hasOwn` per key.
  const repeats = pairs.length > 16 || repeatsAKey(pairs);
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    const key = pair[0];
    const value = pair[1];
    if (key === '__proto__') {
      setEntry(single, key, value);
      const list = Object.hasOwn(multi, key) ? multi[key] : undefined;
      if (list === undefined) setEntry(multi, key, [value]);
      else list.push(value);
      continue;
    }
    single[key] = value;
    const list = repeats && Object.hasOwn(multi, key) ? multi[key] : undefined;
    if (list === undefined) multi[key] = [value];
    else list.push(value);
  }
  return { single, multi };
}

/** True when two of a few pairs share a key (compared in full: keys are short and few). */
function repeatsAKey(pairs: ReadonlyArray<readonly [string, string]>): boolean {
  for (let j = 1; j < pairs.length; j++) {
    const key = pairs[j]![0];
    for (let i = 0; i < j; i++) if (pairs[i]![0] === key) return true;
  }
  return false;
}

/** HTTP API (2.0) query map: repeated keys joined with `,`; `undefined` when there is no query. */
export function toV2QueryMap(
  pairs: ReadonlyArray<readonly [string, string]>,
): Record<string, string> | undefined {
  if (pairs.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of pairs) {
    const previous = Object.hasOwn(out, key) ? out[key] : undefined;
    setEntry(out, key, previous === undefined ? value : `${previous},${value}`);
  }
  return out;
}
