import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/gateway/adapters/gateway-like.js';
import { toMswHandlers } from '../../src/msw/index.js';
import { BINARY, type Echo, echoGateway } from './helpers.js';

const BASE = 'https://abc123defg.execute-api.us-east-1.amazonaws.com';

describe('toMswHandlers with a stand-in gateway', () => {
  const echo = echoGateway();
  const binary: FetchLike = {
    fetch: async () =>
      new Response(BINARY, {
        status: 200,
        headers: [
          ['Content-Type', 'image/png'],
          ['Set-Cookie', 'a=1'],
          ['Set-Cookie', 'b=2'],
        ],
      }),
  };
  const server = setupServer(
    ...toMswHandlers(echo, { baseUrl: BASE }),
    ...toMswHandlers(binary, { baseUrl: 'https://other.execute-api.eu-west-1.amazonaws.com/prod/' }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('passes the execute-api URL unchanged (stage first), with method, headers and body', async () => {
    const res = await fetch(`${BASE}/prod/pets/7?sort=asc`, {
      method: 'PATCH',
      headers: { 'x-api-key': 'abcdefghijklmnopqrst', 'content-type': 'application/json' },
      body: '{"name":"Rex"}',
    });
    const seen = (await res.json()) as Echo;
    expect(res.status).toBe(200);
    expect(seen.method).toBe('PATCH');
    expect(seen.url).toBe(`${BASE}/prod/pets/7?sort=asc`);
    expect(seen.headers).toContainEqual(['x-api-key', 'abcdefghijklmnopqrst']);
    expect(Buffer.from(seen.bodyBase64, 'base64').toString()).toBe('{"name":"Rex"}');
  });

  it('matches the bare base URL too', async () => {
    const res = await fetch(BASE);
    expect(((await res.json()) as Echo).url).toBe(`${BASE}/`);
  });

  it('serves only requests under a baseUrl path prefix, keeping binary bodies and every Set-Cookie', async () => {
    const res = await fetch('https://other.execute-api.eu-west-1.amazonaws.com/prod/logo.png');
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(BINARY);
    await expect(fetch('https://other.execute-api.eu-west-1.amazonaws.com/dev/logo.png')).rejects.toThrow();
  });
});

describe('toMswHandlers option checks', () => {
  it.each([
    ['not a URL', 'MSW_BASE_URL_INVALID'],
    ['ftp://x.example.com', 'MSW_BASE_URL_INVALID'],
    [`${BASE}/prod?x=1`, 'MSW_BASE_URL_INVALID'],
  ])('refuses baseUrl %s with %s', (baseUrl, code) => {
    expect(() => toMswHandlers(echoGateway(), { baseUrl })).toThrowError(expect.objectContaining({ code }));
  });

  it('refuses unknown options with UNKNOWN_OPTION', () => {
    expect(() => toMswHandlers(echoGateway(), { baseUrl: BASE, baseURL: BASE } as never)).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_OPTION' }),
    );
  });

  it('refuses missing options with MSW_BASE_URL_REQUIRED', () => {
    expect(() => toMswHandlers(echoGateway(), undefined as never)).toThrowError(
      expect.objectContaining({ code: 'MSW_BASE_URL_REQUIRED' }),
    );
  });
});
