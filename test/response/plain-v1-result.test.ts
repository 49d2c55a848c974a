import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxyResultV1 } from '../../src/fast-check/index.js';
import { plainV1Response } from '../../src/response/plain-v1-result.js';
import type { ApiType } from '../../src/response/types.js';
import { checkProxyResult, reportFromWire } from '../../src/response/validate-proxy-result.js';
import { toWireValue } from '../../src/response/wire-value.js';

// The gateway's proxy-result check answers the usual payload 1.0 result without the findings machinery
// (plainV1Response). These properties pin that its report is the full checks' report, key order included.
const full = (result: unknown, apiType: ApiType) =>
  reportFromWire(result, toWireValue(result), '1.0', apiType, {});
const checked = (result: unknown, apiType: ApiType) => checkProxyResult(result, '1.0', apiType, {});

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
const headerNames = fc.oneof(
  token,
  fc.constantFrom('Content-Type', 'content-type', 'Date', 'Server', 'Connection', 'Content-Length'),
  fc.constantFrom('Transfer-Encoding', 'X Bad', '', 'ünï', '__proto__', 'x\u0000y'),
);
const headerValues = fc.oneof(
  fc.string(),
  fc.constantFrom<unknown>(' padded ', 'a\r\nb', 'x\u0000', 'é', 7, true, null, undefined, ['a'], { a: 1 }),
);
// Results near the plain shape: each key present or not, null, or of a wrong kind.
const plainish = fc.record(
  {
    statusCode: fc.oneof(
      fc.integer({ min: 100, max: 700 }),
      fc.constantFrom<unknown>(200, 204, 205, 304, 599, '201', 200.5, -0, null, undefined),
    ),
    body: fc.oneof(fc.string(), fc.constantFrom<unknown>('', null, undefined, 7, { a: 1 }, ['x'])),
    headers: fc.oneof(
      fc.dictionary(headerNames, headerValues, { maxKeys: 4 }),
      fc.constantFrom<unknown>(null, undefined, 'text', []),
    ),
    multiValueHeaders: fc.constantFrom<unknown>(null, undefined, {}, { 'X-A': ['1', '2'] }),
    isBase64Encoded: fc.constantFrom<unknown>(false, true, null, undefined, 'false'),
    extra: fc.constantFrom<unknown>(undefined, null, 1),
  },
  { requiredKeys: [] },
);

// Results of exactly the plain shape (the fast path must answer them all).
const plain = fc.record(
  {
    statusCode: fc.integer({ min: 200, max: 599 }).filter((s) => s !== 204 && s !== 205 && s !== 304),
    body: fc.oneof(fc.string(), fc.constant(null)),
    headers: fc.oneof(
      fc.dictionary(fc.oneof(token, headerNames), fc.stringMatching(/^[^\r\n\0]{0,10}$/), { maxKeys: 4 }),
      fc.constant(null),
    ),
    isBase64Encoded: fc.constantFrom<unknown>(false, null),
  },
  { requiredKeys: [] },
);

describe('plainV1Response: the fast path for usual 1.0 results gives the full checks’ report', () => {
  it.each(['REST', 'HTTP'] as const)(
    '%s: equal reports for plain results, results near the plain shape and the labelled results of proxyResultV1',
    (apiType) => {
      let fast = 0;
      fc.assert(
        fc.property(
          fc.oneof(
            plain,
            plainish,
            proxyResultV1({ apiType }).map((s) => s.result),
          ),
          (result) => {
            const wire = toWireValue(result);
            if (wire.ok && plainV1Response(wire.value, apiType === 'REST') !== undefined) fast += 1;
            const a = checked(result, apiType);
            const b = full(result, apiType);
            expect(a).toEqual(b);
            expect(JSON.stringify(a)).toBe(JSON.stringify(b));
          },
        ),
        { numRuns: 3000 },
      );
      // The property is only worth something when the fast path answered a good share of the cases.
      expect(fast).toBeGreaterThan(600);
    },
  );

  it.each([
    [{ statusCode: 200, body: 'hi' }, 200, [['Content-Type', 'application/json']]],
    [
      { statusCode: 201, headers: { 'content-type': 'text/plain', Date: 'x' }, body: null },
      201,
      [
        ['content-type', 'text/plain'],
        ['x-amzn-Remapped-Date', 'x'],
      ],
    ],
    [
      { headers: { 'Transfer-Encoding': 'chunked' }, isBase64Encoded: false },
      200,
      [['Content-Type', 'application/json']],
    ],
  ])('REST: %j answers %i with the headers API Gateway sends', (result, status, headers) => {
    const report = checked(result, 'REST');
    expect(report.ok).toBe(true);
    expect(report.response.statusCode).toBe(status);
    expect(report.response.headers).toEqual(headers);
    expect(report).toEqual(full(result, 'REST'));
  });

  it.each([
    ['a null statusCode (a warning)', { statusCode: null, body: 'x' }],
    ['a 204 with a body (a warning)', { statusCode: 204, body: 'x' }],
    ['an unknown key, even null', { statusCode: 200, extra: null }],
    ['a numeric header value', { headers: { 'X-N': 1 } }],
    ['a base64 body', { body: 'aGk=', isBase64Encoded: true }],
    ['multiValueHeaders', { multiValueHeaders: { 'X-A': ['1'] } }],
  ])('leaves %s to the full checks', (_what, result) => {
    expect(plainV1Response(toWireValue(result).ok ? result : undefined, true)).toBeUndefined();
    expect(checked(result, 'REST')).toEqual(full(result, 'REST'));
  });
});
