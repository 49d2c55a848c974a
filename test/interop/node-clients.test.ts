import { request as httpRequest } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toNodeListener } from '../../src/gateway/adapters/node-listener.js';
import { createGateway } from '../../src/gateway/index.js';
import { toMswHandlers } from '../../src/msw/index.js';
import { request as supertest } from '../../src/supertest/index.js';
import { listen, rawRequest } from '../adapters/helpers.js';

/** A REST API whose one Lambda records the event and answers with a short text. */
function recordingRest() {
  const seen: APIGatewayProxyEvent[] = [];
  const gateway = createGateway({
    binaryMediaTypes: ['application/octet-stream'],
    routes: {
      'ANY /{proxy+}': async (event: APIGatewayProxyEvent) => {
        seen.push(event);
        return {
          statusCode: 200,
          headers: { 'Content-Type': 'text/plain' },
          body: `got ${event.httpMethod}`,
        };
      },
    },
  });
  return { gateway, seen };
}

function recordingHttp() {
  const seen: APIGatewayProxyEventV2[] = [];
  const gateway = createGateway({
    apiType: 'HTTP',
    routes: {
      $default: async (event: APIGatewayProxyEventV2) => {
        seen.push(event);
        return { statusCode: 200, body: 'ok' };
      },
    },
  });
  return { gateway, seen };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(gateway: Parameters<typeof toNodeListener>[0]): Promise<string> {
  const server = await listen(toNodeListener(gateway));
  closers.push(server.close);
  return server.origin;
}

describe('toNodeListener passes header lines as the client sent them', () => {
  const lines: [string, string][] = [
    ['tEsT-HEADeR', 'as sent'],
    ['X-Multi', 'one'],
    ['X-Multi', 'two'],
    ['authorization', 'Bearer t0k3n'],
    ['Expect', '100-continue'],
  ];

  it('REST: client casing kept, repeated lines listed separately, last value in headers, authorization → Authorization, Expect dropped', async () => {
    const { gateway, seen } = recordingRest();
    const origin = await serve(gateway);
    const res = await rawRequest(origin, { path: '/dev/headers', headers: lines });
    expect(res.status).toBe(200);
    const event = seen[0]!;
    expect(event.headers['tEsT-HEADeR']).toBe('as sent');
    expect(event.headers['test-header']).toBeUndefined();
    expect(event.multiValueHeaders['X-Multi']).toEqual(['one', 'two']);
    expect(event.headers['X-Multi']).toBe('two');
    expect(event.headers.Authorization).toBe('Bearer t0k3n');
    expect(Object.keys(event.headers).some((n) => /^(expect|content-length)$/i.test(n))).toBe(false);
  });

  it('HTTP API: names lowercased and repeated lines joined with "," (no space)', async () => {
    const { gateway, seen } = recordingHttp();
    const origin = await serve(gateway);
    await rawRequest(origin, { path: '/headers', headers: lines });
    const event = seen[0]!;
    expect(event.headers['test-header']).toBe('as sent');
    expect(event.headers['x-multi']).toBe('one,two');
    expect(event.headers.authorization).toBe('Bearer t0k3n');
    expect(event.headers.expect).toBeUndefined();
  });
});

describe('real clients against toNodeListener on loopback', () => {
  it('HEAD: the handler sees httpMethod HEAD, the client gets the status and headers but no body', async () => {
    const { gateway, seen } = recordingRest();
    const origin = await serve(gateway);
    const res = await fetch(`${origin}/dev/thing`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(await res.text()).toBe('');
    expect(seen[0]?.httpMethod).toBe('HEAD');
  });

  it('Expect: 100-continue: the client gets 100 Continue, the body arrives, the header does not', async () => {
    const { gateway, seen } = recordingRest();
    const origin = await serve(gateway);
    const { hostname, port } = new URL(origin);
    const { status, continued } = await new Promise<{ status: number; continued: boolean }>(
      (resolve, reject) => {
        let continued = false;
        const req = httpRequest({
          host: hostname,
          port,
          method: 'PUT',
          path: '/dev/upload',
          headers: { Expect: '100-continue', 'Content-Type': 'text/plain', 'Content-Length': '5' },
        });
        req.on('continue', () => {
          continued = true;
          req.end('hello');
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, continued }));
        });
        req.on('error', reject);
      },
    );
    expect(continued).toBe(true);
    expect(status).toBe(200);
    expect(seen[0]?.body).toBe('hello');
    expect(seen[0]?.multiValueHeaders.Expect).toBeUndefined();
  });

  it('Accept-Encoding: gzip is forwarded to the Lambda, and the response is not compressed (no minimumCompressionSize)', async () => {
    const { gateway, seen } = recordingRest();
    const origin = await serve(gateway);
    const res = await rawRequest(origin, {
      path: '/dev/gz',
      headers: [['Accept-Encoding', 'gzip, deflate']],
    });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe('got GET');
    expect(seen[0]?.headers['Accept-Encoding']).toBe('gzip, deflate');
  });

  it("a body whose event stays under Lambda's 6 MB invoke limit reaches the Lambda whole (binary: base64)", async () => {
    const { gateway, seen } = recordingRest();
    const origin = await serve(gateway);
    const size = 4 * 1024 * 1024; // base64 in the event: 5 592 408 bytes
    const body = new Uint8Array(size).map((_, i) => i % 251);
    const res = await rawRequest(origin, {
      method: 'POST',
      path: '/dev/upload',
      headers: [['Content-Type', 'application/octet-stream']],
      body,
    });
    expect(res.status).toBe(200);
    expect(seen[0]?.isBase64Encoded).toBe(true);
    expect(Buffer.from(seen[0]?.body ?? '', 'base64').equals(Buffer.from(body))).toBe(true);
  });

  it('a body under the 10 MB API Gateway quota but over Lambda\'s 6 MB event limit: REST 413 {"message": "Request Too Long"}, Lambda not invoked', async () => {
    const { gateway, seen } = recordingRest();
    const origin = await serve(gateway);
    const body = new Uint8Array(10 * 1024 * 1024 - 1024).map((_, i) => i % 251);
    const res = await rawRequest(origin, {
      method: 'POST',
      path: '/dev/upload',
      headers: [['Content-Type', 'application/octet-stream']],
      body,
    });
    expect(res.status).toBe(413);
    expect(res.headers['x-amzn-errortype']).toBe('BadRequestException');
    expect(res.body.toString()).toBe('{"message": "Request Too Long"}');
    expect(seen).toHaveLength(0);
  });

  it("query with '+', '%2B', raw ';' and '|': REST form-decodes and splits at ';'", async () => {
    const { gateway, seen } = recordingRest();
    const origin = await serve(gateway);
    await rawRequest(origin, { path: '/dev/q?a=1+2&b=%2B&c=x;y=z&d=p|q&e=%7C&f=%3B' });
    expect(seen[0]?.queryStringParameters).toEqual({
      a: '1 2',
      b: '+',
      c: 'x',
      y: 'z',
      d: 'p|q',
      e: '|',
      f: ';',
    });
    expect(seen[0]?.multiValueQueryStringParameters).toEqual({
      a: ['1 2'],
      b: ['+'],
      c: ['x'],
      y: ['z'],
      d: ['p|q'],
      e: ['|'],
      f: [';'],
    });
  });

  it("query with '+', '%2B', raw ';' and '|': HTTP API keeps rawQueryString as sent and does not split at ';'", async () => {
    const { gateway, seen } = recordingHttp();
    const origin = await serve(gateway);
    await rawRequest(origin, { path: '/q?a=1+2&b=%2B&c=x;y=z&d=p|q' });
    expect(seen[0]?.rawQueryString).toBe('a=1+2&b=%2B&c=x;y=z&d=p|q');
    expect(seen[0]?.queryStringParameters).toEqual({ a: '1 2', b: '+', c: 'x;y=z', d: 'p|q' });
  });
});

describe('supertest', () => {
  it('HEAD through request(gateway): status and headers, empty body', async () => {
    const { gateway, seen } = recordingRest();
    const res = await supertest(gateway).head('/dev/thing').expect(200);
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.text).toBeUndefined();
    expect(seen[0]?.httpMethod).toBe('HEAD');
  });

  it('keeps a mixed-case header name as the REST event sees it', async () => {
    const { gateway, seen } = recordingRest();
    await supertest(gateway).get('/dev/x?tag=a&tag=b').set('X-Trace-Me', 'yes').expect(200);
    expect(seen[0]?.headers['X-Trace-Me']).toBe('yes');
    expect(seen[0]?.multiValueQueryStringParameters).toEqual({ tag: ['a', 'b'] });
  });
});

describe('msw', () => {
  const rest = recordingRest();
  const server = setupServer(...toMswHandlers(rest.gateway));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it("fetch of the invoke URL with '+' and '%2B' in the query: REST form-decodes both", async () => {
    const res = await fetch(rest.gateway.url('/search?q=a+b&plus=%2B'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('got GET');
    expect(rest.seen.at(-1)?.queryStringParameters).toEqual({ q: 'a b', plus: '+' });
  });

  it('a fetch Request lowercases header names, so through msw the REST event sees them lowercased', async () => {
    await fetch(rest.gateway.url('/h'), { headers: { 'X-Mixed-Case': 'v' } });
    expect(rest.seen.at(-1)?.headers['x-mixed-case']).toBe('v');
    expect(rest.seen.at(-1)?.headers['X-Mixed-Case']).toBeUndefined();
  });
});
