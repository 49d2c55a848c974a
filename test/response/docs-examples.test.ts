// Mirrors the examples of docs/responses.md so they cannot rot.
import { describe, expect, it } from 'vitest';
import { validateProxyResult } from '../../src/response/index.js';

describe('docs/responses.md examples', () => {
  it('opening example: an object body is a 502', () => {
    const report = validateProxyResult({ statusCode: 200, body: { ok: true } });
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([
      {
        path: '$.body',
        code: 'BODY_NOT_STRING',
        message:
          'body is an object ({"ok":true}), not a string (use JSON.stringify for a JSON body); API Gateway answers 502 {"message": "Internal server error"}',
      },
    ]);
    expect(report.response.statusCode).toBe(502);
    expect(report.response.body).toBe('{"message": "Internal server error"}');
  });

  it('binary bodies', () => {
    const png = { statusCode: 200, body: 'iVBORw0KGgo=', isBase64Encoded: true };
    expect(
      validateProxyResult(png, { request: { accept: 'image/png', binaryMediaTypes: ['image/png'] } }).response
        .isBase64Decoded,
    ).toBe(true);
    expect(
      validateProxyResult(png, { request: { accept: '*/*', binaryMediaTypes: ['image/png'] } }).response
        .isBase64Decoded,
    ).toBe(false);
  });

  it('payload 2.0', () => {
    expect(validateProxyResult('Hello from Lambda!', { payloadFormat: '2.0' }).response.body).toBe(
      'Hello from Lambda!',
    );
    expect(
      validateProxyResult({ statusCode: 201, cookies: ['a=1', 'b=2'] }, { payloadFormat: '2.0' }).response
        .headers,
    ).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
  });
});
