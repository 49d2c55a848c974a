import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFetchResponse } from '../../src/http/index.js';
import { validateProxyResult } from '../../src/response/index.js';

const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/);
const scalar = fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.constant(null));
// Results shaped like what handlers return, valid or not, plus arbitrary JSON.
const resultArb = fc.oneof(
  fc.record(
    {
      statusCode: fc.oneof(fc.integer({ min: 0, max: 700 }), fc.string(), fc.constant('201')),
      headers: fc.oneof(fc.dictionary(headerName, scalar), fc.constant(null)),
      multiValueHeaders: fc.dictionary(headerName, fc.oneof(fc.array(scalar), scalar)),
      body: fc.oneof(fc.string(), fc.jsonValue()),
      isBase64Encoded: fc.oneof(fc.boolean(), scalar),
      cookies: fc.array(scalar),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);
const optionsArb = fc.constantFrom(
  {},
  { payloadFormat: '2.0' as const },
  { apiType: 'HTTP' as const },
  { request: { accept: 'image/png', binaryMediaTypes: ['image/*'] } },
);

describe('validateProxyResult properties', () => {
  it('never throws, ok iff no issues, and the client view always converts to a fetch Response', () => {
    fc.assert(
      fc.property(resultArb, optionsArb, (result, options) => {
        const report = validateProxyResult(result, options);
        expect(report.ok).toBe(report.issues.length === 0);
        const res = toFetchResponse(report.response);
        expect(res.status).toBe(report.response.statusCode);
        if (!report.ok) expect([500, 502]).toContain(report.response.statusCode);
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('is deterministic: the same result gives the same report', () => {
    fc.assert(
      fc.property(resultArb, optionsArb, (result, options) => {
        expect(validateProxyResult(result, options)).toEqual(validateProxyResult(result, options));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('every issue path starts at $ and every code is UPPER_SNAKE', () => {
    fc.assert(
      fc.property(resultArb, optionsArb, (result, options) => {
        for (const item of [...validateProxyResult(result, options).issues]) {
          expect(item.path.startsWith('$')).toBe(true);
          expect(item.code).toMatch(/^[A-Z0-9_]+$/);
        }
      }),
      { numRuns: 200, seed: 9 },
    );
  });
});
