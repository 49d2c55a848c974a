import { isRecord } from '../source/pointer.js';

/** How `basepath` treats the document's base path (behaviour.md §17.3). */
export type BasePathMode = 'ignore' | 'prepend' | 'split';

/**
 * The document's base path: Swagger `basePath`; OpenAPI 3 `servers[].variables.basePath.default` (the first one),
 * else the path of the first server URL when longer than `/`. Returned without a trailing slash, `''` when none.
 */
export function documentBasePath(document: Record<string, unknown>): string {
  if (typeof document.basePath === 'string') return trim(document.basePath);
  const servers = Array.isArray(document.servers) ? document.servers.filter(isRecord) : [];
  for (const server of servers) {
    const variables = isRecord(server.variables) ? server.variables : {};
    const basePath = isRecord(variables.basePath) ? variables.basePath.default : undefined;
    if (typeof basePath === 'string') return trim(basePath.startsWith('/') ? basePath : `/${basePath}`);
  }
  const first = servers[0];
  if (first && typeof first.url === 'string') {
    const variables = isRecord(first.variables) ? first.variables : {};
    const url = first.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
      const variable = variables[name];
      return isRecord(variable) && typeof variable.default === 'string' ? variable.default : whole;
    });
    const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
    return path.length > 1 ? trim(path.startsWith('/') ? path : `/${path}`) : '';
  }
  return '';
}

/** The prefix each path gets under `mode`: nothing, the base path, or the base path without its first segment. */
export function basePathPrefix(basePath: string, mode: BasePathMode): string {
  if (mode === 'ignore' || basePath === '') return '';
  if (mode === 'prepend') return basePath;
  return basePath.replace(/^\/[^/]*/, '');
}

function trim(path: string): string {
  return path.replace(/\/+$/, '');
}
