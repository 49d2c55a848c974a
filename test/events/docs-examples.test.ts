// Every example of docs/events.md, run as written (so the page cannot rot).
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import {
  buildLambdaContext,
  buildProxyEventV1,
  buildProxyEventV2,
  buildTokenAuthorizerEvent,
  buildWebSocketAuthorizerEvent,
  loadEventFixture,
  matchResourcePath,
} from '../../src/events/index.js';
import { fakeProxyEventV1 } from '../../src/faker/index.js';
import { errorOf } from './helpers/error-code.js';

describe('docs/events.md examples', () => {
  it('opening example', () => {
    const event = buildProxyEventV1({
      method: 'GET',
      resource: '/pets/{id}',
      path: '/pets/7?verbose=true&tag=a+b',
      headers: { authorization: 'Bearer abc' },
    });
    expect(event.pathParameters).toEqual({ id: '7' });
    expect(event.queryStringParameters).toEqual({ verbose: 'true', tag: 'a b' });
    expect(event.headers.Authorization).toBe('Bearer abc');
    expect(event.requestContext.path).toBe('/dev/pets/7');
    expect(event.body).toBeNull();
  });

  it('payload 2.0 example', () => {
    const event = buildProxyEventV2({
      routeKey: 'GET /pets/{id}',
      path: '/pets/7?tag=a&tag=b',
      stage: 'prod',
      headers: { Cookie: 'session=abc; theme=dark' },
      authorizer: { jwt: { claims: { sub: 'user-1' }, scopes: ['pets:read'] } },
    });
    expect(event.rawPath).toBe('/prod/pets/7');
    expect(event.queryStringParameters).toEqual({ tag: 'a,b' });
    expect(event.cookies).toEqual(['session=abc', 'theme=dark']);
    const context = event.requestContext as typeof event.requestContext & {
      authorizer: { jwt: { scopes: string[] } };
    };
    expect(context.authorizer.jwt.scopes).toEqual(['pets:read']);
  });

  it('TOKEN example', () => {
    expect(buildTokenAuthorizerEvent({ token: 'Bearer abc', method: 'GET', path: '/pets/7' })).toEqual({
      type: 'TOKEN',
      authorizationToken: 'Bearer abc',
      methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets/7',
    });
  });

  it('WebSocket $connect authorizer example', () => {
    const connect = buildWebSocketAuthorizerEvent({ query: { token: 'abc' }, stage: 'prod' });
    expect(connect.methodArn).toBe('arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/prod/$connect');
    expect(connect.queryStringParameters).toEqual({ token: 'abc' });
    expect(connect.requestContext.eventType).toBe('CONNECT');
  });

  it('Lambda context example', () => {
    const clock = createManualClock();
    const context = buildLambdaContext({
      functionName: 'pets',
      timeoutMs: 6000,
      memoryLimitInMB: 512,
      clock,
    });
    expect(context.memoryLimitInMB).toBe('512');
    clock.advance(1000);
    expect(context.getRemainingTimeInMillis()).toBe(5000);
  });

  it('path matching example', () => {
    expect(matchResourcePath('/{proxy+}', '/a//b/')).toEqual({ proxy: 'a//b' });
    expect(matchResourcePath('/pets/{id}', '/pets/7')).toEqual({ id: '7' });
    expect(matchResourcePath('/{proxy+}', '/')).toBeNull();
  });

  it('error example', () => {
    const error = errorOf(() => buildProxyEventV1({ resource: '/pets/{id}', path: '/owners/1' }));
    expect(error.name).toBe('EventInputError');
    expect(error.code).toBe('EVENT_PATH_MISMATCH');
    expect(error.message).toMatch(
      /^buildProxyEventV1: path \/owners\/1 does not match resource \/pets\/\{id\}\. Give a path/,
    );
  });

  it('fixture example', () => {
    const event = loadEventFixture('proxy-v1', 'get-no-auth');
    const variant = { ...structuredClone(event), path: '/pets/8' };
    expect(variant.path).toBe('/pets/8');
    expect(event.path).toBe('/pets/7');
  });

  it('faker example', () => {
    const event = fakeProxyEventV1({ resource: '/pets/{petId}', method: 'GET' }, { seed: 42 });
    expect(event.pathParameters?.petId).toMatch(/^[a-z0-9]{12}$/);
    expect(event.requestContext.identity.sourceIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});
