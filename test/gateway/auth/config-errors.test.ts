import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayOptions, type LambdaHandler } from '../../../src/gateway/index.js';

// Any function: the configurations below are refused before a handler runs.
const h: LambdaHandler = async () => ({ statusCode: 200 });
const route = (extra: object) => ({ integration: { type: 'AWS_PROXY' as const, handler: h }, ...extra });

describe('authorization configuration AWS refuses is a typed error at createGateway', () => {
  it.each<[string, GatewayOptions, string]>([
    [
      'a JWT authorizer without issuer',
      {
        apiType: 'HTTP',
        authorizers: { J: { type: 'JWT', jwtConfiguration: { audience: ['a'] } as never } },
        routes: {},
      },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'a JWT authorizer without audience',
      {
        apiType: 'HTTP',
        authorizers: { J: { type: 'JWT', jwtConfiguration: { issuer: 'https://i.example', audience: [] } } },
        routes: {},
      },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'a JWT authorizer on a REST API',
      {
        authorizers: {
          J: { type: 'JWT', jwtConfiguration: { issuer: 'https://i.example', audience: ['a'] } },
        },
        routes: {},
      },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'a TOKEN authorizer on an HTTP API',
      { apiType: 'HTTP', authorizers: { T: { type: 'TOKEN', handler: h } }, routes: {} },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'an HTTP Lambda authorizer without payload format',
      { apiType: 'HTTP', authorizers: { L: { type: 'REQUEST', handler: h } }, routes: {} },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'simple responses on payload 1.0',
      {
        apiType: 'HTTP',
        authorizers: {
          L: {
            type: 'REQUEST',
            handler: h,
            authorizerPayloadFormatVersion: '1.0',
            // @ts-expect-error simple responses need payload 2.0 (the type says so too)
            enableSimpleResponses: true,
          },
        },
        routes: {},
      },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'a TTL above 3600',
      { authorizers: { T: { type: 'TOKEN', handler: h, authorizerResultTtlInSeconds: 3601 } }, routes: {} },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'a cached REQUEST authorizer without identity sources',
      { authorizers: { R: { type: 'REQUEST', handler: h } }, routes: {} },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'a TOKEN source that is a query string',
      {
        authorizers: { T: { type: 'TOKEN', handler: h, identitySource: 'method.request.querystring.t' } },
        routes: {},
      },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'an identity source that is no expression',
      { authorizers: { R: { type: 'REQUEST', handler: h, identitySource: 'header.Auth' } }, routes: {} },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'a Cognito ARN that is not a user pool',
      {
        authorizers: { C: { type: 'COGNITO_USER_POOLS', providerARNs: ['arn:aws:iam::1:user/x'] } },
        routes: {},
      },
      'GATEWAY_INVALID_AUTHORIZER',
    ],
    [
      'an unknown authorizer field',
      { authorizers: { T: { type: 'TOKEN', handler: h, ttl: 5 } as never }, routes: {} },
      'UNKNOWN_OPTION',
    ],
    [
      'a route naming a missing authorizer',
      { routes: { 'GET /x': route({ authorizer: 'Nope' }) } },
      'GATEWAY_INVALID_ROUTE_AUTHORIZATION',
    ],
    [
      'CUSTOM without an authorizer',
      { routes: { 'GET /x': route({ authorizationType: 'CUSTOM' }) } },
      'GATEWAY_INVALID_ROUTE_AUTHORIZATION',
    ],
    [
      'AWS_IAM beside a Lambda authorizer',
      {
        authorizers: { T: { type: 'TOKEN', handler: h } },
        routes: { 'GET /x': route({ authorizer: 'T', authorizationType: 'AWS_IAM' }) },
      },
      'GATEWAY_INVALID_ROUTE_AUTHORIZATION',
    ],
    [
      'scopes on a Lambda-authorized route',
      {
        authorizers: { T: { type: 'TOKEN', handler: h } },
        routes: { 'GET /x': route({ authorizer: 'T', authorizationScopes: ['a'] }) },
      },
      'GATEWAY_INVALID_ROUTE_AUTHORIZATION',
    ],
    [
      'a policy that is not valid IAM JSON',
      { policy: '{"Statement": [', routes: {} },
      'GATEWAY_INVALID_POLICY',
    ],
    [
      'a resource-policy statement without Principal',
      {
        policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
        routes: {},
      },
      'GATEWAY_INVALID_POLICY',
    ],
    ['a resource policy on an HTTP API', { apiType: 'HTTP', policy: '{}', routes: {} }, 'GATEWAY_REST_ONLY'],
    [
      'apiKeySource on an HTTP API',
      { apiType: 'HTTP', apiKeySource: 'AUTHORIZER', routes: {} },
      'GATEWAY_REST_ONLY',
    ],
    [
      'an apiKeySource AWS does not have',
      { apiKeySource: 'QUERY' as never, routes: {} },
      'GATEWAY_INVALID_OPTION',
    ],
    [
      'IAM credentials with a bad ARN',
      {
        identityProviders: [
          { credentials: [{ accessKeyId: 'AKIAAAAAAAAAAAAAAAAA', secretAccessKey: 's', userArn: 'alice' }] },
        ],
        routes: {},
      },
      'GATEWAY_INVALID_IDENTITY_PROVIDER',
    ],
  ])('%s → %s', (_name, options, code) => {
    expect(() => createGateway(options)).toThrow(expect.objectContaining({ code }));
  });

  it('the message names the field and how to fix it', () => {
    expect(() =>
      createGateway({
        apiType: 'HTTP',
        authorizers: {
          Jwt: { type: 'JWT', jwtConfiguration: { issuer: 'https://i.example', audience: [] } },
        },
        routes: {},
      }),
    ).toThrow(
      'createGateway: authorizers.Jwt: jwtConfiguration.audience [] is not a list of audiences. Give at least one audience (an app client id); AWS requires it.',
    );
  });
});
