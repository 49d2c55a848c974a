// Mirrors the examples of docs/responses.md so they cannot rot.
import { describe, expect, it } from 'vitest';
import { validateAuthorizerResult, validateProxyResult } from '../../src/response/index.js';

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
      ['content-type', 'text/plain; charset=utf-8'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
  });
});

describe('docs/responses.md: Authorizer results example', () => {
  it('allows with stringified context; an array context value is an AuthorizerConfigurationException 500', () => {
    const methodArn = 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets/7';
    const policyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'execute-api:Invoke',
          Resource: 'arn:aws:execute-api:*:*:abcd1234ef/dev/GET/*',
        },
      ],
    };
    const allow = validateAuthorizerResult(
      { principalId: 'user-1', context: { tier: 2, admin: false }, policyDocument },
      { methodArn },
    );
    expect(allow.decision).toBe('allow');
    expect(allow.integrationContext).toEqual({ tier: '2', admin: 'false' });
    const bad = validateAuthorizerResult({ principalId: 'u', context: { roles: ['a'] }, policyDocument });
    expect(bad.response).toEqual({
      statusCode: 500,
      headers: [
        ['Content-Type', 'application/json'],
        ['x-amzn-ErrorType', 'AuthorizerConfigurationException'],
      ],
      body: '{"message": null}',
    });
  });
});
