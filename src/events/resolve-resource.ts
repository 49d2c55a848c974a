import { EventInputError } from '../errors/families.js';
import { formatValue } from '../errors/format-value.js';
import { fillResourcePath, matchResourcePath } from './derive/match-resource-path.js';
import { checkStringMap } from './derive/validate.js';

/** Path, resource and path parameters of a REST event, consistent with each other. */
export interface ResolvedResource {
  resource: string;
  /** Request path as given (leading slashes not yet collapsed). */
  rawPath: string;
  /** Path parameters, `null` when the resource has no variables. */
  pathParameters: Record<string, string> | null;
}

/**
 * Derives whichever of `path`, `resource` and `pathParameters` is missing from the others and checks that
 * they agree. Without a resource, `/` maps to `/` and any other path to the usual `/{proxy+}`.
 */
export function resolveResource(
  where: string,
  rawPath: string | undefined,
  resource: string | undefined,
  pathParameters: Readonly<Record<string, string>> | undefined,
): ResolvedResource {
  // `null` is how an event says "no path parameters"; anything else must be a map of strings.
  if (pathParameters === null) pathParameters = undefined;
  else if (pathParameters !== undefined) checkStringMap(where, 'pathParameters', pathParameters);
  if (rawPath === undefined) {
    const template = resource ?? '/';
    rawPath = fillResourcePath(template, pathParameters ?? {});
    resource = template;
  } else if (resource === undefined) {
    resource = defaultResource(rawPath);
  }
  const params = matchResourcePath(resource, rawPath);
  const hasVariables = resource.indexOf('{') !== -1;
  if (params === null) {
    throw new EventInputError(
      'EVENT_PATH_MISMATCH',
      `${where}: path ${rawPath} does not match resource ${resource}`,
      hasVariables
        ? `Give a path that fits the template (each {name} is one segment, {name+} one or more), or omit path and pass pathParameters.`
        : `Give the path the resource names, or a resource with variables such as /{proxy+}.`,
      { path: rawPath, resource },
    );
  }
  if (pathParameters !== undefined) {
    for (const name of new Set([...Object.keys(pathParameters), ...Object.keys(params)])) {
      if (pathParameters[name] !== params[name]) {
        throw new EventInputError(
          'EVENT_PATH_MISMATCH',
          `${where}: pathParameters.${name} is ${formatValue(pathParameters[name])} but path ${rawPath} gives ${formatValue(params[name])} for resource ${resource}`,
          'Pass either path or pathParameters, or make them agree; path parameters are derived from the path.',
          { path: rawPath, resource, parameter: name },
        );
      }
    }
  }
  return { resource, rawPath, pathParameters: hasVariables ? params : null };
}

/** The resource a path gets when none is given: `/` for the root (any number of slashes), else `/{proxy+}`. */
export function defaultResource(rawPath: string): string {
  for (let i = 0; i < rawPath.length; i++) if (rawPath.charCodeAt(i) !== 47) return '/{proxy+}';
  return '/';
}

/** Collapses extra leading slashes (`//x` → `/x`) as REST does for the event `path`. */
export function collapseLeadingSlashes(path: string): string {
  if (path.length < 2 || path.charCodeAt(1) !== 47) return path;
  let i = 1;
  while (i < path.length && path.charCodeAt(i) === 47) i++;
  return `/${path.slice(i)}`;
}
