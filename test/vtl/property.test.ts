import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTestkitError } from '../../src/errors/index.js';
import { renderTemplate } from '../../src/vtl/index.js';

const pieces = fc.constantFrom(
  '$',
  '#',
  '\\',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '.',
  ',',
  '..',
  ' ',
  '\n',
  '!',
  '-1',
  '1.5',
  '==',
  '+',
  '/',
  '$a',
  '$!b',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: VTL formal references, not JS
  '${c}',
  '$a.b',
  '$a[0]',
  '$input.path("$.x")',
  "$input.json('$')",
  '$input.params()',
  '$util.parseJson($input.body)',
  '$util.urlDecode("%")',
  '$context.identity',
  '#set(',
  '#set($a = ',
  '#if(',
  '#elseif(',
  '#else',
  '#end',
  '#foreach($i in ',
  '#foreach($i in [1..3])',
  '#define($d)',
  '#macro(m)',
  '#stop',
  '#break',
  '##',
  '#*',
  '*#',
  '#[[',
  ']]#',
  'true',
  'null',
  'in',
  '$a.put("k", $a)',
  '$s.split("(")',
  '$s.substring(9)',
  '$l.get(5)',
  '[1..$a]',
  '{"k": 1}',
  'x',
);

describe('property: the renderer only ever throws typed errors', () => {
  it('arbitrary templates and inputs either render to a string or throw a TestkitError', () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 25 }).map((p) => p.join('')),
        fc.option(fc.oneof(fc.json(), fc.string()), { nil: null }),
        (template, body) => {
          try {
            const result = renderTemplate(template, { body });
            expect(typeof result.output).toBe('string');
          } catch (error) {
            if (!isTestkitError(error)) throw error;
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
