import type { BasePathMatch } from '../pipeline/gateway-request.js';

/** One mapping of a custom domain: base path (`''` for `(none)`) → API and stage. */
export interface Mapping {
  /** The key as configured, `''` for `(none)`. */
  key: string;
  apiId: string;
  /** `undefined`: the caller names the stage after the base path. */
  stage: string | undefined;
}

/**
 * The mapping that serves `pathname` (behaviour.md §19.1): the longest base path whose segments begin the path
 * (segment-wise, so `orders` does not take `/ordersX`), else the `(none)` mapping; `undefined` when neither exists.
 */
export function matchMapping(
  mappings: ReadonlyMap<string, Mapping>,
  pathname: string,
): { mapping: Mapping; match: BasePathMatch } | undefined {
  let best: Mapping | undefined;
  let prefix = '';
  for (const mapping of mappings.values()) {
    if (mapping.key === '') continue;
    const candidate = `/${mapping.key}`;
    const next = pathname.charAt(candidate.length);
    if (!pathname.startsWith(candidate) || (next !== '' && next !== '/')) continue;
    if (best === undefined || candidate.length > prefix.length) {
      best = mapping;
      prefix = candidate;
    }
  }
  best ??= mappings.get('');
  if (best === undefined) return undefined;
  return {
    mapping: best,
    match: {
      basePath: best.key === '' ? '(none)' : best.key,
      prefix: best.key === '' ? '' : prefix,
      stage: best.stage,
    },
  };
}

/** Base path keys AWS accepts: letters, digits and `$-_.+!*'()/`, at most 300 characters, no leading/trailing `/`. */
export const BASE_PATH = /^(?!\/)[A-Za-z0-9$\-_.+!*'()/]{1,300}(?<!\/)$/;
