import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabelledProxyResult } from '../../src/fast-check/index.js';
import { proxyResultV1, proxyResultV2 } from '../../src/fast-check/index.js';
import { validateProxyResult } from '../../src/response/index.js';

/** What the validator says, in the shape of the labels. */
function classify({ result, expected, validateWith }: LabelledProxyResult) {
  const report = validateProxyResult(result, validateWith);
  const got = {
    ok: report.ok,
    statusCode: report.response.statusCode,
    issueCodes: [...new Set(report.issues.map((i) => i.code))].sort(),
    ...(expected.body === undefined ? {} : { body: report.response.body }),
  };
  return got;
}

describe('proxyResultV1 labels agree with validateProxyResult', () => {
  it('REST: accepted results keep their status (200 when absent) and rejected ones are 502 with the labelled issue codes', () => {
    fc.assert(
      fc.property(proxyResultV1(), (labelled) => {
        expect(classify(labelled)).toEqual(labelled.expected);
      }),
      { numRuns: 500, seed: 1 },
    );
  });

  it('HTTP API on payload 1.0: rejected results are 500 instead of 502', () => {
    fc.assert(
      fc.property(proxyResultV1({ apiType: 'HTTP' }), (labelled) => {
        expect(classify(labelled)).toEqual(labelled.expected);
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it.each(['valid', 'invalid'] as const)('validity %s generates only that kind', (validity) => {
    for (const labelled of fc.sample(proxyResultV1({ validity }), { numRuns: 100, seed: 3 })) {
      expect(labelled.expected.ok).toBe(validity === 'valid');
    }
  });
});

describe('proxyResultV2 labels agree with validateProxyResult', () => {
  it('payload 2.0: a result without statusCode is inferred as 200 with the value as body; type errors are 500', () => {
    fc.assert(
      fc.property(proxyResultV2(), (labelled) => {
        expect(classify(labelled)).toEqual(labelled.expected);
      }),
      { numRuns: 500, seed: 4 },
    );
  });

  it.each(['valid', 'invalid'] as const)('validity %s generates only that kind', (validity) => {
    for (const labelled of fc.sample(proxyResultV2({ validity }), { numRuns: 100, seed: 5 })) {
      expect(labelled.expected.ok).toBe(validity === 'valid');
    }
  });
});

describe('a decoded body reaches the client byte for byte', () => {
  // Found by the labels above: API Gateway passes the decoded bytes through untouched, so the client's text
  // starts with U+FEFF when the bytes start with EF BB BF (a default TextDecoder would drop it).
  it('payload 2.0: base64 of a UTF-8 byte-order mark is delivered as U+FEFF, not an empty body', () => {
    const report = validateProxyResult(
      { statusCode: 200, body: '77u/', isBase64Encoded: true },
      { payloadFormat: '2.0' },
    );
    expect(report.response.bodyBytes).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(report.response.body).toBe('\uFEFF');
  });
});

describe('proxy result arbitraries are seedable', () => {
  it('the same seed gives the same labelled results', () => {
    expect(fc.sample(proxyResultV1(), { numRuns: 20, seed: 9 })).toEqual(
      fc.sample(proxyResultV1(), { numRuns: 20, seed: 9 }),
    );
    expect(fc.sample(proxyResultV2(), { numRuns: 20, seed: 9 })).toEqual(
      fc.sample(proxyResultV2(), { numRuns: 20, seed: 9 }),
    );
  });

  it('covers the recorded cases: missing statusCode, "201", unknown key, non-array multiValueHeaders, bare string', () => {
    const samples = fc.sample(proxyResultV1(), { numRuns: 2000, seed: 10 });
    const results = samples.map((s) => s.result as Record<string, unknown>);
    expect(results.some((r) => typeof r === 'object' && r !== null && !('statusCode' in r))).toBe(true);
    expect(results.some((r) => typeof r === 'object' && r !== null && typeof r.statusCode === 'string')).toBe(
      true,
    );
    expect(samples.some((s) => s.expected.issueCodes.includes('UNKNOWN_KEY'))).toBe(true);
    expect(samples.some((s) => s.expected.issueCodes.includes('MULTI_VALUE_NOT_ARRAY'))).toBe(true);
    expect(samples.some((s) => typeof s.result === 'string')).toBe(true);
  });
});

describe('proxy result option validation', () => {
  it('refuses unknown options with UNKNOWN_OPTION', () => {
    expect(() => proxyResultV1({ valid: 'x' } as never)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_OPTION' }),
    );
  });

  it('refuses a bad validity with FAST_CHECK_INVALID_OPTION', () => {
    expect(() => proxyResultV2({ validity: 'maybe' as never })).toThrow(
      expect.objectContaining({ code: 'FAST_CHECK_INVALID_OPTION' }),
    );
  });
});
