import { EventInputError } from '../../errors/families.js';
import { formatText, formatValue } from '../../errors/format-value.js';
import { DROPPED_REQUEST_HEADERS } from './constants.js';
import { setEntry } from './safe-record.js';

/** Request headers as a user thinks of them: a record (repeated names as arrays), pairs in order, or `Headers`. */
export type HeaderInput =
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | ReadonlyArray<readonly [string, string]>
  | Headers;

/** Header lines in request order, names as sent. */
export type HeaderList = Array<[string, string]>;

// RFC 9110 token characters: the only ones a header name may contain.
const TOKEN = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
  TOKEN[c.charCodeAt(0)] = 1;
}

/**
 * True when `name` is a valid HTTP header name (an RFC 9110 token).
 *
 * @example
 * ```ts
 * isHeaderName('X-Request-Id'); // true
 * isHeaderName('X Bad'); // false
 * ```
 */
export function isHeaderName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 127 || TOKEN[c] !== 1) return false;
  }
  return true;
}

function checkValue(where: string, name: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new EventInputError(
      'EVENT_INVALID_HEADER_VALUE',
      `${where}: header ${name} has a non-string value: ${formatText(value)}`,
      'Pass header values as strings (an array of strings for a repeated header).',
      { header: name },
    );
  }
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0) {
      throw new EventInputError(
        'EVENT_INVALID_HEADER_VALUE',
        `${where}: header ${name} contains CR, LF or NUL: ${formatValue(value)}`,
        'HTTP forbids these characters in header values; remove them.',
        { header: name },
      );
    }
  }
  return value;
}

function push(where: string, out: HeaderList, name: string, value: unknown): void {
  if (!isHeaderName(name)) {
    throw new EventInputError(
      'EVENT_INVALID_HEADER_NAME',
      `${where}: invalid header name: ${formatValue(name)}`,
      "A header name is an HTTP token: letters, digits and !#$%&'*+-.^_`|~ only, no spaces or colons.",
      { header: name },
    );
  }
  const checked = checkValue(where, name, value);
  // Headers API Gateway never forwards are dropped as they come (by shape first: most names are never
  // lowercased), which spares a second pass over the list.
  if (DROPPED_SHAPES.has(nameShape(name)) && DROPPED_REQUEST_HEADERS.has(name.toLowerCase())) return;
  out.push([name, checked]);
}

// Duck-typed on purpose: reading the global `Headers` costs a lazy-module lookup on every call in Node 20.
function isHeadersObject(input: object): input is Headers {
  return (input as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'Headers';
}

/**
 * Turns any {@link HeaderInput} into header lines in request order, validating names and values.
 * Headers API Gateway never forwards (hop-by-hop, Content-Length) are dropped.
 */
export function toHeaderList(where: string, input: HeaderInput | undefined): HeaderList {
  const out: HeaderList = [];
  if (input === undefined || input === null) return out;
  if (Array.isArray(input)) {
    for (const pair of input as ReadonlyArray<readonly [string, string]>) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new EventInputError(
          'EVENT_INVALID_HEADERS',
          `${where}: a header pair must be [name, value], got ${formatValue(pair)}`,
          'Pass headers as [[name, value], …], a record or a Headers object.',
        );
      }
      push(where, out, pair[0], pair[1]);
    }
  } else if (isHeadersObject(input)) {
    input.forEach((value, name) => {
      push(where, out, name, value);
    });
  } else if (typeof input === 'object') {
    const record = input as Readonly<Record<string, string | readonly string[] | undefined>>;
    for (const name in record) {
      const value = record[name];
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) push(where, out, name, v);
      else push(where, out, name, value);
    }
  } else {
    throw new EventInputError(
      'EVENT_INVALID_HEADERS',
      `${where}: headers must be a record, [name, value] pairs or Headers, got ${typeof input}`,
      'Pass headers as { name: value }, [[name, value], …] or new Headers(…).',
    );
  }
  return out;
}

/**
 * A cheap fingerprint of a header name, the same in any letter case: its length and first letter. Names whose
 * shape matches none of a set of lowercase names cannot be in it, so most names skip `toLowerCase` (which
 * allocates for every capitalised name).
 *
 * @example
 * ```ts
 * nameShape('Accept') === nameShape('accept'); // true
 * ```
 */
export function nameShape(name: string): number {
  return name.length * 128 + (name.charCodeAt(0) | 32);
}

/** The shapes of a list of lowercase header names (see {@link nameShape}). */
export function shapesOf(names: Iterable<string>): ReadonlySet<number> {
  return new Set([...names].map(nameShape));
}

const DROPPED_SHAPES = shapesOf(DROPPED_REQUEST_HEADERS);
const AUTHORIZATION_SHAPE = nameShape('authorization');

/**
 * Removes an `Authorization` header carrying a SigV4 signature (`AWS4-HMAC-SHA256 …`): REST APIs do not
 * forward it to the integration (behaviour.md §1.1).
 */
export function dropSigV4Authorization(list: HeaderList): void {
  let kept = 0;
  for (const line of list) {
    if (
      line[0].length === 13 &&
      line[0].toLowerCase() === 'authorization' &&
      line[1].startsWith('AWS4-HMAC-SHA256')
    )
      continue;
    list[kept++] = line;
  }
  if (kept !== list.length) list.length = kept;
}

/** Index of the first header line named `name` (case-insensitive, `lower` given in lowercase), or -1. */
export function findHeader(list: HeaderList, lower: string): number {
  for (let i = 0; i < list.length; i++) if (list[i]![0].toLowerCase() === lower) return i;
  return -1;
}

/** Value of the first header line named `lower` (case-insensitive), or undefined. */
export function headerValue(list: HeaderList, lower: string): string | undefined {
  const i = findHeader(list, lower);
  return i === -1 ? undefined : list[i]![1];
}

/**
 * REST single- and multi-value header maps. Names keep the client's casing (the first spelling seen for a
 * name wins); `authorization` in any case becomes `Authorization` (behaviour.md §0). The single-value map
 * holds the last value of a repeated header.
 */
export function toV1HeaderMaps(
  list: HeaderList,
  lowercase: boolean,
): { headers: Record<string, string>; multiValueHeaders: Record<string, string[]> } {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  if (!repeatsAName(list)) {
    // No name repeats (nearly every request): each line is a new key, so no earlier spelling is looked up and
    // no `Object.hasOwn` asked (that check alone took half of filling the maps: ~1.0 → ~0.5 µs for seven
    // lines, measured).
    for (let j = 0; j < list.length; j++) {
      const line = list[j]!;
      const rawName = line[0];
      const value = line[1];
      const name = lowercase
        ? rawName.toLowerCase()
        : rawName.length === 13 && rawName.toLowerCase() === 'authorization'
          ? 'Authorization'
          : rawName;
      if (name === '__proto__') {
        setEntry(headers, name, value);
        setEntry(multiValueHeaders, name, [value]);
      } else {
        headers[name] = value;
        multiValueHeaders[name] = [value];
      }
    }
    return { headers, multiValueHeaders };
  }
  for (let j = 0; j < list.length; j++) {
    const [rawName, value] = list[j]!;
    const name = mapName(list, j, rawName, lowercase);
    const values = Object.hasOwn(multiValueHeaders, name) ? multiValueHeaders[name] : undefined;
    if (values !== undefined) values.push(value);
    else if (name === '__proto__') setEntry(multiValueHeaders, name, [value]);
    else multiValueHeaders[name] = [value];
    if (name === '__proto__') setEntry(headers, name, value);
    else headers[name] = value;
  }
  return { headers, multiValueHeaders };
}

/** True when two lines may share a name in some letter case: two names with the same {@link nameShape}. */
function repeatsAName(list: HeaderList): boolean {
  for (let j = 1; j < list.length; j++) {
    const shape = nameShape(list[j]![0]);
    for (let i = 0; i < j; i++) if (nameShape(list[i]![0]) === shape) return true;
  }
  return false;
}

/**
 * The map key of line `j`: the spelling of the first line with the same name in any case (`lowercase`: the
 * lowercase name; `authorization` in any case becomes `Authorization`). Earlier lines are found by their
 * {@link nameShape} first, so most names are compared and lowercased never; no bookkeeping arrays are built
 * (they were most of the allocation of a built event, measured).
 */
function mapName(list: HeaderList, j: number, rawName: string, lowercase: boolean): string {
  const shape = nameShape(rawName);
  let lower: string | undefined;
  let first = rawName;
  for (let i = 0; i < j; i++) {
    const earlier = list[i]![0];
    if (nameShape(earlier) !== shape) continue;
    lower ??= rawName.toLowerCase();
    if (earlier.toLowerCase() === lower) {
      first = earlier;
      break;
    }
  }
  // A match was found by comparing lowercase names, so `lower` is also the first spelling's lowercase.
  if (lowercase) return lower ?? rawName.toLowerCase();
  if (shape === AUTHORIZATION_SHAPE && first.toLowerCase() === 'authorization') return 'Authorization';
  return first;
}

/** HTTP API (2.0) header map: names lowercased, repeated headers joined with `,` (no space). */
export function toV2HeaderMap(list: HeaderList): Record<string, string> {
  const headers: Record<string, string> = {};
  const repeats = repeatsAName(list);
  for (let i = 0; i < list.length; i++) {
    const line = list[i]!;
    const name = line[0].toLowerCase();
    const value = line[1];
    // Without a repeated name, each line is a new key (no `Object.hasOwn`, as in toV1HeaderMaps).
    if (!repeats && name !== '__proto__') {
      headers[name] = value;
      continue;
    }
    const previous = Object.hasOwn(headers, name) ? headers[name] : undefined;
    setEntry(headers, name, previous === undefined ? value : `${previous},${value}`);
  }
  return headers;
}
