import { describe, expect, it } from 'vitest';
import { javaDoubleToString } from '../../src/vtl/index.js';
import { render } from './render-helper.js';

const BODY = JSON.stringify({
  obj: { foo: 'bar', n: 1 },
  list: [{ foo: 'bar' }, 'x', 1.5, null, true],
  d: 1.0,
  big: 1e10,
});
// JSON.stringify writes 1.0 as 1; the body text below keeps the decimal the way a client would send it.
const RAW = BODY.replace('"d":1', '"d":1.0').replace('"big":10000000000', '"big":1.0E10');

describe('Java printing', () => {
  it.each([
    ['a Map prints {k=v, k2=v2}', "$input.path('$.obj')", '{foo=bar, n=1}'],
    [
      'a JSON list prints compact JSON with maps as JSON',
      "$input.path('$.list')",
      '[{"foo":"bar"},"x",1.5,null,true]',
    ],
    ['a Map holding a list prints the list as JSON', "#set($m = $input.path('$'))$m.obj", '{foo=bar, n=1}'],
    ['a JSON decimal is a Double and prints 1.0', "$input.path('$.d')", '1.0'],
    ['a large Double prints in E notation', "$input.path('$.big')", '1.0E10'],
    ['an empty JSON array prints []', '$input.path("$.e")', '[]'],
    ['an empty map literal prints {}', '#set($a = {})$a', '{}'],
    ['a list literal prints like Java ArrayList', '#set($l = [1, "a", true])$l', '[1, a, true]'],
    ['booleans print true/false', '#set($b = true)$b', 'true'],
    ['toString() is the same as printing', "$input.path('$.obj').toString()", '{foo=bar, n=1}'],
  ])('%s', (_name, template, expected) => {
    const body = template.includes('$.e') ? '{"e": []}' : RAW;
    expect(render(template, body)).toBe(expected);
  });

  it.each([
    [1, '1.0'],
    [1.5, '1.5'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1234567.5, '1234567.5'],
    [1e7, '1.0E7'],
    [-2.5e-5, '-2.5E-5'],
    [0, '0.0'],
  ])('Double %d prints as Java prints it: %s', (value, expected) => {
    expect(javaDoubleToString(value)).toBe(expected);
  });
});

describe('String methods', () => {
  it.each([
    ['length', '$s.length()', '11'],
    ['isEmpty / .empty', '$s.isEmpty() $s.empty', 'false false'],
    ['contains', '$s.contains("World")', 'true'],
    ['substring(b)', '$s.substring(6)', 'World'],
    ['substring(b, e)', '$s.substring(0, 5)', 'Hello'],
    ['indexOf', '$s.indexOf("o") $s.indexOf("o", 5) $s.lastIndexOf("o")', '4 7 7'],
    ['replace is literal', '$s.replace(".", "!")', 'Hello World'],
    ['replaceAll takes a Java regex and $1 groups', '$s.replaceAll("(o)", "[$1]")', 'Hell[o] W[o]rld'],
    ['split drops trailing empty strings', '#set($p = "a,b,,")$p.split(",").size()', '2'],
    ['matches is a whole-string match', '$s.matches("Hello") $s.matches("Hello.*")', 'false true'],
    ['toLowerCase / toUpperCase', '$s.toLowerCase() $s.toUpperCase()', 'hello world HELLO WORLD'],
    ['trim', '#set($t = "  x ")[$t.trim()]', '[x]'],
    ['equals / equalsIgnoreCase', '$s.equals("Hello World") $s.equalsIgnoreCase("hello world")', 'true true'],
    ['startsWith / endsWith', '$s.startsWith("He") $s.endsWith("ld")', 'true true'],
    ['charAt', '$s.charAt(1)', 'e'],
    ['an unknown method yields null (prints nothing)', '[$s.nope()]', '[]'],
    ['a wrong argument type matches no overload', '[$s.substring("1")]', '[]'],
  ])('%s', (_name, template, expected) => {
    expect(render(`#set($s = "Hello World")${template}`)).toBe(expected);
  });
});

describe('Map and List methods', () => {
  it.each([
    ['size / isEmpty', '$m.size() $m.isEmpty()', '2 false'],
    ['containsKey / get / keySet', '$m.containsKey("a") $m.get("a") $m.keySet()', 'true 1 [a, b]'],
    [
      'entrySet entries expose key and value',
      '#foreach($e in $m.entrySet())$e.key=$e.value;#end',
      'a=1;b=2;',
    ],
    ['remove returns the old value', '$m.remove("a") $m', '1 {b=2}'],
    [
      'list size / get / contains / indexOf',
      '$l.size() $l.get(1) $l.contains("y") $l.indexOf("z")',
      '3 y true 2',
    ],
    ['list index with negative position', '$l[-1]', 'z'],
    ['nested index', '#set($n = [["a", ["b", "c"]]])$n[0][1][1]', 'c'],
    ['subList', '$l.subList(0, 2)', '[x, y]'],
  ])('%s', (_name, template, expected) => {
    expect(render(`#set($m = {"a": 1, "b": 2})#set($l = ["x", "y", "z"])${template}`)).toBe(expected);
  });
});
