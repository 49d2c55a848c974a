import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../src/auth/index.js';

const ARN = 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets/7';
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Resource: string | string[], Action: string | string[] = 'execute-api:Invoke') => ({
  Effect: 'Allow',
  Action,
  Resource,
});
const deny = (Resource: string | string[]) => ({ Effect: 'Deny', Action: 'execute-api:Invoke', Resource });

describe('evaluatePolicy: IAM evaluation for execute-api:Invoke', () => {
  it.each([
    ['the exact ARN', allow(ARN), 'allow'],
    ['* spans slashes', allow('arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/*'), 'allow'],
    ['* in the stage and verb segments', allow('arn:aws:execute-api:*:*:abcd1234ef/*/GET/pets/*'), 'allow'],
    [
      '? matches exactly one character',
      allow('arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets/?'),
      'allow',
    ],
    [
      '? does not match two',
      allow('arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pet?'),
      'implicit-deny',
    ],
    [
      'another verb',
      allow('arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/POST/*'),
      'implicit-deny',
    ],
    [
      'Resource is case-sensitive',
      allow('arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/get/*'),
      'implicit-deny',
    ],
    ['Action is case-insensitive', allow('*', 'EXECUTE-API:invoke'), 'allow'],
    ['an action wildcard', allow('*', 'execute-api:*'), 'allow'],
    ['another action', allow('*', 'execute-api:InvalidateCache'), 'implicit-deny'],
    [
      'NotAction excluding another action',
      { Effect: 'Allow', NotAction: 'execute-api:ManageConnections', Resource: '*' },
      'allow',
    ],
    [
      'NotResource excluding this path',
      { Effect: 'Allow', Action: 'execute-api:Invoke', NotResource: '*/pets/*' },
      'implicit-deny',
    ],
  ])('%s → %s', (_name, statement, decision) => {
    expect(evaluatePolicy(doc(statement), { resource: ARN }).decision).toBe(decision);
  });

  it('an explicit Deny wins over any Allow, and says which statement decided', () => {
    expect(
      evaluatePolicy(doc(allow('*'), { ...deny('*/GET/pets/*'), Sid: 'NoPets' }), { resource: ARN }),
    ).toEqual({
      decision: 'explicit-deny',
      statement: { index: 1, sid: 'NoPets', effect: 'Deny' },
    });
  });

  it.each([
    [
      'IpAddress in the CIDR',
      { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      { 'aws:SourceIp': '203.0.113.9' },
      'allow',
    ],
    [
      'NotIpAddress of the caller',
      { NotIpAddress: { 'aws:SourceIp': ['203.0.113.9'] } },
      { 'aws:SourceIp': '203.0.113.9' },
      'implicit-deny',
    ],
    ['StringEquals on a missing key', { StringEquals: { 'aws:SourceVpce': 'vpce-1' } }, {}, 'implicit-deny'],
    [
      'StringNotEquals on a missing key holds',
      { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } },
      {},
      'allow',
    ],
    [
      'StringEqualsIfExists on a missing key holds',
      { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } },
      {},
      'allow',
    ],
    [
      'keys are case-insensitive',
      { StringLike: { 'AWS:useragent': 'curl/*' } },
      { 'aws:UserAgent': 'curl/8.4' },
      'allow',
    ],
    [
      'Bool',
      { Bool: { 'aws:SecureTransport': 'false' } },
      { 'aws:SecureTransport': 'true' },
      'implicit-deny',
    ],
    [
      'DateLessThan on aws:CurrentTime',
      { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
      { 'aws:CurrentTime': '2024-04-21T15:08:21Z' },
      'allow',
    ],
    [
      'NumericLessThan',
      { NumericLessThan: { 'aws:EpochTime': 100 } },
      { 'aws:EpochTime': 101 },
      'implicit-deny',
    ],
    ['Null: true requires absence', { Null: { 'aws:SourceVpce': 'true' } }, {}, 'allow'],
  ])('Condition %s', (_name, Condition, context, decision) => {
    expect(evaluatePolicy(doc({ ...allow('*'), Condition }), { resource: ARN, context }).decision).toBe(
      decision,
    );
  });

  it.each([
    ['"*" matches anonymous callers', '*', undefined, 'allow'],
    ['an account matches its IAM users only', { AWS: '123456789012' }, undefined, 'implicit-deny'],
    [
      'an account matches its users',
      { AWS: 'arn:aws:iam::123456789012:root' },
      { arn: 'arn:aws:iam::123456789012:user/alice' },
      'allow',
    ],
    [
      'a role matches its sessions',
      { AWS: 'arn:aws:iam::123456789012:role/Deployer' },
      { arn: 'arn:aws:sts::123456789012:assumed-role/Deployer/s1' },
      'allow',
    ],
    [
      'another account does not match',
      { AWS: '210987654321' },
      { arn: 'arn:aws:iam::123456789012:user/alice' },
      'implicit-deny',
    ],
  ])('Principal: %s', (_name, Principal, principal, decision) => {
    const options = principal ? { resource: ARN, principal } : { resource: ARN };
    expect(evaluatePolicy(doc({ ...allow('*'), Principal }), options).decision).toBe(decision);
  });

  it.each([
    ['not JSON', '{"Statement":'],
    ['no Statement', { Version: '2012-10-17' }],
    ['a bad Effect', doc({ Effect: 'allow', Action: '*', Resource: '*' })],
    ['no Resource', doc({ Effect: 'Allow', Action: '*' })],
    ['Action and NotAction', doc({ Effect: 'Allow', Action: '*', NotAction: 'x', Resource: '*' })],
    ['an unknown element', doc({ Effect: 'Allow', Action: '*', Resource: '*', Principals: '*' })],
    ['an unknown condition operator', doc({ ...allow('*'), Condition: { StringSortOf: { 'aws:x': 'y' } } })],
    ['an invalid CIDR', doc({ ...allow('*'), Condition: { IpAddress: { 'aws:SourceIp': '300.1.1.1/8' } } })],
  ])('%s is POLICY_INVALID', (_name, policy) => {
    expect(() => evaluatePolicy(policy as never, { resource: ARN })).toThrow(
      expect.objectContaining({ code: 'POLICY_INVALID' }),
    );
  });
});
