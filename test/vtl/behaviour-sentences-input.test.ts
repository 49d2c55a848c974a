import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/vtl/index.js';
import { render } from './render-helper.js';

// One test per sentence of docs/behaviour.md §4.1–4.3, §4.7 and §12.2 that concerns templates.

const fails = (template: string, code: string, body: string | null = null): void => {
  expect(() => render(template, body)).toThrowError(expect.objectContaining({ code }));
};

describe('§4.1 $input', () => {
  it.each([
    ['$input.body is the raw payload as a string', '$input.body.length()', 'ab', '2'],
    [
      "$input.json('$.x') returns JSON text; strings come back quoted",
      "$input.json('$.x')",
      '{"x":"foobar"}',
      '"foobar"',
    ],
    [
      'a body that is not JSON counts as one JSON string: $input.json(\'$\') of a=b is "a=b"',
      "$input.json('$')",
      'a=b',
      '"a=b"',
    ],
    ["$input.json('$') of an empty request is {}", "$input.json('$')", null, '{}'],
    [
      '$input.path returns a native object: .size(), [0], .key',
      "$input.path('$.l').size() $input.path('$.l')[0].key",
      '{"l":[{"key":"v"}]}',
      '1 v',
    ],
    ['a Map prints {foo=bar}', "$input.path('$')", '{"foo":"bar"}', '{foo=bar}'],
    [
      'a Map prints {bigger=dict, to=test, with=separators}',
      "$input.path('$')",
      '{"bigger":"dict","to":"test","with":"separators"}',
      '{bigger=dict, to=test, with=separators}',
    ],
    [
      'a List prints as compact JSON [{"foo":"bar"}]',
      "$input.path('$')",
      '[{"foo": "bar"}]',
      '[{"foo":"bar"}]',
    ],
    [
      'a Map containing a List prints {foo=[{"nested":"bar"}]}',
      "$input.path('$')",
      '{"foo": [{"nested": "bar"}]}',
      '{foo=[{"nested":"bar"}]}',
    ],
    ['.toString() is the same as printing', "$input.path('$').toString()", '{"foo": [1]}', '{foo=[1]}'],
    [
      'a missing path == $null and == "" are both true',
      '#set($r = $input.path(\'$.x\'))#if($r == $null)a#end#if($r == "")b#end',
      '{}',
      'ab',
    ],
    [
      "a body not starting with { or [ is not parsed: $input.path('$') is the raw text",
      "$input.path('$')",
      'a=b',
      'a=b',
    ],
  ])('%s', (_name, template, body, expected) => {
    expect(render(template, body)).toBe(expected);
  });

  const params = {
    params: { path: { x: 'p' }, querystring: { x: 'q', y: 'q' }, header: { x: 'h', y: 'h', z: 'h' } },
  };
  it.each([
    [
      '$input.params() is the map {path, querystring, header}',
      '$input.params().keySet()',
      '[path, querystring, header]',
    ],
    ["$input.params('x') searches path first", "$input.params('x')", 'p'],
    ['then the query string', "$input.params('y')", 'q'],
    ['then the headers', "$input.params('z')", 'h'],
    [
      'and is "" when absent',
      "[$input.params('none')]#if($input.params('none') == \"\")empty#end",
      '[]empty',
    ],
    [
      "$input.params().header.get('h') reads one location",
      "$input.params().header.get('x') $input.params().querystring.x",
      'h q',
    ],
  ])('%s', (_name, template, expected) => {
    expect(renderTemplate(template, { body: null, ...params }).output).toBe(expected);
  });
});

describe('§4.2 $util', () => {
  it.each([
    ['escapeJavaScript: \' → \\\', " → \\", newline → \\n', '$util.escapeJavaScript("\'""\n")', '\\\'\\"\\n'],
    [
      'the documented .replaceAll("\\\\\'","\'") undoes the \\\' escape',
      '$util.escapeJavaScript("it\'s").replaceAll("\\\\\'","\'")',
      "it's",
    ],
    [
      'escapeJavaScript also escapes / and non-ASCII as \\uXXXX',
      '$util.escapeJavaScript("/é")',
      '\\/\\u00E9',
    ],
    [
      'parseJson gives dot access: $o.key2.arr[0]',
      '#set($o = $util.parseJson(\'{"key2":{"arr":["x"]}}\'))$o.key2.arr[0]',
      'x',
    ],
    [
      'urlEncode is form encoding: {"some": "value"} → %7B%22some%22%3A+%22value%22%7D',
      '$util.urlEncode(\'{"some": "value"}\')',
      '%7B%22some%22%3A+%22value%22%7D',
    ],
    ['urlDecode is the inverse, + → space', '$util.urlDecode("%7B%22a%22%3A+1%7D+x")', '{"a": 1} x'],
    ['base64Encode/base64Decode use UTF-8', '$util.base64Encode("é") $util.base64Decode("w6k=")', 'w6k= é'],
  ])('%s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});

describe('§4.3 $context, $stageVariables, overrides', () => {
  const stage = { stageVariables: { name: 'v' } };
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${…} is Velocity's formal reference, not JS
  it("$stageVariables.name, $stageVariables['name'] and ${stageVariables['name']} all read a variable", () => {
    expect(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: ${…} is Velocity's formal reference, not JS
      renderTemplate("$stageVariables.name $stageVariables['name'] ${stageVariables['name']}", {
        body: null,
        ...stage,
      }).output,
    ).toBe('v v v');
  });
  it('an undefined stage variable renders as empty string', () => {
    expect(render('[$stageVariables.version]')).toBe('[]');
  });
  it('null references render as empty text, not the literal $foo', () => {
    expect(render('[$foo][$foo.bar][$foo.baz()]')).toBe('[][][]');
  });
  it('a status override that is not an integer is not an override', () => {
    expect(
      renderTemplate('#set($context.responseOverride.status = "abc")', { body: null }).overrides
        .responseOverride.status,
    ).toBeUndefined();
  });
});

describe('§4.7 JSONPath and limits', () => {
  it.each([
    ['$', "$input.json('$')", '{"a":[{"b":1}]}', '{"a":[{"b":1}]}'],
    ['.name, [n] and nested combinations', "$input.path('$.a[0].b')", '{"a":[{"b":1}]}', '1'],
    ["['name']", "$input.path(\"$['a'][0]['b']\")", '{"a":[{"b":1}]}', '1'],
    ['[*]', "$input.json('$.a[*].b')", '{"a":[{"b":1},{"b":2}]}', '[1,2]'],
  ])('the safe subset works: %s', (_name, template, body, expected) => {
    expect(render(template, body)).toBe(expected);
  });
  it('#foreach runs at most 1000 iterations per loop', () => {
    expect(render('#foreach($i in [1..1001])x#end')).toBe('x'.repeat(1000));
    expect(render('#foreach($i in [1..1001])#set($n = $velocityCount)#end$n')).toBe('1000');
  });
  it('a mapping template is at most 300 KB', () => {
    fails('x'.repeat(300 * 1024 + 1), 'VTL_TEMPLATE_TOO_LARGE');
    expect(render('x'.repeat(300 * 1024)).length).toBe(300 * 1024);
  });
});

describe('§12.2 REST $context variables', () => {
  it.each([
    'accountId',
    'apiId',
    'deploymentId',
    'domainName',
    'domainPrefix',
    'extendedRequestId',
    'httpMethod',
    'path',
    'protocol',
    'requestId',
    'requestTime',
    'requestTimeEpoch',
    'resourceId',
    'resourcePath',
    'stage',
  ])('$context.%s has a value', (name) => {
    expect(render(`$context.${name}`).length).toBeGreaterThan(0);
  });
  it.each([
    'identity.sourceIp',
    'identity.userAgent',
    'authorizer.principalId',
    'authorizer.claims.sub',
    'error.message',
    'error.messageString',
    'wafResponseCode',
    'webaclArn',
  ])('$context.%s takes the given value', (name) => {
    const context: Record<string, unknown> = {};
    const [head, ...rest] = name.split('.') as [string, ...string[]];
    if (rest.length === 0) context[head] = 'V';
    else if (rest.length === 1) context[head] = { [rest[0]!]: 'V' };
    else context[head] = { [rest[0]!]: { [rest[1]!]: 'V' } };
    expect(renderTemplate(`$context.${name}`, { body: null, context }).output).toBe('V');
  });
  it('$context.path is /{stage}/… and names are case-sensitive', () => {
    const context = { stage: 'prod', resourcePath: '/pets' };
    expect(renderTemplate('$context.path [$context.Stage]', { body: null, context }).output).toBe(
      '/prod/pets []',
    );
  });
  it('$context.authorizer.claims alone is not printable data (prints nothing)', () => {
    expect(
      renderTemplate('[$context.authorizer.claims]', {
        body: null,
        context: { authorizer: { claims: { sub: 'x' } } },
      }).output,
    ).toBe('[]');
  });
});
