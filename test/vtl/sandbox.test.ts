import { describe, expect, it } from 'vitest';
import { render } from './render-helper.js';

// Every route below reaches a JS internal in a naive evaluator. Here each one yields null (prints nothing) or
// stays text: members are resolved through explicit per-type tables only.
describe('sandbox: templates never reach JavaScript internals', () => {
  it.each([
    '$input.constructor',
    '$util.class',
    '$util.constructor',
    '$context.constructor.name',
    '$context.get("constructor")',
    '#set($x = $util)$x.getClass()',
    '#set($s = "")$s["__proto__"]',
    '#set($s = "")$s.valueOf()',
    '#set($m = {})$m.constructor',
    '#set($m = {})$m["__proto__"]',
    '#set($m = {})$m.hasOwnProperty("a")',
    '#set($l = [])$l.constructor',
    '#set($l = [])$l.map',
    '#set($l = [1])$l.push(2)',
    '#set($l = [1])$l.pop()',
    '$input.path("$").constructor',
    '$input.path("$.__proto__")',
    '$input.body.constructor',
    '$input.body.toString.call',
    '$process',
    '$globalThis',
    '$input.params().prototype',
    '$foreach.constructor',
  ])('%s yields nothing', (template) => {
    expect(render(`[${template}]`, '{"a":1}')).toBe('[]');
  });

  it.each([
    ['$input.constructor.constructor("return process")()', '()'],
    ['#set($s = "")$s.constructor.constructor("return process")()', '()'],
    ['$context.__proto__', '.__proto__'],
  ])('%s: a call on nothing prints its leftover text only', (template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it('a body key named __proto__ is plain data', () => {
    expect(render("$input.path('$.__proto__.x')", '{"__proto__": {"x": "data"}}')).toBe('data');
  });

  it('#set on a prototype-looking key only writes map data', () => {
    expect(
      render('#set($m = {})#set($m["__proto__"] = 1)#set($m.constructor = 2)$m.size() $m.get("constructor")'),
    ).toBe('2 2');
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('nothing is patched onto global prototypes', () => {
    render('#set($s = "x")$s.length() $s.trim()');
    expect(Object.getOwnPropertyNames(String.prototype)).not.toContain('isEmpty');
    expect(Object.getOwnPropertyNames(Map.prototype)).not.toContain('put');
  });

  it('$context values given as functions or class instances become text, never callables', () => {
    expect(render('$context.fn', null, { context: { fn: () => 'ran' } })).not.toBe('ran');
  });
});
