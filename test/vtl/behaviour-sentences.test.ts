import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/vtl/index.js';
import { render } from './render-helper.js';

// One test per sentence of docs/behaviour.md §0 about templates (§4 and §12.2: behaviour-sentences-input.test.ts).

describe('§0 VTL nulls', () => {
  it.each([
    ['an undefined reference renders as empty text (not $name)', '[$name]', null, '[]'],
    ['a JSONPath miss renders as empty text', "[$input.path('$.nope')]", '{"a":1}', '[]'],
    ['a JSON null renders as empty text', "[$input.path('$.a')]", '{"a":null}', '[]'],
    [
      'an undefined reference is truthy: #if($undefined)yes#end prints yes',
      '#if($undefined)yes#end',
      null,
      'yes',
    ],
    ['a JSON null is truthy too', "#if($input.path('$.a'))yes#end", '{"a":null}', 'yes'],
    ['!$null is false', '#if(!$null)T#{else}F#end', null, 'F'],
    ['null equals $null', '#if($undefined == $null)eq#end', null, 'eq'],
    ['null equals ""', '#if($undefined == "")eq#end', null, 'eq'],
    ['#foreach over an undefined value does nothing', '<#foreach($x in $undefined)X#end>', null, '<>'],
    ['$util.urlEncode(null) is empty', '[$util.urlEncode($undefined)]', null, '[]'],
  ])('%s', (_name, template, body, expected) => {
    expect(render(template, body)).toBe(expected);
  });
});

describe('§0 VTL printing', () => {
  it.each([
    ['$input.path objects print Java-style {a=1, b=2}', "$input.path('$')", '{"a":1,"b":2}', '{a=1, b=2}'],
    ['arrays print compact JSON', "$input.path('$.l')", '{"l": [1, "x", true]}', '[1,"x",true]'],
    ['maps inside arrays print as JSON', "$input.path('$.l')", '{"l": [{"k": "v"}]}', '[{"k":"v"}]'],
    ['an empty array prints []', "$input.path('$.l')", '{"l": []}', '[]'],
    ['$input.body of an empty request is {}', '$input.body', null, '{}'],
    ['bodies are verbatim: whitespace kept', '$input.body', '{ "a" :\n 1 }', '{ "a" :\n 1 }'],
    ['bodies are verbatim: invalid JSON is fine', '$input.body', '{not json', '{not json'],
  ])('%s', (_name, template, body, expected) => {
    expect(render(template, body)).toBe(expected);
  });
});

describe('§0 the VTL engine is Velocity 1.7 with directives removed', () => {
  it.each([
    [
      'a #macro definition vanishes and a call prints literally',
      '#macro(recur $n)X#end#recur(5)',
      '#recur(5)',
    ],
    ['#evaluate is not supported: it prints literally', "#evaluate('x')", "#evaluate('x')"],
    ['#return is not supported: it prints literally', 'a #return b', 'a #return b'],
    [
      '$velocityCount and $velocityHasNext work',
      '#foreach($i in [7,8])$velocityCount$velocityHasNext #end',
      '1true 2false ',
    ],
    [
      '$foreach.index/count/first/last/hasNext work',
      '#foreach($i in [7,8])$foreach.index$foreach.count$foreach.first$foreach.last$foreach.hasNext #end',
      '01truefalsetrue 12falsetruefalse ',
    ],
    ['#define works', '#define($b)hi#end$b', 'hi'],
    ['#stop works', 'a#stop b', 'a'],
    ['ranges work, descending too: [2..-2]', '#foreach($i in [2..-2])$i,#end', '2,1,0,-1,-2,'],
    [
      'word operators gt ge lt le eq ne work',
      '#if(2 gt 1 && 2 ge 2 && 1 lt 2 && 1 le 1 && 1 eq 1 && 1 ne 2)ok#end',
      'ok',
    ],
    ['word operators and or not work', '#if(true and (false or not false))ok#end', 'ok'],
    ['string literals do not process backslash escapes', '#set($s = "a\\nb\\t")$s', 'a\\nb\\t'],
    ['inside "...", "" is a literal quote', '#set($s = "say ""hi""")$s', 'say "hi"'],
    [
      'a directive line that prints nothing swallows its newline',
      'a\n#set($x = 1)\n#if(true)\nb\n#end\nc',
      'a\nb\nc',
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('§0 bare method calls print their return value', () => {
  it.each([
    ['$map.put(k, v) prints the previous value', '#set($m = {"k": 1})$m.put("k", 2)', '1'],
    ['$map.put prints nothing for a new key', '#set($m = {})[$m.put("k", 2)]', '[]'],
    ['$list.set(i, x) prints the old element', '#set($l = ["a"])$l.set(0, "b")$l', 'a[b]'],
    [
      '#set($map[$undefinedKey] = \'v\') creates the key ""',
      "#set($m = {})#set($m[$undefinedKey] = 'v')$m",
      '{=v}',
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('§0 $context in templates and overrides', () => {
  it.each([
    [
      'nested maps (identity, requestOverride, responseOverride) interpolate as empty text',
      '[$context.identity][$context.requestOverride][$context.responseOverride]',
      '[][][]',
    ],
    [
      'identity always has the same 12 keys, unset ones null',
      '$context.identity.size() [$context.identity.caller]',
      '12 []',
    ],
    [
      '$context.isCanaryRequest exists only on a stage with a canary (absent: prints nothing)',
      '[$context.isCanaryRequest]',
      '[]',
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it('authorizer context values are strings', () => {
    const out = renderTemplate(
      '#if($context.authorizer.n == "5" && $context.authorizer.b.length() == 4)s#end',
      {
        body: null,
        context: { authorizer: { n: 5, b: true } },
      },
    ).output;
    expect(out).toBe('s');
  });

  it('a request template can set responseOverride.status (444) and headers, returned as overrides', () => {
    const { overrides } = renderTemplate(
      '#set($context.responseOverride.status = 444)#set($context.responseOverride.header.X-A = "b")',
      { body: null },
    );
    expect(overrides.responseOverride).toEqual({ status: 444, header: { 'X-A': 'b' } });
  });

  it('hyphenated header names work in #set($context.requestOverride.header.X-Amz-Target = ...)', () => {
    const { overrides } = renderTemplate('#set($context.requestOverride.header.X-Amz-Target = "Svc.Op")', {
      body: null,
    });
    expect(overrides.requestOverride.header).toEqual({ 'X-Amz-Target': 'Svc.Op' });
  });

  it('requestOverride values set in the request template are readable in the response template', () => {
    const out = renderTemplate('$context.requestOverride.header.h', {
      body: null,
      context: { requestOverride: { header: { h: 'v' } } },
    }).output;
    expect(out).toBe('v');
  });

  it("$util.escapeJavaScript turns ' into \\'", () => {
    expect(render(`$util.escapeJavaScript("it's")`)).toBe("it\\'s");
  });
});
