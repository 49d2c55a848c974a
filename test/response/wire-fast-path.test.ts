import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxyResultV1, proxyResultV2 } from '../../src/fast-check/index.js';
import type { ValidateProxyResultOptions } from '../../src/response/index.js';
import { validateProxyResultWith } from '../../src/response/validate-proxy-result.js';
import { toWireValue, toWireValueByRoundTrip } from '../../src/response/wire-value.js';

// The Lambda runtime sends JSON.stringify(result). JSON-safe plain results are copied directly instead of
// round-tripping through text; these properties pin that the copy is indistinguishable from the round trip.
const fast = (result: unknown, options: ValidateProxyResultOptions) =>
  validateProxyResultWith(result, options, toWireValue);
const slow = (result: unknown, options: ValidateProxyResultOptions) =>
  validateProxyResultWith(result, options, toWireValueByRoundTrip);

const optionsArb = fc.constantFrom<ValidateProxyResultOptions>(
  {},
  { payloadFormat: '2.0' },
  { apiType: 'HTTP' },
  { request: { accept: 'image/png', binaryMediaTypes: ['image/*'] } },
);
// Values JSON cannot carry as they are: -0, NaN, Infinity, undefined, functions, symbols, Dates, Buffers,
// null-prototype objects, sparse arrays, toJSON methods, an own __proto__ key, boxed values, bigint.
const awkward = fc.oneof(
  fc.anything({
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
    withObjectString: true,
    withBigInt: true,
  }),
  fc.constantFrom<unknown>(
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    undefined,
    { statusCode: 200, body: 'x', headers: undefined, extra: () => 1, sym: Symbol('s') },
    { statusCode: 200, body: 'x', toJSON: () => ({ statusCode: 201, body: 'y' }) },
    { statusCode: 200, body: 'x', toJSON: 'not a method' },
    JSON.parse('{"__proto__": {"a": 1}, "statusCode": 200}'),
    { statusCode: -0, body: 'x', multiValueHeaders: { a: [undefined, () => 1, 'v'] } },
    { statusCode: 200, body: 'x', when: new Date(0), buf: Buffer.from('hi') },
    // biome-ignore lint/suspicious/noSparseArray: a hole is the point (stringify sends null)
    [1, , 3],
    {
      get statusCode() {
        return 200;
      },
      body: 'getter',
    },
  ),
);

describe('toWireValue: the direct copy of JSON-safe results equals the JSON round trip', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['proxyResultV1()', proxyResultV1()],
    ['proxyResultV1({ apiType: HTTP })', proxyResultV1({ apiType: 'HTTP' })],
    ['proxyResultV2()', proxyResultV2()],
  ])('gives identical reports to the round trip for %s results', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (labelled) => {
        const options = labelled.validateWith;
        expect(fast(labelled.result, options)).toStrictEqual(slow(labelled.result, options));
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('gives identical reports to the round trip for random JSON values under every option set', () => {
    fc.assert(
      fc.property(fc.jsonValue(), optionsArb, (result, options) => {
        expect(fast(result, options)).toStrictEqual(slow(result, options));
      }),
      { numRuns: 400, seed: 12 },
    );
  });

  it('gives identical wire values and reports for values JSON cannot carry as they are', () => {
    fc.assert(
      fc.property(awkward, optionsArb, (result, options) => {
        expect(toWireValue(result)).toStrictEqual(toWireValueByRoundTrip(result));
        expect(fast(result, options)).toStrictEqual(slow(result, options));
      }),
      { numRuns: 600, seed: 13 },
    );
  });

  it('reports a cycle exactly like the runtime does (the invocation fails)', () => {
    const cyclic: Record<string, unknown> = { statusCode: 200, body: 'x' };
    cyclic.self = cyclic;
    const report = fast(cyclic, {});
    expect(report).toStrictEqual(slow(cyclic, {}));
    expect(report.issues[0]?.code).toBe('RESULT_NOT_SERIALIZABLE');
  });

  it('reports a throwing getter like the runtime does (the invocation fails)', () => {
    const result = {
      statusCode: 200,
      get body(): string {
        throw new Error('boom');
      },
    };
    expect(toWireValue(result)).toStrictEqual({ ok: false, reason: 'boom' });
    expect(fast(result, {})).toStrictEqual(slow(result, {}));
  });

  it('copies a plain result without serialising it to text', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    const result = {
      statusCode: 200,
      headers: { 'x-a': 'b' },
      multiValueHeaders: { 'x-m': ['1', 2] },
      body: '{}',
    };
    const wire = toWireValue(result);
    expect(stringify).not.toHaveBeenCalled();
    expect(wire).toStrictEqual({ ok: true, value: result });
    if (wire.ok) expect(wire.value).not.toBe(result);
  });

  it('takes the round trip for a Date (it serialises through toJSON)', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    const wire = toWireValue({ statusCode: 200, body: 'x', at: new Date(0) });
    expect(stringify).toHaveBeenCalledTimes(1);
    expect(wire).toStrictEqual({
      ok: true,
      value: { statusCode: 200, body: 'x', at: '1970-01-01T00:00:00.000Z' },
    });
  });
});
