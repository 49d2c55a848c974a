import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock/index.js';
import { createGateway } from '../../../src/gateway/index.js';
import { HOST, wire } from '../helpers.js';
import { ARN, echoAuth, policy, recordingAuthorizer } from './helpers.js';

const tokenGateway = (
  answer: (event: Record<string, unknown>) => unknown,
  extra: Record<string, unknown> = {},
) => {
  const authorizer = recordingAuthorizer(answer);
  const backend = echoAuth();
  const gateway = createGateway({
    authorizers: { TokenAuth: { type: 'TOKEN', handler: authorizer, ...extra } },
    routes: {
      'GET /pets': { integration: { type: 'AWS_PROXY', handler: backend }, authorizer: 'TokenAuth' },
      'GET /owners': { integration: { type: 'AWS_PROXY', handler: backend }, authorizer: 'TokenAuth' },
      'GET /open': backend,
    },
  });
  return { gateway, authorizer, backend };
};
const allowThis = (event: { methodArn?: unknown }) => ({
  principalId: 'user-7',
  policyDocument: policy('Allow', event.methodArn as string),
  context: { tier: 2, admin: false, name: 'rex' },
});
const auth = (token: string) => ({ headers: { Authorization: token } });
const restError = (errorType: string) =>
  expect.objectContaining({ 'x-amzn-errortype': errorType, 'content-type': 'application/json' });

describe('REST TOKEN authorizer (behaviour.md §2)', () => {
  it('receives {type, authorizationToken, methodArn} naming the actual request path', async () => {
    const { gateway, authorizer } = tokenGateway(allowThis);
    await gateway.fetch(`${HOST}/dev/pets?x=1`, auth('Bearer abc'));
    expect(authorizer.events).toEqual([
      { type: 'TOKEN', authorizationToken: 'Bearer abc', methodArn: `${ARN}/dev/GET/pets` },
    ]);
  });

  it('a missing token is 401 {"message":"Unauthorized"} without invoking the authorizer', async () => {
    const { gateway, authorizer } = tokenGateway(allowThis);
    const response = await wire(await gateway.fetch(`${HOST}/dev/pets`));
    expect(response.status).toBe(401);
    expect(response.body).toBe('{"message":"Unauthorized"}');
    expect(response.headers).toEqual(restError('UnauthorizedException'));
    expect(authorizer.events).toHaveLength(0);
  });

  it('a token failing identityValidationExpression is 401 without invoking the authorizer', async () => {
    const { gateway, authorizer } = tokenGateway(allowThis, {
      identityValidationExpression: '^Bearer [a-z]+$',
    });
    const bad = await wire(await gateway.fetch(`${HOST}/dev/pets`, auth('Bearer ABC1')));
    expect([bad.status, bad.body]).toEqual([401, '{"message":"Unauthorized"}']);
    expect(authorizer.events).toHaveLength(0);
    expect((await gateway.fetch(`${HOST}/dev/pets`, auth('Bearer abc'))).status).toBe(200);
  });

  it('an allow delivers principalId, integrationLatency and the context as strings to the integration', async () => {
    const clock = createManualClock();
    const authorizer = async (event: Record<string, unknown>) => {
      await new Promise<void>((resolve) => clock.setTimeout(() => resolve(), 40));
      return allowThis(event);
    };
    const backend = echoAuth();
    const gateway = createGateway({
      clock,
      authorizers: { A: { type: 'TOKEN', handler: authorizer as never } },
      routes: { 'GET /pets': { integration: { type: 'AWS_PROXY', handler: backend }, authorizer: 'A' } },
    });
    const pending = gateway.fetch(`${HOST}/dev/pets`, auth('t'));
    await clock.advanceAsync(40);
    const response = await pending;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      authorizer: { tier: '2', admin: 'false', name: 'rex', principalId: 'user-7', integrationLatency: 40 },
    });
  });

  it.each([
    [
      'an explicit Deny',
      policy('Deny', `${ARN}/dev/GET/pets`),
      'User is not authorized to access this resource with an explicit deny in an identity-based policy',
    ],
    [
      'no matching Allow',
      policy('Allow', `${ARN}/dev/POST/pets`),
      'User is not authorized to access this resource because no identity-based policy allows the execute-api:Invoke action',
    ],
    [
      'a Deny beside a matching Allow (explicit deny wins)',
      {
        Version: '2012-10-17',
        Statement: [
          ...policy('Allow', `${ARN}/*`).Statement,
          ...policy('Deny', `${ARN}/dev/GET/p?ts`).Statement,
        ],
      },
      'User is not authorized to access this resource with an explicit deny in an identity-based policy',
    ],
  ])("%s is 403 with the capital-M Message body in today's wording", async (_name, doc, message) => {
    const { gateway } = tokenGateway(() => ({ principalId: 'u', policyDocument: doc }));
    const response = await wire(await gateway.fetch(`${HOST}/dev/pets`, auth('t')));
    expect(response.status).toBe(403);
    expect(response.body).toBe(JSON.stringify({ Message: message }));
    expect(response.headers).toEqual(restError('AccessDeniedException'));
  });

  it('accessDeniedWording legacy gives the older messages of behaviour.md §2.3', async () => {
    const backend = echoAuth();
    const make = (doc: object) =>
      createGateway({
        accessDeniedWording: 'legacy',
        authorizers: {
          A: { type: 'TOKEN', handler: async () => ({ principalId: 'u', policyDocument: doc }) },
        },
        routes: { 'GET /pets': { integration: { type: 'AWS_PROXY', handler: backend }, authorizer: 'A' } },
      });
    const explicit = await make(policy('Deny', '*')).fetch(`${HOST}/dev/pets`, auth('t'));
    expect(await explicit.text()).toBe(
      '{"Message":"User is not authorized to access this resource with an explicit deny"}',
    );
    const implicit = await make(policy('Allow', 'arn:aws:execute-api:*:*:other/*')).fetch(
      `${HOST}/dev/pets`,
      auth('t'),
    );
    expect(await implicit.text()).toBe('{"Message":"User is not authorized to access this resource"}');
  });

  it('the function failing with "Unauthorized" is 401', async () => {
    const { gateway } = tokenGateway(() => {
      throw new Error('Unauthorized');
    });
    const response = await wire(await gateway.fetch(`${HOST}/dev/pets`, auth('t')));
    expect([response.status, response.body]).toEqual([401, '{"message":"Unauthorized"}']);
  });

  it.each([
    [
      'a thrown error',
      () => {
        throw new Error('database down');
      },
    ],
    ['an HTTP-style result', () => ({ statusCode: 200, body: 'ok' })],
    ['a result without policyDocument', () => ({ principalId: 'u' })],
    [
      'a non-scalar context value',
      (e: Record<string, unknown>) => ({ ...allowThis(e), context: { roles: ['a'] } }),
    ],
    [
      'a result without principalId',
      (e: Record<string, unknown>) => ({ policyDocument: policy('Allow', e.methodArn as string) }),
    ],
  ])(
    '%s is 500 AUTHORIZER_CONFIGURATION_ERROR {"message": null} (\'rest-authorizer-error-500-null-message\')',
    async (_name, answer) => {
      const { gateway, backend } = tokenGateway(answer as never);
      const { response, trace } = await gateway.handle(`${HOST}/dev/pets`, auth('x'));
      const sent = await wire(response);
      expect(sent.status).toBe(500);
      expect(sent.body).toBe('{"message": null}');
      expect(sent.headers).toEqual(restError('AuthorizerConfigurationException'));
      expect(trace.gatewayResponse?.responseType).toBe('AUTHORIZER_CONFIGURATION_ERROR');
      expect(backend.events).toHaveLength(0);
    },
  );

  it('an authorizer slower than 10 s is 500 AUTHORIZER_CONFIGURATION_ERROR and leaves no timer behind', async () => {
    const clock = createManualClock();
    const gateway = createGateway({
      clock,
      authorizers: { A: { type: 'TOKEN', handler: () => new Promise(() => {}) } },
      routes: { 'GET /pets': { integration: { type: 'AWS_PROXY', handler: echoAuth() }, authorizer: 'A' } },
    });
    const pending = gateway.fetch(`${HOST}/dev/pets`, auth('t'));
    await clock.advanceAsync(9_999);
    await clock.advanceAsync(1);
    const response = await pending;
    expect([response.status, await response.text()]).toEqual([500, '{"message": null}']);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('the authorizer is a warm function: module state persists between invocations', async () => {
    let invocations = 0;
    const gateway = createGateway({
      authorizers: {
        A: {
          type: 'TOKEN',
          authorizerResultTtlInSeconds: 0,
          handler: async (event) => ({
            ...allowThis(event),
            context: { n: ++invocations },
          }),
        },
      },
      routes: { 'GET /pets': { integration: { type: 'AWS_PROXY', handler: echoAuth() }, authorizer: 'A' } },
    });
    await gateway.fetch(`${HOST}/dev/pets`, auth('t'));
    const second = await gateway.fetch(`${HOST}/dev/pets`, auth('t'));
    expect(((await second.json()) as { authorizer: { n: string } }).authorizer.n).toBe('2');
  });

  it('the execution log shows the authorizer call in AWS wording', async () => {
    const { gateway } = tokenGateway(allowThis);
    const { trace } = await gateway.handle(`${HOST}/dev/pets`, auth('Bearer secret-token'));
    const log = trace.executionLog ?? [];
    expect(log[0]).toMatch(/^Extended Request Id: /);
    expect(log[1]).toMatch(/^Starting authorizer: [a-z0-9]{6} for request: [0-9a-f-]{36}$/);
    expect(log[2]).toBe('Incoming identity: *************-token');
    expect(log).toContain('Using valid authorizer policy for principal: user-7');
    // The method request is logged once the authorizer has finished, as in AWS's execution log.
    const done = log.indexOf('Successfully completed authorizer execution');
    expect(done).toBeGreaterThan(2);
    expect(log[done + 1]).toBe(`Starting execution for request: ${trace.requestId}`);
  });
});

describe('authorizer result caching (behaviour.md §2.4)', () => {
  it('the default TTL is 300 s, keyed by the token, on the gateway clock', async () => {
    const clock = createManualClock();
    const authorizer = recordingAuthorizer(allowThis);
    const gateway = createGateway({
      clock,
      authorizers: { A: { type: 'TOKEN', handler: authorizer } },
      routes: { 'GET /pets': { integration: { type: 'AWS_PROXY', handler: echoAuth() }, authorizer: 'A' } },
    });
    await gateway.fetch(`${HOST}/dev/pets`, auth('one'));
    await clock.advanceAsync(299_999);
    const { trace } = await gateway.handle(`${HOST}/dev/pets`, auth('one'));
    expect(trace.authorization).toMatchObject({ cached: true, decision: 'allow' });
    expect(trace.steps.find((s) => s.stage === 'authorize')?.decision).toBe('allow (cache hit)');
    await gateway.fetch(`${HOST}/dev/pets`, auth('two'));
    expect(authorizer.events).toHaveLength(2);
    await clock.advanceAsync(1);
    await gateway.fetch(`${HOST}/dev/pets`, auth('one'));
    expect(authorizer.events).toHaveLength(3);
  });

  it("AWS's surprise: a cached policy naming one method denies the next route for the same token", async () => {
    const { gateway, authorizer } = tokenGateway(allowThis);
    expect((await gateway.fetch(`${HOST}/dev/pets`, auth('t'))).status).toBe(200);
    const { response, trace } = await gateway.handle(`${HOST}/dev/owners`, auth('t'));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(
      '{"Message":"User is not authorized to access this resource because no identity-based policy allows the execute-api:Invoke action"}',
    );
    expect(authorizer.events).toHaveLength(1);
    expect(trace.authorization).toMatchObject({
      cached: true,
      decision: 'ACCESS_DENIED',
      methodArn: `${ARN}/dev/GET/owners`,
    });
  });

  it('gateway.flushAuthorizerCache() makes the next request invoke the authorizer', async () => {
    const { gateway, authorizer } = tokenGateway(allowThis);
    await gateway.fetch(`${HOST}/dev/pets`, auth('t'));
    gateway.flushAuthorizerCache();
    expect((await gateway.fetch(`${HOST}/dev/owners`, auth('t'))).status).toBe(200);
    expect(authorizer.events).toHaveLength(2);
  });

  it('authorizerResultTtlInSeconds: 0 invokes the authorizer on every request', async () => {
    const { gateway, authorizer } = tokenGateway(allowThis, { authorizerResultTtlInSeconds: 0 });
    await gateway.fetch(`${HOST}/dev/pets`, auth('t'));
    await gateway.fetch(`${HOST}/dev/owners`, auth('t'));
    expect(authorizer.events).toHaveLength(2);
  });

  it('errors are not cached; denials are', async () => {
    let fail = true;
    const { gateway, authorizer } = tokenGateway((event) => {
      if (fail) throw new Error('flaky');
      return { principalId: 'u', policyDocument: policy('Deny', event.methodArn as string) };
    });
    expect((await gateway.fetch(`${HOST}/dev/pets`, auth('t'))).status).toBe(500);
    fail = false;
    expect((await gateway.fetch(`${HOST}/dev/pets`, auth('t'))).status).toBe(403);
    expect((await gateway.fetch(`${HOST}/dev/pets`, auth('t'))).status).toBe(403);
    expect(authorizer.events).toHaveLength(2);
  });
});

describe('REST REQUEST authorizer', () => {
  const make = (identitySource?: string, ttl?: number) => {
    const authorizer = recordingAuthorizer(allowThis);
    const config: Record<string, unknown> = { type: 'REQUEST', handler: authorizer };
    if (identitySource !== undefined) config.identitySource = identitySource;
    if (ttl !== undefined) config.authorizerResultTtlInSeconds = ttl;
    const gateway = createGateway({
      stage: { name: 'prod', variables: { tenant: 'acme' } },
      authorizers: { R: config as never },
      routes: {
        'GET /pets/{id}': { integration: { type: 'AWS_PROXY', handler: echoAuth() }, authorizer: 'R' },
      },
    });
    return { gateway, authorizer };
  };

  it('receives the request without body, {} for absent query maps, the method ARN and no authorizer key', async () => {
    const { gateway, authorizer } = make('method.request.header.Auth');
    await gateway.fetch(`${HOST}/prod/pets/7`, { headers: { Auth: 'a1', 'User-Agent': 'curl/8' } });
    const event = authorizer.events[0] as Record<string, unknown> & {
      requestContext: Record<string, unknown>;
    };
    expect(Object.keys(event)).toEqual([
      'type',
      'methodArn',
      'resource',
      'path',
      'httpMethod',
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
      'requestContext',
    ]);
    expect(event).toMatchObject({
      type: 'REQUEST',
      methodArn: `${ARN}/prod/GET/pets/7`,
      resource: '/pets/{id}',
      path: '/pets/7',
      queryStringParameters: {},
      multiValueQueryStringParameters: {},
      pathParameters: { id: '7' },
      stageVariables: { tenant: 'acme' },
    });
    expect(event.headers).toMatchObject({ Auth: 'a1', 'User-Agent': 'curl/8' });
    expect(event.requestContext.authorizer).toBeUndefined();
    expect(event.requestContext.path).toBe('/prod/pets/7');
  });

  it('any missing identity source is 401 without invoking; the cache key is every identity value', async () => {
    const { gateway, authorizer } = make(
      'method.request.header.Auth, method.request.querystring.org, stageVariables.tenant',
      60,
    );
    const missing = await gateway.fetch(`${HOST}/prod/pets/7`, { headers: { Auth: 'a1' } });
    expect([missing.status, await missing.text()]).toEqual([401, '{"message":"Unauthorized"}']);
    expect(authorizer.events).toHaveLength(0);
    await gateway.fetch(`${HOST}/prod/pets/7?org=o1`, { headers: { Auth: 'a1' } });
    await gateway.fetch(`${HOST}/prod/pets/7?org=o1`, { headers: { Auth: 'a1' } });
    await gateway.fetch(`${HOST}/prod/pets/7?org=o2`, { headers: { Auth: 'a1' } });
    expect(authorizer.events).toHaveLength(2);
  });

  it('without identity sources and with caching off, every request invokes the authorizer', async () => {
    const { gateway, authorizer } = make(undefined, 0);
    await gateway.fetch(`${HOST}/prod/pets/7`);
    await gateway.fetch(`${HOST}/prod/pets/7`);
    expect(authorizer.events).toHaveLength(2);
  });

  it('an empty identity value counts as missing', async () => {
    const { gateway, authorizer } = make('method.request.header.Auth');
    expect((await gateway.fetch(`${HOST}/prod/pets/7`, { headers: { Auth: '' } })).status).toBe(401);
    expect(authorizer.events).toHaveLength(0);
  });
});

it('the proxy event of an unauthorized-free route has no requestContext.authorizer (behaviour.md §1.1)', async () => {
  const { gateway, backend } = tokenGateway(allowThis);
  const response = await wire(await gateway.fetch(`${HOST}/dev/open`));
  expect(response.body).toBe('{"authorizer":null}');
  expect(backend.events[0]?.requestContext.authorizer).toBeUndefined();
});

it('access logs read $context.authorizer.principalId, .<key>, .status and $context.authorize.status', async () => {
  const gateway = createGateway({
    accessLog: {
      format:
        '$context.requestId $context.authorizer.principalId $context.authorizer.tier $context.authorizer.status $context.authorize.status',
    },
    authorizers: {
      A: {
        type: 'TOKEN',
        handler: async (e: { methodArn: string }) => ({
          principalId: 'user-7',
          policyDocument: policy('Allow', e.methodArn),
          context: { tier: 2 },
        }),
      },
    },
    routes: { 'GET /pets': { integration: { type: 'AWS_PROXY', handler: echoAuth() }, authorizer: 'A' } },
  });
  await gateway.fetch(`${HOST}/dev/pets`, { headers: { Authorization: 't' } });
  await gateway.fetch(`${HOST}/dev/pets`);
  expect(gateway.accessLog[0]).toMatch(/^[0-9a-f-]{36} user-7 2 200 200$/);
  expect(gateway.accessLog[1]).toMatch(/^[0-9a-f-]{36} - - 401 401$/);
});
