import { describe, expect, it } from 'vitest';
import { render } from './render-helper.js';

// Velocity 1.7 behaviour a template can observe (ASTMathNode/MathUtils, ASTEQNode, relational nodes,
// ASTIntegerLiteral, ASTIndex, #foreach, #set), with AWS's null handling on top.

describe('Velocity 1.7 integer arithmetic (MathUtils: Integer → Long → BigInteger, never wraps)', () => {
  it.each([
    ['int overflow promotes to Long', '#set($a = 2147483647 + 1)$a', '2147483648'],
    ['int multiplication overflow promotes to Long', '#set($a = 2147483647 * 2)$a', '4294967294'],
    ['Long overflow promotes to BigInteger', '#set($a = 9223372036854775807 + 1)$a', '9223372036854775808'],
    [
      'Long multiplication overflow is exact',
      '#set($a = 99999999999 * 99999999999)$a',
      '9999999999800000000001',
    ],
    [
      'integers beyond 2^53 stay exact',
      '#set($a = 9007199254740993)#set($b = $a + 1)$a $b',
      '9007199254740993 9007199254740994',
    ],
    [
      'a BigInteger literal prints every digit',
      '#set($a = 123456789012345678901234567890)$a',
      '123456789012345678901234567890',
    ],
    [
      'BigInteger division truncates',
      '#set($a = 99999999999 * 99999999999)#set($b = $a / 7)$b',
      '1428571428542857142857',
    ],
    ['integer division truncates toward zero', '#set($a = 7 / 2)#set($b = -7 / 2)$a $b', '3 -3'],
    ['Long % keeps the dividend sign', '#set($a = -7 % 3)$a', '-1'],
    ['BigInteger % is BigInteger.mod (never negative)', '#set($a = (0 - 99999999999999999999) % 7)$a', '6'],
    ['leading zeros are decimal, not octal', '#set($a = 010)$a', '10'],
    ['a negative literal after a minus: 3 - -2', '#set($a = 3 - -2)$a', '5'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('Velocity 1.7 decimals are Doubles and print like Double.toString', () => {
  it.each([
    ['Integer with Double gives a Double', '#set($a = 3 * 1.0)#set($b = 3 + 0.5)$a $b', '3.0 3.5'],
    ['0.1 + 0.2 shows the double rounding', '#set($a = 0.1 + 0.2)$a', '0.30000000000000004'],
    ['100.0, 0.001 print plainly', '#set($a = 100.0)#set($b = 0.001)$a $b', '100.0 0.001'],
    [
      'below 10^-3 and from 10^7 use E notation',
      '#set($a = 0.0001)#set($b = 1e7)#set($c = 12345678.9)$a $b $c',
      '1.0E-4 1.0E7 1.23456789E7',
    ],
    ['exponent literals are Doubles', '#set($a = 1.234E3)#set($b = 1.0e-5)$a $b', '1234.0 1.0E-5'],
    ['-0.0 keeps its sign', '#set($a = -0.0)$a', '-0.0'],
    [
      'Double.intValue() truncates and saturates',
      '#set($d = -1.9)#set($e = 1e20)$d.intValue() $e.intValue() $e.longValue()',
      '-1 2147483647 9223372036854775807',
    ],
    ['Long.intValue() keeps the low 32 bits', '#set($i = 3000000000)$i.intValue()', '-1294967296'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('Velocity 1.7 division by zero and non-numbers', () => {
  it.each([
    [
      'integer division by zero is null, so #set leaves the target unchanged',
      '#set($a = 1)#set($a = 5 / 0)$a',
      '1',
    ],
    ['modulo by zero is null', '#set($a = 5 % 0)[$a]', '[]'],
    [
      'Double division by zero is null too (not Infinity)',
      '#set($a = 1.0 / 0)#set($b = 1.0 / 0.0)[$a$b]',
      '[]',
    ],
    ['arithmetic on a non-number is null', '#set($a = 1 + true)#set($b = "a" * 2)[$a$b]', '[]'],
    ['arithmetic on null is null', '#set($a = $nope + 1)[$a]', '[]'],
    [
      'unary minus on a reference does not parse in 1.7, but $a-1 is the reference "a-1"',
      '#set($a = 5)[$a-1]',
      '[]',
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('Velocity 1.7 string concatenation', () => {
  it.each([
    ['"$a$b" interpolates both', '#set($a = "x")#set($b = 1)#set($c = "$a$b")$c', 'x1'],
    ['+ with a String on either side concatenates', '#set($a = "a" + 1)#set($b = 1 + "a")$a $b', 'a1 1a'],
    [
      '+ concatenates toString() of Doubles, lists and booleans',
      '#set($a = "a" + 1.0 + [1] + true)$a',
      'a1.0[1]true',
    ],
    [
      '+ with a null side concatenates it as empty text (AWS prints null as empty)',
      '#set($a = "a" + $nope)$a',
      'a',
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('Velocity 1.7 == (ASTEQNode): numbers by value, same classes by equals(), else toString()', () => {
  it.each([
    ['1 == 1.0 (numbers compare by value across types)', '#if(1 == 1.0)T#{else}F#end', 'T'],
    ['a Long equals an Integer', '#if(2147483648 - 1 == 2147483647)T#{else}F#end', 'T'],
    ['big integers compare exactly', '#if(9007199254740993 == 9007199254740992)T#{else}F#end', 'F'],
    ['"1" == 1 compares toString()', '#if("1" == 1)T#{else}F#end', 'T'],
    ['"1.0" == 1.0 compares toString()', '#if("1.0" == 1.0)T#{else}F#end', 'T'],
    ['"1" == 1.0 is false (1.0 prints 1.0)', '#if("1" == 1.0)T#{else}F#end', 'F'],
    ['true == "true" compares toString()', '#if(true == "true")T#{else}F#end', 'T'],
    ['true == 1 is false', '#if(true == 1)T#{else}F#end', 'F'],
    ['lists compare element by element', '#if([1, "a"] == [1, "a"])T#{else}F#end', 'T'],
    ['maps compare entry by entry', '#if({"a": 1} == {"a": 1})T#{else}F#end', 'T'],
    ['strings are case-sensitive', '#if("a" == "A")T#{else}F#end', 'F'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it('a JSON array equals a list literal with the same items (JSONArray is an ArrayList)', () => {
    expect(render("#if($input.path('$.l') == [1, 2])T#{else}F#end", '{"l":[1,2]}')).toBe('T');
  });
});

describe('Velocity 1.7 relational operators compare numbers only', () => {
  it.each([
    ['numbers compare across Integer and Double', '#if(1 < 1.5 && 2.5 >= 2)T#{else}F#end', 'T'],
    ['big integers compare exactly', '#if(9007199254740993 > 9007199254740992)T#{else}F#end', 'T'],
    [
      'a String operand is false, whichever way',
      '#if(1 < "2")a#end#if(1 >= "0")b#end#if("a" < "b")c#end',
      '',
    ],
    ['null is false on both sides', '#if($nope < 1)a#end#if($nope >= 1)b#end', ''],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('#if, !, && and || (only false is false on AWS)', () => {
  it.each([
    ['empty string, empty list and zero are true', '#if("")a#end#if([])b#end#if(0)c#end#if({})d#end', 'abcd'],
    ['! of a non-boolean is false', '#if(!"")a#{else}b#end#if(!0)a#{else}b#end', 'bb'],
    ['&& short-circuits on false', '#if(false && $nope.get(99))a#{else}b#end', 'b'],
    [
      'null && false is false, false || null is true',
      '#if($nope && false)a#{else}b#end#if(false || $nope)c#end',
      'bc',
    ],
    [
      '#elseif chains take the first true branch',
      '#if(false)a#elseif(false)b#elseif(true)c#elseif(true)d#{else}e#end',
      'c',
    ],
    ['#else runs when nothing matched', '#if(false)a#elseif(false)b#{else}e#end', 'e'],
    ['a comparison can be #set and printed', '#set($b = 5 > 3)#set($c = !$b)$b $c', 'true false'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('#set', () => {
  it.each([
    ['#set($a = $b) with $b null leaves $a unchanged', '#set($a = 1)#set($a = $nope)$a', '1'],
    ['#set of a list aliases it (no copy)', '#set($l = [])#set($m = $l)$m.add("x")$l', 'true[x]'],
    ['#set($map.key = v) puts into a map', '#set($m = {})#set($m.a = 1)$m', '{a=1}'],
    [
      '#set($list[i] = v) replaces an element; a negative index counts from the end',
      '#set($l = [1, 2])#set($l[-1] = 9)$l',
      '[1, 9]',
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it('#set($list[i] = v) out of range fails like List.set (VTL_METHOD_FAILED)', () => {
    expect(() => render('#set($l = [1])#set($l[3] = 9)')).toThrowError(
      expect.objectContaining({ code: 'VTL_METHOD_FAILED' }),
    );
  });
});

describe('index notation (Velocity 1.7 ASTIndex calls get(), negative indexes add size())', () => {
  it.each([
    ['$list[-1] is the last item', '#set($l = [1, 2, 3])$l[-1] $l[-3]', '3 1'],
    ['$map["key"] reads a map', '#set($m = {"a b": 1})$m["a b"]', '1'],
    ['a non-integer index on a list finds no get() overload: null', '#set($l = [1])[$l["0"]]', '[]'],
    ['an index on a String is null (String has no get())', '#set($s = "abc")[$s[0]]', '[]'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it.each([
    ['past the end', '#set($l = [1, 2])$l[5]'],
    ['before the start', '#set($l = [1, 2])$l[-3]'],
  ])('a list index out of range fails like List.get (%s)', (_name, template) => {
    expect(() => render(template)).toThrowError(
      expect.objectContaining({ code: 'VTL_METHOD_FAILED', details: expect.objectContaining({ line: 1 }) }),
    );
  });
});

describe('#foreach', () => {
  it.each([
    ['over a Map iterates its values', '#set($m = {"a": 1, "b": 2})#foreach($v in $m)$v#end', '12'],
    [
      'over a JSON object iterates its values in document order',
      "#foreach($v in $input.path('$'))$v#end",
      'zy',
    ],
    ['over a String does nothing', '#set($s = "abc")<#foreach($c in $s)$c#end>', '<>'],
    ['over a number does nothing', '<#foreach($c in 5)$c#end>', '<>'],
    [
      '$foreach.count and $velocityCount are 1-based, $foreach.index 0-based',
      '#foreach($i in ["a"])$foreach.count$velocityCount$foreach.index#end',
      '110',
    ],
    [
      '$foreach.parent reaches the outer loop',
      '#foreach($i in [1, 2])#foreach($j in [1])$foreach.parent.count#end#end',
      '12',
    ],
    [
      '#break leaves only the innermost loop',
      '#foreach($i in [1, 2])#foreach($j in [1, 2, 3])#if($j == 2)#break#end$i$j #end#end',
      '11 21 ',
    ],
    [
      '#stop inside a loop ends the whole template',
      '#foreach($i in [1, 2, 3])$i#if($i == 2)#stop#end#end after',
      '12',
    ],
    [
      '#set of the loop variable inside the loop lasts for that iteration',
      '#foreach($x in [1, 2])#set($x = 9)$x#end',
      '99',
    ],
    ['$foreach and $velocityCount are undefined outside a loop', '[$foreach.count][$velocityCount]', '[][]'],
    ['[1..0] counts down', '#foreach($i in [1..0])$i#end', '10'],
    [
      'a range bound that is not a number makes the range null',
      '#set($n = "3")<#foreach($i in [1..$n])$i#end>',
      '<>',
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template, '{"b": "z", "a": "y"}')).toBe(expected);
  });
});
