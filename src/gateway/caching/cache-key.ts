import { formatValue } from '../../errors/format-value.js';
import { GatewayConfigError } from '../../errors/index.js';
import { isHeaders } from '../../http/is-headers.js';

/** Where a cache key parameter reads its value from. */
export type CacheKeySource = 'path' | 'querystring' | 'multivaluequerystring' | 'header' | 'multivalueheader';

/** A parsed `method.request.<source>.<name>` cache key parameter. */
export interface CacheKeyParameter {
  readonly expression: string;
  readonly source: CacheKeySource;
  readonly name: string;
  /** Lower-case name, for headers. */
  readonly lowerName: string;
}

/** Request headers as pairs, in request order (names in any case). */
export type HeaderLines = readonly (readonly [string, string])[];

/**
 * Request values a cache key can read. Plain records or the fetch `URLSearchParams` / `Headers`; headers also as
 * `[name, value]` pairs.
 */
export interface CacheKeyInput {
  pathParameters?: Readonly<Record<string, string | undefined>> | null;
  query?: URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>> | null;
  headers?: Headers | HeaderLines | Readonly<Record<string, string | readonly string[] | undefined>> | null;
}

const PATTERN =
  /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.([^.\s][^\s]*)$/;

/**
 * Parses a cache key parameter such as `method.request.querystring.type`. Throws `GatewayConfigError`
 * `CACHE_INVALID_KEY_PARAMETER`.
 *
 * @example
 * ```ts
 * parseCacheKeyParameter('routes', 'method.request.header.X-Tenant'); // { source: 'header', name: 'X-Tenant', ... }
 * ```
 */
export function parseCacheKeyParameter(where: string, expression: unknown): CacheKeyParameter {
  const match = typeof expression === 'string' ? PATTERN.exec(expression) : null;
  if (!match) {
    throw new GatewayConfigError(
      'CACHE_INVALID_KEY_PARAMETER',
      `${where}: cache key parameter ${formatValue(expression)} is not of the form method.request.<path|querystring|multivaluequerystring|header|multivalueheader>.<name>`,
      'Write it as API Gateway does, e.g. method.request.querystring.type or method.request.header.X-Tenant.',
    );
  }
  const name = match[2]!;
  return {
    expression: expression as string,
    source: match[1] as CacheKeySource,
    name,
    lowerName: name.toLowerCase(),
  };
}

/** The value of one parameter: a string, a list (multi-value sources) or null when absent. */
export function readParameter(p: CacheKeyParameter, input: CacheKeyInput): string | readonly string[] | null {
  switch (p.source) {
    case 'path':
      return input.pathParameters?.[p.name] ?? null;
    case 'querystring':
    case 'multivaluequerystring': {
      const values = queryValues(input.query, p.name);
      if (values.length === 0) return null;
      // REST keeps the last value of a repeated key in the single-value map (behaviour.md §0).
      return p.source === 'querystring' ? values[values.length - 1]! : values;
    }
    default: {
      const values = headerValues(input.headers, p.lowerName);
      if (values.length === 0) return null;
      return p.source === 'header' ? values[values.length - 1]! : values;
    }
  }
}

function queryValues(query: CacheKeyInput['query'], name: string): readonly string[] {
  if (!query) return [];
  if (query instanceof URLSearchParams) return query.getAll(name);
  const value = query[name];
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

function headerValues(headers: CacheKeyInput['headers'], lowerName: string): readonly string[] {
  if (!headers) return [];
  if (isHeaders(headers)) {
    const value = headers.get(lowerName);
    return value === null ? [] : [value];
  }
  const found: string[] = [];
  if (isHeaderLines(headers)) {
    for (const [name, value] of headers) {
      if (name.length === lowerName.length && name.toLowerCase() === lowerName) found.push(value);
    }
    return found;
  }
  for (const name in headers) {
    if (name.toLowerCase() !== lowerName) continue;
    const value = headers[name];
    if (typeof value === 'string') found.push(value);
    else if (value) found.push(...value);
  }
  return found;
}

/** True when `headers` is a list of `[name, value]` pairs. */
export function isHeaderLines(headers: CacheKeyInput['headers']): headers is HeaderLines {
  return Array.isArray(headers);
}

/**
 * The cache key: namespace, method, stage and the declared parameters' values. Parts are joined with U+0001 and
 * every value is length-prefixed, so the key is injective (absent ≠ empty, no separator collisions) without
 * escaping.
 */
export function computeCacheKey(
  namespace: string,
  method: string,
  stage: string,
  parameters: readonly CacheKeyParameter[],
  input: CacheKeyInput,
): string {
  // Pieces joined into one flat string: the key lives as long as its entry, and a key built with `+=` keeps a
  // tree of pieces alive for the GC to copy (see the access log).
  const prefix = keyPrefix(namespace, method, stage);
  if (parameters.length === 1) {
    // The usual single parameter holding one value: three pieces in a list of three (a push onto the one-piece
    // list grew its store to 17 slots, ~0.1 KB per lookup, heap-sampled on the gateway's GET).
    const value = readParameter(parameters[0]!, input);
    if (typeof value === 'string') return [prefix, `\u0001${value.length}:`, value].join('');
    if (value === null) return [prefix, '\u0001-'].join('');
  }
  const pieces = [prefix];
  for (const p of parameters) {
    const value = readParameter(p, input);
    if (value === null) pieces.push('\u0001-');
    else if (typeof value === 'string') pieces.push(`\u0001${value.length}:`, value);
    else {
      pieces.push(`\u0001[${value.length}`);
      for (const item of value) pieces.push(`\u0001${item.length}:`, item);
    }
  }
  return pieces.join('');
}

let lastPrefix = { namespace: '', method: '', stage: '', text: '' };

/** The key's fixed part; requests to one route share it, so the last one is kept. */
function keyPrefix(namespace: string, method: string, stage: string): string {
  const last = lastPrefix;
  if (last.text !== '' && namespace === last.namespace && method === last.method && stage === last.stage)
    return last.text;
  const text = `${namespace.length}:${namespace}\u0001${method}\u0001${stage.length}:${stage}`;
  lastPrefix = { namespace, method, stage, text };
  return text;
}
