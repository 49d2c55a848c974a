import { GatewayConfigError } from '../../errors/families.js';
import type { ApiType } from '../types.js';

/** Methods a route key may name (both API types). `ANY` covers the other seven. */
export const ROUTE_METHODS = ['ANY', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;

/** One segment of a route path. */
export type RouteSegment =
  | { kind: 'static'; text: string }
  | { kind: 'variable'; name: string }
  | { kind: 'greedy'; name: string };

/** A parsed route key such as `GET /pets/{id}`. `$default` has method `ANY` and no segments. */
export interface ParsedRouteKey {
  /** The key exactly as written. */
  routeKey: string;
  method: string;
  /** Resource path (`/pets/{id}`); `$default` for the HTTP API default route. */
  path: string;
  segments: RouteSegment[];
  isDefault: boolean;
}

const STATIC_SEGMENT = /^[A-Za-z0-9_\-.,:@~!$&'()*+;=%]+$/;
const REST_STATIC_SEGMENT = /^[A-Za-z0-9_\-.,:]+$/;
const VARIABLE = /^\{([A-Za-z0-9_.-]+)(\+?)\}$/;

/**
 * Parses and validates a route key as users write it (`'GET /pets/{id}'`, `'ANY /{proxy+}'`, `'$default'`).
 * Throws a {@link GatewayConfigError} naming the problem.
 *
 * @example
 * ```ts
 * parseRouteKey('GET /pets/{id}', 'REST').segments; // [{kind:'static',text:'pets'},{kind:'variable',name:'id'}]
 * ```
 */
export function parseRouteKey(routeKey: string, apiType: ApiType): ParsedRouteKey {
  if (routeKey === '$default') {
    if (apiType === 'REST') {
      throw new GatewayConfigError(
        'GATEWAY_INVALID_ROUTE_KEY',
        `createGateway: route key "$default" is only valid for HTTP APIs`,
        `Use apiType: 'HTTP', or a catch-all REST route such as 'ANY /{proxy+}'.`,
        { routeKey },
      );
    }
    return { routeKey, method: 'ANY', path: '$default', segments: [], isDefault: true };
  }
  const match = /^(\S+) (\/\S*)$/.exec(routeKey);
  if (!match) {
    throw invalid(routeKey, `expected "<METHOD> /<path>"${apiType === 'HTTP' ? ' or "$default"' : ''}`);
  }
  const method = match[1]!;
  const path = match[2]!;
  if (!(ROUTE_METHODS as readonly string[]).includes(method)) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_ROUTE_METHOD',
      `createGateway: route "${routeKey}" has an unsupported method "${method}"`,
      `Use one of ${ROUTE_METHODS.join(', ')} (upper case).`,
      { routeKey, method },
    );
  }
  return { routeKey, method, path, segments: parseSegments(routeKey, path, apiType), isDefault: false };
}

function parseSegments(routeKey: string, path: string, apiType: ApiType): RouteSegment[] {
  if (path === '/') return [];
  if (path.endsWith('/')) throw invalid(routeKey, 'a route path must not end with "/"');
  const parts = path.slice(1).split('/');
  const segments: RouteSegment[] = [];
  const names = new Set<string>();
  parts.forEach((part, index) => {
    if (part === '') throw invalid(routeKey, 'a route path must not contain an empty segment ("//")');
    const variable = VARIABLE.exec(part);
    if (variable) {
      const name = variable[1]!;
      if (names.has(name)) throw invalid(routeKey, `the path variable {${name}} appears twice`);
      names.add(name);
      if (variable[2] === '+') {
        if (index !== parts.length - 1) {
          throw new GatewayConfigError(
            'GATEWAY_GREEDY_NOT_LAST',
            `createGateway: route "${routeKey}" has the greedy variable {${name}+} before other segments`,
            'A greedy path variable must be the last segment (AWS: "Cannot create a child of a resource with a greedy path variable").',
            { routeKey },
          );
        }
        segments.push({ kind: 'greedy', name });
      } else {
        segments.push({ kind: 'variable', name });
      }
      return;
    }
    const allowed = apiType === 'REST' ? REST_STATIC_SEGMENT : STATIC_SEGMENT;
    if (part.includes('{') || part.includes('}')) {
      throw invalid(routeKey, `"${part}" mixes text and a variable; a variable must be a whole segment`);
    }
    if (!allowed.test(part)) {
      throw invalid(
        routeKey,
        `the segment "${part}" has characters API Gateway does not allow (alphanumerics, _ - . , : only)`,
      );
    }
    segments.push({ kind: 'static', text: part });
  });
  return segments;
}

function invalid(routeKey: string, why: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_ROUTE_KEY',
    `createGateway: invalid route key "${routeKey}": ${why}`,
    `Write route keys like 'GET /pets/{id}' or 'ANY /{proxy+}'.`,
    { routeKey },
  );
}
