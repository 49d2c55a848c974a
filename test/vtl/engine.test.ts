import { describe, expect, it } from 'vitest';
import { render } from './render-helper.js';

describe('AWS null handling (behaviour.md §0 VTL nulls)', () => {
  it.each([
    ['an undefined reference renders as empty text', 'a$undefined.b', 'a'],
    ['a quiet reference renders the same as a plain one', '[$!undefined][$!{undefined}]', '[][]'],
    ['an undefined reference is truthy in #if', '#if($undefined)yes#end', 'yes'],
    ['!$null is false', '#if(!$null)no#{else}yes#end', 'yes'],
    ['null equals $null', '#if($undefined == $null)eq#end', 'eq'],
    ['null equals ""', '#if($undefined == "")eq#end', 'eq'],
    ['"" equals null the other way round', '#if("" == $undefined)eq#end', 'eq'],
    ['null does not equal a non-empty string', '#if($undefined != "x")ne#end', 'ne'],
    ['boolean false is the only falsy value', '#if(false)a#end#if(0)b#end#if("")c#end', 'bc'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('Velocity 1.7 whitespace gobbling', () => {
  it.each([
    ['a #set line swallows its newline and its indentation', 'a\n  #set($x = 1)\nb', 'a\nb'],
    ['#if( … ) at a line end swallows the newline', '#if(true)\nyes\n#end\nafter', 'yes\nafter'],
    [
      '#end swallows trailing spaces and its newline even after content',
      '#foreach($i in [1,2])$i#end  \nz',
      '12z',
    ],
    ['#else swallows its newline', '#if(false)\nx\n#else\ny\n#end\n', 'y\n'],
    ['leading indentation before #if is kept', '  #if(true)x#end', '  x'],
    ['a directive followed by text keeps the text', '#set($a = 1) $a', ' 1'],
    ['## comments take their newline with them', 'a## note\nb', 'ab'],
    ['#* *# block comments keep the following newline', 'a#* c *#\nb', 'a\nb'],
    ['#[[ ]]# prints its content unparsed', '#[[$a #if]]#', '$a #if'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('directives', () => {
  it('#foreach over an undefined value does nothing', () => {
    expect(render('a#foreach($x in $nothing)X#{end}b')).toBe('ab');
  });
  it('#foreach stops after 1,000 iterations, silently (Velocity directive.foreach.maxloops)', () => {
    const out = render('#foreach($i in [1..1500])x#end');
    expect(out).toBe('x'.repeat(1000));
  });
  it('each nested #foreach has its own 1,000 iteration budget', () => {
    expect(render('#foreach($i in [1..2])#foreach($j in [1..1001])x#end#end').length).toBe(2000);
  });
  it('the loop variable is restored (unset) after the loop', () => {
    expect(render('#foreach($n in ["a"])$n#end[$n]')).toBe('a[]');
    expect(render('#set($n = "keep")#foreach($n in ["a"])$n#end[$n]')).toBe('a[keep]');
  });
  it('$foreach.index/count/first/last/hasNext, $velocityCount and $velocityHasNext', () => {
    expect(
      render(
        '#foreach($i in ["a","b"])$foreach.index$foreach.count$foreach.first$foreach.last$foreach.hasNext$velocityCount$velocityHasNext;#end',
      ),
    ).toBe('01truefalsetrue1true;12falsetruefalse2false;');
  });
  it('#foreach over a map iterates its values', () => {
    expect(render('#foreach($v in {"a": 1, "b": 2})$v#end')).toBe('12');
  });
  it.each([
    ['ascending', '#foreach($i in [0..3])$i#end', '0123'],
    ['descending', '#foreach($i in [2..-2])$i,#end', '2,1,0,-1,-2,'],
    ['from a reference', '#set($n = 2)#foreach($i in [0..$n])$i#end', '012'],
    ['as a value', '#set($r = [1..3])$r', '[1, 2, 3]'],
  ])('ranges: %s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
  it('#break leaves the innermost loop', () => {
    expect(render('#foreach($i in [1..3])#foreach($j in [1..3])$j#if($j == 2)#break#end#end;#end')).toBe(
      '12;12;12;',
    );
  });
  it('#stop ends the template and keeps what was printed', () => {
    expect(render('a#stop b')).toBe('a');
  });
  it('#define works: $hello() prints the block followed by "()"', () => {
    expect(render('#define($hello)hi $who#end#set($who = "you")$hello()')).toBe('hi you()');
  });
  it('#macro is unsupported: the definition vanishes and a call prints literally', () => {
    expect(render('#macro(greet $n)Hello#end#greet("x")')).toBe('#greet("x")');
  });
  it('#evaluate and unknown directives print literally', () => {
    expect(render('#evaluate("$a") #include("x") #nope')).toBe('#evaluate("$a") #include("x") #nope');
  });
  it('#set with a null right-hand side leaves the variable unchanged (Velocity 1.7 default)', () => {
    expect(render('#set($a = 1)#set($a = $nothing)$a')).toBe('1');
    expect(render('#set($a = $input.path("$.missing"))[$a]', '{}')).toBe('[]');
  });
  it('#elseif chooses the first true branch', () => {
    expect(render('#set($v = 2)#if($v == 1)one#elseif($v == 2)two#{else}other#end')).toBe('two');
  });
});

describe('operators', () => {
  it.each([
    [
      'word operators gt ge lt le eq ne',
      '#if(2 gt 1 and 2 ge 2 and 1 lt 2 and 1 le 1 and 1 eq 1 and 1 ne 2)ok#end',
      'ok',
    ],
    ['or / not', '#if(false or not false)ok#end', 'ok'],
    ['&& || !', '#if(!false && (false || true))ok#end', 'ok'],
    ['integer division truncates like Java', '#set($x = 7 / 2)[$x]#set($y = -7 / 2)[$y]', '[3][-3]'],
    ['modulus keeps the dividend sign', '#set($x = -7 % 3)$x', '-1'],
    ['a Double operand makes a Double', '#set($x = 7.0 / 2)[$x]#set($y = 1.5 * 2)[$y]', '[3.5][3.0]'],
    ['division by zero yields null', '#set($x = 1)#set($x = 5 / 0)$x', '1'],
    ['+ with a string concatenates', '#set($s = "n=" + 5)$s', 'n=5'],
    ['numbers compare by value across Integer and Double', '#if(1 == 1.0)eq#end', 'eq'],
    ['different kinds compare by their text', '#if(1 == "1")eq#end', 'eq'],
    ['relational operators on non-numbers are false', '#if("b" > "a")yes#{else}no#end', 'no'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('string literals', () => {
  it.each([
    ['no backslash escapes', '#set($s = "a\\nb")$s', 'a\\nb'],
    ['"" inside "…" is a literal quote', '#set($s = "say ""hi""")$s', 'say "hi"'],
    ["'' inside '…' is a literal quote", "#set($s = 'it''s')$s", "it's"],
    ['single quotes are not interpolated', "#set($a = 1)#set($s = '$a')$s", '$a'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: VTL formal references, not JS
    ['double quotes are interpolated', '#set($a = 1)#set($s = "v$a ${a}x")$s', 'v1 1x'],
    ['interpolated strings can hold directives', '#set($s = "#if(true)y#end")$s', 'y'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('Velocity escaping', () => {
  it.each([
    ['\\$ref of a defined reference prints the reference text', '#set($e = "x")\\$e', '$e'],
    ['\\\\$ref prints one backslash and the value', '#set($e = "x")\\\\$e', '\\x'],
    ['\\$ref of an undefined reference keeps the backslash (Velocity)', '\\$nothing', '\\$nothing'],
    ['\\#end prints #end', '\\#end', '#end'],
    ['\\# before a non-directive stays as written', '\\# end \\#foo', '\\# end \\#foo'],
    ['\\#set prints #set and the rest of the line renders', '#set($e = "f")\\#set($e = 1)', '#set(f = 1)'],
    ['\\\\#if prints one backslash and runs the #if', '\\\\#if(true)y#end', '\\y'],
    ['backslashes elsewhere are text', 'a\\\\b \\$ \\', 'a\\\\b \\$ \\'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('bare method calls print their return value', () => {
  it('$map.put prints the previous value (nothing for a new key)', () => {
    expect(render('#set($m = {})[$m.put("k", "a")][$m.put("k", "b")]$m')).toBe('[][a]{k=b}');
  });
  it('$list.set prints the old element; $list.add prints true', () => {
    expect(render('#set($l = ["x", "y"])$l.set(1, "z") $l.add("w") $l')).toBe('y true [x, z, w]');
  });
  it('#set($map[$undefinedKey] = "v") creates the key ""', () => {
    expect(render('#set($m = {})#set($m[$nokey] = "v")$m $m.get("")')).toBe('{=v} v');
  });
  it('hyphenated keys work in #set targets', () => {
    expect(render('#set($m = {})#set($m.X-Amz-Target = "t")$m')).toBe('{X-Amz-Target=t}');
  });
});
