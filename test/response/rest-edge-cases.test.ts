import { describe, expect, it } from 'vitest';
import { validateProxyResult } from '../../src/response/index.js';

const codes = (result: unknown) => validateProxyResult(result).issues.map((i) => [i.path, i.code]);

// Decisions for what AWS did not record (docs/responses.md, "Decisions"): each pinned here.
describe('REST edge cases a real handler returns', () => {
  it.each<[string, unknown, [string, string][]]>([
    [
      'a body object is rejected: body must be a string (UNCONFIRMED)',
      { statusCode: 200, body: { a: 1 } },
      [['$.body', 'BODY_NOT_STRING']],
    ],
    ['a numeric body is rejected (UNCONFIRMED)', { body: 42 }, [['$.body', 'BODY_NOT_STRING']]],
    [
      'a Buffer body is rejected: it serialises to {type, data}',
      { body: Buffer.from('hi') },
      [['$.body', 'BODY_NOT_STRING']],
    ],
    [
      'statusCode 200.5 is rejected (UNCONFIRMED)',
      { statusCode: 200.5 },
      [['$.statusCode', 'STATUS_CODE_NOT_INTEGER']],
    ],
    [
      'statusCode "201.0" is rejected: only digit strings',
      { statusCode: '201.0' },
      [['$.statusCode', 'STATUS_CODE_NOT_NUMERIC']],
    ],
    ['statusCode true is rejected', { statusCode: true }, [['$.statusCode', 'STATUS_CODE_NOT_NUMERIC']]],
    [
      'statusCode 99 is outside 200-599 (UNCONFIRMED)',
      { statusCode: 99 },
      [['$.statusCode', 'STATUS_CODE_OUT_OF_RANGE']],
    ],
    [
      'statusCode 100 is not a final status (UNCONFIRMED)',
      { statusCode: 100 },
      [['$.statusCode', 'STATUS_CODE_OUT_OF_RANGE']],
    ],
    [
      'statusCode 600 is outside 200-599 (UNCONFIRMED)',
      { statusCode: 600 },
      [['$.statusCode', 'STATUS_CODE_OUT_OF_RANGE']],
    ],
    [
      'a header value that is an object is rejected',
      { headers: { x: { a: 1 } } },
      [['$.headers.x', 'HEADER_VALUE_INVALID']],
    ],
    [
      'a header value that is an array is rejected (use multiValueHeaders)',
      { headers: { x: ['a'] } },
      [['$.headers.x', 'HEADER_VALUE_INVALID']],
    ],
    [
      'a header value with a newline is rejected (UNCONFIRMED)',
      { headers: { x: 'a\r\nb: c' } },
      [['$.headers.x', 'HEADER_VALUE_INVALID']],
    ],
    [
      'a header name with a space is rejected (UNCONFIRMED)',
      { headers: { 'x y': 'a' } },
      [['$.headers["x y"]', 'HEADER_NAME_INVALID']],
    ],
    ['headers as an array is rejected', { headers: [['x', 'y']] }, [['$.headers', 'HEADERS_NOT_OBJECT']]],
    [
      'multiValueHeaders as a string is rejected',
      { multiValueHeaders: 'x' },
      [['$.multiValueHeaders', 'MULTI_VALUE_HEADERS_NOT_OBJECT']],
    ],
    [
      'an object inside a multiValueHeaders list is rejected',
      { multiValueHeaders: { x: [{}] } },
      [['$.multiValueHeaders.x[0]', 'MULTI_VALUE_ITEM_INVALID']],
    ],
    [
      'isBase64Encoded "yes" is rejected',
      { isBase64Encoded: 'yes' },
      [['$.isBase64Encoded', 'IS_BASE64_ENCODED_NOT_BOOLEAN']],
    ],
    ['null is not a JSON object', null, [['$', 'RESULT_NOT_OBJECT']]],
    ['returning nothing (undefined) sends null', undefined, [['$', 'RESULT_NOT_OBJECT']]],
    ['an array is not a JSON object', [{ statusCode: 200 }], [['$', 'RESULT_NOT_OBJECT']]],
    ['a number is not a JSON object', 200, [['$', 'RESULT_NOT_OBJECT']]],
    [
      'a BigInt cannot be serialised, the invocation fails',
      { statusCode: 200, body: 1n },
      [['$', 'RESULT_NOT_SERIALIZABLE']],
    ],
    [
      'v2-only cookies are an unknown key in payload 1.0',
      { statusCode: 200, cookies: ['a=1'] },
      [['$.cookies', 'UNKNOWN_KEY']],
    ],
  ])('%s', (_fact, result, expected) => {
    expect(codes(result)).toEqual(expected);
  });

  it('a circular result cannot be serialised, the invocation fails', () => {
    const result: Record<string, unknown> = { statusCode: 200 };
    result.self = result;
    expect(codes(result)).toEqual([['$', 'RESULT_NOT_SERIALIZABLE']]);
  });

  it('a Buffer body message tells how to return binary', () => {
    expect(validateProxyResult({ body: Buffer.from('hi') }).issues[0]!.message).toContain(
      'return buffer.toString("base64") with isBase64Encoded: true',
    );
  });

  it('undefined properties vanish in JSON, so they are simply absent', () => {
    const report = validateProxyResult({
      statusCode: 204,
      body: undefined,
      headers: undefined,
      extra: undefined,
    });
    expect(report.ok).toBe(true);
    expect(report.response.statusCode).toBe(204);
  });

  it('numbers as header values are sent as written (UNCONFIRMED)', () => {
    expect(validateProxyResult({ headers: { 'x-count': 3, 'x-ratio': 1.5 } }).response.headers).toEqual([
      ['x-count', '3'],
      ['x-ratio', '1.5'],
      ['Content-Type', 'application/json'],
    ]);
  });

  it('a null header value sends no line and warns (UNCONFIRMED)', () => {
    const report = validateProxyResult({
      headers: { a: null, b: 'x' },
      multiValueHeaders: { c: null, d: ['1', null] },
    });
    expect(report.ok).toBe(true);
    expect(report.response.headers).toEqual([
      ['d', '1'],
      ['b', 'x'],
      ['Content-Type', 'application/json'],
    ]);
    expect(report.warnings.map((w) => [w.path, w.code])).toEqual([
      ['$.headers.a', 'HEADER_VALUE_NULL'],
      ['$.multiValueHeaders.c', 'HEADER_VALUE_NULL'],
      ['$.multiValueHeaders.d[1]', 'HEADER_VALUE_NULL'],
    ]);
  });

  it('Content-Type: null opts out of the default application/json (the client gets no content type)', () => {
    const report = validateProxyResult({ statusCode: 204, headers: { 'content-type': null, 'x-a': '1' } });
    expect(report.ok).toBe(true);
    expect(report.response.headers).toEqual([['x-a', '1']]);
  });

  it('statusCode null is treated as absent: 200 with a warning (UNCONFIRMED)', () => {
    const report = validateProxyResult({ statusCode: null });
    expect(report.response.statusCode).toBe(200);
    expect(report.warnings.map((w) => w.code)).toEqual(['STATUS_CODE_NULL']);
  });

  it('body null is an empty body, isBase64Encoded null is false', () => {
    expect(validateProxyResult({ body: null, isBase64Encoded: null }).response).toMatchObject({
      body: '',
      isBase64Decoded: false,
    });
  });

  it('a Date header value is sent as its JSON (ISO) text', () => {
    const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(validateProxyResult({ headers: { 'x-at': at } }).response.headers[0]).toEqual([
      'x-at',
      '2024-01-02T03:04:05.000Z',
    ]);
  });

  it('the same pair in both maps is sent once [DOC]', () => {
    expect(
      validateProxyResult({ multiValueHeaders: { 'x-a': ['1', '2'] }, headers: { 'X-A': '1' } }).response
        .headers,
    ).toEqual([
      ['x-a', '1'],
      ['x-a', '2'],
      ['Content-Type', 'application/json'],
    ]);
  });

  it('a body on a 204 is accepted but the client never sees it', () => {
    const report = validateProxyResult({ statusCode: 204, body: 'ignored' });
    expect(report.ok).toBe(true);
    expect(report.warnings.map((w) => w.code)).toEqual(['BODY_DROPPED_FOR_STATUS']);
  });

  it('an HTTP API on payload 1.0 answers 500 {"message":"Internal Server Error"} and always decodes base64', () => {
    const bad = validateProxyResult({ statusCode: 'x' }, { apiType: 'HTTP' });
    expect(bad.response).toEqual({
      statusCode: 500,
      headers: [['content-type', 'application/json']],
      cookies: [],
      body: '{"message":"Internal Server Error"}',
      isBase64Decoded: false,
    });
    expect(bad.issues[0]!.message).toMatch(
      /; API Gateway answers 500 \{"message":"Internal Server Error"\}$/,
    );
    const binary = validateProxyResult({ body: 'aGk=', isBase64Encoded: true }, { apiType: 'HTTP' });
    expect(binary.response).toMatchObject({ body: 'hi', isBase64Decoded: true });
    expect(binary.response.bodyBytes).toEqual(new Uint8Array([104, 105]));
  });
});
