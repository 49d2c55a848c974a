import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors/index.js';
import {
  compileTemplate,
  renderTemplate,
  TemplateRuntimeError,
  TemplateSyntaxError,
} from '../../src/vtl/index.js';

function syntaxError(template: string): TemplateSyntaxError {
  try {
    compileTemplate(template);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a TemplateSyntaxError');
}

describe('template errors', () => {
  it('a template that does not parse throws TemplateSyntaxError with line, column and a caret excerpt', () => {
    const error = syntaxError('line one\n#if($a == )yes#end');
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.code).toBe('VTL_SYNTAX_ERROR');
    expect(error.line).toBe(2);
    expect(error.column).toBe(11);
    expect(error.excerpt).toBe('2 | #if($a == )yes#end\n              ^');
  });
  it.each([
    ['an #if without #end', '#if(true)x', 1, 1],
    ['a stray #end', 'a\n  #end', 2, 3],
    ['"$a -1" (Velocity reads -1 as a number)', '#set($b = $a -1)', 1, 14],
    ['an unterminated string', '#set($a = "x)', 1, 11],
    ['an unclosed ${', 'a ${b.c', 1, 8],
  ])('%s is a syntax error at the right place', (_name, template, line, column) => {
    const error = syntaxError(template);
    expect([error.line, error.column]).toEqual([line, column]);
  });
  it.each([
    [
      '#if($a\nx#end',
      '"x" cannot follow the condition: a condition is one expression (join comparisons with && or ||, quote text as "x"), closed by ")".',
    ],
    [
      '#if($a -1)x#end',
      'Velocity reads "-1" right after a value as a negative number, not a subtraction: write "- 1" with a space after "-".',
    ],
    [
      '#set($b = $a -1)',
      'Velocity reads "-1" right after a value as a negative number, not a subtraction: write "- 1" with a space after "-".',
    ],
    ['#if($a = 1)x#end', 'Compare with "==": a single "=" assigns, which only #set does.'],
    ['#if($a', '#if( … ) is never closed: add ")" after the condition.'],
    ['#if($a == 1 ; )x#end', '";" cannot continue the condition: end #if( … ) with ")" right after it.'],
    [
      '#foreach($x in $list x#end',
      '"x" cannot follow the list: write #foreach($item in $list) and close it with ")".',
    ],
  ])('a missing ")" in %j gets a hint about what is there instead', (template, hint) => {
    expect(syntaxError(template).hint.split('\n')[0]).toBe(hint);
  });
  it('templates over 300 KB are refused with VTL_TEMPLATE_TOO_LARGE', () => {
    expect(() => compileTemplate('x'.repeat(300 * 1024 + 1))).toThrowError(
      expect.objectContaining({ code: 'VTL_TEMPLATE_TOO_LARGE' }),
    );
    expect(() => compileTemplate('x'.repeat(300 * 1024))).not.toThrow();
  });
  it('a failing method explains itself with its position', () => {
    expect(() => renderTemplate('\n  $s.substring(5)', { body: null, context: {} })).not.toThrow();
    try {
      renderTemplate('#set($s = "ab")\n  $s.substring(5)', { body: null });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateRuntimeError);
      expect((error as TemplateRuntimeError).code).toBe('VTL_METHOD_FAILED');
      expect((error as Error).message).toContain('line 2, column 15');
    }
  });
  it('an unknown input key is refused', () => {
    expect(() => renderTemplate('x', { body: null, bdy: 1 } as never)).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_OPTION' }),
    );
  });
});
