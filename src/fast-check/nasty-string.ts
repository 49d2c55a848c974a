import type * as fc from 'fast-check';
import { ALNUM, charsFrom } from './chars.js';
import { intOption, readOptions } from './options.js';

/**
 * The fragments that break naive templates and serialisers, most breaking first (fast-check shrinks
 * towards the first entry, so a failing input shrinks to a lone quote when a quote is enough).
 * JSON-breaking: quote, backslash, control characters. VTL-meaningful: `$`, `#`, `${`, `#end`, `#set(`.
 * HTML-breaking: `</script>`, `<`, `&`. Encoding-breaking: `+`, `%`, `=`, `&`, `?`, non-ASCII, astral
 * emoji (surrogate pairs, never lone surrogates), a ZWJ sequence, U+2028/U+2029 (line separators that
 * JavaScript string literals once rejected), BOM.
 *
 * @example
 * ```ts
 * NASTY_FRAGMENTS.includes('</script>'); // true
 * ```
 */
export const NASTY_FRAGMENTS: readonly string[] = [
  '"',
  '\\',
  '\n',
  "'",
  '\t',
  '\r',
  '\u0000',
  '\u001f',
  '\b',
  '\f',
  '\u007f',
  '\\"',
  '\\u0022',
  '</script>',
  '<',
  '&',
  '$',
  '#',
  '\x24{',
  '}',
  '\x24{x}',
  '$input',
  '#end',
  '#set(',
  '##',
  '#*',
  '%',
  '%22',
  '+',
  '=',
  '?',
  '/',
  ',',
  ';',
  ':',
  ' ',
  'é',
  'ß',
  '日本',
  '😀',
  '👩‍💻',
  '\u2028',
  '\u2029',
  '\uFEFF',
  'null',
  '{}',
  '[',
  ']',
];

/** Options of {@link nastyString}. */
export interface NastyStringOptions {
  /** Most pieces (a nasty fragment or a short run of ordinary characters) joined into one string. Default 6. */
  maxPieces?: number;
  /** Fewest pieces. Default 0 (the empty string is a classic edge case too). */
  minPieces?: number;
}

const KNOWN = ['maxPieces', 'minPieces'] as const;

/**
 * Strings made of pieces: nasty fragments ({@link NASTY_FRAGMENTS}: quotes, backslashes, control
 * characters, `</script>`, VTL's `$` and `#`, emoji, …) mixed with short runs of ordinary ASCII and
 * Unicode text. Every value is well-formed UTF-16 (no lone surrogates). Seed it with fast-check's own
 * `seed` parameter.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { nastyString } from 'apigw-testkit/fast-check';
 * fc.sample(nastyString(), { seed: 1, numRuns: 3 }); // e.g. [ '"a', '</script>😀', '' ]
 * ```
 */
export function nastyString(options?: NastyStringOptions): fc.Arbitrary<string> {
  const where = 'nastyString';
  const o = readOptions(where, options, KNOWN);
  const maxPieces = intOption(where, o, 'maxPieces', 6, 0, 1000);
  const minPieces = intOption(where, o, 'minPieces', 0, 0, maxPieces);
  return charsFrom(PIECES, minPieces, maxPieces);
}

// Ordinary text mixed in with the fragments: ASCII letters, digits, punctuation, and a few non-ASCII
// letters. About half of all pieces are nasty fragments.
const ORDINARY = [...`${ALNUM}-_.~!*()@^|\`{}`, 'ñ', 'Ω', 'ç', '中', 'Ж'];
const PIECES: readonly string[] = [...NASTY_FRAGMENTS, ...ORDINARY];
