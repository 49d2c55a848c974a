import { TemplateRuntimeError } from '../errors.js';
import { velocityEquals } from './operators.js';
import { javaToString } from './print.js';
import { javaRegex, javaReplacement, javaSplit } from './regex.js';
import { isInteger, NO_METHOD } from './values.js';

type Method<T> = (self: T, args: readonly unknown[]) => unknown;

const str = (v: unknown): v is string => typeof v === 'string';

function outOfBounds(method: string, detail: string): TemplateRuntimeError {
  return new TemplateRuntimeError(
    'VTL_METHOD_FAILED',
    `String.${method} failed: index out of range (${detail})`,
    'Check the string length first, e.g. #if($s.length() > 3).',
  );
}

/** Java `String.trim()`: strips every char ≤ U+0020 at both ends. */
function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  return s.slice(start, end);
}

function javaHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** java.lang.String methods a template can call. Anything not listed does not exist (yields null). */
export const STRING_METHODS: ReadonlyMap<string, Method<string>> = new Map<string, Method<string>>([
  ['length', (s, a) => (a.length === 0 ? s.length : NO_METHOD)],
  ['isEmpty', (s, a) => (a.length === 0 ? s.length === 0 : NO_METHOD)],
  ['toString', (s, a) => (a.length === 0 ? s : NO_METHOD)],
  ['trim', (s, a) => (a.length === 0 ? javaTrim(s) : NO_METHOD)],
  ['toLowerCase', (s, a) => (a.length === 0 ? s.toLowerCase() : NO_METHOD)],
  ['toUpperCase', (s, a) => (a.length === 0 ? s.toUpperCase() : NO_METHOD)],
  ['hashCode', (s, a) => (a.length === 0 ? javaHashCode(s) : NO_METHOD)],
  ['contains', (s, [x]) => (str(x) ? s.includes(x) : NO_METHOD)],
  ['equals', (s, a) => (a.length === 1 ? a[0] === s : NO_METHOD)],
  [
    'equalsIgnoreCase',
    (s, [x]) =>
      x === null || x === undefined ? false : str(x) ? s.toLowerCase() === x.toLowerCase() : NO_METHOD,
  ],
  [
    'startsWith',
    (s, [x, from]) =>
      str(x)
        ? isInteger(from)
          ? s.startsWith(x, from)
          : from === undefined
            ? s.startsWith(x)
            : NO_METHOD
        : NO_METHOD,
  ],
  ['endsWith', (s, [x]) => (str(x) ? s.endsWith(x) : NO_METHOD)],
  ['concat', (s, [x]) => (str(x) ? s + x : NO_METHOD)],
  ['compareTo', (s, [x]) => (str(x) ? compareStrings(s, x) : NO_METHOD)],
  ['indexOf', (s, [x, from]) => indexOf(s, x, from, false)],
  ['lastIndexOf', (s, [x, from]) => indexOf(s, x, from, true)],
  [
    'charAt',
    (s, [i]) => {
      if (!isInteger(i)) return NO_METHOD;
      if (i < 0 || i >= s.length) throw outOfBounds('charAt', `index ${i}, length ${s.length}`);
      return s.charAt(i);
    },
  ],
  [
    'substring',
    (s, args) => {
      const [b, e = s.length] = args;
      if (!isInteger(b) || !isInteger(e) || args.length > 2) return NO_METHOD;
      if (b < 0 || e > s.length || b > e)
        throw outOfBounds('substring', `begin ${b}, end ${e}, length ${s.length}`);
      return s.slice(b, e);
    },
  ],
  ['replace', (s, [a, b]) => (str(a) && str(b) ? s.split(a).join(b) : NO_METHOD)],
  [
    'replaceAll',
    (s, [re, to]) => (str(re) && str(to) ? s.replace(javaRegex(re, 'g'), javaReplacement(to)) : NO_METHOD),
  ],
  [
    'replaceFirst',
    (s, [re, to]) => (str(re) && str(to) ? s.replace(javaRegex(re), javaReplacement(to)) : NO_METHOD),
  ],
  ['matches', (s, [re]) => (str(re) ? wholeMatch(re).test(s) : NO_METHOD)],
  [
    'split',
    (s, [re, limit]) => {
      if (!str(re) || (limit !== undefined && !isInteger(limit))) return NO_METHOD;
      return javaSplit(s, re, limit ?? 0);
    },
  ],
]);

/** Java `matches()` is a whole-string match; leading inline flags stay in front. */
function wholeMatch(re: string): RegExp {
  const flags = /^\(\?[ims]+\)/.exec(re)?.[0] ?? '';
  try {
    return javaRegex(`${flags}^(?:${re.slice(flags.length)})$`);
  } catch (error) {
    javaRegex(re); // report the pattern as written
    throw error;
  }
}

function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function indexOf(s: string, x: unknown, from: unknown, last: boolean): unknown {
  if (!str(x) || (from !== undefined && !isInteger(from))) return NO_METHOD;
  if (last) return from === undefined ? s.lastIndexOf(x) : from < 0 ? -1 : s.lastIndexOf(x, from);
  return s.indexOf(x, from === undefined ? 0 : Math.max(0, from));
}

/** `$s.empty` resolves to `isEmpty()` (Velocity's `isFoo` property rule); other String properties are null. */
export function stringProperty(s: string, name: string): unknown {
  return name === 'empty' ? s.length === 0 : null;
}

/** Methods every value has: `toString()` and `equals(x)` (Java equality of the same kinds). */
export function commonMethod(self: unknown, name: string, args: readonly unknown[]): unknown {
  if (name === 'toString' && args.length === 0) return javaToString(self);
  if (name === 'equals' && args.length === 1)
    return velocityEquals(self, args[0]) && typeof self === typeof args[0];
  return NO_METHOD;
}
