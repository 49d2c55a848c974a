import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The example imports 'apigw-testkit/gateway' (the built package): run `npm run build` first (npm test does).
import petsApi, { API_KEY } from '../../examples/pets-api.mjs';
import { startServe } from './helpers.js';

describe('examples/pets-api.mjs served by apigw-testkit serve (what npm start runs)', () => {
  const serve = startServe(['examples/pets-api.mjs', '--port', '0']);
  let origin = '';
  beforeAll(async () => {
    origin = await serve.origin();
  });
  afterAll(async () => {
    expect(await serve.stop()).toBe(0);
  });

  it('prints the stage URL and a curl line per example route, the API key header included', () => {
    const banner = serve.out.join('');
    expect(banner).toContain('(REST API, stage dev)');
    expect(banner).toContain(`Stage URL:   ${origin}/dev/`);
    expect(banner).toContain(`  curl -i ${origin}/dev/pets\n`);
    expect(banner).toContain(`  curl -i ${origin}/dev/pets/1\n`);
    expect(banner).toContain(
      `  curl -i -X POST -H 'x-api-key: ${API_KEY}' -H 'content-type: application/json' --data '{"name":"Bella","type":"dog"}' ${origin}/dev/pets\n`,
    );
    expect(banner).toContain(`  curl -i ${origin}/dev/health\n`);
    expect(banner).toContain(`  curl -i ${origin}/dev/reports/slow\n`);
  });

  it('GET /pets: the second call within the TTL is a cache hit (same X-Handler-Invocation)', async () => {
    const first = await fetch(`${origin}/dev/pets`);
    const second = await fetch(`${origin}/dev/pets`);
    expect(first).toHaveStatusCode(200);
    expect(second).toHaveStatusCode(200);
    expect(second.headers.get('x-handler-invocation')).toBe(first.headers.get('x-handler-invocation'));
    await expect(second).toHaveJsonBody(expect.arrayContaining([{ id: '1', name: 'Rex', type: 'dog' }]));
    await first.arrayBuffer();
    const log = serve.out.join('');
    expect(log).toMatch(/\nGET \/dev\/pets 200 \d+ms cache=miss throttle=ok\n/);
    expect(log).toMatch(/\nGET \/dev\/pets 200 \d+ms cache=hit throttle=ok\n/);
  });

  it('GET /pets/{id}: the third call within a second is 429 {"message":"Too Many Requests"} (burst 2)', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await fetch(`${origin}/dev/pets/1`);
      statuses.push(last.status);
      if (i < 2) await last.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(await last!.text()).toBe('{"message":"Too Many Requests"}');
    expect(serve.out.join('')).toMatch(/\nGET \/dev\/pets\/1 429 \d+ms cache=- throttle=throttled\n/);
  });

  it('POST /pets: 403 {"message":"Forbidden"} without the API key, 201 with it', async () => {
    const refused = await fetch(`${origin}/dev/pets`, { method: 'POST', body: '{"name":"Bella"}' });
    expect(refused).toHaveStatusCode(403);
    expect(await refused.text()).toBe('{"message":"Forbidden"}');
    const created = await fetch(`${origin}/dev/pets`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: '{"name":"Bella","type":"dog"}',
    });
    expect(created).toHaveStatusCode(201);
    await expect(created).toHaveJsonBody(
      { name: 'Bella', type: 'dog', createdWithKey: 'demokey001' },
      { partial: true },
    );
  });

  it('GET /health: the MOCK integration answers {"status":"ok"} with no backend', async () => {
    const res = await fetch(`${origin}/dev/health`);
    expect(res).toHaveStatusCode(200);
    expect(res).toHaveHeader('content-type', 'application/json');
    expect(await res.text()).toBe('{"status":"ok"}');
  });
});

describe('examples/pets-api.mjs slow route', () => {
  it('GET /reports/slow: 504 {"message": "Endpoint request timed out"} at its 3 000 ms integration timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const pending = petsApi.fetch(petsApi.url('/reports/slow'));
      await vi.advanceTimersByTimeAsync(3_000);
      const res = await pending;
      expect(res).toHaveStatusCode(504);
      expect(await res.text()).toBe('{"message": "Endpoint request timed out"}');
    } finally {
      vi.useRealTimers();
    }
  });
});
