import { describe, expect, it } from 'vitest';
import { buildProxyEventV1, buildProxyEventV2 } from '../../src/events/index.js';
import { createGateway } from '../../src/gateway/index.js';

// `__proto__` is a legal path-variable name (letters and underscores); it must arrive as an ordinary key.
describe('a path variable named __proto__', () => {
  it('is an own enumerable key of pathParameters in v1 and v2 events', () => {
    const v1 = buildProxyEventV1({ resource: '/{__proto__}', path: '/x' });
    const v2 = buildProxyEventV2({ routeKey: 'GET /{__proto__}', path: '/x' });
    for (const event of [v1, v2]) {
      expect(Object.getPrototypeOf(event.pathParameters)).toBe(Object.prototype);
      expect(Object.keys(event.pathParameters ?? {})).toEqual(['__proto__']);
      expect(JSON.stringify(event.pathParameters)).toBe('{"__proto__":"x"}');
    }
  });

  it.each(['REST', 'HTTP'] as const)('reaches the handler through the %s gateway', async (apiType) => {
    let seen = '';
    const gateway = createGateway({
      apiType,
      routes: {
        'GET /{__proto__}': async (event: { pathParameters?: unknown }) => {
          seen = JSON.stringify(event.pathParameters);
          return { statusCode: 200, body: 'ok' };
        },
      },
    });
    const response = await gateway.fetch(apiType === 'REST' ? '/dev/x' : '/x');
    expect(response.status).toBe(200);
    expect(seen).toBe('{"__proto__":"x"}');
  });
});
