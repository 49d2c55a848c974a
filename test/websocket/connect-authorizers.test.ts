import { AwsClient } from 'aws4fetch';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTestIdentityProvider } from '../../src/auth/index.js';
import { createManualClock } from '../../src/clock/index.js';
import {
  buildWebSocketAuthorizerEvent,
  type WebSocketAuthorizerEvent,
  type WebSocketEvent,
} from '../../src/events/index.js';
import {
  createGateway,
  UpgradeRejectedError,
  type WebSocketAuthorizerConfig,
  type WebSocketGatewayOptions,
} from '../../src/gateway/index.js';
import { recorder, wsGateway } from './helpers.js';

const ARN = 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef';
const CONNECT_ARN = `${ARN}/dev/$connect`;
const policy = (effect: 'Allow' | 'Deny', resource: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: effect, Action: 'execute-api:Invoke', Resource: resource }],
});

/** A `$connect` authorizer recording its events; allows `token=ok`, denies anything else. */
function tokenAuthorizer(extra: Partial<WebSocketAuthorizerConfig> = {}) {
  const events: WebSocketAuthorizerEvent[] = [];
  const config: WebSocketAuthorizerConfig = {
    type: 'REQUEST',
    identitySource: ['route.request.querystring.token'],
    handler: async (event) => {
      expectTypeOf(event).toEqualTypeOf<WebSocketAuthorizerEvent>();
      events.push(event);
      return {
        principalId: 'user-7',
        policyDocument: policy(
          event.queryStringParameters.token === 'ok' ? 'Allow' : 'Deny',
          event.methodArn,
        ),
        context: { tier: 2, admin: false },
        usageIdentifierKey: 'customer-key-0123456789',
      };
    },
    ...extra,
  };
  return { events, config };
}

/** A WebSocket API whose `$connect` is protected by `authorizer`; every route records its events. */
function protectedApi(
  authorizer: WebSocketAuthorizerConfig,
  extra: Partial<WebSocketGatewayOptions> = {},
  apiKeyRequired = false,
) {
  const connect = recorder();
  const message = recorder();
  const disconnect = recorder();
  const { gateway, clock } = wsGateway(
    {
      $connect: {
        authorizer: 'Auth',
        apiKeyRequired,
        integration: { type: 'AWS_PROXY', handler: connect.handler },
      },
      $default: message.handler,
      $disconnect: disconnect.handler,
    },
    { authorizers: { Auth: authorizer }, ...extra },
  );
  return { gateway, clock, connect, message, disconnect };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpgradeRejectedError);
  const { statusCode, body, headers } = error as UpgradeRejectedError;
  return { statusCode, body, errorType: headers.find(([n]) => n === 'x-amzn-ErrorType')?.[1] };
}

describe('WebSocket $connect Lambda authorizers (behaviour.md §2.1–§2.3, §13)', () => {
  it('the authorizer gets the $connect REQUEST event: methodArn ending in /$connect, query maps, the WS requestContext', async () => {
    const auth = tokenAuthorizer();
    const { gateway, clock } = protectedApi(auth.config);
    const client = await gateway.connect({ query: { token: 'ok' }, headers: { 'User-Agent': 'wscat/6' } });
    const event = auth.events[0]!;
    expect(event.methodArn).toBe(CONNECT_ARN);
    expect(event).toEqual(
      buildWebSocketAuthorizerEvent({
        headers: [['User-Agent', 'wscat/6']],
        query: 'token=ok',
        requestId: event.requestContext.requestId,
        connectionId: client.connectionId,
        time: clock.now(),
      }),
    );
    expect(Object.keys(event)).toEqual([
      'type',
      'methodArn',
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'stageVariables',
      'requestContext',
    ]);
    expect([event.stageVariables, event.requestContext.connectionId, event.requestContext.eventType]).toEqual(
      [{}, client.connectionId, 'CONNECT'],
    );
    await gateway.close();
  });

  it('an allow attaches principalId, the context as strings and integrationLatency to CONNECT, MESSAGE and DISCONNECT events', async () => {
    const { gateway, connect, message, disconnect } = protectedApi(tokenAuthorizer().config);
    const client = await gateway.connect({ query: { token: 'ok' } });
    await client.send('hello');
    await client.close(1000, 'bye');
    const expected = { tier: '2', admin: 'false', principalId: 'user-7', integrationLatency: 0 };
    expect(
      [connect, message, disconnect].map((r) => (r.events[0] as WebSocketEvent).requestContext.authorizer),
    ).toEqual([expected, expected, expected]);
  });

  it.each([
    ['the query parameter is missing', { query: {} }],
    ['the query parameter is empty', { query: { token: '' } }],
  ])('401 {"message":"Unauthorized"} without invoking the authorizer when %s', async (_case, options) => {
    const auth = tokenAuthorizer();
    const { gateway, connect } = protectedApi(auth.config);
    expect(await refusal(gateway.connect(options))).toEqual({
      statusCode: 401,
      body: '{"message":"Unauthorized"}',
      errorType: 'UnauthorizedException',
    });
    expect([auth.events.length, connect.events.length]).toEqual([0, 0]);
  });

  it.each([
    [['route.request.header.Auth'], { headers: { auth: 'x' } }, true],
    [['route.request.header.Auth'], { headers: { Other: 'x' } }, false],
    [['route.request.header.Auth', 'route.request.querystring.room'], { headers: { Auth: 'x' } }, false],
    [
      ['route.request.header.Auth', 'route.request.querystring.room'],
      { headers: { Auth: 'x' }, query: { room: 'a' } },
      true,
    ],
    [['stageVariables.tenant'], {}, true],
    [['stageVariables.missing'], {}, false],
    [['context.routeKey'], {}, true],
  ])(
    'identity sources %j with %j: invoked %s (every source must be present and non-empty)',
    async (sources, options, invoked) => {
      const events: unknown[] = [];
      const { gateway } = protectedApi(
        {
          type: 'REQUEST',
          identitySource: sources,
          handler: async (event) => {
            events.push(event);
            return { principalId: 'p', policyDocument: policy('Allow', event.methodArn) };
          },
        },
        { stage: { variables: { tenant: 't1' } } },
      );
      const outcome = await gateway.connect(options).then(
        () => 101,
        (e: UpgradeRejectedError) => e.statusCode,
      );
      expect([outcome, events.length]).toEqual(invoked ? [101, 1] : [401, 0]);
      await gateway.close();
    },
  );

  it.each([
    [
      'current',
      'User is not authorized to access this resource with an explicit deny in an identity-based policy',
    ],
    ['legacy', 'User is not authorized to access this resource with an explicit deny'],
  ] as const)(
    'a matching Deny is 403 {"Message": …} AccessDeniedException (%s wording)',
    async (wording, message) => {
      const { gateway, connect } = protectedApi(tokenAuthorizer().config, { accessDeniedWording: wording });
      expect(await refusal(gateway.connect({ query: { token: 'no' } }))).toEqual({
        statusCode: 403,
        body: JSON.stringify({ Message: message }),
        errorType: 'AccessDeniedException',
      });
      expect(connect.events).toHaveLength(0);
    },
  );

  it('a policy allowing another resource is the implicit deny: 403 "… because no identity-based policy allows …"', async () => {
    const { gateway } = protectedApi({
      type: 'REQUEST',
      handler: async () => ({ principalId: 'p', policyDocument: policy('Allow', `${ARN}/dev/sendMessage`) }),
    });
    expect(await refusal(gateway.connect())).toEqual({
      statusCode: 403,
      body: '{"Message":"User is not authorized to access this resource because no identity-based policy allows the execute-api:Invoke action"}',
      errorType: 'AccessDeniedException',
    });
  });

  it.each([
    ['throws an error', 500, async () => Promise.reject(new Error('boom'))],
    ['returns no policyDocument', 500, async () => ({ principalId: 'p' })],
    [
      'returns an object in its context',
      500,
      async () => ({ principalId: 'p', policyDocument: policy('Allow', '*'), context: { roles: ['a'] } }),
    ],
    ['fails with "Unauthorized"', 401, async () => Promise.reject(new Error('Unauthorized'))],
  ])('an authorizer that %s refuses the upgrade with %i', async (_case, status, handler) => {
    const { gateway, connect } = protectedApi({ type: 'REQUEST', handler });
    expect(await refusal(gateway.connect())).toEqual(
      status === 500
        ? { statusCode: 500, body: '{"message": null}', errorType: 'AuthorizerConfigurationException' }
        : { statusCode: 401, body: '{"message":"Unauthorized"}', errorType: 'UnauthorizedException' },
    );
    expect(connect.events).toHaveLength(0);
  });

  it('an authorizer slower than 10 s is 500 and leaves no timer behind', async () => {
    const { gateway, clock } = protectedApi({ type: 'REQUEST', handler: () => new Promise(() => {}) });
    const pending = refusal(gateway.connect());
    await clock.advanceAsync(9_999);
    await clock.advanceAsync(1);
    expect((await pending).statusCode).toBe(500);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('results are not cached on WebSocket APIs: the same identity invokes the authorizer on every $connect', async () => {
    const auth = tokenAuthorizer();
    const { gateway } = protectedApi(auth.config);
    await gateway.connect({ query: { token: 'ok' } });
    await gateway.connect({ query: { token: 'ok' } });
    expect(auth.events).toHaveLength(2);
    await gateway.close();
  });

  it('the authorizer runs before the API-key check, which takes the key from $context.authorizer.usageIdentifierKey', async () => {
    const keyOf: Record<string, string> = {
      alice: 'customer-key-0123456789',
      mallory: 'unknown-key-0123456789',
    };
    const authorizer: WebSocketAuthorizerConfig = {
      type: 'REQUEST',
      identitySource: ['route.request.querystring.user'],
      handler: async (event) => ({
        principalId: event.queryStringParameters.user!,
        policyDocument: policy('Allow', event.methodArn),
        usageIdentifierKey: keyOf[event.queryStringParameters.user!],
      }),
    };
    const plans = {
      apiKeySelectionExpression: '$context.authorizer.usageIdentifierKey',
      apiKeys: [{ id: 'k1', value: 'customer-key-0123456789' }],
      usagePlans: [{ id: 'gold', apiStages: [{ stage: 'dev' }], keys: ['k1'] }],
    } as const;
    const { gateway, connect } = protectedApi(authorizer, plans, true);
    // No identity: the authorizer answers 401 before any API-key check.
    expect(
      (await refusal(gateway.connect({ headers: { 'x-api-key': 'customer-key-0123456789' } }))).statusCode,
    ).toBe(401);
    await gateway.connect({ query: { user: 'alice' } });
    expect(gateway.usage('k1').used).toBe(1);
    // An authorizer-supplied key no usage plan knows: 403 {"message":"Forbidden"}; x-api-key is not read.
    expect(
      await refusal(
        gateway.connect({ query: { user: 'mallory' }, headers: { 'x-api-key': 'customer-key-0123456789' } }),
      ),
    ).toEqual({ statusCode: 403, body: '{"message":"Forbidden"}', errorType: 'ForbiddenException' });
    expect([connect.events.length, gateway.usage('k1').used]).toEqual([1, 1]);
    await gateway.close();
  });
});

describe('what the $connect authorizer leaves on the connection', () => {
  it('$context.authorizer.* in templates of later routes; $context.authorize.* and authorizer.* in access logs', async () => {
    const { gateway } = wsGateway(
      {
        $connect: {
          authorizer: 'Auth',
          integration: { type: 'MOCK', requestTemplates: { $default: '{"statusCode": 200}' } },
        },
        whoami: {
          routeResponseSelectionExpression: '$default',
          integration: {
            type: 'MOCK',
            requestTemplates: { $default: '{"statusCode": 200}' },
            templateSelectionExpression: '\\$default',
            integrationResponses: {
              $default: {
                responseTemplates: {
                  $default:
                    '{"principal":"$context.authorizer.principalId","tier":"$context.authorizer.tier"}',
                },
              },
            },
          },
        },
      },
      {
        authorizers: { Auth: tokenAuthorizer().config },
        accessLog: {
          format:
            '$context.requestId $context.eventType $context.status $context.authorize.status $context.authorizer.principalId $context.authorizer.tier',
        },
      },
    );
    const client = await gateway.connect({ query: { token: 'ok' } });
    await client.send('{"action":"whoami"}');
    expect(await client.nextMessage()).toBe('{"principal":"user-7","tier":"2"}');
    await refusal(gateway.connect({ query: { token: 'no' } }));
    await gateway.close();
    expect(gateway.accessLog.map((line) => line.slice(line.indexOf(' ') + 1))).toEqual([
      'CONNECT 200 200 user-7 2',
      'MESSAGE 200 - user-7 2',
      'CONNECT 403 403 - -',
    ]);
  });
});

describe('AWS_IAM on $connect (behaviour.md §18.3, the REST SigV4 engine)', () => {
  const START = Date.UTC(2024, 3, 21, 15, 8, 21);
  const HOST = 'abcd1234ef.execute-api.us-east-1.amazonaws.com';

  function iamApi() {
    const clock = createManualClock({ start: START });
    const idp = createTestIdentityProvider({ clock });
    const alice = idp.iamUser('alice');
    const bob = idp.iamUser('bob', { policy: policy('Allow', `${ARN}/dev/sendMessage`) });
    const connect = recorder();
    const gateway = createGateway({
      apiType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
      clock,
      identityProviders: [idp],
      routes: {
        $connect: {
          authorizationType: 'AWS_IAM',
          integration: { type: 'AWS_PROXY', handler: connect.handler },
        },
      },
    });
    const signed = async (credentials: { accessKeyId: string; secretAccessKey: string }) => {
      const client = new AwsClient({ ...credentials, service: 'execute-api', region: 'us-east-1' });
      const datetime = new Date(START).toISOString().replace(/[:-]|\.\d{3}/g, '');
      const request = await client.sign(`https://${HOST}/dev?room=lobby`, {
        method: 'GET',
        aws: { datetime },
      });
      return { headers: [...request.headers], query: 'room=lobby' };
    };
    return { gateway, connect, alice, bob, signed };
  }

  it('an upgrade signed by the caller passes; requestContext.identity carries the IAM caller', async () => {
    const { gateway, connect, alice, signed } = iamApi();
    await gateway.connect(await signed(alice));
    const identity = (connect.events[0] as WebSocketEvent).requestContext.identity as unknown as Record<
      string,
      unknown
    >;
    expect(identity).toMatchObject({
      sourceIp: '203.0.113.9',
      accessKey: alice.accessKeyId,
      accountId: '123456789012',
      userArn: 'arn:aws:iam::123456789012:user/alice',
    });
    await gateway.close();
  });

  it('an unsigned upgrade is 403 Missing Authentication Token; a policy without $connect is 403 naming the caller', async () => {
    const { gateway, connect, bob, signed } = iamApi();
    expect(await refusal(gateway.connect())).toEqual({
      statusCode: 403,
      body: '{"message":"Missing Authentication Token"}',
      errorType: 'MissingAuthenticationTokenException',
    });
    expect(await refusal(gateway.connect(await signed(bob)))).toEqual({
      statusCode: 403,
      body: `{"Message":"User: arn:aws:iam::123456789012:user/bob is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:abcd1234ef/dev/$connect because no identity-based policy allows the execute-api:Invoke action"}`,
      errorType: 'AccessDeniedException',
    });
    expect(connect.events).toHaveLength(0);
  });
});

describe('WebSocket authorizer configuration is checked at createGateway', () => {
  const handler = async () => ({ principalId: 'p', policyDocument: policy('Allow', '*') });
  const build =
    (authorizer: unknown, connect: Record<string, unknown> = { authorizer: 'Auth' }, routes = {}) =>
    () =>
      wsGateway(
        { $connect: { integration: { type: 'MOCK' }, ...connect } as never, ...routes },
        {
          authorizers: { Auth: authorizer as WebSocketAuthorizerConfig },
        },
      );

  it.each([
    [
      'authorizerResultTtlInSeconds (AWS: "cannot be set for WEBSOCKET protocol Apis")',
      { authorizerResultTtlInSeconds: 300 },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'authorizerPayloadFormatVersion (HTTP APIs only)',
      { authorizerPayloadFormatVersion: '2.0' },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    ['enableSimpleResponses (HTTP APIs only)', { enableSimpleResponses: true }, 'GATEWAY_INVALID_AUTHORIZER'],
    ['type TOKEN (WebSocket APIs have REQUEST only)', { type: 'TOKEN' }, 'GATEWAY_INVALID_AUTHORIZER'],
    [
      'a REST identity source',
      { identitySource: ['method.request.header.Auth'] },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'identity sources as one string',
      { identitySource: 'route.request.header.Auth' },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'an unknown $context variable',
      { identitySource: ['context.resourcePath'] },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
  ])('refuses %s', (_case, fields, code) => {
    expect(build({ type: 'REQUEST', handler, ...fields })).toThrow(expect.objectContaining({ code }));
  });

  it.each([
    ['an authorizer the API does not have', { authorizer: 'Nope' }, 'GATEWAY_INVALID_ROUTE_AUTHORIZATION'],
    ['authorizationType JWT', { authorizationType: 'JWT' }, 'GATEWAY_INVALID_ROUTE_AUTHORIZATION'],
    ['CUSTOM without an authorizer', { authorizationType: 'CUSTOM' }, 'GATEWAY_INVALID_ROUTE_AUTHORIZATION'],
    [
      'authorizationScopes',
      { authorizer: 'Auth', authorizationScopes: ['chat'] },
      'GATEWAY_INVALID_ROUTE_AUTHORIZATION',
    ],
    ['authorizerId', { authorizerId: 'abc123' }, 'GATEWAY_MISPLACED_OPTION'],
  ])('refuses a $connect route with %s', (_case, connect, code) => {
    expect(build({ type: 'REQUEST', handler }, connect)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses an authorizer on a route other than $connect: WebSocket APIs authorize only the connect', () => {
    expect(
      build(
        { type: 'REQUEST', handler },
        {},
        { sendMessage: { authorizer: 'Auth', integration: { type: 'MOCK' } } },
      ),
    ).toThrow(expect.objectContaining({ code: 'GATEWAY_CONNECT_ROUTE_ONLY' }));
  });

  it('names the AWS refusal of a TTL and how to fix it', () => {
    expect(build({ type: 'REQUEST', handler, authorizerResultTtlInSeconds: 60 })).toThrow(
      'createGateway: authorizers.Auth: authorizerResultTtlInSeconds is not a field of WebSocket API authorizers',
    );
  });
});
