import { describe, expect, it } from 'vitest';
import { render } from './render-helper.js';

const BODY = JSON.stringify({
  store: { 'a b': 'spaced', books: [{ t: 'A', p: 1 }, { t: 'B', p: 2 }, { t: 'C' }] },
  n: [0, 1, 2, 3, 4],
});

describe('JSONPath (behaviour.md §4.7, Jayway semantics)', () => {
  it.each([
    ['$ is the whole document', "$input.json('$.n')", '[0,1,2,3,4]'],
    ['.name', "$input.path('$.store.books[0].t')", 'A'],
    ["['a b'] bracket names", '$input.path("$.store[\'a b\']")', 'spaced'],
    ['[n] and negative [-n]', "$input.path('$.n[1]') $input.path('$.n[-1]')", '1 4'],
    ['[*] lists every item', "$input.json('$.store.books[*].t')", '["A","B","C"]'],
    ['.* lists every value', "$input.path('$.store.books[0].*')", '["A",1]'],
    ['[a:b] slices', "$input.json('$.n[1:3]')", '[1,2]'],
    ['[i,j] unions', "$input.json('$.n[0,4]')", '[0,4]'],
    ['..name recursive descent, skipping items without the key', "$input.json('$..p')", '[1,2]'],
    ['a path without $ is read from the root', "$input.path('n[2]')", '2'],
    ['a missing definite path is null (prints nothing)', "[$input.path('$.store.nope.x')]", '[]'],
    ['a missing path in a list query is an empty list', "$input.json('$.nope[*]')", '[]'],
  ])('%s', (_name, template, expected) => {
    expect(render(template, BODY)).toBe(expected);
  });

  it('an unparsable path fails with VTL_INVALID_JSONPATH', () => {
    expect(() => render("$input.path('$[?(@.a)]')", BODY)).toThrowError(
      expect.objectContaining({ code: 'VTL_INVALID_JSONPATH' }),
    );
  });
});
