import { describe, expect, it } from 'vitest';
import { request } from '../../src/supertest/index.js';
import { BINARY, type Echo, echoGateway } from './helpers.js';

describe('request(gateway) with a stand-in gateway', () => {
  it('sends real HTTP requests through the node listener', async () => {
    const res = await request(echoGateway())
      .post('/prod/pets')
      .set('X-Api-Key', 'abcdefghijklmnopqrst')
      .send({ name: 'Rex' })
      .expect(200)
      .expect('content-type', 'application/json');
    const seen = res.body as Echo;
    expect(seen.method).toBe('POST');
    expect(new URL(seen.url).pathname).toBe('/prod/pets');
    expect(seen.headers).toContainEqual(['x-api-key', 'abcdefghijklmnopqrst']);
    expect(Buffer.from(seen.bodyBase64, 'base64').toString()).toBe('{"name":"Rex"}');
  });

  it('receives binary bodies intact', async () => {
    const gateway = {
      fetch: async () => new Response(BINARY, { headers: { 'content-type': 'application/octet-stream' } }),
    };
    const res = await request(gateway)
      .get('/prod/file')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.body).toEqual(Buffer.from(BINARY));
  });

  it('refuses a value that is not a gateway with ADAPTER_NOT_A_GATEWAY', () => {
    expect(() => request(null as never)).toThrowError(
      expect.objectContaining({ code: 'ADAPTER_NOT_A_GATEWAY' }),
    );
  });
});
