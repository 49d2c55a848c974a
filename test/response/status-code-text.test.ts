import { describe, expect, it } from 'vitest';
import { validateProxyResult } from '../../src/response/index.js';

// behaviour.md §0/§3.1 record "201" accepted and "test" rejected. The rest follows the Java-style text-to-int
// coercion the recorded facts fit (docs/responses.md, "Decisions"): trim, optional sign, leading zeros.
describe('statusCode given as text', () => {
  it.each<[string, number]>([
    ['201', 201],
    [' 201', 201],
    ['201 ', 201],
    ['+201', 201],
    ['0201', 201],
    ['00404', 404],
  ])('REST accepts %j as %i', (text, status) => {
    const report = validateProxyResult({ statusCode: text });
    expect(report.ok).toBe(true);
    expect(report.response.statusCode).toBe(status);
  });

  it.each(['2e2', '201.0', '', ' ', '0x12', '2 01', '١٢٣', 'Infinity'])(
    'REST rejects %j with 502 STATUS_CODE_NOT_NUMERIC',
    (text) => {
      const report = validateProxyResult({ statusCode: text });
      expect(report.issues.map((i) => [i.path, i.code])).toEqual([
        ['$.statusCode', 'STATUS_CODE_NOT_NUMERIC'],
      ]);
      expect(report.response.statusCode).toBe(502);
    },
  );

  it('"-200" and "099" parse but are outside 200–599: 502 STATUS_CODE_OUT_OF_RANGE', () => {
    for (const text of ['-200', '099']) {
      expect(validateProxyResult({ statusCode: text }).issues.map((i) => i.code)).toEqual([
        'STATUS_CODE_OUT_OF_RANGE',
      ]);
    }
  });

  it('payload 2.0 reads text the same way: " 0201" is 201', () => {
    const report = validateProxyResult({ statusCode: ' 0201', body: 'x' }, { payloadFormat: '2.0' });
    expect([report.ok, report.response.statusCode, report.response.body]).toEqual([true, 201, 'x']);
  });
});

describe('value types in header maps and v2 results', () => {
  it('multiValueHeaders items may be numbers and booleans (sent as written); null items are dropped with a warning', () => {
    const report = validateProxyResult({ multiValueHeaders: { 'x-a': [1, true, null, 'z'] } });
    expect(report.ok).toBe(true);
    expect(report.response.headers).toEqual([
      ['x-a', '1'],
      ['x-a', 'true'],
      ['x-a', 'z'],
      ['Content-Type', 'application/json'],
    ]);
    expect(report.warnings.map((w) => [w.path, w.code])).toEqual([
      ['$.multiValueHeaders.x-a[2]', 'HEADER_VALUE_NULL'],
    ]);
  });

  it('a nested object as a REST header value is a 502 HEADER_VALUE_INVALID', () => {
    expect(validateProxyResult({ headers: { x: { y: 1 } } }).issues.map((i) => [i.path, i.code])).toEqual([
      ['$.headers.x', 'HEADER_VALUE_INVALID'],
    ]);
  });

  it('body missing and body null both give an empty body', () => {
    expect(validateProxyResult({ statusCode: 200 }).response.body).toBe('');
    expect(validateProxyResult({ statusCode: 200, body: null }).response.body).toBe('');
  });

  it('payload 2.0: a boolean result is inferred as the body "true" with status 200', () => {
    const report = validateProxyResult(true, { payloadFormat: '2.0' });
    expect([report.ok, report.inferred, report.response.statusCode, report.response.body]).toEqual([
      true,
      true,
      200,
      'true',
    ]);
  });
});
