import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBody, jsonValue, NASTY_FRAGMENTS, nastyString } from '../../src/fast-check/index.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('nastyString', () => {
  it('produces every character class that breaks templates: quote, backslash, newline, tab, control, astral emoji, </script>, dollar, dollar-brace, hash', () => {
    const text = fc.sample(nastyString(), { numRuns: 3000, seed: 1 }).join('');
    for (const needle of [
      '"',
      '\\',
      '\n',
      '\t',
      '\u0000',
      '\u001f',
      '😀',
      '</script>',
      '$',
      '${',
      '#',
      "'",
      '\u2028',
    ]) {
      expect(text).toContain(needle);
    }
  });

  it('never produces a lone surrogate (every value is well-formed UTF-16)', () => {
    fc.assert(
      fc.property(nastyString({ maxPieces: 20 }), (s) => !LONE_SURROGATE.test(s)),
      { numRuns: 2000, seed: 2 },
    );
  });

  it('the nasty fragments start with the quote so failures shrink to it', () => {
    expect(NASTY_FRAGMENTS[0]).toBe('"');
    expect(NASTY_FRAGMENTS[1]).toBe('\\');
  });

  it('the same seed gives the same strings', () => {
    expect(fc.sample(nastyString(), { numRuns: 50, seed: 3 })).toEqual(
      fc.sample(nastyString(), { numRuns: 50, seed: 3 }),
    );
  });

  it('respects minPieces and maxPieces', () => {
    expect(fc.sample(nastyString({ maxPieces: 0 }), { numRuns: 20, seed: 4 }).every((s) => s === '')).toBe(
      true,
    );
    expect(fc.sample(nastyString({ minPieces: 1 }), { numRuns: 200, seed: 4 }).every((s) => s !== '')).toBe(
      true,
    );
  });
});

describe('jsonValue and jsonBody', () => {
  it('every jsonBody is JSON text that parses, re-serialises identically, and is an object by default', () => {
    fc.assert(
      fc.property(jsonBody(), (body) => {
        const value: unknown = JSON.parse(body);
        expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
        expect(JSON.parse(JSON.stringify(value))).toEqual(value);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('bodies carry nasty strings in keys and values, and come compact or pretty-printed', () => {
    const bodies = fc.sample(jsonBody(), { numRuns: 1000, seed: 6 });
    expect(bodies.some((b) => b.includes('\\"'))).toBe(true);
    expect(bodies.some((b) => b.includes('\\\\'))).toBe(true);
    expect(bodies.some((b) => b.includes('\\u0000'))).toBe(true);
    expect(bodies.some((b) => b.includes('</script>'))).toBe(true);
    expect(bodies.some((b) => b.includes('\n  "'))).toBe(true);
    expect(bodies.some((b) => b.includes('\n\t"'))).toBe(true);
  });

  it.each(['object', 'array', 'scalar'] as const)('topLevel %s is honoured', (topLevel) => {
    for (const value of fc.sample(jsonValue({ topLevel }), { numRuns: 100, seed: 7 })) {
      const kind = Array.isArray(value)
        ? 'array'
        : typeof value === 'object' && value !== null
          ? 'object'
          : 'scalar';
      expect(kind).toBe(topLevel);
    }
  });

  it('maxDepth bounds the nesting', () => {
    const depth = (v: unknown): number =>
      typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0;
    for (const value of fc.sample(jsonValue({ maxDepth: 1 }), { numRuns: 300, seed: 8 }))
      expect(depth(value)).toBeLessThanOrEqual(1);
  });

  it('the same seed gives the same values', () => {
    expect(fc.sample(jsonBody(), { numRuns: 50, seed: 9 })).toEqual(
      fc.sample(jsonBody(), { numRuns: 50, seed: 9 }),
    );
  });
});

describe('option validation is eager and typed', () => {
  it.each([
    ['jsonValue maxDepth -1', () => jsonValue({ maxDepth: -1 }), 'FAST_CHECK_INVALID_OPTION'],
    ['jsonValue topLevel', () => jsonValue({ topLevel: 'map' as never }), 'FAST_CHECK_INVALID_OPTION'],
    ['jsonBody layout', () => jsonBody({ layout: 'tight' as never }), 'FAST_CHECK_INVALID_OPTION'],
    ['jsonBody unknown key', () => jsonBody({ maxDepht: 2 } as never), 'UNKNOWN_OPTION'],
    [
      'nastyString minPieces > maxPieces',
      () => nastyString({ minPieces: 5, maxPieces: 2 }),
      'FAST_CHECK_INVALID_OPTION',
    ],
    ['options not an object', () => nastyString(3 as never), 'FAST_CHECK_INVALID_OPTION'],
  ])('%s is refused with %s', (_name, call, code) => {
    expect(call).toThrow(expect.objectContaining({ code }));
  });

  it('an unknown option names the closest known one in the message', () => {
    expect(() => jsonBody({ maxDepht: 2 } as never)).toThrow(/Did you mean "maxDepth"/);
  });
});
