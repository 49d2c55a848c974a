// Type tests: an authorizer's handler is typed by its configuration — `type` and, on HTTP APIs,
// `authorizerPayloadFormatVersion` pick the event (tsc checks this file; each test also runs the authorizer
// through the gateway and asserts the event it really received).
import type {
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
} from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { WebSocketAuthorizerEvent } from '../../src/events/index.js';
import {
  type AuthorizerConfig,
  type AuthorizerHandler,
  createGateway,
  type HttpRequestAuthorizerEventV1,
  type LambdaHandler,
} from '../../src/gateway/index.js';

const ok: LambdaHandler = async () => ({ statusCode: 200, body: 'ok' });
const allow = (resource: string) => ({
  principalId: 'user-7',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resource }],
  },
});

describe('the authorizer handler follows the authorizer configuration', () => {
  it("type: 'TOKEN' → APIGatewayTokenAuthorizerEvent (authorizationToken, methodArn)", async () => {
    const seen: APIGatewayTokenAuthorizerEvent[] = [];
    const gateway = createGateway({
      authorizers: {
        T: {
          type: 'TOKEN',
          handler: async (event) => {
            expectTypeOf(event).toEqualTypeOf<APIGatewayTokenAuthorizerEvent>();
            seen.push(event);
            return allow(event.methodArn);
          },
        },
      },
      routes: { 'GET /pets': { authorizer: 'T', integration: { type: 'AWS_PROXY', handler: ok } } },
    });
    const response = await gateway.fetch('/dev/pets', { headers: { Authorization: 'Bearer abc' } });
    expect(response.status).toBe(200);
    expect(seen).toEqual([
      {
        type: 'TOKEN',
        authorizationToken: 'Bearer abc',
        methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets',
      },
    ]);
  });

  it("REST type: 'REQUEST' → APIGatewayRequestAuthorizerEvent (headers, query maps, methodArn)", async () => {
    const seen: APIGatewayRequestAuthorizerEvent[] = [];
    const gateway = createGateway({
      authorizers: {
        R: {
          type: 'REQUEST',
          identitySource: 'method.request.querystring.tenant',
          handler: async (event) => {
            expectTypeOf(event).toEqualTypeOf<APIGatewayRequestAuthorizerEvent>();
            seen.push(event);
            return allow(event.methodArn);
          },
        },
      },
      routes: { 'GET /pets': { authorizer: 'R', integration: { type: 'AWS_PROXY', handler: ok } } },
    });
    expect((await gateway.fetch('/dev/pets?tenant=t1')).status).toBe(200);
    expect([seen[0]!.type, seen[0]!.queryStringParameters, seen[0]!.httpMethod]).toEqual([
      'REQUEST',
      { tenant: 't1' },
      'GET',
    ]);
  });

  it("HTTP authorizerPayloadFormatVersion '1.0' → HttpRequestAuthorizerEventV1 (identitySource joined with commas)", async () => {
    const seen: HttpRequestAuthorizerEventV1[] = [];
    const gateway = createGateway({
      apiType: 'HTTP',
      authorizers: {
        V1: {
          type: 'REQUEST',
          authorizerPayloadFormatVersion: '1.0',
          identitySource: ['$request.header.Authorization', '$request.querystring.tenant'],
          handler: async (event) => {
            expectTypeOf(event).toEqualTypeOf<HttpRequestAuthorizerEventV1>();
            seen.push(event);
            return allow(event.methodArn);
          },
        },
      },
      routes: { 'GET /pets': { authorizer: 'V1', integration: { type: 'AWS_PROXY', handler: ok } } },
    });
    const response = await gateway.fetch('/pets?tenant=t1', { headers: { authorization: 'abc' } });
    expect(response.status).toBe(200);
    expect([seen[0]!.version, seen[0]!.identitySource, seen[0]!.authorizationToken]).toEqual([
      '1.0',
      'abc,t1',
      'abc,t1',
    ]);
  });

  it("HTTP authorizerPayloadFormatVersion '2.0' → APIGatewayRequestAuthorizerEventV2 (routeArn, identitySource array)", async () => {
    const seen: APIGatewayRequestAuthorizerEventV2[] = [];
    const gateway = createGateway({
      apiType: 'HTTP',
      authorizers: {
        V2: {
          type: 'REQUEST',
          authorizerPayloadFormatVersion: '2.0',
          enableSimpleResponses: true,
          identitySource: ['$request.header.Authorization'],
          handler: async (event) => {
            expectTypeOf(event).toEqualTypeOf<APIGatewayRequestAuthorizerEventV2>();
            seen.push(event);
            return { isAuthorized: event.identitySource[0] === 'let-me-in' };
          },
        },
      },
      routes: { 'GET /pets': { authorizer: 'V2', integration: { type: 'AWS_PROXY', handler: ok } } },
    });
    expect((await gateway.fetch('/pets', { headers: { authorization: 'let-me-in' } })).status).toBe(200);
    expect((await gateway.fetch('/pets', { headers: { authorization: 'nope' } })).status).toBe(403);
    expect(seen.map((e) => [e.routeArn, e.identitySource])).toEqual([
      ['arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/$default/GET/pets', ['let-me-in']],
      ['arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/$default/GET/pets', ['nope']],
    ]);
  });

  it('a handler typed for another authorizer type does not fit; one typed for its own event does', () => {
    const token: AuthorizerHandler<APIGatewayTokenAuthorizerEvent> = async (event) => allow(event.methodArn);
    const v2: AuthorizerHandler<APIGatewayRequestAuthorizerEventV2> = async () => ({ isAuthorized: true });
    const fits: AuthorizerConfig = { type: 'TOKEN', handler: token };
    // @ts-expect-error a TOKEN authorizer is not called with the HTTP API 2.0 event
    const wrong: AuthorizerConfig = { type: 'TOKEN', handler: v2 };
    const simpleOn1: AuthorizerConfig = {
      type: 'REQUEST',
      authorizerPayloadFormatVersion: '1.0',
      // @ts-expect-error simple responses exist only with payload format 2.0
      enableSimpleResponses: true,
      handler: async (event) => allow(event.methodArn),
    };
    // Without a type argument, AuthorizerHandler takes a handler typed for any one authorizer event.
    const any: AuthorizerHandler[] = [token, v2];
    expectTypeOf<
      Parameters<AuthorizerHandler<WebSocketAuthorizerEvent>>[0]
    >().toEqualTypeOf<WebSocketAuthorizerEvent>();
    expect([fits.type, wrong.type, simpleOn1.type, any.length]).toEqual(['TOKEN', 'TOKEN', 'REQUEST', 2]);
  });
});
