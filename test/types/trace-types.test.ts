// Type tests: gateway.handle()'s trace is typed. `trace.event` has the type of the events the gateway's routes
// receive (by API type, payload format, authorizer and integration); its strings are literal unions. tsc checks
// this file; each case also runs.
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
} from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import {
  type AuthorizationType,
  type CacheVerdict,
  createGateway,
  type Gateway,
  type TraceStep,
} from '../../src/gateway/index.js';

const HOST = 'https://abcd1234ef.execute-api.us-east-1.amazonaws.com';

describe('trace.event follows the routes', () => {
  it('REST routes: APIGatewayProxyEvent', async () => {
    const gateway = createGateway({ routes: { 'GET /pets': async () => ({ statusCode: 200, body: '[]' }) } });
    expectTypeOf(gateway).toEqualTypeOf<Gateway<APIGatewayProxyEvent>>();
    const { trace } = await gateway.handle(`${HOST}/dev/pets`);
    expectTypeOf(trace.event).toEqualTypeOf<APIGatewayProxyEvent | undefined>();
    expect(trace.event?.resource).toBe('/pets');
  });

  it('an HTTP API with a payload 1.0 route and a JWT route: the union of their events', async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      authorizers: {
        Jwt: { type: 'JWT', jwtConfiguration: { issuer: 'https://issuer.example', audience: ['a'] } },
      },
      routes: {
        'GET /v2': async () => 'v2',
        'GET /v1': {
          integration: {
            type: 'AWS_PROXY',
            payloadFormatVersion: '1.0',
            handler: async () => ({ statusCode: 200 }),
          },
        },
        'GET /me': { authorizer: 'Jwt', integration: { type: 'AWS_PROXY', handler: async () => 'me' } },
      },
    });
    const { trace } = await gateway.handle(`${HOST}/v1`);
    expectTypeOf(trace.event).toEqualTypeOf<
      APIGatewayProxyEventV2 | APIGatewayProxyEvent | APIGatewayProxyEventV2WithJWTAuthorizer | undefined
    >();
    expect(trace.event && 'httpMethod' in trace.event ? trace.event.httpMethod : 'v2').toBe('GET');
  });

  it('integrations that call no function (MOCK) have no event; a Lambda custom integration unknown', async () => {
    const mock = createGateway({
      routes: {
        'GET /health': {
          integration: {
            type: 'MOCK',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: { '200': { body: 'up' } },
          },
        },
      },
    });
    const mocked = await mock.handle(`${HOST}/dev/health`);
    expectTypeOf(mocked.trace.event).toEqualTypeOf<undefined>();
    expect(mocked.trace.event).toBeUndefined();
    const custom = createGateway({
      routes: {
        'GET /pets/{id}': {
          methodResponses: { '200': {} },
          integration: {
            type: 'AWS',
            handler: async (event) => {
              expectTypeOf(event).toEqualTypeOf<unknown>();
              return { found: true };
            },
            requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
            integrationResponses: [{ statusCode: '200' }],
          },
        },
      },
    });
    const { trace } = await custom.handle(`${HOST}/dev/pets/7`);
    expectTypeOf(trace.event).toEqualTypeOf<unknown>();
    expect(trace.event).toEqual({ id: '7' });
  });
});

describe('trace strings are literal unions', () => {
  it('trace.cache is a CacheVerdict; steps are typed by stage, so a switch over them is exhaustive', async () => {
    const gateway = createGateway({
      clock: createManualClock(),
      cache: { ttlInSeconds: 60 },
      routes: { 'GET /pets': async () => ({ statusCode: 200, body: '[]' }) },
    });
    const { trace } = await gateway.handle(`${HOST}/dev/pets`);
    expectTypeOf(trace.cache).toEqualTypeOf<CacheVerdict | undefined>();
    // @ts-expect-error 'cached' is not a verdict the cache gives
    const wrong: CacheVerdict = 'cached';
    expect(wrong).toBe('cached');
    const summary = trace.steps.map((step: TraceStep) => {
      switch (step.stage) {
        case 'cache-lookup':
          expectTypeOf(step.decision).toEqualTypeOf<'hit' | 'miss' | 'forbidden' | 'bypass'>();
          return `cache ${step.decision}`;
        case 'throttle':
          // @ts-expect-error a throttle step never says 'hit'
          return step.decision === 'hit' ? 'never' : `throttle ${step.decision}`;
        default:
          return step.stage;
      }
    });
    expect(summary).toEqual([
      'stage',
      'route',
      'throttle allowed',
      'cache miss',
      'integration',
      'response',
      'cache-store',
    ]);
  });

  it('trace.authorization.type is an AuthorizationType and its decision a known failure or allow', async () => {
    const gateway = createGateway({
      routes: {
        'GET /admin': {
          authorizationType: 'AWS_IAM',
          integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 200 }) },
        },
      },
    });
    const { trace } = await gateway.handle(`${HOST}/dev/admin`);
    expectTypeOf(trace.authorization!.type).toEqualTypeOf<AuthorizationType>();
    expect([trace.authorization?.type, trace.authorization?.decision, trace.integrationCalled]).toEqual([
      'AWS_IAM',
      'MISSING_AUTHENTICATION_TOKEN',
      false,
    ]);
  });
});
