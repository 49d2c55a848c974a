import { describe, expect, it } from 'vitest';
import { createTestIdentityProvider } from '../../../src/auth/index.js';
import { createManualClock } from '../../../src/clock/index.js';
import { createGateway, type HttpGatewayOptions } from '../../../src/gateway/index.js';
import { HOST, wire } from '../helpers.js';
import { echoAuth } from './helpers.js';

const clock = createManualClock({ start: Date.UTC(2024, 5, 17, 15, 0, 4) });
const idp = createTestIdentityProvider({ clock, issuer: 'https://issuer.example.com', clientId: 'app-1' });

const jwtApi = (extra: Partial<HttpGatewayOptions> = {}, scopes?: string[]) =>
  createGateway({
    apiType: 'HTTP',
    clock,
    identityProviders: [idp],
    authorizers: { Jwt: { type: 'JWT', jwtConfiguration: { issuer: idp.issuer, audience: ['app-1'] } } },
    routes: {
      'GET /me': {
        integration: { type: 'AWS_PROXY', handler: echoAuth() },
        authorizer: 'Jwt',
        ...(scopes ? { authorizationScopes: scopes } : {}),
      },
    },
    ...extra,
  });
const bearer = async (options?: Parameters<typeof idp.token>[0]) => ({
  headers: { authorization: `Bearer ${await idp.token(options)}` },
});

describe('HTTP API JWT authorizer (behaviour.md §18.1)', () => {
  it('a valid token reaches the integration with its claims as text (arrays bracketed) and scopes null', async () => {
    const response = await jwtApi().fetch(
      `${HOST}/me`,
      await bearer({ subject: 'u-1', claims: { 'cognito:groups': ['admin', 'ops'], age: 7, ok: true } }),
    );
    expect(response.status).toBe(200);
    const { authorizer } = (await response.json()) as {
      authorizer: { jwt: { claims: Record<string, string>; scopes: unknown } };
    };
    expect(authorizer.jwt.scopes).toBeNull();
    expect(authorizer.jwt.claims).toMatchObject({
      sub: 'u-1',
      aud: 'app-1',
      iss: idp.issuer,
      'cognito:groups': '[admin ops]',
      age: '7',
      ok: 'true',
      exp: String(Date.UTC(2024, 5, 17, 16, 0, 4) / 1000),
    });
    expect(Object.keys(authorizer.jwt.claims)).toEqual(Object.keys(authorizer.jwt.claims).sort());
  });

  it.each([
    ['an expired token', { expired: true }, 'the token has expired'],
    ['a token for another audience', { audience: 'other-app' }, 'the token does not have a valid audience'],
    [
      'a token from another issuer',
      { issuer: 'https://evil.example.com' },
      'the token does not have a valid issuer',
    ],
    [
      'a token signed by a key outside the key set',
      { untrustedKey: true },
      "the token's signature is invalid",
    ],
    ['a token not valid yet', { notBeforeIn: 60 }, 'the token is not valid yet'],
  ] as const)('%s is 401 Unauthorized with www-authenticate', async (_name, options, description) => {
    const response = await wire(await jwtApi().fetch(`${HOST}/me`, await bearer(options)));
    expect(response.status).toBe(401);
    expect(response.body).toBe('{"message":"Unauthorized"}');
    expect(response.headers['www-authenticate']).toBe(
      `Bearer scope="" error="invalid_token" error_description="${description}"`,
    );
  });

  it('a missing Authorization header is 401 without www-authenticate', async () => {
    const response = await wire(await jwtApi().fetch(`${HOST}/me`));
    expect([response.status, response.body, response.headers['www-authenticate']]).toEqual([
      401,
      '{"message":"Unauthorized"}',
      undefined,
    ]);
  });

  it.each([
    ['accepted when it names the audience', 'app-1', 200],
    ['refused when it names another client', 'app-2', 401],
  ])('a token without aud is checked on client_id: %s', async (_name, clientId, status) => {
    const response = await jwtApi().fetch(
      `${HOST}/me`,
      await bearer({ claims: { aud: undefined, client_id: clientId } }),
    );
    expect(response.status).toBe(status);
  });

  it('route scopes: one matching scope passes (scopes delivered); none is 403 Forbidden', async () => {
    const api = jwtApi({}, ['pets/read', 'pets/write']);
    const ok = await api.fetch(`${HOST}/me`, await bearer({ scopes: ['pets/write', 'other'] }));
    expect(
      ((await ok.json()) as { authorizer: { jwt: { scopes: string[] } } }).authorizer.jwt.scopes,
    ).toEqual(['pets/write', 'other']);
    const denied = await wire(await api.fetch(`${HOST}/me`, await bearer({ scopes: ['other'] })));
    expect([denied.status, denied.body]).toEqual([403, '{"message":"Forbidden"}']);
    expect(denied.headers['www-authenticate']).toContain('error="insufficient_scope"');
  });

  it('payload 1.0 integrations get { claims, scopes } without the jwt wrapper', async () => {
    const api = createGateway({
      apiType: 'HTTP',
      clock,
      identityProviders: [idp],
      authorizers: { Jwt: { type: 'JWT', jwtConfiguration: { issuer: idp.issuer, audience: ['app-1'] } } },
      routes: {
        'GET /me': {
          integration: { type: 'AWS_PROXY', handler: echoAuth(), payloadFormatVersion: '1.0' },
          authorizer: 'Jwt',
        },
      },
    });
    const body = (await (await api.fetch(`${HOST}/me`, await bearer({ subject: 's' }))).json()) as {
      authorizer: { claims: { sub: string }; scopes: null };
    };
    expect(body.authorizer.claims.sub).toBe('s');
    expect(body.authorizer.scopes).toBeNull();
  });

  it("the key set is fetched through the issuer's openid-configuration with the gateway's fetch, and cached", async () => {
    const calls: string[] = [];
    const api = createGateway({
      apiType: 'HTTP',
      clock,
      fetch: async (input, init) => {
        calls.push(String(input));
        return idp.fetch(input as string, init);
      },
      authorizers: { Jwt: { type: 'JWT', jwtConfiguration: { issuer: idp.issuer, audience: ['app-1'] } } },
      routes: { 'GET /me': { integration: { type: 'AWS_PROXY', handler: echoAuth() }, authorizer: 'Jwt' } },
    });
    expect((await api.fetch(`${HOST}/me`, await bearer())).status).toBe(200);
    expect((await api.fetch(`${HOST}/me`, await bearer())).status).toBe(200);
    expect(calls).toEqual([
      `${idp.issuer}/.well-known/openid-configuration`,
      `${idp.issuer}/.well-known/jwks.json`,
    ]);
  });

  it('an unreachable key set is 401', async () => {
    const api = createGateway({
      apiType: 'HTTP',
      clock,
      fetch: async () => new Response('nope', { status: 500 }),
      authorizers: { Jwt: { type: 'JWT', jwtConfiguration: { issuer: idp.issuer, audience: ['app-1'] } } },
      routes: { 'GET /me': { integration: { type: 'AWS_PROXY', handler: echoAuth() }, authorizer: 'Jwt' } },
    });
    expect((await api.fetch(`${HOST}/me`, await bearer())).status).toBe(401);
  });
});

describe('REST Cognito user-pool authorizer (behaviour.md §18.2)', () => {
  const pool = createTestIdentityProvider({ clock });
  const cognitoApi = (scopes?: string[]) =>
    createGateway({
      clock,
      identityProviders: [pool],
      authorizers: { Pool: { type: 'COGNITO_USER_POOLS', providerARNs: [pool.userPoolArn] } },
      routes: {
        'GET /me': {
          integration: { type: 'AWS_PROXY', handler: echoAuth() },
          authorizer: 'Pool',
          ...(scopes ? { authorizationScopes: scopes } : {}),
        },
      },
    });

  it('an ID token gives requestContext.authorizer.claims as strings, exp and iat as Java dates (recorded)', async () => {
    const token = await pool.token({ subject: 'd2f50444', claims: { email: 'a@example.com' } });
    const response = await cognitoApi().fetch(`${HOST}/dev/me`, { headers: { Authorization: token } });
    expect(response.status).toBe(200);
    const { authorizer } = (await response.json()) as { authorizer: { claims: Record<string, string> } };
    expect(Object.keys(authorizer)).toEqual(['claims']);
    expect(authorizer.claims).toMatchObject({
      sub: 'd2f50444',
      aud: pool.clientId,
      token_use: 'id',
      email_verified: 'true',
      email: 'a@example.com',
      auth_time: String(Date.UTC(2024, 5, 17, 15, 0, 4) / 1000),
      exp: 'Mon Jun 17 16:00:04 UTC 2024',
      iat: 'Mon Jun 17 15:00:04 UTC 2024',
      iss: pool.issuer,
    });
  });

  it.each([
    ['an access token on a method without scopes', undefined, { use: 'access', scopes: ['pets/read'] }],
    ['an ID token on a method with scopes', ['pets/read'], {}],
    ['an access token lacking the scope', ['pets/read'], { use: 'access', scopes: ['other'] }],
    ['an expired ID token', undefined, { expired: true }],
  ] as const)('%s is 401 {"message":"Unauthorized"}', async (_name, scopes, options) => {
    const token = await pool.token(options as never);
    const response = await wire(
      await cognitoApi(scopes as never).fetch(`${HOST}/dev/me`, { headers: { Authorization: token } }),
    );
    expect([response.status, response.body]).toEqual([401, '{"message":"Unauthorized"}']);
    expect(response.headers['x-amzn-errortype']).toBe('UnauthorizedException');
  });

  it('an access token holding one of the method scopes passes', async () => {
    const token = await pool.token({ use: 'access', scopes: ['pets/read'] });
    expect(
      (await cognitoApi(['pets/read']).fetch(`${HOST}/dev/me`, { headers: { Authorization: token } })).status,
    ).toBe(200);
  });
});
