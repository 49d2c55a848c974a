import { describe, expect, it } from 'vitest';
import {
  buildRequestAuthorizerEvent,
  buildRequestAuthorizerEventV2,
  buildTokenAuthorizerEvent,
  executeApiArn,
} from '../../src/events/index.js';

describe('buildTokenAuthorizerEvent (REST TOKEN)', () => {
  it('is exactly { type, authorizationToken, methodArn } with the ARN of the actual request', () => {
    expect(
      buildTokenAuthorizerEvent({ token: 'Bearer abc', method: 'get', path: '/pets/7', stage: 'prod' }),
    ).toEqual({
      type: 'TOKEN',
      authorizationToken: 'Bearer abc',
      methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/prod/GET/pets/7',
    });
  });

  it('the root path gives a methodArn ending in a slash', () => {
    expect(buildTokenAuthorizerEvent().methodArn).toBe(
      'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/',
    );
  });

  it('region, account and api id appear in the ARN; the query does not', () => {
    expect(executeApiArn('eu-west-1', '111122223333', 'x1', 's', 'POST', '//a/b')).toBe(
      'arn:aws:execute-api:eu-west-1:111122223333:x1/s/POST/a/b',
    );
    expect(buildTokenAuthorizerEvent({ path: '/a?b=1', region: 'eu-west-1' }).methodArn).toBe(
      'arn:aws:execute-api:eu-west-1:123456789012:abcd1234ef/dev/GET/a',
    );
  });
});

describe('buildRequestAuthorizerEvent (REST REQUEST)', () => {
  it('has the request fields, type and methodArn, no body; empty pathParameters and stageVariables are {}', () => {
    const event = buildRequestAuthorizerEvent({ resource: '/pets', path: '/pets', headers: { Auth: 'x' } });
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
      pathParameters: {},
      stageVariables: {},
      headers: { Auth: 'x' },
    });
    expect('authorizer' in event.requestContext).toBe(false);
  });

  it('path parameters and the methodArn follow the request', () => {
    const event = buildRequestAuthorizerEvent({ method: 'DELETE', resource: '/pets/{id}', path: '/pets/9' });
    expect(event.pathParameters).toEqual({ id: '9' });
    expect(event.methodArn).toBe('arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/DELETE/pets/9');
  });

  it('HTTP API payload 1.0: version 1.0, identitySource and authorizationToken are the values joined with commas', () => {
    const event = buildRequestAuthorizerEvent({
      apiType: 'HTTP',
      path: '/x',
      resource: '/x',
      identitySource: ['user1', '123'],
    });
    expect(event).toMatchObject({
      version: '1.0',
      type: 'REQUEST',
      identitySource: 'user1,123',
      authorizationToken: 'user1,123',
    });
    expect(event.methodArn).toBe('arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/$default/GET/x');
  });
});

describe('buildRequestAuthorizerEventV2 (HTTP API payload 2.0)', () => {
  it('has version, type, routeArn, identitySource and the 2.0 request fields without body', () => {
    const event = buildRequestAuthorizerEventV2({
      routeKey: 'GET /pets/{id}',
      path: '/pets/7?a=1',
      stage: 'dev',
      headers: { Authorization: 'Bearer t' },
      cookies: ['c=1'],
      stageVariables: { x: 'y' },
    });
    expect(event).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      routeArn: 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets/7',
      identitySource: ['Bearer t'],
      routeKey: 'GET /pets/{id}',
      rawPath: '/dev/pets/7',
      rawQueryString: 'a=1',
      cookies: ['c=1'],
      queryStringParameters: { a: '1' },
      pathParameters: { id: '7' },
      stageVariables: { x: 'y' },
    });
    expect('body' in event).toBe(false);
    expect(event.headers?.authorization).toBe('Bearer t');
  });

  it('identitySource lists the given values in order', () => {
    expect(buildRequestAuthorizerEventV2({ identitySource: ['a', 'b'] }).identitySource).toEqual(['a', 'b']);
    expect(buildRequestAuthorizerEventV2().identitySource).toEqual([]);
  });
});
