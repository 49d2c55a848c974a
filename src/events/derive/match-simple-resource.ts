import { setEntry } from './safe-record.js';

/**
 * One-pass resource matcher for the common case: walks the template and the path side by side, without
 * splitting either. Returns the path parameters of a full match (`{}` for a literal resource), or
 * `undefined` whenever it cannot vouch for the answer — a template that might be invalid, or a path that
 * does not match — so the caller runs the full matcher, which gives the result or the error. Where it
 * answers, the answer is exactly that of `matchResourcePath` (same rules: extra leading slashes collapse,
 * one trailing slash ignored, `{name}` takes one non-empty segment, `{name+}` the non-empty rest).
 */
export function matchSimpleResource(resource: string, path: string): Record<string, string> | undefined {
  if (typeof resource !== 'string' || resource.charCodeAt(0) !== 47) return undefined;
  const length = resource.length;
  if (length > 1 && resource.charCodeAt(length - 1) === 47) return undefined;
  let end = path.indexOf('?');
  if (end === -1) end = path.length;
  let start = 0;
  while (start < end && path.charCodeAt(start) === 47) start++;
  if (end > start && path.charCodeAt(end - 1) === 47) end--;
  // `p` is the start of the next path segment; `p > end` means the path has no segment left.
  let p = start < end ? start : end + 1;
  const params: Record<string, string> = {};
  let rs = 1;
  while (rs < length) {
    let re = resource.indexOf('/', rs);
    if (re === -1) re = length;
    if (re === rs || p > end) return undefined;
    let pe = path.indexOf('/', p);
    if (pe === -1 || pe > end) pe = end;
    if (resource.charCodeAt(rs) === 123) {
      if (resource.charCodeAt(re - 1) !== 125) return undefined;
      const greedy = resource.charCodeAt(re - 2) === 43;
      const name = resource.slice(rs + 1, greedy ? re - 2 : re - 1);
      if (!isVariableName(name) || Object.hasOwn(params, name)) return undefined;
      if (greedy) {
        if (re !== length || p === end) return undefined;
        if (name === '__proto__') setEntry(params, name, path.slice(p, end));
        else params[name] = path.slice(p, end);
        return params;
      }
      if (pe === p) return undefined;
      if (name === '__proto__') setEntry(params, name, path.slice(p, pe));
      else params[name] = path.slice(p, pe);
    } else {
      if (pe - p !== re - rs) return undefined;
      for (let k = 0; k < re - rs; k++) {
        const c = resource.charCodeAt(rs + k);
        if (c === 123 || c === 125 || c !== path.charCodeAt(p + k)) return undefined;
      }
    }
    rs = re + 1;
    p = pe + 1;
  }
  return p > end ? params : undefined;
}

/** Letters, digits and `_ . : -` (the characters API Gateway accepts in a path variable name). */
export function isVariableName(name: string): boolean {
  if (name === '') return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 95 ||
      c === 46 ||
      c === 58 ||
      c === 45;
    if (!ok) return false;
  }
  return true;
}
