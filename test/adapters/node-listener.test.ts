import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/gateway/adapters/gateway-like.js';
import { type NodeRequestRecord, toNodeListener } from '../../src/gateway/adapters/node-listener.js';
import { BINARY, type Echo, echoGateway, listen, rawRequest } from './helpers.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(gateway: FetchLike, onRequest?: (r: NodeRequestRecord) => void) {
  const server = await listen(toNodeListener(gateway, onRequest ? { onRequest } : {}));
  closers.push(server.close);
  return server.origin;
}

describe('toNodeListener: request conversion', () => {
  it('passes method, Host-based URL, raw path with double slashes and query unchanged', async () => {
    const origin = await serve(echoGateway());
    const res = await rawRequest(origin, {
      method: 'DELETE',
      path: '/prod//pets/a%2Fb?x=1&x=2&y=a+b',
      headers: [['Host', 'abc123.execute-api.us-east-1.amazonaws.com']],
    });
    const echo = JSON.parse(res.body.toString()) as Echo;
    expect(res.status).toBe(200);
    expect(echo.method).toBe('DELETE');
    expect(echo.url).toBe('http://abc123.execute-api.us-east-1.amazonaws.com/prod//pets/a%2Fb?x=1&x=2&y=a+b');
  });

  it('passes every header line; repeated request headers reach the gateway (joined by fetch Headers)', async () => {
    const origin = await serve(echoGateway());
    const res = await rawRequest(origin, {
      path: '/prod/pets',
      headers: [
        ['X-Multi', 'one'],
        ['X-Multi', 'two'],
        ['X-Api-Key', 'k'.repeat(20)],
      ],
    });
    const echo = JSON.parse(res.body.toString()) as Echo;
    expect(echo.headers).toContainEqual(['x-multi', 'one, two']);
    expect(echo.headers).toContainEqual(['x-api-key', 'kkkkkkkkkkkkkkkkkkkk']);
  });

  it('delivers binary request bodies byte for byte', async () => {
    const origin = await serve(echoGateway());
    const res = await rawRequest(origin, {
      method: 'POST',
      path: '/prod/upload',
      headers: [['Content-Type', 'application/octet-stream']],
      body: BINARY,
    });
    const echo = JSON.parse(res.body.toString()) as Echo;
    expect(Buffer.from(echo.bodyBase64, 'base64')).toEqual(Buffer.from(BINARY));
  });

  it('delivers chunked request bodies', async () => {
    const origin = await serve(echoGateway());
    const res = await fetch(`${origin}/prod/stream`, {
      method: 'PUT',
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('hello '));
          controller.enqueue(new TextEncoder().encode('world'));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    const echo = (await res.json()) as Echo;
    expect(Buffer.from(echo.bodyBase64, 'base64').toString()).toBe('hello world');
  });
});

describe('toNodeListener: response conversion', () => {
  const gateway: FetchLike = {
    async fetch(input) {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/png') {
        return new Response(BINARY, { status: 201, headers: { 'Content-Type': 'image/png' } });
      }
      if (url.pathname === '/empty') return new Response(null, { status: 204, headers: { 'x-a': '1' } });
      const headers = new Headers([
        ['Set-Cookie', 'a=1; Path=/'],
        ['Set-Cookie', 'b=2; HttpOnly'],
        ['X-Amzn-RequestId', 'req-1'],
        ['Content-Type', 'application/json'],
      ]);
      return new Response('{"ok":true}', { status: 418, headers });
    },
  };

  it('sends the status, each Set-Cookie on its own line and every other header', async () => {
    const origin = await serve(gateway);
    const res = await rawRequest(origin, { path: '/cookies' });
    expect(res.status).toBe(418);
    expect(res.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    expect(res.headers['x-amzn-requestid']).toBe('req-1');
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['content-length']).toBe('11');
    expect(res.body.toString()).toBe('{"ok":true}');
  });

  it('sends binary response bodies intact with their exact Content-Length', async () => {
    const origin = await serve(gateway);
    const res = await rawRequest(origin, { path: '/png' });
    expect(res.status).toBe(201);
    expect(res.headers['content-length']).toBe('512');
    expect(res.body).toEqual(Buffer.from(BINARY));
  });

  it('sends no body for 204 and for HEAD', async () => {
    const origin = await serve(gateway);
    const empty = await rawRequest(origin, { path: '/empty' });
    expect(empty.status).toBe(204);
    expect(empty.headers['x-a']).toBe('1');
    expect(empty.body.byteLength).toBe(0);
    const head = await rawRequest(origin, { method: 'HEAD', path: '/cookies' });
    expect(head.status).toBe(418);
    expect(head.body.byteLength).toBe(0);
  });
});

describe('toNodeListener: failures', () => {
  it('answers 500 text/plain naming the failure when the gateway throws, and keeps serving', async () => {
    let calls = 0;
    const origin = await serve({
      async fetch() {
        calls++;
        if (calls === 1) throw new Error('boom');
        return new Response('fine');
      },
    });
    const first = await rawRequest(origin, { path: '/prod/x' });
    expect(first.status).toBe(500);
    expect(first.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(first.headers['x-apigw-testkit-error']).toBe('ADAPTER_FAILURE');
    expect(first.body.toString()).toBe(
      'apigw-testkit: the simulated gateway failed on GET /prod/x: boom. This is not an AWS response: fix the gateway configuration or report the bug.\n',
    );
    const second = await rawRequest(origin, { path: '/prod/x' });
    expect(second.status).toBe(200);
    expect(second.body.toString()).toBe('fine');
  });

  it('survives a client that disconnects while the gateway works, and aborts request.signal', async () => {
    let seen: Request | undefined;
    let release: () => void = () => {};
    const records: NodeRequestRecord[] = [];
    const origin = await serve(
      {
        async fetch(input, init) {
          seen = input instanceof Request ? input : new Request(input, init);
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return new Response('late');
        },
      },
      (r) => records.push(r),
    );
    const { port } = new URL(origin);
    const socket = connect(Number(port), '127.0.0.1');
    socket.write('GET /prod/slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await waitFor(() => seen !== undefined);
    socket.destroy();
    await waitFor(() => seen?.signal.aborted === true);
    release();
    await waitFor(() => records.length === 1);
    expect(records[0]).toMatchObject({ method: 'GET', path: '/prod/slow', aborted: true });
  });

  it('survives a client that disconnects in the middle of the request body', async () => {
    const records: NodeRequestRecord[] = [];
    const origin = await serve(echoGateway(), (r) => records.push(r));
    const { port } = new URL(origin);
    const socket = connect(Number(port), '127.0.0.1');
    socket.write('POST /prod/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten b');
    await new Promise((r) => setTimeout(r, 20));
    socket.destroy();
    await waitFor(() => records.length === 1);
    expect(records[0]).toMatchObject({ method: 'POST', path: '/prod/upload', status: 0, aborted: true });
    const next = await rawRequest(origin, { method: 'POST', path: '/prod/upload', body: 'ok' });
    expect(next.status).toBe(200);
  });

  it('answers 400 text/plain when the Host header cannot form a URL', async () => {
    const origin = await serve(echoGateway());
    const res = await rawRequest(origin, { path: '/prod/x', headers: [['Host', 'bad host']] });
    expect(res.status).toBe(400);
    expect(res.headers['x-apigw-testkit-error']).toBe('ADAPTER_FAILURE');
    expect(res.body.toString()).toMatch(/^apigw-testkit: the request could not be read: /);
  });

  it('refuses a value that is not a gateway with ADAPTER_NOT_A_GATEWAY', () => {
    expect(() => toNodeListener({} as FetchLike)).toThrowError(
      expect.objectContaining({ code: 'ADAPTER_NOT_A_GATEWAY' }),
    );
  });

  it('refuses unknown options with UNKNOWN_OPTION', () => {
    expect(() => toNodeListener(echoGateway(), { onRequests: () => {} } as never)).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_OPTION' }),
    );
  });
});

async function waitFor(condition: () => boolean, ms = 2_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
