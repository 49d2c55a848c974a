import { describe, expect, it } from 'vitest';
import {
  fakeProxyEventV1,
  fakeProxyEventV2,
  fakeRequestAuthorizerEvent,
  fakeRequestAuthorizerEventV2,
  fakeTokenAuthorizerEvent,
  fakeWebSocketEvent,
} from '../../src/faker/index.js';
import { errorOf } from '../events/helpers/error-code.js';
import { shapeProblems } from '../events/helpers/event-shape.js';

const seeds = Array.from({ length: 40 }, (_, i) => i);

describe('apigw-testkit/faker', () => {
  it('the same seed gives the same event; different seeds give different events', () => {
    expect(fakeProxyEventV1({}, { seed: 42 })).toEqual(fakeProxyEventV1({}, { seed: 42 }));
    expect(fakeProxyEventV2({}, { seed: 42 })).toEqual(fakeProxyEventV2({}, { seed: 42 }));
    expect(fakeProxyEventV1({}, { seed: 1 })).not.toEqual(fakeProxyEventV1({}, { seed: 2 }));
  });

  it('a call does not depend on earlier calls (no state carried over)', () => {
    const first = fakeProxyEventV1({}, { seed: 'x' });
    fakeProxyEventV2({}, { seed: 'other' });
    fakeWebSocketEvent({}, { seed: 'more' });
    expect(fakeProxyEventV1({}, { seed: 'x' })).toEqual(first);
  });

  it.each(seeds)('seed %i gives well-formed v1 and v2 events with plausible values', (seed) => {
    const v1 = fakeProxyEventV1({}, { seed });
    const v2 = fakeProxyEventV2({}, { seed });
    expect(shapeProblems('proxy-v1', JSON.parse(JSON.stringify(v1)))).toEqual([]);
    expect(shapeProblems('proxy-v2', JSON.parse(JSON.stringify(v2)))).toEqual([]);
    const ip = v1.requestContext.identity.sourceIp;
    expect(ip).toMatch(/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
    expect(
      ip
        .split('.')
        .map(Number)
        .every((n) => n <= 255),
    ).toBe(true);
    expect(v1.headers['X-Forwarded-For']).toBe(ip);
    expect(v1.requestContext.identity.userAgent).toMatch(
      /^(Mozilla\/5\.0 |curl\/|PostmanRuntime\/|aws-sdk-js\/|python-requests\/)/,
    );
    if (v1.body !== null) expect(() => JSON.parse(v1.body!)).not.toThrow();
    if (['GET', 'DELETE'].includes(v1.httpMethod)) expect(v1.body).toBeNull();
    expect(v2.cookies).toEqual([expect.stringMatching(/^session=[A-Za-z0-9]{24}$/)]);
  });

  it('overrides win over generated values and stay consistent', () => {
    const event = fakeProxyEventV1({ resource: '/pets/{petId}', method: 'GET', stage: 'prod' }, { seed: 3 });
    expect(event.resource).toBe('/pets/{petId}');
    expect(event.pathParameters).toEqual({ petId: expect.stringMatching(/^[a-z0-9]{12}$/) });
    expect(event.path).toBe(`/pets/${event.pathParameters!.petId}`);
    expect(event.body).toBeNull();
    expect(event.requestContext.stage).toBe('prod');
    const byPath = fakeProxyEventV1({ path: '/custom/path' }, { seed: 3 });
    expect(byPath).toMatchObject({
      resource: '/{proxy+}',
      path: '/custom/path',
      pathParameters: { proxy: 'custom/path' },
    });
  });

  it('a v2 route key override picks the route and fills its variables', () => {
    const event = fakeProxyEventV2({ routeKey: 'GET /pets/{id}' }, { seed: 9 });
    expect(event.routeKey).toBe('GET /pets/{id}');
    expect(event.requestContext.http.method).toBe('GET');
    expect(event.rawPath).toBe(`/pets/${event.pathParameters!.id}`);
    const fallback = fakeProxyEventV2({ routeKey: '$default' }, { seed: 9 });
    expect(fallback.routeKey).toBe('$default');
    expect(fallback.rawPath).not.toBe('/');
  });

  it('WebSocket and authorizer variants are realistic and seeded', () => {
    const message = fakeWebSocketEvent({}, { seed: 1 });
    expect(JSON.parse(message.body!)).toMatchObject({ action: 'sendMessage' });
    expect(fakeWebSocketEvent({ eventType: 'CONNECT' }, { seed: 1 }).queryStringParameters).toEqual({
      token: expect.any(String),
    });
    expect(fakeTokenAuthorizerEvent({}, { seed: 1 }).authorizationToken).toMatch(
      /^Bearer eyJ[\w-]+\.\w+\.\w+$/,
    );
    expect(fakeRequestAuthorizerEvent({}, { seed: 1 }).headers?.Authorization).toMatch(/^Bearer eyJ/);
    expect(fakeRequestAuthorizerEventV2({}, { seed: 1 }).identitySource).toEqual([
      expect.stringMatching(/^Bearer eyJ/),
    ]);
  });

  it('an unknown fake option is refused', () => {
    expect(errorOf(() => fakeProxyEventV1({}, { sed: 1 } as never)).code).toBe('UNKNOWN_OPTION');
  });
});
