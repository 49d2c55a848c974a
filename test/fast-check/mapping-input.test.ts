import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchResourcePath } from '../../src/events/index.js';
import { mappingInput } from '../../src/fast-check/index.js';
import { scanTemplate } from '../../src/fast-check/template-references.js';

const parse = (body: string | null): Record<string, unknown> =>
  body === null ? {} : (JSON.parse(body) as Record<string, unknown>);

describe('mappingInput', () => {
  it('is consistent: $context.path is the stage-prefixed request path that matches $context.resourcePath with the path params', () => {
    fc.assert(
      fc.property(mappingInput(), (input) => {
        const context = input.context!;
        const prefix = `/${context.stage}`;
        expect(context.path?.startsWith(`${prefix}/`)).toBe(true);
        const params = matchResourcePath(context.resourcePath!, context.path!.slice(prefix.length));
        expect(params).not.toBeNull();
        for (const [name, value] of Object.entries(params!)) {
          expect(input.params?.path?.[name]).toBe(value);
        }
        expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).toContain(context.httpMethod);
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('request-phase bodies are JSON text or null (no body); response-phase bodies are always present', () => {
    const request = fc.sample(mappingInput(), { numRuns: 300, seed: 2 });
    expect(request.some((i) => i.body === null)).toBe(true);
    for (const i of request) if (i.body !== null) JSON.parse(i.body);
    const response = fc.sample(mappingInput({ phase: 'response' }), { numRuns: 300, seed: 2 });
    expect(response.every((i) => typeof i.body === 'string')).toBe(true);
  });

  it('generates the body paths, parameters and stage variables the template reads', () => {
    const template =
      '{"name": "$input.path(\'$.name\')", "city": $input.json("$.address.city"), "id": $input.json(\'$.items[0].id\'), "q": "$input.params(\'q\')", "v": "$stageVariables.version"}';
    const inputs = fc.sample(mappingInput({ template }), { numRuns: 300, seed: 3 });
    const bodies = inputs.map((i) => parse(i.body));
    const share = (predicate: (b: Record<string, unknown>) => boolean) =>
      bodies.filter(predicate).length / bodies.length;
    expect(share((b) => typeof b.name === 'string')).toBeGreaterThan(0.4);
    expect(
      share((b) => typeof (b.address as Record<string, unknown> | undefined)?.city !== 'undefined'),
    ).toBeGreaterThan(0.3);
    expect(share((b) => Array.isArray(b.items) && b.items.length > 0)).toBeGreaterThan(0.2);
    expect(share((b) => !('name' in b))).toBeGreaterThan(0);
    expect(
      inputs.some(
        (i) =>
          i.params?.querystring?.q !== undefined ||
          i.params?.header?.q !== undefined ||
          i.params?.path?.q !== undefined,
      ),
    ).toBe(true);
    expect(inputs.filter((i) => i.stageVariables?.version !== undefined).length).toBeGreaterThan(50);
  });

  it.each([
    ['$context.resourcePath', true],
    ['\x24{context.path}', true],
    ['#foreach($k in $context.keySet())$k#end', true],
    ['$context', true],
    ["$input.params('id')", true],
    ['$context.stage $context.httpMethod $context.identity.sourceIp', false],
    ["$input.json('$.name')", false],
  ])(
    'a template reading %s gets varied resources: %s (nothing else can observe them)',
    (template, varied) => {
      const resources = new Set(
        fc.sample(mappingInput({ template }), { numRuns: 50, seed: 7 }).map((i) => i.context?.resourcePath),
      );
      expect(resources.size > 1).toBe(varied);
    },
  );

  it('bodyShape fixes the keys and value kinds; a key ending in ? is sometimes absent', () => {
    const inputs = fc.sample(
      mappingInput({
        bodyShape: { name: 'string', 'age?': 'integer', tags: ['string'], ok: 'boolean' },
        phase: 'response',
      }),
      {
        numRuns: 200,
        seed: 4,
      },
    );
    for (const input of inputs) {
      const body = parse(input.body);
      expect(typeof body.name).toBe('string');
      expect(typeof body.ok).toBe('boolean');
      expect(Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string')).toBe(true);
      if ('age' in body) expect(Number.isInteger(body.age)).toBe(true);
    }
    expect(inputs.some((i) => !('age' in parse(i.body)))).toBe(true);
    expect(inputs.some((i) => 'age' in parse(i.body))).toBe(true);
  });

  it('a body arbitrary replaces the generated bodies', () => {
    const inputs = fc.sample(mappingInput({ body: fc.constant('a=b') }), { numRuns: 20, seed: 5 });
    expect(inputs.every((i) => i.body === 'a=b')).toBe(true);
  });

  it('the same seed gives the same inputs', () => {
    expect(fc.sample(mappingInput(), { numRuns: 30, seed: 6 })).toEqual(
      fc.sample(mappingInput(), { numRuns: 30, seed: 6 }),
    );
  });

  it.each([
    ['a bad leaf', { bodyShape: { tags: ['strin'] } }, /bodyShape\.tags\[0\]/],
    ['an array shape with two items', { bodyShape: ['string', 'number'] }, /exactly one item shape/],
    [
      'body and bodyShape together',
      { body: fc.constant(null), bodyShape: 'json' },
      /either body or bodyShape/,
    ],
    ['a body that is not an arbitrary', { body: 'x' }, /fast-check arbitrary/],
    ['a bad phase', { phase: 'both' }, /"request", "response"/],
  ])('refuses %s with FAST_CHECK_INVALID_OPTION', (_name, options, message) => {
    expect(() => mappingInput(options as never)).toThrow(
      expect.objectContaining({ code: 'FAST_CHECK_INVALID_OPTION' }),
    );
    expect(() => mappingInput(options as never)).toThrow(message);
  });
});

describe('scanTemplate finds what a template reads', () => {
  it('collects JSONPaths (dot, bracket-quoted, index, wildcard), params and stage variables', () => {
    const refs = scanTemplate(
      "$input.path('$.a.b') $input.json(\"$['c d'][0].e\") $input.path('$.f[*]') $input.params('id') $input.params().header.get('X-Key') $stageVariables.env \x24{stageVariables['other']}",
    );
    expect([...refs.body.keys.keys()]).toEqual(['a', 'c d', 'f']);
    expect([...refs.body.keys.get('a')!.keys.keys()]).toEqual(['b']);
    expect([...refs.body.keys.get('c d')!.items!.keys.keys()]).toEqual(['e']);
    expect(refs.body.keys.get('f')!.items).toBeDefined();
    expect(refs.params).toEqual(['id', 'X-Key']);
    expect(refs.stageVariables).toEqual(['env', 'other']);
  });
});
