// Type tests: each builder returns the @types/aws-lambda event type of the authorizer it was asked for, so the
// authorizer's fields are typed (tsc checks this file; the assertions also run).
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyWithCognitoAuthorizerEvent,
  APIGatewayProxyWithLambdaAuthorizerEvent,
} from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildProxyEventV1, buildProxyEventV2, type ProxyEventV2Options } from '../../src/events/index.js';

describe('buildProxyEventV2 returns the type of the authorizer asked for', () => {
  it('{ jwt } → APIGatewayProxyEventV2WithJWTAuthorizer', () => {
    const event = buildProxyEventV2({
      authorizer: { jwt: { claims: { sub: 'u1' }, scopes: ['pets:read'] } },
    });
    expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEventV2WithJWTAuthorizer>();
    expect(event.requestContext.authorizer.jwt).toEqual({ claims: { sub: 'u1' }, scopes: ['pets:read'] });
  });

  it('{ lambda: context } → APIGatewayProxyEventV2WithLambdaAuthorizer<context>', () => {
    const event = buildProxyEventV2({ authorizer: { lambda: { tenant: 't1', admin: true } } });
    expectTypeOf(event).toEqualTypeOf<
      APIGatewayProxyEventV2WithLambdaAuthorizer<{ tenant: string; admin: boolean }>
    >();
    expect(event.requestContext.authorizer.lambda).toEqual({ tenant: 't1', admin: true });
  });

  it('{ iam } → APIGatewayProxyEventV2WithIAMAuthorizer', () => {
    const event = buildProxyEventV2({ authorizer: { iam: { accessKey: 'AKIA0000' } } });
    expectTypeOf(event).toEqualTypeOf<APIGatewayProxyEventV2WithIAMAuthorizer>();
    expect(event.requestContext.authorizer.iam.accessKey).toBe('AKIA0000');
  });

  it('no authorizer, or options of the general type → APIGatewayProxyEventV2 (no authorizer field to read)', () => {
    expectTypeOf(buildProxyEventV2()).toEqualTypeOf<APIGatewayProxyEventV2>();
    const options: ProxyEventV2Options = { routeKey: 'GET /pets' };
    expectTypeOf(buildProxyEventV2(options)).toEqualTypeOf<APIGatewayProxyEventV2>();
    // @ts-expect-error an event without an authorizer has no requestContext.authorizer
    expect(buildProxyEventV2().requestContext.authorizer).toBeUndefined();
  });

  it('still refuses unknown options at compile time', () => {
    // @ts-expect-error rotueKey is not an option
    expect(() => buildProxyEventV2({ rotueKey: 'GET /x', authorizer: { jwt: {} } })).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_OPTION' }),
    );
  });
});

describe('buildProxyEventV1 returns the type of the authorizer asked for', () => {
  it('{ lambda: { context } } → APIGatewayProxyWithLambdaAuthorizerEvent<context> (values arrive as strings)', () => {
    const event = buildProxyEventV1({
      authorizer: { lambda: { principalId: 'u1', context: { tenant: 't1', n: 3 } } },
    });
    expectTypeOf(event).toEqualTypeOf<
      APIGatewayProxyWithLambdaAuthorizerEvent<{ tenant: string; n: number }>
    >();
    expectTypeOf(event.requestContext.authorizer.n).toEqualTypeOf<string>();
    expect(event.requestContext.authorizer).toMatchObject({ principalId: 'u1', tenant: 't1', n: '3' });
  });

  it('{ cognito } → APIGatewayProxyWithCognitoAuthorizerEvent', () => {
    const event = buildProxyEventV1({ authorizer: { cognito: { claims: { sub: 'u1' } } } });
    expectTypeOf(event).toEqualTypeOf<APIGatewayProxyWithCognitoAuthorizerEvent>();
    expect(event.requestContext.authorizer.claims.sub).toBe('u1');
  });

  it('no authorizer → APIGatewayProxyEvent', () => {
    expectTypeOf(buildProxyEventV1({ resource: '/pets' })).toEqualTypeOf<APIGatewayProxyEvent>();
  });
});

describe('the faker variants return the same types as the builders', () => {
  it('fakeProxyEventV2({ authorizer: { jwt } }) → APIGatewayProxyEventV2WithJWTAuthorizer', async () => {
    const { fakeProxyEventV1, fakeProxyEventV2 } = await import('../../src/faker/index.js');
    const v2 = fakeProxyEventV2({ authorizer: { jwt: { claims: { sub: 'u1' } } } }, { seed: 1 });
    expectTypeOf(v2).toEqualTypeOf<APIGatewayProxyEventV2WithJWTAuthorizer>();
    expect(v2.requestContext.authorizer.jwt.claims.sub).toBe('u1');
    const v1 = fakeProxyEventV1({ authorizer: { cognito: { claims: { sub: 'u2' } } } }, { seed: 1 });
    expectTypeOf(v1).toEqualTypeOf<APIGatewayProxyWithCognitoAuthorizerEvent>();
    expect(v1.requestContext.authorizer.claims.sub).toBe('u2');
    expectTypeOf(fakeProxyEventV2()).toEqualTypeOf<APIGatewayProxyEventV2>();
  });
});
