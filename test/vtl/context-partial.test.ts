import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/vtl/index.js';

// $context is built only for the keys a template names; these pin that the values are the ones the full map
// (built when the template iterates $context) carries, on every render, with and without given values.
const KEYS = [
  'requestId',
  'extendedRequestId',
  'awsEndpointRequestId',
  'requestTime',
  'domainPrefix',
  'path',
  'identity.sourceIp',
  'identity.userAgent',
  'error.messageString',
  'stage',
];
const full = compileTemplate(
  `#foreach($k in $context.keySet())#if($k == "identity" || $k == "error")#foreach($j in $context.get($k).keySet())${'$'}k.$j=$context.get($k).get($j)|#end#else${'$'}k=$context.get($k)|#end#end`,
);
const inputs = [
  { body: null },
  {
    body: null,
    params: { header: { 'User-Agent': 'ua/1' } },
    context: { requestTimeEpoch: 1_700_000_000_000, stage: 'prod', resourcePath: '/pets', apiId: 'zz9' },
  },
  {
    body: null,
    context: { requestId: 'given-id', domainName: 'api.example.com', error: { messageString: '"x"' } },
  },
];

function fullMap(input: (typeof inputs)[number]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of full.render(input).output.split('|')) {
    const at = entry.indexOf('=');
    if (at > 0) map.set(entry.slice(0, at), entry.slice(at + 1));
  }
  return map;
}

describe('$context built for the named keys only', () => {
  it.each(KEYS)('$context.%s alone renders what the full $context map holds', (key) => {
    const single = compileTemplate(`$context.${key}`);
    for (const input of inputs) {
      const expected = fullMap(input).get(key) ?? '';
      expect(single.render(input).output).toBe(expected);
      expect(single.render(input).output).toBe(expected);
    }
  });

  it('the three ids are the same on every render and in every template (seeded id source)', () => {
    const ids = compileTemplate(
      '$context.awsEndpointRequestId $context.extendedRequestId $context.requestId',
    );
    const first = ids.render({ body: null }).output;
    expect(ids.render({ body: null }).output).toBe(first);
    expect(compileTemplate('$context.requestId').render({ body: null }).output).toBe(first.split(' ')[2]);
  });

  it('overrides given in the input come back even when the template never names them', () => {
    const t = compileTemplate('$context.requestId');
    const out = t.render({
      body: null,
      context: {
        responseOverride: { status: 201, header: { 'X-A': 'b' } },
        requestOverride: { path: { id: '1' } },
      },
    });
    expect(out.overrides).toEqual({
      requestOverride: { header: {}, path: { id: '1' }, querystring: {} },
      responseOverride: { status: 201, header: { 'X-A': 'b' } },
    });
  });
});
