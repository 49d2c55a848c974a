// Type tests: a route naming an authorizer gets the event type the authorizer implies (REST Lambda and Cognito,
// HTTP API JWT, Lambda and IAM), whatever the order of `routes` and `authorizers`; a name that is not an
// authorizer does not compile. (The authorizer's own handler types: authorizer-handler-types.test.ts.) tsc checks
// this file; each case also runs.
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyHandlerV2WithJWTAuthorizer,
  APIGatewayProxyWithCognitoAuthorizerEvent,
  APIGatewayProxyWithLambdaAuthorizerEvent,
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
  PolicyDocument,
} from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTestIdentityProvider } from '../../src/auth/index.js';
import { createManualClock } from '../../src/clock/index.js';
import { createGateway, type JwtAuthorizerContextV1 } from '../../src/gateway/index.js';

const allow = (resource: string): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }],
});
// biome-ignore lint/suspicious/noExplicitAny: pinning that the Lambda authorizer context is `any`
type AnyContext = any;
const clock = createManualClock({ start: Date.UTC(2024, 5, 17, 15, 0, 4) });
const idp = createTestIdentityProvider({ clock, issuer: 'https://issuer.example.com', clientId: 'app-1' });
const pool = createTestIdentityProvider({ clock }); // Cognito-shaped

describe('REST Lambda (TOKEN, REQUEST) and Cognito authorizers', () => {
  it('a TOKEN authorizer gets APIGatewayTokenAuthorizerEvent; the route an APIGatewayProxyWithLambdaAuthorizerEvent, routes written first', async () => {
    const gateway = createGateway({
      routes: {
        'GET /me': {
          authorizer: 'TokenAuth',
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => {
              expectTypeOf(event).toEqualTypeOf<APIGatewayProxyWithLambdaAuthorizerEvent<AnyContext>>();
              expectTypeOf(event.requestContext.authorizer.principalId).toEqualTypeOf<string>();
              return { statusCode: 200, body: `${event.requestContext.authorizer.tier}` };
            },
          },
        },
      },
      authorizers: {
        TokenAuth: {
          type: 'TOKEN',
          handler: async (event) => {
            expectTypeOf(event).toEqualTypeOf<APIGatewayTokenAuthorizerEvent>();
            return { principalId: 'u7', policyDocument: allow(event.methodArn), context: { tier: 2 } };
          },
        },
      },
    });
    const response = await gateway.fetch('/dev/me', { headers: { Authorization: 'token' } });
    expect(await response.text()).toBe('2'); // context values arrive as strings
  });

  it('a REQUEST authorizer (no payload format: REST) gets APIGatewayRequestAuthorizerEvent, authorizers written first', async () => {
    const gateway = createGateway({
      authorizers: {
        Req: {
          type: 'REQUEST',
          identitySource: 'method.request.header.X-User',
          handler: async (event) => {
            expectTypeOf(event).toEqualTypeOf<APIGatewayRequestAuthorizerEvent>();
            return { principalId: event.headers?.['X-User'] ?? '', policyDocument: allow(event.methodArn) };
          },
        },
      },
      routes: {
        'GET /me': {
          authorizer: 'Req',
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => ({
              statusCode: 200,
              body: event.requestContext.authorizer.principalId,
            }),
          },
        },
      },
    });
    expect(await (await gateway.fetch('/dev/me', { headers: { 'X-User': 'ann' } })).text()).toBe('ann');
  });

  it('a Cognito authorizer gives APIGatewayProxyWithCognitoAuthorizerEvent', async () => {
    const gateway = createGateway({
      clock,
      identityProviders: [pool],
      authorizers: { Pool: { type: 'COGNITO_USER_POOLS', providerARNs: [pool.userPoolArn] } },
      routes: {
        'GET /me': {
          authorizer: 'Pool',
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => {
              expectTypeOf(event).toEqualTypeOf<APIGatewayProxyWithCognitoAuthorizerEvent>();
              return { statusCode: 200, body: event.requestContext.authorizer.claims.sub ?? '' };
            },
          },
        },
      },
    });
    const token = await pool.token({ subject: 'u-9' });
    expect(await (await gateway.fetch('/dev/me', { headers: { Authorization: token } })).text()).toBe('u-9');
  });

  it('an authorizer name the gateway does not have does not compile', () => {
    expect(() =>
      createGateway({
        authorizers: { Pool: { type: 'COGNITO_USER_POOLS', providerARNs: [pool.userPoolArn] } },
        routes: {
          'GET /me': {
            // @ts-expect-error 'Poool' is not one of the authorizers
            authorizer: 'Poool',
            integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 200 }) },
          },
        },
      }),
    ).toThrowError(expect.objectContaining({ code: 'GATEWAY_INVALID_ROUTE_AUTHORIZATION' }));
    expect(() =>
      createGateway({
        routes: {
          'GET /me': {
            // @ts-expect-error a gateway without authorizers has no 'Pool' (the name does not make one up)
            authorizer: 'Pool',
            integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 200 }) },
          },
        },
      }),
    ).toThrowError(expect.objectContaining({ code: 'GATEWAY_INVALID_ROUTE_AUTHORIZATION' }));
  });

  it('AWS_IAM routes of a REST API get APIGatewayProxyEvent (the caller is in requestContext.identity)', () => {
    createGateway({
      routes: {
        'GET /admin': {
          authorizationType: 'AWS_IAM',
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => {
              expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEvent>();
              return { statusCode: 200, body: event.requestContext.identity.userArn ?? '' };
            },
          },
        },
      },
    });
  });
});

describe('HTTP API JWT, Lambda and IAM authorization', () => {
  const bearer = async () => ({
    headers: { authorization: `Bearer ${await idp.token({ subject: 'u-1' })}` },
  });
  const jwt = { type: 'JWT', jwtConfiguration: { issuer: idp.issuer, audience: ['app-1'] } } as const;

  it('a JWT authorizer gives APIGatewayProxyEventV2WithJWTAuthorizer (payload 2.0) and its claims and scopes (1.0)', async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      clock,
      identityProviders: [idp],
      routes: {
        'GET /v2': {
          authorizer: 'Jwt',
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => {
              expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEventV2WithJWTAuthorizer>();
              return `${event.requestContext.authorizer.jwt.claims.sub}`;
            },
          },
        },
        'GET /v1': {
          authorizer: 'Jwt',
          integration: {
            type: 'AWS_PROXY',
            payloadFormatVersion: '1.0',
            handler: async (event) => {
              expectTypeOf(event.requestContext.authorizer).toEqualTypeOf<JwtAuthorizerContextV1>();
              return { statusCode: 200, body: event.requestContext.authorizer.claims.sub ?? '' };
            },
          },
        },
      },
      authorizers: { Jwt: jwt },
    });
    expect(await (await gateway.fetch('/v2', await bearer())).text()).toBe('u-1');
    expect(await (await gateway.fetch('/v1', await bearer())).text()).toBe('u-1');
  });

  it('a handler typed apart for a JWT route fits it, and does not fit a route without the authorizer', () => {
    const handler: APIGatewayProxyHandlerV2WithJWTAuthorizer = async (event) =>
      event.requestContext.authorizer.jwt.claims.sub as string;
    createGateway({
      apiType: 'HTTP',
      authorizers: { Jwt: jwt },
      routes: { 'GET /me': { authorizer: 'Jwt', integration: { type: 'AWS_PROXY', handler } } },
    });
    createGateway({
      apiType: 'HTTP',
      // @ts-expect-error without the authorizer, requestContext.authorizer is missing at run time
      routes: { 'GET /me': { integration: { type: 'AWS_PROXY', handler } } },
    });
  });

  it('a simple-response Lambda authorizer gets APIGatewayRequestAuthorizerEventV2; the route APIGatewayProxyEventV2WithLambdaAuthorizer', async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      authorizers: {
        Simple: {
          type: 'REQUEST',
          authorizerPayloadFormatVersion: '2.0',
          enableSimpleResponses: true,
          identitySource: ['$request.header.Authorization'],
          handler: async (event) => {
            expectTypeOf(event).toEqualTypeOf<APIGatewayRequestAuthorizerEventV2>();
            return { isAuthorized: event.identitySource?.[0] === 'let-me-in', context: { plan: 'pro' } };
          },
        },
      },
      routes: {
        'GET /me': {
          authorizer: 'Simple',
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => {
              expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEventV2WithLambdaAuthorizer<AnyContext>>();
              return event.requestContext.authorizer.lambda.plan;
            },
          },
        },
      },
    });
    expect(await (await gateway.fetch('/me', { headers: { Authorization: 'let-me-in' } })).text()).toBe(
      'pro',
    );
  });

  it('AWS_IAM routes of an HTTP API get APIGatewayProxyEventV2WithIAMAuthorizer; routes without authorization APIGatewayProxyEventV2', () => {
    createGateway({
      apiType: 'HTTP',
      routes: {
        'GET /admin': {
          authorizationType: 'AWS_IAM',
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => {
              expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEventV2WithIAMAuthorizer>();
              return event.requestContext.authorizer.iam.userArn;
            },
          },
        },
        'GET /open': {
          integration: {
            type: 'AWS_PROXY',
            handler: async (event) => {
              expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEventV2>();
              return 'open';
            },
          },
        },
      },
    });
  });
});
