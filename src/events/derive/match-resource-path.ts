import { EventInputError } from '../../errors/families.js';
import { formatText, formatValue } from '../../errors/format-value.js';
import { isVariableName, matchSimpleResource } from './match-simple-resource.js';
import { setEntry } from './safe-record.js';

/** One segment of a resource path template. */
export type ResourceSegment =
  | { readonly kind: 'static'; readonly text: string }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

/** A parsed resource path (`/pets/{id}`, `/{proxy+}`), reusable for many matches. */
export interface CompiledResourcePath {
  readonly resource: string;
  readonly segments: readonly ResourceSegment[];
  /** Names of the path variables, in order. */
  readonly variables: readonly string[];
  /** Path parameters when `path` matches (`{}` for a literal resource), otherwise `null`. */
  match(path: string): Record<string, string> | null;
}

const NO_PARTS: readonly string[] = [];

/**
 * Parses a REST resource path or the path of an HTTP API route key. Variables must be whole segments and a
 * greedy `{name+}` must be the last one (API Gateway refuses anything else).
 *
 * @example
 * ```ts
 * const pets = compileResourcePath('/pets/{id}');
 * pets.match('/pets/7'); // { id: '7' }
 * pets.match('/owners/7'); // null
 * ```
 */
export function compileResourcePath(resource: string): CompiledResourcePath {
  const parts = resourceParts(resource);
  const segments: ResourceSegment[] = [];
  const variables: string[] = [];
  for (const part of parts) {
    if (part.charCodeAt(0) !== 123) {
      segments.push({ kind: 'static', text: part });
      continue;
    }
    const greedy = part.charCodeAt(part.length - 2) === 43;
    const name = part.slice(1, greedy ? -2 : -1);
    variables.push(name);
    segments.push(greedy ? { kind: 'greedy', name } : { kind: 'variable', name });
  }
  return { resource, segments, variables, match: (path) => matchParts(parts, path) };
}

/**
 * Matches a request path (after the stage, not decoded) against a resource path template with API Gateway's
 * rules: extra leading slashes collapse, a trailing slash is ignored, `{name}` takes one non-empty segment,
 * `{proxy+}` takes the rest without its leading and trailing slash (interior `//` kept), static segments are
 * case-sensitive. Returns the path parameters (`{}` for a literal resource) or `null`.
 *
 * @example
 * ```ts
 * matchResourcePath('/{proxy+}', '/a//b/'); // { proxy: 'a//b' }
 * matchResourcePath('/hardcoded', '//hardcoded'); // {}
 * matchResourcePath('/{proxy+}', '/'); // null
 * ```
 */
export function matchResourcePath(resource: string, path: string): Record<string, string> | null {
  return matchSimpleResource(resource, path) ?? matchParts(resourceParts(resource), path);
}

function matchParts(parts: readonly string[], path: string): Record<string, string> | null {
  const pathParts = splitRequestPath(path);
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const value = pathParts[i];
    if (part.charCodeAt(0) !== 123) {
      if (value !== part) return null;
      continue;
    }
    if (part.charCodeAt(part.length - 2) === 43) {
      const rest = i === pathParts.length - 1 ? value : pathParts.slice(i).join('/');
      if (rest === undefined || rest === '') return null;
      setEntry(params, part.slice(1, -2), rest);
      return params;
    }
    if (value === undefined || value === '') return null;
    setEntry(params, part.slice(1, -1), value);
  }
  return parts.length === pathParts.length ? params : null;
}

/** Splits and validates a resource path template. */
function resourceParts(resource: string): readonly string[] {
  if (typeof resource !== 'string' || resource.charCodeAt(0) !== 47) {
    throw invalidResource(resource, 'a resource path starts with "/"');
  }
  if (resource.length === 1) return NO_PARTS;
  const parts = resource.slice(1).split('/');
  if (resource.indexOf('{') === -1 && resource.indexOf('}') === -1) {
    if (parts.includes('')) throw invalidResource(resource, 'a resource path has no empty segments');
    return parts;
  }
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '') throw invalidResource(resource, 'a resource path has no empty segments');
    if (part.indexOf('{') === -1 && part.indexOf('}') === -1) continue;
    const greedy = part.endsWith('+}');
    const name = part.slice(1, greedy ? -2 : -1);
    if (part[0] !== '{' || !part.endsWith('}') || !isVariableName(name)) {
      throw invalidResource(resource, `a path variable must be a whole segment like {id}, not "${part}"`);
    }
    if (names.includes(name)) throw invalidResource(resource, `the variable {${name}} appears twice`);
    if (greedy && i !== parts.length - 1)
      throw invalidResource(resource, `the greedy {${name}+} must be the last segment`);
    names.push(name);
  }
  return parts;
}

/**
 * Splits a request path into segments the way API Gateway matches it: query cut off, extra leading slashes
 * collapsed, one trailing slash ignored.
 *
 * @example
 * ```ts
 * splitRequestPath('//a//b/?x=1'); // ['a', '', 'b']
 * splitRequestPath('/'); // []
 * ```
 */
export function splitRequestPath(path: string): string[] {
  let end = path.indexOf('?');
  if (end === -1) end = path.length;
  let start = 0;
  while (start < end && path.charCodeAt(start) === 47) start++;
  if (end > start && path.charCodeAt(end - 1) === 47) end--;
  if (end <= start) return [];
  return path.slice(start, end).split('/');
}

/**
 * Fills a resource path template with parameter values (the inverse of {@link matchResourcePath}).
 *
 * @example
 * ```ts
 * fillResourcePath('/pets/{id}', { id: '7' }); // '/pets/7'
 * ```
 */
export function fillResourcePath(
  resource: string,
  params: Readonly<Record<string, string | undefined>>,
): string {
  let out = '';
  for (const part of resourceParts(resource)) {
    if (part.charCodeAt(0) !== 123) {
      out += `/${part}`;
      continue;
    }
    const name = part.slice(1, part.endsWith('+}') ? -2 : -1);
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (typeof value !== 'string' || value === '') {
      throw new EventInputError(
        'EVENT_MISSING_PATH_PARAMETER',
        `path parameter "${name}" of resource ${resource} has no value: ${formatText(value)}`,
        `Pass pathParameters: { ${name}: '...' } or give the request path instead.`,
        { resource, parameter: name },
      );
    }
    out += `/${value}`;
  }
  return out === '' ? '/' : out;
}

function invalidResource(resource: unknown, why: string): EventInputError {
  return new EventInputError(
    'EVENT_INVALID_RESOURCE',
    `invalid resource path: ${formatValue(resource)}`,
    `Fix it: ${why}.`,
    { resource },
  );
}
