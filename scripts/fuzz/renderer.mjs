// Random VTL templates (directives, references, $input/$util/$context calls, literals and stray syntax,
// nested at random) and random mapping inputs through compileTemplate + render: a render returns text or
// throws TemplateSyntaxError / TemplateRuntimeError, nothing else.
import fc from 'fast-check';
import { compileTemplate, isTestkitError } from '../../dist/index.js';
import { FuzzFailure, sampledCases, show } from './outcome.mjs';

const FRAGMENTS = [
  '#set($x = ',
  '#set($list = [1, "a", $x, {"k": 2}])',
  '#set($map = {"a": 1})',
  '#if($x)',
  '#elseif($y == 2)',
  '#else',
  '#end',
  '#foreach($item in $input.path("$.items"))',
  '#foreach($i in [1..5])',
  '#foreach($i in [1..1000000])',
  '#foreach($k in $map.keySet())',
  '#break',
  '#stop',
  '#define($d)',
  '#macro(m $a)',
  '#m(1)',
  '## comment\n',
  '#* block *#',
  '#[[raw]]#',
  '$input.path("$")',
  '$input.path("$.items[0].name")',
  "$input.json('$')",
  "$input.json('$..name')",
  '$input.body',
  '$input.params()',
  "$input.params('id')",
  '$input.params().header.get("Host")',
  '$util.escapeJavaScript($x)',
  '$util.urlEncode($input.body)',
  '$util.urlDecode("%zz")',
  '$util.base64Decode("!!")',
  '$util.base64Encode($x)',
  '$util.parseJson($input.body)',
  '$util.parseJson("{")',
  '$context.requestId',
  '$context.responseOverride.status',
  '#set($context.responseOverride.status = 418)',
  '#set($context.requestOverride.header.X = "y")',
  '$stageVariables.stage',
  '$x.length()',
  '$x.substring(1, 2)',
  '$x.substring(-1)',
  '$x.replaceAll("(", "")',
  '$x.matches("[")',
  '$x.split(".*")',
  '$list.get(99)',
  '$list.size()',
  '$map.put("b", $map)',
  '$foreach.hasNext',
  '$foreach.index',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: VTL, not a JS template
  '${x}',
  '$!{y}',
  '$!x',
  '\\$x',
  '$',
  '#',
  '(',
  ')',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  '..',
  ' == ',
  ' && ',
  ' + ',
  ' / 0',
  ' % 0',
  '1',
  '-2147483649',
  '9999999999999999999999',
  '1.5e308',
  '"text"',
  'true',
  'null',
  '\n',
];

const template = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom(...'#$(){}[]"\'.!* \n\\abcx1'), maxLength: 80 }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
);

const jsonText = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc
    .jsonValue({ maxDepth: 3 })
    .map((v) => JSON.stringify({ items: Array.isArray(v) ? v : [v, { name: v }] })),
  fc.string({ maxLength: 40 }),
);
const strings = fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 4 });
const input = fc.record(
  {
    body: fc.option(jsonText, { nil: null }),
    params: fc.record({ path: strings, querystring: strings, header: strings }, { requiredKeys: [] }),
    stageVariables: fc.option(strings, { nil: null }),
    context: fc.record(
      { requestId: fc.string(), stage: fc.string({ minLength: 1, maxLength: 8 }) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['body'] },
);

/** `count` renderer cases from `seed`. */
export function* rendererCases(count, seed) {
  yield* sampledCases(
    fc.tuple(template, input),
    count,
    seed,
    ([text, mappingInput]) =>
      () =>
        renderCase(text, mappingInput),
  );
}

function renderCase(text, mappingInput) {
  let compiled;
  try {
    compiled = compileTemplate(text);
  } catch (error) {
    if (isTestkitError(error)) return 'syntax error (typed)';
    throw new FuzzFailure(`compileTemplate threw a non-typed ${show(error)} for ${show(text)}`);
  }
  try {
    const result = compiled.render(mappingInput);
    if (typeof result.output !== 'string') throw new FuzzFailure(`render returned ${show(result)}`);
    return 'rendered';
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    if (isTestkitError(error)) return 'runtime error (typed)';
    throw new FuzzFailure(
      `render threw a non-typed ${show(error)} for template ${show(text)} and input ${show(mappingInput)}`,
    );
  }
}
