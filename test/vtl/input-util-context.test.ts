import { describe, expect, it } from 'vitest';
import { renderTemplate, TemplateRuntimeError } from '../../src/vtl/index.js';
import { render } from './render-helper.js';

const params = {
  path: { id: '7' },
  querystring: { id: 'q', q: 'dogs' },
  header: { 'X-Id': 'h', 'User-Agent': 'curl/8' },
};

describe('$input', () => {
  it('$input.body is the raw payload, whitespace kept', () => {
    expect(render('$input.body', '{ "a" : 1 }')).toBe('{ "a" : 1 }');
  });
  it('$input.body is {} when the request has no body', () => {
    expect(render('$input.body', null)).toBe('{}');
    expect(render('$input.body', '')).toBe('{}');
  });
  it('$input.json returns JSON text: strings quoted', () => {
    expect(render("$input.json('$.name')", '{"name":"foo\\"bar"}')).toBe('"foo\\"bar"');
  });
  it('$input.json of a non-JSON body counts as one JSON string', () => {
    expect(render("$input.json('$')", 'a=b')).toBe('"a=b"');
  });
  it('$input.json of a missing path prints nothing (decided; AWS undocumented)', () => {
    expect(render("[$input.json('$.missing')]", '{}')).toBe('[]');
  });
  it('$input.path returns native values usable with .size() and [0]', () => {
    expect(render("$input.path('$.a').size() $input.path('$.a')[0]", '{"a":[5,6]}')).toBe('2 5');
  });
  it('$input.path of a body not starting with { or [ returns the raw text', () => {
    expect(render("$input.path('$')", 'a=b')).toBe('a=b');
  });
  it('$input.path of an invalid JSON body fails with VTL_INVALID_JSON_BODY', () => {
    expect(() => render("$input.path('$.a')", '{oops')).toThrowError(
      expect.objectContaining({ code: 'VTL_INVALID_JSON_BODY' }),
    );
  });
  it('$input.params(name) looks in path, then querystring, then header', () => {
    expect(render("$input.params('id') $input.params('q') $input.params('X-Id')", null, { params })).toBe(
      '7 dogs h',
    );
  });
  it('$input.params(name) is "" when absent', () => {
    expect(render("[$input.params('nope')]", null, { params })).toBe('[]');
  });
  it('$input.params() is a map of path, querystring and header', () => {
    expect(render('$input.params()', null, { params: { path: { id: '7' } } })).toBe(
      '{path={id=7}, querystring={}, header={}}',
    );
    expect(render("$input.params().header.get('User-Agent')", null, { params })).toBe('curl/8');
  });
});

describe('$util', () => {
  it.each([
    [
      "escapeJavaScript turns ' into \\' and escapes / and non-ASCII",
      `$util.escapeJavaScript("It's ""é""/")`,
      `It\\'s \\"\\u00E9\\"\\/`,
    ],
    ['escapeJavaScript escapes a newline', '$util.escapeJavaScript($input.path("$.s"))', 'a\\nb'],
    [
      'urlEncode is Java form encoding',
      '$util.urlEncode(\'{"some": "value"}\')',
      '%7B%22some%22%3A+%22value%22%7D',
    ],
    ['urlEncode keeps *-._ and encodes ~', '$util.urlEncode("a*-._~")', 'a*-._%7E'],
    ['urlEncode of null is empty', '[$util.urlEncode($nothing)]', '[]'],
    ['urlDecode turns + into a space', '$util.urlDecode("a+b%20c%C3%A9")', 'a b cé'],
    [
      'base64Encode / base64Decode use UTF-8',
      '$util.base64Encode("héllo") $util.base64Decode("aMOpbGxv")',
      'aMOpbGxv héllo',
    ],
    ['parseJson gives dot access', '#set($o = $util.parseJson(\'{"k":{"arr":[1,2]}}\'))$o.k.arr[1]', '2'],
  ])('%s', (_name, template, expected) => {
    expect(render(template, '{"s":"a\\nb"}')).toBe(expected);
  });
  it('parseJson of invalid JSON fails with VTL_PARSE_JSON_FAILED (AWS answers 500)', () => {
    expect(() => render("$util.parseJson('{oops')")).toThrowError(TemplateRuntimeError);
    expect(() => render("$util.parseJson('{oops')")).toThrowError(
      expect.objectContaining({ code: 'VTL_PARSE_JSON_FAILED' }),
    );
  });
  it('urlDecode of a broken escape fails with VTL_URL_DECODE_FAILED', () => {
    expect(() => render('$util.urlDecode("%zz")')).toThrowError(
      expect.objectContaining({ code: 'VTL_URL_DECODE_FAILED' }),
    );
  });
  it('base64Decode of non-base64 fails with VTL_BASE64_DECODE_FAILED', () => {
    expect(() => render('$util.base64Decode("**")')).toThrowError(
      expect.objectContaining({ code: 'VTL_BASE64_DECODE_FAILED' }),
    );
  });
});

describe('$context and $stageVariables', () => {
  it('nested context maps (identity, requestOverride, responseOverride) print as empty text', () => {
    expect(render('[$context.identity][$context.requestOverride][$context.responseOverride]')).toBe('[][][]');
  });
  it('identity always has the same 12 keys', () => {
    expect(render('$context.identity.keySet().size()')).toBe('12');
    expect(render('[$context.identity.cognitoIdentityId]$context.identity.sourceIp')).toBe('[]203.0.113.9');
  });
  it('isCanaryRequest is absent without a canary and prints true/false when given', () => {
    expect(render('[$context.isCanaryRequest]')).toBe('[]');
    expect(render('$context.isCanaryRequest', null, { context: { isCanaryRequest: false } })).toBe('false');
    expect(render('$context.isCanaryRequest', null, { context: { isCanaryRequest: true } })).toBe('true');
  });
  it('authorizer context values are strings', () => {
    expect(
      render('#if($context.authorizer.n == "5")s#end', null, { context: { authorizer: { n: 5 } } }),
    ).toBe('s');
  });
  it('derived defaults: path is /{stage}{resourcePath}, requestTime from requestTimeEpoch', () => {
    const out = render('$context.path $context.requestTime', null, {
      context: { stage: 'prod', resourcePath: '/pets', requestTimeEpoch: Date.UTC(2024, 2, 4, 19, 15, 17) },
    });
    expect(out).toBe('/prod/pets 04/Mar/2024:19:15:17 +0000');
  });
  it('an undefined stage variable renders empty; defined ones by . or []', () => {
    expect(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: VTL formal references, not JS
      render("[$stageVariables.nope]$stageVariables.v ${stageVariables['v']}", null, {
        stageVariables: { v: '2' },
      }),
    ).toBe('[]2 2');
  });
  it('requestOverride and responseOverride values set by the template are returned beside the output', () => {
    const result = renderTemplate(
      '#set($context.requestOverride.header.X-Amz-Target = "T")#set($context.requestOverride.querystring.q = 1)#set($context.responseOverride.status = 444)#set($context.responseOverride.header.foo = "bar")ok',
      { body: null },
    );
    expect(result).toEqual({
      output: 'ok',
      overrides: {
        requestOverride: { header: { 'X-Amz-Target': 'T' }, path: {}, querystring: { q: '1' } },
        responseOverride: { status: 444, header: { foo: 'bar' } },
      },
    });
  });
});
