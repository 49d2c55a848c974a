import { internalized } from './internalized.js';
import { setEntry } from './safe-record.js';

/**
 * One-pass resource matcher for the common case: walks the template's segments and the path side by side,
 * without splitting the path. Returns the path parameters of a full match (`{}` for a literal resource), or
 * `undefined` whenever it cannot vouch for the answer — a template that might be invalid, or a path that
 * does not match — so the caller runs the full matcher, which gives the result or the error. Where it
 * answers, the answer is exactly that of `matchResourcePath` (same rules: extra leading slashes collapse,
 * one trailing slash ignored, `{name}` takes one non-empty segment, `{name+}` the non-empty rest).
 */
export function matchSimpleResource(resource: string, path: string): Record<string, string> | undefined {
  if (typeof resource !== 'string') return undefined;
  const template = templateOf(resource);
  if (template === null) return undefined;
  let end = path.indexOf('?');
  if (end === -1) end = path.length;
  let start = 0;
  while (start < end && path.charCodeAt(start) === 47) start++;
  if (end > start && path.charCodeAt(end - 1) === 47) end--;
  // `p` is the start of the next path segment; `p > end` means the path has no segment left.
  let p = start < end ? start : end + 1;
  const params: Record<string, string> = {};
  const { texts, kinds } = template;
  for (let s = 0; s < texts.length; s++) {
    if (p > end) return undefined;
    let pe = path.indexOf('/', p);
    if (pe === -1 || pe > end) pe = end;
    const text = texts[s]!;
    const kind = kinds[s];
    if (kind === STATIC) {
      if (pe - p !== text.length || !path.startsWith(text, p)) return undefined;
    } else {
      const last = kind === GREEDY;
      if (last ? p === end : pe === p) return undefined;
      const value = path.slice(p, last ? end : pe);
      if (text === '__proto__') setEntry(params, text, value);
      else params[text] = value;
      if (last) return params;
    }
    p = pe + 1;
  }
  return p > end ? params : undefined;
}

const STATIC = 0;
const VARIABLE = 1;
const GREEDY = 2;

/** A template the matcher vouches for, split once: per segment its static text or variable name, and kind. */
interface SimpleTemplate {
  readonly texts: readonly string[];
  readonly kinds: readonly number[];
}

// Templates split once and kept: a test suite names a handful of resources. Reusing the same name strings
// also makes each parameter store a fast one (a freshly sliced key is looked up in V8's string table on every
// store); this and the split were most of the matcher's cost (12–16% of building a v1 event, 3–5% after,
// measured by CPU profile). Cleared when full, so it stays bounded.
const templates = new Map<string, SimpleTemplate | null>();
const MAX_TEMPLATES = 512;

function templateOf(resource: string): SimpleTemplate | null {
  let template = templates.get(resource);
  if (template === undefined) {
    template = splitTemplate(resource);
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(resource, template);
  }
  return template;
}

/** Splits a template the matcher can vouch for; `null` for anything the full matcher must judge. */
function splitTemplate(resource: string): SimpleTemplate | null {
  const length = resource.length;
  if (resource.charCodeAt(0) !== 47) return null;
  if (length > 1 && resource.charCodeAt(length - 1) === 47) return null;
  const texts: string[] = [];
  const kinds: number[] = [];
  let rs = 1;
  while (rs < length) {
    let re = resource.indexOf('/', rs);
    if (re === -1) re = length;
    if (re === rs) return null;
    if (resource.charCodeAt(rs) === 123) {
      if (resource.charCodeAt(re - 1) !== 125) return null;
      const greedy = resource.charCodeAt(re - 2) === 43;
      const name = resource.slice(rs + 1, greedy ? re - 2 : re - 1);
      if (!isVariableName(name) || (greedy && re !== length)) return null;
      for (let k = 0; k < texts.length; k++) if (kinds[k] !== STATIC && texts[k] === name) return null;
      texts.push(internalized(name));
      kinds.push(greedy ? GREEDY : VARIABLE);
    } else {
      for (let k = rs; k < re; k++) {
        const c = resource.charCodeAt(k);
        if (c === 123 || c === 125) return null;
      }
      texts.push(resource.slice(rs, re));
      kinds.push(STATIC);
    }
    rs = re + 1;
  }
  return { texts, kinds };
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
