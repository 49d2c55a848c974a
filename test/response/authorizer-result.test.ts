import { describe, expect, it } from 'vitest';
import { iamGlobMatches, validateAuthorizerResult } from '../../src/response/index.js';
import { errorOf } from '../events/helpers/error-code.js';

const ARN = 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets/7';
const policy = (Effect: string, Resource: unknown, extra: Record<string, unknown> = {}) => ({
  principalId: 'user-1',
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect, Resource }] },
  ...extra,
});
const codes = (r: { issues: { path: string; code: string }[] }) => r.issues.map((i) => [i.path, i.code]);

describe('validateAuthorizerResult: IAM-policy output (behaviour.md §2.2, §2.3)', () => {
  it('a matching Allow allows; REST context values reach the integration as strings', () => {
    const report = validateAuthorizerResult(policy('Allow', ARN, { context: { n: 1, b: true, s: 'x' } }), {
      methodArn: ARN,
    });
    expect([report.ok, report.decision, report.response]).toEqual([true, 'allow', undefined]);
    expect(report.integrationContext).toEqual({ n: '1', b: 'true', s: 'x' });
  });

  it('a matching Deny is 403 with the capital-M explicit-deny body and AccessDeniedException', () => {
    const report = validateAuthorizerResult(
      {
        principalId: 'u',
        policyDocument: {
          Statement: [
            { Effect: 'Allow', Action: '*', Resource: '*' },
            {
              Effect: 'Deny',
              Action: 'execute-api:*',
              Resource: ['arn:aws:execute-api:*:*:abcd1234ef/dev/GET/pets/*'],
            },
          ],
        },
      },
      { methodArn: ARN },
    );
    expect(report.decision).toBe('explicit-deny');
    expect(report.response).toEqual({
      statusCode: 403,
      headers: [
        ['Content-Type', 'application/json'],
        ['x-amzn-ErrorType', 'AccessDeniedException'],
      ],
      body: '{"Message":"User is not authorized to access this resource with an explicit deny in an identity-based policy"}',
    });
  });

  it('no matching Allow (a cached policy for another method) is 403 "not authorized"', () => {
    const report = validateAuthorizerResult(policy('Allow', ARN.replace('/GET/', '/POST/')), {
      methodArn: ARN,
    });
    expect(report.decision).toBe('implicit-deny');
    expect(report.response?.body).toBe(
      '{"Message":"User is not authorized to access this resource because no identity-based policy allows the execute-api:Invoke action"}',
    );
  });

  it('without methodArn a valid policy is not evaluated', () => {
    expect(validateAuthorizerResult(policy('Allow', '*')).decision).toBe('not-evaluated');
  });

  it.each<[string, unknown, [string, string][]]>([
    ['a string result', 'Allow', [['$', 'RESULT_NOT_OBJECT']]],
    [
      'no principalId (REST requires it)',
      { policyDocument: { Statement: [] } },
      [
        ['$.principalId', 'PRINCIPAL_ID_MISSING'],
        ['$.policyDocument.Statement', 'POLICY_STATEMENT_INVALID'],
      ],
    ],
    ['no policyDocument', { principalId: 'u' }, [['$.policyDocument', 'POLICY_DOCUMENT_MISSING']]],
    [
      'Effect "allow" in lower case',
      policy('allow', ARN),
      [['$.policyDocument.Statement[0].Effect', 'POLICY_EFFECT_INVALID']],
    ],
    [
      'a numeric Resource',
      policy('Allow', 7),
      [['$.policyDocument.Statement[0].Resource', 'POLICY_RESOURCE_INVALID']],
    ],
    [
      'a Resource over 512 characters',
      policy('Allow', `${ARN}/${'a'.repeat(512)}`),
      [['$.policyDocument.Statement[0].Resource', 'POLICY_RESOURCE_TOO_LONG']],
    ],
    [
      'an object context value',
      policy('Allow', ARN, { context: { o: { a: 1 } } }),
      [['$.context.o', 'CONTEXT_VALUE_INVALID']],
    ],
    [
      'an array context value',
      policy('Allow', ARN, { context: { a: [1] } }),
      [['$.context.a', 'CONTEXT_VALUE_INVALID']],
    ],
    [
      'a numeric principalId',
      { ...policy('Allow', ARN), principalId: 7 },
      [['$.principalId', 'PRINCIPAL_ID_NOT_STRING']],
    ],
    [
      'a numeric usageIdentifierKey',
      policy('Allow', ARN, { usageIdentifierKey: 1 }),
      [['$.usageIdentifierKey', 'USAGE_IDENTIFIER_KEY_NOT_STRING']],
    ],
  ])(
    'REST: %s makes the authorizer fail: 500 {"message": null}, AuthorizerConfigurationException',
    (_fact, result, expected) => {
      const report = validateAuthorizerResult(result, { methodArn: ARN });
      expect(codes(report)).toEqual(expected);
      expect(report.decision).toBe('error');
      expect(report.response).toEqual({
        statusCode: 500,
        headers: [
          ['Content-Type', 'application/json'],
          ['x-amzn-ErrorType', 'AuthorizerConfigurationException'],
        ],
        body: '{"message": null}',
      });
    },
  );

  it('a single Statement object (not an array) is accepted, as in IAM', () => {
    const result = {
      principalId: 'u',
      policyDocument: { Statement: { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: ARN } },
    };
    expect(validateAuthorizerResult(result, { methodArn: ARN }).decision).toBe('allow');
  });

  it('warns on unknown keys, context keys with special characters, null context values, and claims in HTTP 1.0', () => {
    const report = validateAuthorizerResult(
      policy('Allow', ARN, { extra: 1, context: { 'a-b': 'x', n: null, claims: 'c' } }),
      { api: 'HTTP_1.0' },
    );
    expect(report.ok).toBe(true);
    expect(report.warnings.map((w) => [w.path, w.code])).toEqual([
      ['$.extra', 'UNKNOWN_KEY'],
      ['$.context.a-b', 'CONTEXT_KEY_NAME'],
      ['$.context.n', 'CONTEXT_VALUE_NULL'],
      ['$.context.claims', 'CONTEXT_CLAIMS_RESERVED'],
    ]);
  });
});

describe('validateAuthorizerResult: HTTP API payload 2.0', () => {
  it('simple responses: isAuthorized true allows, context kept with its types (arrays and maps allowed)', () => {
    const report = validateAuthorizerResult(
      { isAuthorized: true, context: { n: 1, arr: ['a'], map: { x: 'y' } } },
      { api: 'HTTP_2.0', simpleResponses: true },
    );
    expect([report.ok, report.decision]).toEqual([true, 'allow']);
    expect(report.integrationContext).toEqual({ n: 1, arr: ['a'], map: { x: 'y' } });
  });

  it('simple responses: isAuthorized false is 403 {"message":"Forbidden"}', () => {
    const report = validateAuthorizerResult(
      { isAuthorized: false },
      { api: 'HTTP_2.0', simpleResponses: true },
    );
    expect(report.response).toEqual({
      statusCode: 403,
      headers: [['content-type', 'application/json']],
      body: '{"message":"Forbidden"}',
    });
  });

  it('simple responses: isAuthorized "true" (a string) is a 500 Internal Server Error', () => {
    const report = validateAuthorizerResult(
      { isAuthorized: 'true' },
      { api: 'HTTP_2.0', simpleResponses: true },
    );
    expect(codes(report)).toEqual([['$.isAuthorized', 'IS_AUTHORIZED_NOT_BOOLEAN']]);
    expect(report.response).toEqual({
      statusCode: 500,
      headers: [['content-type', 'application/json']],
      body: '{"message":"Internal Server Error"}',
    });
  });

  it('without simple responses the IAM policy shape is required', () => {
    expect(codes(validateAuthorizerResult({ isAuthorized: true }, { api: 'HTTP_2.0' }))).toEqual([
      ['$.policyDocument', 'POLICY_DOCUMENT_MISSING'],
    ]);
  });
});

describe('validateAuthorizerResult: misuse and wildcards', () => {
  it('unknown options and api values are refused', () => {
    expect(errorOf(() => validateAuthorizerResult({}, { api: 'SOAP' as never })).code).toBe(
      'INVALID_OPTION_VALUE',
    );
    expect(errorOf(() => validateAuthorizerResult({}, { methodarn: ARN } as never)).code).toBe(
      'UNKNOWN_OPTION',
    );
  });

  it('iamGlobMatches: * spans slashes, ? is one character, Resource matching is case-sensitive', () => {
    expect(iamGlobMatches('arn:*/dev/*', ARN, false)).toBe(true);
    expect(
      iamGlobMatches('arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets/?', ARN, false),
    ).toBe(true);
    expect(
      iamGlobMatches('arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/get/*', ARN, false),
    ).toBe(false);
    expect(iamGlobMatches('Execute-API:invoke', 'execute-api:Invoke', true)).toBe(true);
  });
});
