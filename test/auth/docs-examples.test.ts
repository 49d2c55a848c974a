// The examples of docs/authorization.md, run as written (helpers stand in for the handlers the page names).

import { createTestIdentityProvider, evaluatePolicy } from 'apigw-testkit/auth';
import { createGateway } from 'apigw-testkit/gateway';
import { AwsClient } from 'aws4fetch';
import { describe, expect, it } from 'vitest';

const echo = async (event: { requestContext: object }) => {
  const context = event.requestContext as Record<string, unknown>;
  return {
    statusCode: 200,
    body: JSON.stringify({ authorizer: context.authorizer ?? null, identity: context.identity ?? null }),
  };
};
const [listPets, me, orders, profile, reports, admin, weather] = [echo, echo, echo, echo, echo, echo, echo];

describe('docs/authorization.md examples', () => {
  it('Lambda authorizers (REST TOKEN) and the caching surprise', async () => {
    const gateway = createGateway({
      authorizers: {
        TokenAuth: {
          type: 'TOKEN',
          identityValidationExpression: '^Bearer [-0-9a-zA-Z._]+$',
          handler: async (event) => ({
            principalId: 'user-7',
            policyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: event.methodArn }],
            },
            context: { tier: 2 },
          }),
        },
      },
      routes: {
        'GET /pets': { authorizer: 'TokenAuth', integration: { type: 'AWS_PROXY', handler: listPets } },
        'GET /owners': { authorizer: 'TokenAuth', integration: { type: 'AWS_PROXY', handler: listPets } },
      },
    });
    expect((await gateway.fetch('/dev/pets')).status).toBe(401);
    const ok = await gateway.fetch('/dev/pets', { headers: { Authorization: 'Bearer abc' } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { authorizer: object }).authorizer).toEqual({
      tier: '2',
      principalId: 'user-7',
      integrationLatency: expect.any(Number),
    });

    const { response, trace } = await gateway.handle('/dev/owners', {
      headers: { Authorization: 'Bearer abc' },
    });
    expect(response.status).toBe(403);
    expect(trace.authorization).toMatchObject({
      cached: true,
      decision: 'ACCESS_DENIED',
      methodArn: expect.stringMatching(/\/dev\/GET\/owners$/),
    });
    gateway.flushAuthorizerCache();
    expect((await gateway.fetch('/dev/owners', { headers: { Authorization: 'Bearer abc' } })).status).toBe(
      200,
    );
  });

  it('HTTP API Lambda authorizer with simple responses', async () => {
    const api = createGateway({
      apiType: 'HTTP',
      authorizers: {
        Simple: {
          type: 'REQUEST',
          authorizerPayloadFormatVersion: '2.0',
          enableSimpleResponses: true,
          identitySource: ['$request.header.Authorization'],
          handler: async (event) => ({
            isAuthorized: event.identitySource[0] === 'let-me-in',
            context: { plan: 'pro' },
          }),
        },
      },
      routes: { 'GET /me': { authorizer: 'Simple', integration: { type: 'AWS_PROXY', handler: me } } },
    });
    const denied = await api.fetch('/me', { headers: { authorization: 'nope' } });
    expect([denied.status, await denied.text()]).toEqual([403, '{"message":"Forbidden"}']);
    const allowed = await api.fetch('/me', { headers: { authorization: 'let-me-in' } });
    expect(((await allowed.json()) as { authorizer: object }).authorizer).toEqual({
      lambda: { plan: 'pro' },
    });
  });

  it('API keys from the authorizer', async () => {
    const keyed = createGateway({
      apiKeySource: 'AUTHORIZER',
      apiKeys: [{ id: 'k1', value: 'customer-key-0123456789' }],
      usagePlans: [
        { id: 'gold', apiStages: [{ stage: 'dev' }], quota: { limit: 1000, period: 'DAY' }, keys: ['k1'] },
      ],
      authorizers: {
        Customers: {
          type: 'TOKEN',
          handler: async (event) => ({
            principalId: 'customer',
            policyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: event.methodArn }],
            },
            usageIdentifierKey: event.authorizationToken,
          }),
        },
      },
      routes: {
        'GET /reports': {
          authorizer: 'Customers',
          apiKeyRequired: true,
          integration: { type: 'AWS_PROXY', handler: reports },
        },
      },
    });
    expect(
      (await keyed.fetch('/dev/reports', { headers: { Authorization: 'customer-key-0123456789' } })).status,
    ).toBe(200);
    expect((await keyed.fetch('/dev/reports', { headers: { Authorization: 'unknown-key' } })).status).toBe(
      403,
    );
    expect(keyed.usage('k1').used).toBe(1);
  });

  it('JWT authorizer with a test identity provider', async () => {
    const idp = createTestIdentityProvider({ issuer: 'https://auth.example.com', clientId: 'web-app' });
    const api = createGateway({
      apiType: 'HTTP',
      identityProviders: [idp],
      authorizers: { Jwt: { type: 'JWT', jwtConfiguration: { issuer: idp.issuer, audience: ['web-app'] } } },
      routes: {
        'GET /orders': {
          authorizer: 'Jwt',
          authorizationScopes: ['orders/read'],
          integration: { type: 'AWS_PROXY', handler: orders },
        },
      },
    });
    const token = await idp.token({ scopes: ['orders/read'] });
    const ok = await api.fetch('/orders', { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(
      ((await ok.json()) as { authorizer: { jwt: { scopes: string[] } } }).authorizer.jwt.scopes,
    ).toEqual(['orders/read']);
    const expired = await api.fetch('/orders', {
      headers: { authorization: `Bearer ${await idp.token({ expired: true })}` },
    });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe(
      'Bearer scope="orders/read" error="invalid_token" error_description="the token has expired"',
    );
  });

  it('Cognito user-pool authorizer', async () => {
    const pool = createTestIdentityProvider();
    const rest = createGateway({
      identityProviders: [pool],
      authorizers: { Pool: { type: 'COGNITO_USER_POOLS', providerARNs: [pool.userPoolArn] } },
      routes: {
        'GET /profile': { authorizer: 'Pool', integration: { type: 'AWS_PROXY', handler: profile } },
      },
    });
    const response = await rest.fetch('/dev/profile', { headers: { Authorization: await pool.token() } });
    const claims = ((await response.json()) as { authorizer: { claims: Record<string, string> } }).authorizer
      .claims;
    expect(claims).toMatchObject({
      aud: 'testclient0001',
      token_use: 'id',
      exp: expect.stringMatching(/^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/),
    });
  });

  it('IAM with aws4fetch', async () => {
    const iamIdp = createTestIdentityProvider();
    const alice = iamIdp.iamUser('alice');
    const iamApi = createGateway({
      identityProviders: [iamIdp],
      routes: {
        'GET /admin': { authorizationType: 'AWS_IAM', integration: { type: 'AWS_PROXY', handler: admin } },
      },
    });
    const client = new AwsClient({ ...alice, service: 'execute-api', region: 'us-east-1' });
    const signed = await client.sign(iamApi.url('/admin'), { method: 'GET' });
    const ok = await iamApi.fetch(signed);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { identity: { userArn: string } }).identity.userArn).toBe(
      'arn:aws:iam::123456789012:user/alice',
    );
    expect((await iamApi.fetch('/dev/admin')).status).toBe(403);
  });

  it('resource policy', async () => {
    const privateApi = createGateway({
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'execute-api:Invoke',
            Resource: 'execute-api:/*',
            Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
          },
        ],
      },
      routes: { 'GET /weather': weather },
    });
    const outside = await privateApi.fetch('/dev/weather', { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(await outside.text()).toBe(
      '{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:abcd1234ef/dev/GET/weather because no resource-based policy allows the execute-api:Invoke action"}',
    );
  });

  it('evaluatePolicy without a gateway', () => {
    const authorizerResult = {
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'execute-api:Invoke',
            Resource: 'arn:aws:execute-api:*:*:abcd1234ef/dev/*/pets/*',
          },
        ],
      },
    };
    const { decision } = evaluatePolicy(authorizerResult.policyDocument, {
      resource: 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/DELETE/pets/7',
    });
    expect(decision).toBe('allow');
  });
});
