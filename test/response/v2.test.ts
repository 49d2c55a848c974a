import { describe, expect, it } from 'vitest';
import { type ClientResponse, validateProxyResult } from '../../src/response/index.js';

const v2 = { payloadFormat: '2.0' } as const;
const HTTP_500: ClientResponse = {
  statusCode: 500,
  headers: [['content-type', 'application/json']],
  cookies: [],
  body: '{"message":"Internal Server Error"}',
  isBase64Decoded: false,
};

describe('payload 2.0 infers a response when there is no statusCode [DOC]', () => {
  it.each<[string, unknown, string]>([
    ['a string becomes the body text', 'Hello from Lambda!', 'Hello from Lambda!'],
    ['an object becomes its JSON text', { message: 'x' }, '{"message":"x"}'],
    ['an array becomes its JSON text', [1, 2], '[1,2]'],
    ['a number becomes its JSON text', 42, '42'],
    ['an empty object becomes {}', {}, '{}'],
    ['null (or nothing) becomes the body null (UNCONFIRMED)', null, 'null'],
  ])('%s', (_fact, result, body) => {
    const report = validateProxyResult(result, v2);
    expect(report).toMatchObject({ ok: true, inferred: true, payloadFormat: '2.0', apiType: 'HTTP' });
    expect(report.response).toEqual({
      statusCode: 200,
      headers: [['content-type', 'application/json']],
      cookies: [],
      body,
      isBase64Decoded: false,
    });
  });

  it('warns when an object without statusCode looks like a structured response', () => {
    const report = validateProxyResult({ body: 'hi', headers: { a: 'b' } }, v2);
    expect(report.response.body).toBe('{"body":"hi","headers":{"a":"b"}}');
    expect(report.warnings.map((w) => w.code)).toEqual(['V2_INFERRED_LOOKS_STRUCTURED']);
  });

  it('v2NullResult: "error" makes a null result a 500 (UNCONFIRMED alternative)', () => {
    const report = validateProxyResult(undefined, { ...v2, v2NullResult: 'error' });
    expect(report.issues.map((i) => i.code)).toEqual(['RESULT_NULL']);
    expect(report.response).toEqual(HTTP_500);
  });
});

describe('payload 2.0 structured responses', () => {
  it('each cookie becomes its own set-cookie line after the headers', () => {
    const report = validateProxyResult(
      { statusCode: 201, headers: { 'x-a': '1' }, cookies: ['a=1; Path=/', 'b=2'], body: 'ok' },
      v2,
    );
    expect(report.inferred).toBe(false);
    expect(report.response).toEqual({
      statusCode: 201,
      headers: [
        ['x-a', '1'],
        ['content-type', 'text/plain; charset=utf-8'],
        ['set-cookie', 'a=1; Path=/'],
        ['set-cookie', 'b=2'],
      ],
      cookies: ['a=1; Path=/', 'b=2'],
      body: 'ok',
      isBase64Decoded: false,
    });
  });

  it('a structured response without a content type is sent as text/plain; charset=utf-8 (captured on AWS, 3P)', () => {
    expect(validateProxyResult({ statusCode: 200 }, v2).response.headers).toEqual([
      ['content-type', 'text/plain; charset=utf-8'],
    ]);
    expect(
      validateProxyResult({ statusCode: 200, headers: { 'Content-Type': 'text/html' } }, v2).response.headers,
    ).toEqual([['Content-Type', 'text/html']]);
  });

  it('isBase64Encoded: true is always decoded by HTTP APIs', () => {
    const report = validateProxyResult({ statusCode: 200, body: 'aGk=', isBase64Encoded: true }, v2);
    expect(report.response).toMatchObject({
      body: 'hi',
      isBase64Decoded: true,
      bodyBytes: new Uint8Array([104, 105]),
    });
  });

  it('multiValueHeaders does not exist in 2.0: ignored, with a warning', () => {
    const report = validateProxyResult({ statusCode: 200, multiValueHeaders: { a: ['1'] } }, v2);
    expect(report.ok).toBe(true);
    expect(report.response.headers).toEqual([['content-type', 'text/plain; charset=utf-8']]);
    expect(report.warnings.map((w) => [w.path, w.code])).toEqual([['$.multiValueHeaders', 'V2_KEY_IGNORED']]);
  });

  it.each<[string, unknown, [string, string][]]>([
    ['statusCode "test" is a 500', { statusCode: 'test' }, [['$.statusCode', 'STATUS_CODE_NOT_NUMERIC']]],
    ['a body object is a 500 (UNCONFIRMED)', { statusCode: 200, body: {} }, [['$.body', 'BODY_NOT_STRING']]],
    [
      'cookies as a string is a 500',
      { statusCode: 200, cookies: 'a=1' },
      [['$.cookies', 'COOKIES_NOT_ARRAY']],
    ],
    ['a cookie object is a 500', { statusCode: 200, cookies: [{}] }, [['$.cookies[0]', 'COOKIE_NOT_STRING']]],
    [
      'an array header value is a 500 (join with commas)',
      { statusCode: 200, headers: { a: ['1', '2'] } },
      [['$.headers.a', 'HEADER_VALUE_INVALID']],
    ],
  ])('%s', (_fact, result, expected) => {
    const report = validateProxyResult(result, v2);
    expect(report.issues.map((i) => [i.path, i.code])).toEqual(expected);
    expect(report.issues[0]!.message).toMatch(
      /; API Gateway answers 500 \{"message":"Internal Server Error"\}$/,
    );
    expect(report.response).toEqual(HTTP_500);
  });
});
