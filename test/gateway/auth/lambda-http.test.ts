import { describe, expect, it } from 'vitest';
import { createGateway } from '../../../src/gateway/index.js';
import { HOST, wire } from '../helpers.js';
import { ARN, echoAuth, policy, recordingAuthorizer } from './helpers.js';

const http = (authorizer: Record<string, unknown>, payloadFormatVersion: '1.0' | '2.0' = '2.0') => {
  const backend = echoAuth();
  const gateway = createGateway({
    apiType: 'HTTP',
    authorizers: {
      L: { type: 'REQUEST', identitySource: ['$request.header.Authorization'], ...authorizer } as never,
    },
    routes: {
      'GET /pets/{id}': {
        integration: { type: 'AWS_PROXY', handler: backend, payloadFormatVersion },
        authorizer: 'L',
      },
    },
  });
  return { gateway, backend };
};
const auth = { headers: { authorization: 'Bearer t' } };

describe('HTTP API Lambda authorizer, payload 2.0 (behaviour.md §2.1–2.3)', () => {
  it('receives version 2.0, routeArn, identitySource values and the request without body', async () => {
    const authorizer = recordingAuthorizer(() => ({ isAuthorized: true }));
    const { gateway } = http({
      handler: authorizer,
      authorizerPayloadFormatVersion: '2.0',
      enableSimpleResponses: true,
    });
    await gateway.fetch(`${HOST}/pets/7?a=1`, { method: 'GET', headers: { authorization: 'Bearer t' } });
    const event = authorizer.events[0]!;
    expect(Object.keys(event).slice(0, 7)).toEqual([
      'version',
      'type',
      'routeArn',
      'identitySource',
      'routeKey',
      'rawPath',
      'rawQueryString',
    ]);
    expect(event).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      routeArn: `${ARN}/$default/GET/pets/7`,
      identitySource: ['Bearer t'],
      routeKey: 'GET /pets/{id}',
      rawPath: '/pets/7',
      rawQueryString: 'a=1',
      queryStringParameters: { a: '1' },
      pathParameters: { id: '7' },
    });
    expect(event).not.toHaveProperty('body');
  });

  it('a simple response delivers its context as returned in requestContext.authorizer.lambda', async () => {
    const { gateway } = http({
      authorizerPayloadFormatVersion: '2.0',
      enableSimpleResponses: true,
      handler: async () => ({
        isAuthorized: true,
        context: { tier: 2, admin: false, roles: ['a', 'b'], org: { id: 'o1' } },
      }),
    });
    const response = await gateway.fetch(`${HOST}/pets/7`, auth);
    expect(await response.json()).toEqual({
      authorizer: { lambda: { tier: 2, admin: false, roles: ['a', 'b'], org: { id: 'o1' } } },
    });
  });

  it('a simple response without context gives { lambda: null } (recorded)', async () => {
    const { gateway } = http({
      authorizerPayloadFormatVersion: '2.0',
      enableSimpleResponses: true,
      handler: async () => ({ isAuthorized: true }),
    });
    expect(await (await gateway.fetch(`${HOST}/pets/7`, auth)).json()).toEqual({
      authorizer: { lambda: null },
    });
  });

  it.each([
    ['isAuthorized: false', { enableSimpleResponses: true, handler: async () => ({ isAuthorized: false }) }],
    [
      'a policy without a matching Allow',
      {
        handler: async () => ({
          principalId: 'u',
          policyDocument: policy('Allow', `${ARN}/$default/POST/*`),
        }),
      },
    ],
  ])('%s is 403 {"message":"Forbidden"}', async (_name, config) => {
    const { gateway, backend } = http({ authorizerPayloadFormatVersion: '2.0', ...config });
    const response = await wire(await gateway.fetch(`${HOST}/pets/7`, auth));
    expect(response.status).toBe(403);
    expect(response.body).toBe('{"message":"Forbidden"}');
    expect(response.headers).toEqual({
      'content-type': 'application/json',
      'apigw-requestid': expect.any(String),
    });
    expect(backend.events).toHaveLength(0);
  });

  it.each([
    ['a missing identity source', {}, 401, '{"message":"Unauthorized"}'],
    [
      'an authorizer error',
      { authorization: 'Bearer t', fail: true },
      500,
      '{"message":"Internal Server Error"}',
    ],
  ])('%s is %s', async (_name, request, status, body) => {
    const { gateway } = http({
      authorizerPayloadFormatVersion: '2.0',
      enableSimpleResponses: true,
      handler: async () => {
        throw new Error('boom');
      },
    });
    const headers =
      'authorization' in request ? { authorization: request.authorization as string } : undefined;
    const response = await wire(await gateway.fetch(`${HOST}/pets/7`, headers ? { headers } : {}));
    expect([response.status, response.body]).toEqual([status, body]);
  });

  it('an IAM-policy response keeps context types and reaches the integration as { lambda }', async () => {
    const { gateway } = http({
      authorizerPayloadFormatVersion: '2.0',
      handler: async (event: { routeArn: string }) => ({
        principalId: 'u1',
        policyDocument: policy('Allow', event.routeArn),
        context: { n: 1 },
      }),
    });
    expect(await (await gateway.fetch(`${HOST}/pets/7`, auth)).json()).toEqual({
      authorizer: { lambda: { n: 1 } },
    });
  });

  it('caching is off by default on HTTP APIs; authorizerResultTtlInSeconds turns it on', async () => {
    const off = recordingAuthorizer(() => ({ isAuthorized: true }));
    const a = http({
      handler: off,
      authorizerPayloadFormatVersion: '2.0',
      enableSimpleResponses: true,
    }).gateway;
    await a.fetch(`${HOST}/pets/1`, auth);
    await a.fetch(`${HOST}/pets/1`, auth);
    expect(off.events).toHaveLength(2);
    const on = recordingAuthorizer(() => ({ isAuthorized: true }));
    const b = http({
      handler: on,
      authorizerPayloadFormatVersion: '2.0',
      enableSimpleResponses: true,
      authorizerResultTtlInSeconds: 60,
    }).gateway;
    await b.fetch(`${HOST}/pets/1`, auth);
    await b.fetch(`${HOST}/pets/2`, auth);
    expect(on.events).toHaveLength(1);
  });
});

describe('HTTP API Lambda authorizer, payload 1.0', () => {
  it('receives the REST-like event with version 1.0 and identitySource/authorizationToken joined by commas', async () => {
    const authorizer = recordingAuthorizer((event) => ({
      principalId: 'u',
      policyDocument: policy('Allow', event.methodArn as string),
    }));
    const backend = echoAuth();
    const gateway = createGateway({
      apiType: 'HTTP',
      authorizers: {
        L: {
          type: 'REQUEST',
          handler: authorizer,
          authorizerPayloadFormatVersion: '1.0',
          identitySource: ['$request.header.user', '$request.querystring.code'],
        },
      },
      routes: {
        'GET /pets': {
          integration: { type: 'AWS_PROXY', handler: backend, payloadFormatVersion: '1.0' },
          authorizer: 'L',
        },
      },
    });
    const response = await gateway.fetch(`${HOST}/pets?code=123`, { headers: { user: 'user1' } });
    expect(response.status).toBe(200);
    expect(authorizer.events[0]).toMatchObject({
      version: '1.0',
      type: 'REQUEST',
      methodArn: `${ARN}/$default/GET/pets`,
      identitySource: 'user1,123',
      authorizationToken: 'user1,123',
      queryStringParameters: { code: '123' },
    });
    // Context values are strings for 1.0 authorizers; the 1.0 event keeps its claims/scopes keys (UNCONFIRMED).
    expect(await response.json()).toEqual({
      authorizer: { claims: null, scopes: null, principalId: 'u', integrationLatency: expect.any(Number) },
    });
  });
});
