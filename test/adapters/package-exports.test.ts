// Imports the built package by name (npm test builds first) so the exports map of the adapters is exercised.

import { createGateway, toNodeListener } from 'apigw-testkit/gateway';
import { toMswHandlers } from 'apigw-testkit/msw';
import { request } from 'apigw-testkit/supertest';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';

const gateway = createGateway({
  apiType: 'REST',
  apiId: 'pkgexport1',
  routes: {
    'GET /ping': async () => ({ statusCode: 200, headers: { 'Content-Type': 'text/plain' }, body: 'pong' }),
  },
});

describe('adapters through the package exports map', () => {
  it('apigw-testkit/gateway exports toNodeListener', () => {
    expect(typeof toNodeListener(gateway)).toBe('function');
  });

  it('apigw-testkit/supertest serves GET /dev/ping → 200 pong', async () => {
    await request(gateway).get('/dev/ping').expect(200, 'pong');
  });

  it('apigw-testkit/msw serves the invoke URL → 200 pong', async () => {
    const server = setupServer(...toMswHandlers(gateway));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const res = await fetch('https://pkgexport1.execute-api.us-east-1.amazonaws.com/dev/ping');
      expect(await res.text()).toBe('pong');
    } finally {
      server.close();
    }
  });
});
