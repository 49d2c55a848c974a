import { describe, expect, it } from 'vitest';
import { render } from './render-helper.js';

// java.lang.String / java.util.List / java.util.Map methods with Java semantics, Java number printing of JSON
// values, $util encodings per character class, and Jayway JSONPath functions.

const fails = (template: string, code: string, body: string | null = null): void => {
  expect(() => render(template, body)).toThrowError(expect.objectContaining({ code }));
};

describe('String methods behave like java.lang.String', () => {
  it.each([
    [
      'split takes a Java regex and drops trailing empty strings',
      '#set($s = "a,b,,c,,")$s.split(",")',
      '[a, b, , c]',
    ],
    [
      'split with a negative limit keeps trailing empty strings',
      '#set($s = "a,b,,")$s.split(",", -1).size()',
      '4',
    ],
    [
      'split with a positive limit stops after limit - 1 cuts',
      '#set($s = "a,b,c")$s.split(",", 2)',
      '[a, b,c]',
    ],
    ['split(".") matches every char, leaving nothing', '#set($s = "a.b")$s.split(".").size()', '0'],
    [
      'split("") gives each char, no leading empty string',
      '#set($s = "abc")$s.split("") $s.split("", -1).size()',
      '[a, b, c] 4',
    ],
    ['split of an empty string is one empty string', '#set($s = "")$s.split(",").size()', '1'],
    [
      'replaceAll takes $n group references',
      '#set($s = "a1b2")$s.replaceAll("([a-z])(\\d)", "$2$1")',
      '1a2b',
    ],
    [
      'a group reference takes more digits only while the group exists: $10 is $1 then 0',
      '#set($s = "a")$s.replaceAll("(a)", "$10")',
      'a0',
    ],
    ['\\$ in a replacement is a literal dollar', '#set($s = "a")$s.replaceAll("a", "\\$")', '$'],
    ['replaceFirst replaces once', '#set($s = "aa")$s.replaceFirst("a", "b")', 'ba'],
    ['replace is literal, not a regex', '#set($s = "a.b")$s.replace(".", "$1")', 'a$1b'],
    [
      'matches is a whole-string match',
      '#set($s = "abc")$s.matches("b") $s.matches("a.c") $s.matches("(?i)ABC")',
      'false true true',
    ],
    [
      'indexOf / lastIndexOf, -1 when absent',
      '#set($s = "abcabc")$s.indexOf("c") $s.lastIndexOf("c") $s.indexOf("z") $s.indexOf("a", 1)',
      '2 5 -1 3',
    ],
    ['charAt returns the char', '#set($s = "abc")$s.charAt(2)', 'c'],
    [
      'equalsIgnoreCase / contains / isEmpty / length',
      '#set($s = "Ab")$s.equalsIgnoreCase("aB") $s.contains("b") $s.isEmpty() $s.length()',
      'true true false 2',
    ],
    ['trim strips every char up to U+0020', '#set($s = "\t x \n")[$s.trim()]', '[x]'],
    [
      "hashCode and compareTo are Java's",
      '#set($s = "Hello")$s.hashCode() $s.compareTo("Help")',
      '69609650 -4',
    ],
    ['a method that does not exist is null', '#set($s = "a")[$s.chars()][$s.nope]', '[][]'],
    ['a method on null is null, never an error', '[$nope.length()][$nope.size()]', '[][]'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it.each([
    ['substring past the end', '#set($s = "abc")$s.substring(5)'],
    ['substring with begin > end', '#set($s = "abc")$s.substring(2, 1)'],
    ['charAt out of range', '#set($s = "abc")$s.charAt(3)'],
  ])('%s fails like StringIndexOutOfBoundsException (VTL_METHOD_FAILED)', (_name, template) => {
    fails(template, 'VTL_METHOD_FAILED');
  });

  it.each([
    ['an invalid pattern', '#set($s = "a")$s.matches("(")'],
    ['a $ without a group number in a replacement', "#set($s = 'a')$s.replaceAll('a', '$x')"],
    ['a group the pattern does not have', "#set($s = 'a')$s.replaceAll('a', '$1')"],
  ])('%s fails like Java (VTL_INVALID_REGEX)', (_name, template) => {
    fails(template, 'VTL_INVALID_REGEX');
  });
});

describe('List and Map methods behave like ArrayList / LinkedHashMap', () => {
  it.each([
    [
      'add returns true; remove(int) returns the element',
      '#set($l = [1, 2])$l.add(3) $l.remove(0) $l',
      'true 1 [2, 3]',
    ],
    [
      'remove(Object) returns whether it removed',
      '#set($l = ["a"])$l.remove("a") $l.remove("a") $l',
      'true false []',
    ],
    [
      'contains / isEmpty / size / indexOf',
      '#set($l = [1, "a"])$l.contains("a") $l.isEmpty() $l.size() $l.indexOf(1)',
      'true false 2 0',
    ],
    [
      'get, put, containsKey, size',
      '#set($m = {"a": 1})$m.get("a") [$m.put("b", 2)] $m.containsKey("b") $m.size()',
      '1 [] true 2',
    ],
    ['get of a missing key is null', '#set($m = {})[$m.get("x")][$m.x]', '[][]'],
    [
      'keySet, values, entrySet print like Java collections',
      '#set($m = {"a": 1, "b": 2})$m.keySet() $m.values() $m.entrySet()',
      '[a, b] [1, 2] [a=1, b=2]',
    ],
    [
      'entries expose .key and .value',
      '#set($m = {"a": 1})#foreach($e in $m.entrySet())$e.key=$e.value $e.getKey()#end',
      'a=1 a',
    ],
    ['remove returns the old value', '#set($m = {"a": 1, "b": 2})$m.remove("a") $m', '1 {b=2}'],
    ['a JSON object keeps document order', "$input.path('$').keySet()", '[z, a, m]'],
    [
      'put keeps the first position of an existing key',
      '#set($m = {"a": 1, "b": 2})#set($x = $m.put("a", 3))$m',
      '{a=3, b=2}',
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template, '{"z": 1, "a": 2, "m": 3}')).toBe(expected);
  });

  it.each([
    ['get', '#set($l = [1])$l.get(1)'],
    ['set', '#set($l = [1])$l.set(-1, 2)'],
    ['remove', '#set($l = [1])$l.remove(4)'],
  ])('List.%s out of range fails (IndexOutOfBoundsException → VTL_METHOD_FAILED)', (_name, template) => {
    fails(template, 'VTL_METHOD_FAILED');
  });
});

describe('JSON values from $input.path keep json-smart types', () => {
  const BODY =
    '{"i": 7, "l": 2147483648, "big": 12345678901234567890, "d": 1.5, "one": 1.0, "e": 1e2, "tiny": 1.0E-5, "t": true, "n": null}';
  it.each([
    ['an integer prints as an integer', "$input.path('$.i') $input.path('$.l')", '7 2147483648'],
    [
      'a big integer (BigInteger) keeps every digit',
      "$input.path('$.big') $input.json('$.big')",
      '12345678901234567890 12345678901234567890',
    ],
    ['a decimal is a Double: 1.5, 1.0', "$input.path('$.d') $input.path('$.one')", '1.5 1.0'],
    ['an exponent makes a Double: 1e2 prints 100.0', "$input.path('$.e') $input.json('$.e')", '100.0 100.0'],
    ['small Doubles print in E notation', "$input.path('$.tiny')", '1.0E-5'],
    ['booleans are Booleans; null is null', "$input.path('$.t') [$input.path('$.n')]", 'true []'],
    ['integer arithmetic on JSON numbers stays integral', "#set($x = $input.path('$.i') + 1)$x", '8'],
    [
      '$input.json re-serialises compactly',
      "$input.json('$')",
      BODY.replaceAll(' ', '').replace('1e2', '100.0').replace('1.0E-5', '1.0E-5'),
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template, BODY)).toBe(expected);
  });
});

describe('$util encodings per character class', () => {
  it.each([
    ['control chars \\b \\t \\n \\f \\r', '\b\t\n\f\r', '\\b\\t\\n\\f\\r'],
    ['other control chars as uppercase \\u00XX', '\u0000\u001f\u000b', '\\u0000\\u001F\\u000B'],
    ['DEL (U+007F) is left as is', '\u007f', '\u007f'],
    ['Latin-1 and BMP chars as uppercase \\uXXXX', 'é\u2028€', '\\u00E9\\u2028\\u20AC'],
    ['astral chars as a surrogate pair', '😀', '\\uD83D\\uDE00'],
    ['quotes, backslash and slash: \' " \\ /', '\'"\\/', '\\\'\\"\\\\\\/'],
    ['letters, digits and other ASCII punctuation are kept', 'aZ9 <>&=', 'aZ9 <>&='],
  ])('escapeJavaScript: %s', (_name, input, expected) => {
    expect(render('$util.escapeJavaScript($input.path("$.s"))', JSON.stringify({ s: input }))).toBe(expected);
  });

  it.each([
    ['letters, digits and . - * _ are kept', 'aZ9.-*_', 'aZ9.-*_'],
    ['space is +, ~ is %7E', 'a b~', 'a+b%7E'],
    ["! ' ( ) are encoded", "!'()", '%21%27%28%29'],
    ['non-ASCII is UTF-8 with uppercase hex', 'é€😀', '%C3%A9%E2%82%AC%F0%9F%98%80'],
  ])('urlEncode: %s', (_name, input, expected) => {
    expect(render('$util.urlEncode($input.path("$.s"))', JSON.stringify({ s: input }))).toBe(expected);
  });

  it('urlDecode: + and %20 are spaces, lowercase hex works, bad UTF-8 becomes U+FFFD', () => {
    expect(render('$util.urlDecode("a+b%20c%c3%a9%FF")')).toBe('a b cé\uFFFD');
  });
  it.each(['%zz', '%', '%4'])('urlDecode of the malformed escape %s fails (VTL_URL_DECODE_FAILED)', (bad) => {
    fails(`$util.urlDecode("${bad}")`, 'VTL_URL_DECODE_FAILED');
  });
  it('base64 round-trips UTF-8, astral chars included; padding is optional', () => {
    expect(
      render('$util.base64Encode("é€😀") $util.base64Decode("w6nigqzwn5iA") $util.base64Decode("YQ")'),
    ).toBe('w6nigqzwn5iA é€😀 a');
  });
  it.each(['!!!', 'YQ=', 'Y', 'YQ===', 'YQ-_'])(
    'base64Decode of %s fails (VTL_BASE64_DECODE_FAILED)',
    (bad) => {
      fails(`$util.base64Decode("${bad}")`, 'VTL_BASE64_DECODE_FAILED');
    },
  );
  it('parseJson results print like $input.path values: maps Java-style, lists as JSON', () => {
    expect(
      render(`#set($o = $util.parseJson('{"a": [1, {"b": 2}], "c": {"d": null}}'))$o | $o.a | $o.c`),
    ).toBe('{a=[1,{"b":2}], c={d=null}} | [1,{"b":2}] | {d=null}');
  });
});

describe('JSONPath (Jayway)', () => {
  const BODY = '{"a": {"b": [{"c": 1}, {"c": 2.5}]}, "a b": 3, "s": "text", "n": [3, 1, 2]}';
  it.each([
    ['$.a.b', "$input.json('$.a.b')", '[{"c":1},{"c":2.5}]'],
    ["$['a b']", '$input.path("$[\'a b\']")', '3'],
    ['$.a.b[0] and $.a.b[-1]', "$input.path('$.a.b[0]') $input.path('$.a.b[-1]')", '{c=1} {c=2.5}'],
    ['$.a.b[*].c', "$input.json('$.a.b[*].c')", '[1,2.5]'],
    ['$..c', "$input.json('$..c')", '[1,2.5]'],
    ['a missing intermediate is null', "[$input.path('$.x.y.z')]", '[]'],
    [
      '$.n.length() counts a list (Integer)',
      "$input.path('$.n.length()') $input.json('$.n.length()')",
      '3 3',
    ],
    ["$.a.length() counts a map's keys", "$input.path('$.a.length()')", '1'],
    [
      'sum() avg() min() max() are Doubles',
      "$input.path('$.n.sum()') $input.path('$.n.avg()') $input.path('$.n.min()') $input.path('$.n.max()')",
      '6.0 2.0 1.0 3.0',
    ],
    ['stddev() is the population standard deviation', "$input.path('$.n.stddev()')", '0.8164965809277263'],
    ['functions apply to what an indefinite path selects', "$input.path('$.a.b[*].c.sum()')", '3.5'],
    ['first() and last()', "$input.path('$.n.first()') $input.path('$.n.last()')", '3 2'],
    [
      'a function with nothing to work on is null',
      "[$input.path('$.s.sum()')][$input.path('$.s.length()')]",
      '[][]',
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template, BODY)).toBe(expected);
  });
});
