import { GatewayConfigError } from '../../errors/families.js';
import type { RouteMatch } from './rest-router.js';
import { type ParsedRouteKey, ROUTE_METHODS, type RouteSegment } from './route-key.js';

/** A compiled HTTP API route table. */
export interface HttpRouter<T> {
  /** Finds the route for `method` and the stage-less path segments. */
  match(method: string, segments: readonly string[]): RouteMatch<T> | undefined;
}

interface Entry<T> {
  key: ParsedRouteKey;
  value: T;
  rank: number[];
}

/**
 * Builds an HTTP API route table with AWS's priority (behaviour.md §11.2): (1) full matches of static and
 * `{var}` routes, most static segments first; (2) greedy `{proxy+}` routes, longest prefix first; (3)
 * `$default`. Within one path, an explicit method beats `ANY`. Paths match exactly (a trailing slash is a
 * different path; UNCONFIRMED, as in behaviour.md).
 *
 * @example
 * ```ts
 * const router = createHttpRouter([[parseRouteKey('GET /pets/{proxy+}', 'HTTP'), 'h']]);
 * router.match('GET', ['pets', 'a', 'b']); // { value: 'h', pathParameters: { proxy: 'a/b' } }
 * ```
 */
export function createHttpRouter<T>(routes: readonly (readonly [ParsedRouteKey, T])[]): HttpRouter<T> {
  const entries: Entry<T>[] = [];
  const seen = new Map<string, string>();
  for (const [key, value] of routes) {
    const shape = `${key.method} ${shapeOf(key.segments, key.isDefault)}`;
    const previous = seen.get(shape);
    if (previous !== undefined) {
      throw new GatewayConfigError(
        'GATEWAY_DUPLICATE_ROUTE',
        `createGateway: routes "${previous}" and "${key.routeKey}" match exactly the same requests`,
        'Keep one of them; variable names do not make routes different.',
        { routeKey: key.routeKey, conflictsWith: previous },
      );
    }
    seen.set(shape, key.routeKey);
    entries.push({ key, value, rank: rankOf(key) });
  }
  entries.sort((a, b) => compareRanks(a.rank, b.rank));
  const byMethod = new Map<string, Entry<T>[]>();
  for (const method of ROUTE_METHODS) {
    if (method === 'ANY') continue;
    byMethod.set(
      method,
      entries.filter((e) => e.key.method === method || e.key.method === 'ANY'),
    );
  }
  const anyOnly = entries.filter((e) => e.key.method === 'ANY');
  return {
    match(method, segments) {
      const list = byMethod.get(method) ?? anyOnly;
      for (const entry of list) {
        const parameters = matchSegments(entry.key, segments);
        if (parameters !== undefined) return { value: entry.value, pathParameters: parameters };
      }
      return undefined;
    },
  };
}

function shapeOf(segments: readonly RouteSegment[], isDefault: boolean): string {
  if (isDefault) return '$default';
  return `/${segments.map((s) => (s.kind === 'static' ? s.text : s.kind === 'variable' ? '{}' : '{+}')).join('/')}`;
}

// Lower ranks first: [tier, -specificity..., method(explicit 0 / ANY 1)].
function rankOf(key: ParsedRouteKey): number[] {
  const methodRank = key.method === 'ANY' ? 1 : 0;
  if (key.isDefault) return [2, methodRank];
  const last = key.segments[key.segments.length - 1];
  const greedy = last?.kind === 'greedy';
  const statics = key.segments.filter((s) => s.kind === 'static').length;
  const perSegment = key.segments.map((s) => (s.kind === 'static' ? 0 : s.kind === 'variable' ? 1 : 2));
  if (greedy) return [1, -(key.segments.length - 1), -statics, ...perSegment, methodRank];
  return [0, -statics, ...perSegment, methodRank];
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function matchSegments(
  key: ParsedRouteKey,
  segments: readonly string[],
): Record<string, string> | null | undefined {
  if (key.isDefault) return null;
  const pattern = key.segments;
  let parameters: Record<string, string> | null = null;
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i]!;
    if (part.kind === 'greedy') {
      if (i >= segments.length) return undefined;
      const rest = segments.slice(i).join('/');
      if (rest === '') return undefined;
      parameters ??= {};
      parameters[part.name] = rest;
      return parameters;
    }
    const segment = segments[i];
    if (segment === undefined || segment === '') return undefined;
    if (part.kind === 'static') {
      if (part.text !== segment) return undefined;
    } else {
      parameters ??= {};
      parameters[part.name] = segment;
    }
  }
  return pattern.length === segments.length ? parameters : undefined;
}
