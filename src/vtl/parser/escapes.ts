import type { TemplateNode } from './ast.js';
import type { Cursor } from './cursor.js';
import { type InterpolationParser, parseReference } from './expression-parser.js';

/** Directive names an escaping backslash applies to (others keep their backslash), as Velocity 1.7. */
const KNOWN_DIRECTIVES = new Set([
  'if',
  'else',
  'elseif',
  'end',
  'set',
  'foreach',
  'define',
  'stop',
  'break',
]);
const WORD = /[a-zA-Z_@][a-zA-Z0-9_@]*/y;
const BRACKETED = /\{([a-zA-Z_][a-zA-Z0-9_@]*)\}/y;
/** What follows `#set` for it to be the #set directive. */
export const SET_OPEN = / *\(/y;

/** Reads `#name` or `#{name}` at the cursor (on '#'); returns the name and leaves the cursor after it. */
export function readDirectiveName(c: Cursor): string | null {
  WORD.lastIndex = c.pos + 1;
  const word = WORD.exec(c.text);
  if (word) {
    c.pos += 1 + word[0].length;
    return word[0];
  }
  BRACKETED.lastIndex = c.pos + 1;
  const bracketed = BRACKETED.exec(c.text);
  if (bracketed) {
    c.pos += 1 + bracketed[0].length;
    return bracketed[1]!;
  }
  return null;
}

/**
 * Velocity 1.7 escaping: `\$ref` prints `$ref` literally (when defined), `\\$ref` prints `\` and the value;
 * `\#end` prints `#end`; `\\#if` prints `\` and runs the #if. Backslashes before anything else are text.
 */
export function readBackslashes(
  c: Cursor,
  push: (node: TemplateNode) => void,
  interpolate: InterpolationParser,
): string {
  const t = c.text;
  const start = c.pos;
  let p = start;
  while (t.charAt(p) === '\\') p++;
  const n = p - start;
  if (t.charAt(p) === '$') {
    c.pos = p;
    const ref = parseReference(c, interpolate);
    if (ref) {
      const literal = t.slice(p, c.pos);
      push({ kind: 'ref', ref: ref.ref, literal, escaped: n % 2 === 1, prefix: '\\'.repeat(n >> 1) });
      return '';
    }
    c.pos = p;
    return '\\'.repeat(n);
  }
  if (t.charAt(p) === '#') {
    c.pos = p;
    const name = readDirectiveName(c);
    const image = t.slice(p, c.pos);
    c.pos = p;
    if (name !== null && n % 2 === 1) {
      c.pos = p + image.length;
      return KNOWN_DIRECTIVES.has(name) ? '\\'.repeat((n - 1) >> 1) + image : '\\'.repeat(n) + image;
    }
    if (name !== null && KNOWN_DIRECTIVES.has(name) && !(name === 'set' && isSetOpen(c, p + image.length))) {
      return '\\'.repeat(n >> 1);
    }
    return '\\'.repeat(n);
  }
  c.pos = p;
  return '\\'.repeat(n);
}

function isSetOpen(c: Cursor, at: number): boolean {
  SET_OPEN.lastIndex = at;
  return SET_OPEN.test(c.text);
}
