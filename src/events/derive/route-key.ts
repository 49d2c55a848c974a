import { EventInputError } from '../../errors/families.js';
import { formatValue } from '../../errors/format-value.js';
import { HTTP_METHODS } from './constants.js';

/** A parsed HTTP API route key. */
export interface ParsedRouteKey {
  /** `ANY`, a verb, or `null` for `$default`. */
  method: string | null;
  /** Route path template, or `null` for `$default`. */
  path: string | null;
}

/**
 * Parses an HTTP API route key: `$default` or `"<METHOD> <path>"` with METHOD one of ANY, GET, POST, PUT,
 * PATCH, DELETE, HEAD, OPTIONS (behaviour.md §11.2). `where` names the caller in the error it throws.
 *
 * @example
 * ```ts
 * parseRouteKey('myHelper', 'GET /pets/{id}'); // { method: 'GET', path: '/pets/{id}' }
 * parseRouteKey('myHelper', '$default'); // { method: null, path: null }
 * ```
 */
export function parseRouteKey(where: string, routeKey: unknown): ParsedRouteKey {
  if (routeKey === '$default') return { method: null, path: null };
  if (typeof routeKey === 'string') {
    const space = routeKey.indexOf(' ');
    const method = routeKey.slice(0, space);
    const path = routeKey.slice(space + 1);
    if (space > 0 && (method === 'ANY' || HTTP_METHODS.includes(method)) && path[0] === '/')
      return { method, path };
  }
  throw new EventInputError(
    'EVENT_INVALID_ROUTE_KEY',
    `${where}: invalid route key: ${formatValue(routeKey)}`,
    "Write '$default' or '<METHOD> <path>', e.g. 'GET /pets/{id}' or 'ANY /{proxy+}'.",
    { routeKey },
  );
}

/** Percent-decodes a path the way HTTP APIs report `rawPath` and path parameters; bad escapes stay as written. */
export function decodePath(path: string): string {
  if (path.indexOf('%') === -1) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path.replace(/%[0-9A-Fa-f]{2}/g, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
  }
}
