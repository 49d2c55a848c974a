import { describe, expect, it } from 'vitest';
import { isTestkitError } from '../../src/errors/index.js';
import {
  assertProxyResult,
  formatProxyResultReport,
  ProxyResultError,
  validateProxyResult,
} from '../../src/response/index.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('assertProxyResult', () => {
  it('returns the report when API Gateway accepts the result', () => {
    expect(assertProxyResult({ statusCode: 201 }).response.statusCode).toBe(201);
  });

  it('throws ProxyResultError (PROXY_RESULT_INVALID) carrying the same report, listing every issue', () => {
    const result = { statusCode: 'test', wrongValue: 1 };
    const error = thrown(() => assertProxyResult(result));
    expect(error).toBeInstanceOf(ProxyResultError);
    expect(isTestkitError(error)).toBe(true);
    const e = error as ProxyResultError;
    expect(e.code).toBe('PROXY_RESULT_INVALID');
    expect(e.report).toEqual(validateProxyResult(result));
    expect(e.details.report).toBe(e.report);
    expect(e.message).toBe(
      [
        'payload 1.0 result (REST API) rejected by API Gateway, the client gets 502 (2 issues):',
        '  - $.wrongValue UNKNOWN_KEY: unknown key "wrongValue" (allowed: statusCode, headers, multiValueHeaders, body, isBase64Encoded); API Gateway answers 502 {"message": "Internal server error"}',
        '  - $.statusCode STATUS_CODE_NOT_NUMERIC: statusCode is the string "test", not a number; API Gateway answers 502 {"message": "Internal server error"}',
        'The client receives:',
        '  HTTP 502',
        '  Content-Type: application/json',
        '  x-amzn-ErrorType: InternalServerErrorException',
        '',
        '  {"message": "Internal server error"}',
        'Fix the fields listed above; docs/responses.md explains each code.',
      ].join('\n'),
    );
  });
});

describe('options are validated eagerly', () => {
  it.each<[string, unknown, string]>([
    ['an unknown option', { payloadFromat: '2.0' }, 'UNKNOWN_OPTION'],
    ['an unknown request option', { request: { acept: 'x' } }, 'UNKNOWN_OPTION'],
    ['a payload format that does not exist', { payloadFormat: '3.0' }, 'INVALID_OPTION_VALUE'],
    ['REST with payload 2.0', { payloadFormat: '2.0', apiType: 'REST' }, 'INVALID_OPTION_VALUE'],
    ['a bad starStarBinaryMediaType', { starStarBinaryMediaType: 'yes' }, 'INVALID_OPTION_VALUE'],
  ])('refuses %s', (_what, options, code) => {
    const error = thrown(() => validateProxyResult({}, options as never));
    expect((error as { code: string }).code).toBe(code);
  });

  it('refuses a Promise: the handler must be awaited first', () => {
    const error = thrown(() => validateProxyResult(Promise.resolve({ statusCode: 200 })));
    expect((error as { code: string }).code).toBe('RESULT_IS_PROMISE');
  });

  it('an HTTP API defaults to payload 1.0 rules when asked for 1.0, and 2.0 defaults to HTTP', () => {
    expect(validateProxyResult({}, { apiType: 'HTTP' })).toMatchObject({
      payloadFormat: '1.0',
      apiType: 'HTTP',
    });
    expect(validateProxyResult({}, { payloadFormat: '2.0' })).toMatchObject({
      payloadFormat: '2.0',
      apiType: 'HTTP',
    });
  });
});

describe('formatProxyResultReport', () => {
  it('renders verdict, warnings and the client view', () => {
    expect(formatProxyResultReport(validateProxyResult({ statusCode: null, body: 'hi' }))).toBe(
      [
        'payload 1.0 result (REST API): accepted by API Gateway',
        'Warnings:',
        '  - $.statusCode STATUS_CODE_NULL: statusCode is null; API Gateway uses 200 as if it were absent',
        'The client receives:',
        '  HTTP 200',
        '  Content-Type: application/json',
        '',
        '  hi',
      ].join('\n'),
    );
  });
});
