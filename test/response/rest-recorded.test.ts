import { describe, expect, it } from 'vitest';
import { type ClientResponse, validateProxyResult } from '../../src/response/index.js';

const JSON_CT: [string, string] = ['Content-Type', 'application/json'];
const REST_502: ClientResponse = {
  statusCode: 502,
  headers: [JSON_CT, ['x-amzn-ErrorType', 'InternalServerErrorException']],
  cookies: [],
  body: '{"message": "Internal server error"}',
  isBase64Decoded: false,
};

function ok(statusCode: number, headers: [string, string][], body = ''): ClientResponse {
  return { statusCode, headers, cookies: [], body, isBase64Decoded: false };
}

// behaviour.md §0 and §3.1, recorded on a REST API (Lambda proxy, payload 1.0).
describe('REST proxy results accepted by API Gateway (recorded)', () => {
  it.each<[string, unknown, ClientResponse]>([
    [
      'statusCode alone gives 200, empty body and the default Content-Type',
      { statusCode: 200 },
      ok(200, [JSON_CT]),
    ],
    [
      'a boolean header value is sent as true/false',
      { statusCode: 200, headers: { 'test-header': 'value', 'header-bool': true } },
      ok(200, [['test-header', 'value'], ['header-bool', 'true'], JSON_CT]),
    ],
    ['headers: null is fine', { statusCode: 200, headers: null }, ok(200, [JSON_CT])],
    [
      'a missing statusCode means 200',
      { headers: { 'test-header': 'value' } },
      ok(200, [['test-header', 'value'], JSON_CT]),
    ],
    ['even a bare {} is 200 with an empty body', {}, ok(200, [JSON_CT])],
    ['statusCode "201" as a string is accepted', { statusCode: '201' }, ok(201, [JSON_CT])],
    [
      'multiValueHeaders send one line per value',
      { statusCode: 200, multiValueHeaders: { 'test-multi': ['value1', 'value2'] } },
      ok(200, [['test-multi', 'value1'], ['test-multi', 'value2'], JSON_CT]),
    ],
    [
      'a name in headers and multiValueHeaders sends both values, multi first',
      {
        statusCode: 200,
        multiValueHeaders: { 'test-multi': ['value-multi'] },
        headers: { 'test-multi': 'value-solo' },
      },
      ok(200, [['test-multi', 'value-multi'], ['test-multi', 'value-solo'], JSON_CT]),
    ],
    [
      'names are merged case-insensitively and spelled as in multiValueHeaders',
      {
        statusCode: 200,
        multiValueHeaders: { 'tesT-Multi': ['value-multi'] },
        headers: { 'test-multi': 'value-solo' },
      },
      ok(200, [['tesT-Multi', 'value-multi'], ['tesT-Multi', 'value-solo'], JSON_CT]),
    ],
    [
      'isBase64Encoded true with no binaryMediaTypes returns the base64 text',
      { statusCode: 200, body: 'dGVzdC1kYXRh', isBase64Encoded: true },
      ok(200, [JSON_CT], 'dGVzdC1kYXRh'),
    ],
    [
      'a returned Content-Type replaces the default',
      { statusCode: 200, headers: { 'content-type': 'text/html' }, body: '<p>' },
      ok(200, [['content-type', 'text/html']], '<p>'),
    ],
  ])('%s', (_fact, result, response) => {
    const report = validateProxyResult(result);
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.response).toEqual(response);
    expect(result).toBeValidProxyResult();
  });
});

describe('REST proxy results rejected with 502 {"message": "Internal server error"} (recorded)', () => {
  it.each<[string, unknown, string, string]>([
    ['statusCode "test" is not a number', { statusCode: 'test' }, '$.statusCode', 'STATUS_CODE_NOT_NUMERIC'],
    ['an unknown top-level key', { statusCode: 200, wrongValue: 'value' }, '$.wrongValue', 'UNKNOWN_KEY'],
    ['a bare string result', 'justAString', '$', 'RESULT_NOT_OBJECT'],
    [
      'a multiValueHeaders value that is not an array',
      { statusCode: 200, multiValueHeaders: { x: 'value1' } },
      '$.multiValueHeaders.x',
      'MULTI_VALUE_NOT_ARRAY',
    ],
  ])('%s', (_fact, result, path, code) => {
    const report = validateProxyResult(result);
    expect(report.ok).toBe(false);
    expect(report.issues.map((i) => [i.path, i.code])).toEqual([[path, code]]);
    expect(report.issues[0]!.message).toMatch(
      /; API Gateway answers 502 \{"message": "Internal server error"\}$/,
    );
    expect(report.response).toEqual(REST_502);
    expect(result).not.toBeValidProxyResult();
  });

  it('the 502 body is exactly 36 bytes with a space after the colon', () => {
    const { response } = validateProxyResult({ statusCode: 'test' });
    expect(response.body).toBe('{"message": "Internal server error"}');
    expect(new TextEncoder().encode(response.body).length).toBe(36);
  });

  it('issue messages say what is wrong and what API Gateway does', () => {
    expect(validateProxyResult({ statusCode: 200, wrongValue: 'value' }).issues).toEqual([
      {
        path: '$.wrongValue',
        code: 'UNKNOWN_KEY',
        message:
          'unknown key "wrongValue" (allowed: statusCode, headers, multiValueHeaders, body, isBase64Encoded); API Gateway answers 502 {"message": "Internal server error"}',
      },
    ]);
  });

  it('lists every issue, not just the first', () => {
    const report = validateProxyResult({
      statusCode: 'x',
      body: {},
      extra: 1,
      multiValueHeaders: { a: 'b' },
    });
    expect(report.issues.map((i) => i.code)).toEqual([
      'UNKNOWN_KEY',
      'STATUS_CODE_NOT_NUMERIC',
      'MULTI_VALUE_NOT_ARRAY',
      'BODY_NOT_STRING',
    ]);
  });
});
