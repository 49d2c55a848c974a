// The examples of docs/adapters.md, run as written (imports point at the sources).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createGateway, formatRequestLine, toNodeListener } from '../../src/gateway/index.js';
import { toMswHandlers } from '../../src/msw/index.js';
import { request } from '../../src/supertest/index.js';

describe('docs/adapters.md examples', () => {
  it('Node listener: GET /prod/pets/7 answers 7 and logs one line', async () => {
    const lines: string[] = [];
    const gateway = createGateway({
      apiType: 'REST',
      stage: { name: 'prod' },
      routes: { 'GET /pets/{id}': async (event) => ({ statusCode: 200, body: event.pathParameters?.id }) },
    });
    const server = createServer(
      toNodeListener(gateway, { onRequest: (r) => lines.push(formatRequestLine(r)) }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/prod/pets/7`);
      expect(await res.text()).toBe('7');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^GET \/prod\/pets\/7 200 \d+ms cache=- throttle=ok$/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('supertest: 200 {"id":"7"} and HTTP API 404 {"message":"Not Found"}', async () => {
    const gateway = createGateway({
      apiType: 'HTTP',
      routes: { 'GET /pets/{id}': async (event) => ({ id: event.pathParameters?.id }) },
    });
    await request(gateway).get('/pets/7').expect(200, { id: '7' });
    await request(gateway).get('/owners').expect(404, '{"message":"Not Found"}');
  });

  it('msw: the real invoke URL is answered by the gateway', async () => {
    const gateway = createGateway({
      apiType: 'REST',
      apiId: 'a1b2c3d4e5',
      region: 'eu-west-1',
      stage: { name: 'prod' },
      routes: { 'GET /pets': async () => ({ statusCode: 200, body: '[]' }) },
    });
    const server = setupServer(...toMswHandlers(gateway));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const response = await fetch('https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/pets');
      expect(await response.text()).toBe('[]');
    } finally {
      server.close();
    }
  });
});
