// Handlers that throw or return what the Lambda runtime cannot turn into a response (found by npm run fuzz):
// the function fails, so a REST API answers 502 and an HTTP API 500, whatever the thrown or returned value does
// when touched; the gateway itself never rejects.
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { validateProxyResult } from '../../src/response/index.js';
import { HOST, wire } from './helpers.js';

const throwingGetter = () =>
  Object.defineProperty({ statusCode: 200 }, 'body', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });
const trap = () =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('trap');
      },
      ownKeys() {
        throw new Error('trap');
      },
    },
  );

describe('hostile handlers answer like a failed function', () => {
  it.each([
    ['throws an object without a prototype', () => Promise.reject(Object.create(null))],
    ['throws an object whose toString throws', () => Promise.reject({ toString: () => { throw new Error('x'); } })], // biome-ignore format: compact
    ['returns a result whose body getter throws', async () => throwingGetter()],
    ['returns a proxy whose traps throw', async () => trap()],
  ])('REST: a handler that %s answers 502 {"message": "Internal server error"}', async (_name, handler) => {
    const gateway = createGateway({ routes: { 'GET /x': handler } });
    const w = await wire(await gateway.fetch(`${HOST}/dev/x`));
    expect(w.status).toBe(502);
    expect(w.body).toBe('{"message": "Internal server error"}');
  });

  it('HTTP API: a handler returning a result whose getter throws answers 500 {"message":"Internal Server Error"}', async () => {
    const gateway = createGateway({ apiType: 'HTTP', routes: { 'GET /x': async () => throwingGetter() } });
    const w = await wire(await gateway.fetch(`${HOST}/x`));
    expect(w.status).toBe(500);
    expect(w.body).toBe('{"message":"Internal Server Error"}');
  });

  it('validateProxyResult reports (never throws) a result whose `then` or properties throw when read', () => {
    const report = validateProxyResult(trap());
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([
      {
        path: '$',
        code: 'RESULT_NOT_SERIALIZABLE',
        message:
          'the Lambda runtime cannot serialise the result to JSON (trap), so the invocation fails; API Gateway answers 502 {"message": "Internal server error"}',
      },
    ]);
    expect(report.response.statusCode).toBe(502);
  });
});
