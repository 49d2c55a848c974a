import { formatValue } from '../../errors/format-value.js';
import { GatewayConfigError } from '../../errors/index.js';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']);

/** The `*` / `*` method-settings key: the whole stage. */
export const STAGE_WIDE_KEY = '*/*';

/**
 * Turns any of the key spellings API Gateway uses for a method into the route key the gateway core uses
 * (`'GET /pets/{id}'`):
 *
 * - HTTP API / core route keys: `'GET /pets/{id}'`, `'ANY /{proxy+}'`, `'$default'` (kept as they are);
 * - REST `methodSettings` keys: `'pets/{id}/GET'` (resource path without its leading slash), `'/GET'` for the
 *   root, and the patch-path escape `~1` for `/` (`'pets~1{id}/GET'`);
 * - usage-plan method throttle keys: `'/pets/{id}/GET'`, `'//GET'` for the root.
 *
 * `'*\/*'` is not a route; callers handle it first. Throws `GatewayConfigError` with `code` (default
 * `THROTTLE_INVALID_ROUTE_KEY`).
 *
 * @example
 * ```ts
 * toRouteKey('pets/{id}/GET', 'methods'); // 'GET /pets/{id}'
 * toRouteKey('//GET', 'throttle');        // 'GET /'
 * ```
 */
export function toRouteKey(key: string, where: string, code = 'THROTTLE_INVALID_ROUTE_KEY'): string {
  if (key === '$default') return key;
  const space = key.indexOf(' ');
  if (space > 0) {
    const method = key.slice(0, space);
    const path = key.slice(space + 1);
    if (METHODS.has(method) && path.startsWith('/') && !path.includes(' ')) return key;
    throw invalid(key, where, code);
  }
  const slash = key.lastIndexOf('/');
  if (slash < 0) throw invalid(key, where, code);
  const method = key.slice(slash + 1);
  if (!METHODS.has(method)) throw invalid(key, where, code);
  let path = key.slice(0, slash).replaceAll('~1', '/');
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path.includes('//') || path.includes(' ')) throw invalid(key, where, code);
  return `${method} ${path}`;
}

function invalid(key: string, where: string, code: string): GatewayConfigError {
  return new GatewayConfigError(
    code,
    `${where}: cannot read a method from the key ${formatValue(key)}`,
    "Use a route key such as 'GET /pets/{id}', a REST method-settings key such as 'pets/{id}/GET', " +
      "a usage-plan key such as '/pets/{id}/GET', or '*/*' for the whole stage; methods are upper case.",
    { key, where },
  );
}
