import * as fc from 'fast-check';

/**
 * Strings of `minLength`..`maxLength` units drawn from `units` (single characters or longer fragments).
 * Built on an array of indexes, which is several times faster than `fc.stringMatching` and shrinks
 * towards shorter strings made of the first units.
 */
export function charsFrom(
  units: readonly string[] | string,
  minLength: number,
  maxLength: number,
): fc.Arbitrary<string> {
  const table = typeof units === 'string' ? [...units] : [...units];
  const last = table.length - 1;
  return fc.array(fc.nat(last), { minLength, maxLength }).map((indexes) => {
    let out = '';
    for (const i of indexes) out += table[i];
    return out;
  });
}

/** `prefix` followed by `minLength`..`maxLength` units of `units`: a cheap identifier generator. */
export function identifier(first: string, rest: string, maxRest: number): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(first.length - 1), charsFrom(rest, 0, maxRest)).map(([i, tail]) => first[i] + tail);
}

export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const DIGITS = '0123456789';
export const ALNUM = LOWER + UPPER + DIGITS;
