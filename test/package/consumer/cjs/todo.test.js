// The matchers under real Jest in CommonJS mode: every module here is require()d, apigw-testkit included.
const { describe, expect, it } = require('@jest/globals');
const { createGateway } = require('apigw-testkit/gateway');
const { createApigwMatchers } = require('apigw-testkit/jest');

async function failure(run) {
  try {
    await run();
  } catch (error) {
    return error.message;
  }
  throw new Error('the assertion passed');
}

describe('apigw-testkit/jest under Jest (CommonJS)', () => {
  it('was loaded as CommonJS', () => {
    expect(require.resolve('apigw-testkit/jest')).toMatch(/[\\/]dist[\\/]jest[\\/]index\.cjs$/);
    expect(require.resolve('apigw-testkit/jest/setup')).toMatch(/[\\/]dist[\\/]jest[\\/]setup\.cjs$/);
  });

  it('judges gateway Responses of a REST and an HTTP API route; body matchers are awaited', async () => {
    const rest = createGateway({
      routes: {
        'GET /todos/{id}': async (event) => ({
          statusCode: 200,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: event.pathParameters.id }),
        }),
      },
    });
    const response = await rest.fetch(rest.url('/todos/7'));
    expect(response).toHaveStatusCode(200);
    expect(response).toHaveHeader('content-type', 'application/json');
    await expect(response).toHaveJsonBody({ id: '7' });
    const http = createGateway({
      apiType: 'HTTP',
      routes: { 'POST /todos': async () => ({ statusCode: 201 }) },
    });
    expect(await http.fetch('/todos', { method: 'POST' })).toHaveStatusCode(201);
  });

  it('verifies JWTs for an HTTP API route (jose, ESM only, is bundled into the CommonJS build)', async () => {
    const { createTestIdentityProvider } = require('apigw-testkit/auth');
    const idp = createTestIdentityProvider({ issuer: 'https://auth.example.com', clientId: 'web' });
    const gateway = createGateway({
      apiType: 'HTTP',
      identityProviders: [idp],
      authorizers: { Jwt: { type: 'JWT', jwtConfiguration: { issuer: idp.issuer, audience: ['web'] } } },
      routes: {
        'GET /me': {
          authorizer: 'Jwt',
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => ({ sub: event.requestContext.authorizer.jwt.claims.sub }),
          },
        },
      },
    });
    const token = await idp.token({ subject: 'u-1' });
    await expect(
      await gateway.fetch('/me', { headers: { authorization: `Bearer ${token}` } }),
    ).toHaveJsonBody({
      sub: 'u-1',
    });
    expect(await gateway.fetch('/me')).toHaveStatusCode(401);
  });

  it('fails with the message the vitest matchers give', async () => {
    expect(await failure(() => expect({ statusCode: 200, body: '{"id":1}' }).toHaveJsonBody({ id: 2 }))).toBe(
      `expected the client's response to this payload 1.0 result (REST API) to have a JSON body equal to {"id": 2}, but it is {"id": 1}`,
    );
  });

  it('createApigwMatchers gives matchers with other defaults for expect.extend', () => {
    expect.extend({ toBeValidV2Result: createApigwMatchers({ payloadFormat: '2.0' }).toBeValidProxyResult });
    expect({ cookies: ['a=1'], body: 'ok' }).toBeValidV2Result();
    expect({ cookies: ['a=1'], body: 'ok' }).not.toBeValidProxyResult();
  });
});
