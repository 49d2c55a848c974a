import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeFetchResponse } from '../../src/gateway/adapters/node-response.js';
import { BufferedResponse, readResponse } from '../../src/http/index.js';

// Every assertion runs against undici's own Response and against BufferedResponse: the gateway's responses
// must be indistinguishable from `new Response(body, init)` to any consumer.
type Make = (body: string | Uint8Array | null, init?: ResponseInit) => Response;
const implementations: [string, Make][] = [
  ['new Response', (body, init) => new Response(body as string | Uint8Array<ArrayBuffer> | null, init)],
  ['BufferedResponse', (body, init) => new BufferedResponse(body, init)],
];
const UNUSABLE = 'Body is unusable: Body has already been read';
const CONSUMED = 'Response.clone: Body has already been consumed.';
const json = {
  status: 201,
  headers: [
    ['Content-Type', 'application/json'],
    ['X-A', '1'],
    ['x-a', '2'],
  ] as [string, string][],
};

async function drain(stream: ReadableStream<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe.each(implementations)('%s conforms to the fetch Response body rules', (_name, make) => {
  it('is a Response with the given status and native headers', () => {
    const res = make('{"ok":true}', json);
    expect(res).toBeInstanceOf(Response);
    expect(Object.prototype.toString.call(res)).toBe('[object Response]');
    expect([res.status, res.ok, res.statusText, res.type, res.url, res.redirected]).toEqual([
      201,
      true,
      '',
      'default',
      '',
      false,
    ]);
    expect(res.headers).toBeInstanceOf(Headers);
    expect([...res.headers]).toEqual([
      ['content-type', 'application/json'],
      ['x-a', '1, 2'],
    ]);
    expect(res.bodyUsed).toBe(false);
  });

  it.each(['text', 'json', 'arrayBuffer', 'bytes', 'blob', 'formData'] as const)(
    'rejects a second read with TypeError "Body is unusable" after text(), then %s()',
    async (method) => {
      const res = make('a=1', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(await res.text()).toBe('a=1');
      expect(res.bodyUsed).toBe(true);
      const second = res[method]();
      expect(second).toBeInstanceOf(Promise);
      await expect(second).rejects.toThrow(new TypeError(UNUSABLE));
    },
  );

  it('reads json(), arrayBuffer(), bytes(), blob() and formData() like undici', async () => {
    expect(await make('{"a":[1,2]}').json()).toEqual({ a: [1, 2] });
    const buffer = await make('hé').arrayBuffer();
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(buffer)]).toEqual([0x68, 0xc3, 0xa9]);
    const bytes = await make(new Uint8Array([0, 255, 1])).bytes();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([0, 255, 1]);
    expect(bytes.buffer.byteLength).toBe(3);
    const blob = await make('x', { headers: { 'content-type': 'Application/JSON; Charset=UTF-8' } }).blob();
    expect([blob.type, await blob.text()]).toEqual(['application/json;charset=utf-8', 'x']);
    const form = await make('a=1&b=%20', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }).formData();
    expect([...form]).toEqual([
      ['a', '1'],
      ['b', ' '],
    ]);
  });

  it('rejects json() of a non-JSON body with a SyntaxError and counts the body as read', async () => {
    const res = make('not json');
    await expect(res.json()).rejects.toThrow(SyntaxError);
    expect(res.bodyUsed).toBe(true);
    await expect(res.text()).rejects.toThrow(new TypeError(UNUSABLE));
  });

  it('decodes text() as UTF-8: a leading BOM is dropped, a lone surrogate becomes U+FFFD', async () => {
    expect(await make('\uFEFFhi').text()).toBe('hi');
    expect(await make('a\uD800b').text()).toBe('a\uFFFDb');
    expect([...(await make('a\uD800b').bytes())]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect(await make(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xff])).text()).toBe('h\uFFFD');
  });

  it('gives fresh copies: mutating a read buffer changes nothing for a clone', async () => {
    const source = new Uint8Array([1, 2, 3]);
    const res = make(source);
    const copy = res.clone();
    const first = await res.bytes();
    first[0] = 9;
    source[1] = 9;
    expect([...(await copy.bytes())]).toEqual([1, 2, 3]);
  });

  it('clones an unread body: both the clone and the original read it in full', async () => {
    const res = make('body', json);
    const copy = res.clone();
    expect(copy).toBeInstanceOf(Response);
    expect([copy.status, [...copy.headers]]).toEqual([res.status, [...res.headers]]);
    expect(await copy.text()).toBe('body');
    expect(await res.text()).toBe('body');
    expect([res.bodyUsed, copy.bodyUsed]).toEqual([true, true]);
  });

  it('refuses to clone a read body (TypeError)', async () => {
    const res = make('body');
    await res.text();
    expect(() => res.clone()).toThrow(new TypeError(CONSUMED));
  });

  it('exposes body as one ReadableStream that reads the bytes, after which the body is used', async () => {
    const res = make('streamed');
    const stream = res.body;
    expect(stream).toBeInstanceOf(ReadableStream);
    expect(res.body).toBe(stream);
    expect(res.bodyUsed).toBe(false);
    expect(await drain(stream as ReadableStream<Uint8Array>)).toBe('streamed');
    expect(res.bodyUsed).toBe(true);
    await expect(res.text()).rejects.toThrow(new TypeError(UNUSABLE));
    expect(() => res.clone()).toThrow(new TypeError(CONSUMED));
  });

  it('reads text() after body was only looked at', async () => {
    const res = make('peek');
    expect(res.body).not.toBeNull();
    expect(await res.text()).toBe('peek');
    expect(res.bodyUsed).toBe(true);
  });

  it('has a read, used stream as body after text()', async () => {
    const res = make('done');
    await res.text();
    const stream = res.body as ReadableStream<Uint8Array>;
    expect(stream).toBeInstanceOf(ReadableStream);
    expect(res.bodyUsed).toBe(true);
    await expect(res.arrayBuffer()).rejects.toThrow(new TypeError(UNUSABLE));
  });

  it('refuses reads and clones while a reader holds the stream, without marking the body used', async () => {
    const res = make('locked');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await expect(res.text()).rejects.toThrow(new TypeError(UNUSABLE));
    expect(res.bodyUsed).toBe(false);
    expect(() => res.clone()).toThrow(new TypeError(CONSUMED));
    reader.releaseLock();
    expect(await res.text()).toBe('locked');
  });

  it('clones after body was looked at: both read the bytes', async () => {
    const res = make('tee');
    expect(res.body).not.toBeNull();
    const copy = res.clone();
    expect(await drain(res.body as ReadableStream<Uint8Array>)).toBe('tee');
    expect(await copy.text()).toBe('tee');
  });

  it('feeds a new Response through its body stream', async () => {
    const res = make('piped', json);
    const piped = new Response(res.body, res);
    expect(piped.status).toBe(201);
    expect(await piped.text()).toBe('piped');
    expect(res.bodyUsed).toBe(true);
  });

  it('reads the same through readResponse (original stays readable)', async () => {
    const res = make('snap', json);
    const snap = await readResponse(res);
    expect([snap.status, snap.body, snap.headers]).toEqual([201, 'snap', [...res.headers]]);
    expect(await res.text()).toBe('snap');
  });

  it('refuses a body for 204, 205 and 304 (TypeError from the constructor)', () => {
    for (const status of [204, 205, 304]) expect(() => make('', { status })).toThrow(TypeError);
  });

  it('is written byte for byte by the Node listener adapter', async () => {
    const server = createServer((_req, nodeRes) => {
      void writeFetchResponse(nodeRes, make(new Uint8Array([0x68, 0x00, 0xff]), json), false);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.status).toBe(201);
      expect(res.headers.get('content-length')).toBe('3');
      expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0x68, 0x00, 0xff]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

// No body at all: what a 204/205/304, a HEAD answer or an empty body is (toFetchResponse and the gateway give one).
describe.each(implementations)('%s without a body (null) behaves like undici', (_name, make) => {
  it('has body null, reads as empty any number of times and never becomes used', async () => {
    const res = make(null, { status: 204, headers: [['X-A', '1']] });
    expect([res.status, res.body, res.bodyUsed]).toEqual([204, null, false]);
    expect(await res.text()).toBe('');
    expect(await res.text()).toBe('');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    expect((await res.bytes()).byteLength).toBe(0);
    expect((await res.blob()).size).toBe(0);
    expect(res.bodyUsed).toBe(false);
    expect([...res.headers]).toEqual([['x-a', '1']]);
  });

  it('rejects json() with the SyntaxError of an empty text, and still clones', async () => {
    const res = make(null);
    await expect(res.json()).rejects.toThrow(new SyntaxError('Unexpected end of JSON input'));
    const copy = res.clone();
    expect([copy.status, copy.body, await copy.text(), copy.headers.get('content-type')]).toEqual([
      200,
      null,
      '',
      null,
    ]);
  });

  it('prints as undici prints it', () => {
    expect(inspect(make(null, { status: 205 }))).toBe(inspect(new Response(null, { status: 205 })));
  });
});

describe.each(implementations)('%s headers behave like a Response built with them', (_name, make) => {
  it('refuses an invalid header name or value at construction (TypeError)', () => {
    expect(() => make('x', { headers: [['x a', '1']] })).toThrow(TypeError);
    expect(() => make('x', { headers: [['x-a', 'a\nb']] })).toThrow(TypeError);
    expect(() => make('x', { headers: [['x-a', 'a\u0100']] })).toThrow(TypeError);
  });

  it('trims header values and keeps later changes to the init array out', () => {
    const pairs: [string, string][] = [
      ['X-Trim', ' v\t'],
      ['X-Keep', 'k'],
    ];
    const res = make('x', { headers: pairs });
    pairs[1] = ['X-Keep', 'changed'];
    pairs.push(['X-New', 'n']);
    expect([...res.headers]).toEqual([
      ['content-type', 'text/plain;charset=UTF-8'],
      ['x-keep', 'k'],
      ['x-trim', 'v'],
    ]);
  });

  it('adds content-type text/plain;charset=UTF-8 to a text body without one, nothing to bytes', () => {
    expect(make('x').headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    expect(make('x', { headers: { 'x-a': '1' } }).headers.get('content-type')).toBe(
      'text/plain;charset=UTF-8',
    );
    expect(make('x', { headers: [['Content-Type', 'a/b']] }).headers.get('content-type')).toBe('a/b');
    expect(make(new Uint8Array([1])).headers.get('content-type')).toBeNull();
  });

  it('has mutable headers whose changes a clone carries', async () => {
    const res = make('x', { headers: [['Set-Cookie', 'a=1']] });
    expect(res.headers).toBe(res.headers);
    res.headers.append('Set-Cookie', 'b=2');
    const copy = res.clone();
    expect(copy.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(new Response(await res.text(), res).headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it.each([
    ['a plain init', { headers: [['X-A', '1']] }, [200, '']],
    [
      'an init with a statusText',
      { status: 202, statusText: 'Accepted', headers: [['X-A', '1']] },
      [202, 'Accepted'],
    ],
  ] as [string, ResponseInit, [number, string]][])(
    'carries header changes made after the body stream was taken into a clone (%s)',
    async (_, init, [status, statusText]) => {
      const res = make('x', init);
      expect(res.body).not.toBeNull();
      res.headers.set('X-B', '2');
      res.headers.delete('X-A');
      const copy = res.clone();
      expect([copy.status, copy.statusText, copy.headers.get('x-a'), copy.headers.get('x-b')]).toEqual([
        status,
        statusText,
        null,
        '2',
      ]);
      expect([await copy.text(), await res.text()]).toEqual(['x', 'x']);
    },
  );
});

describe('BufferedResponse beside a real Response in util.inspect (console.log)', () => {
  it('prints exactly what undici prints for the same status, headers and body', () => {
    const init = { status: 201, headers: [['Content-Type', 'application/json'] as [string, string]] };
    const shown = (res: Response) =>
      inspect(res, { depth: 4 }).replace(/ReadableStream \{[^}]*\}/, 'ReadableStream');
    expect(shown(new BufferedResponse('{"a":1}', init))).toBe(shown(new Response('{"a":1}', init)));
    expect(shown(new BufferedResponse('{"a":1}', init))).toMatch(/^Response \{\n {2}status: 201,/);
  });
});

// Node defines the `Response` global as a lazy getter that loads undici (~35–45 ms in a fresh process). The link of
// BufferedResponse to Response.prototype waits for the first read of that global, so a test that only reads status
// and text() never loads it, while `instanceof Response` still holds for anyone who asks. Only a fresh process
// shows this (the test worker may have read the global already), so it runs the built package (npm test builds
// dist/ first).
describe('a gateway response in a fresh process', () => {
  const run = (code: string) =>
    execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    });
  const setup = `
    const { createGateway } = await import('./dist/index.js');
    const gateway = createGateway({ routes: { 'GET /pets/{id}': async (e) => ({ statusCode: 200, body: 'pet ' + e.pathParameters.id }) } });
    const response = await gateway.fetch('/dev/pets/7');
    const undici = () => process.moduleLoadList.some((name) => name.includes('undici'));`;

  it('answers status and text() without loading Node’s fetch implementation (undici)', () => {
    const out = run(`${setup}
      console.log(JSON.stringify([response.status, await response.text(), undici()]));`);
    expect(JSON.parse(out)).toEqual([200, 'pet 7', false]);
  });

  it('reads headers (get, iteration, getSetCookie, passed on to a request) without loading undici; instanceof Headers once the global is read', () => {
    const out = run(`${setup}
      const headers = response.headers;
      const forwarded = await gateway.fetch('/dev/pets/8', { headers });
      const read = [headers.get('content-type'), [...headers].map(([name]) => name).includes('content-type'), headers.has('X-Missing'), headers.getSetCookie(), forwarded.status];
      const before = undici();
      const linked = [headers instanceof Headers, Object.prototype.toString.call(headers), response.headers === headers, undici()];
      console.log(JSON.stringify([...read, before, ...linked]));`);
    expect(JSON.parse(out)).toEqual([
      'application/json',
      true,
      false,
      [],
      200,
      false,
      true,
      '[object Headers]',
      true,
      true,
    ]);
  });

  it('answers a 204 and a HEAD request (no body) without loading undici', () => {
    const out = run(`
      const { createGateway } = await import('./dist/index.js');
      const gateway = createGateway({ routes: {
        'DELETE /pets/{id}': async () => ({ statusCode: 204, body: '' }),
        'HEAD /pets/{id}': async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"a":1}' }),
      } });
      const deleted = await gateway.fetch('/dev/pets/7', { method: 'DELETE' });
      const head = await gateway.fetch('/dev/pets/7', { method: 'HEAD' });
      console.log(JSON.stringify([deleted.status, deleted.body, await deleted.text(), head.status, head.headers.get('content-type'), await head.text(), process.moduleLoadList.some((n) => n.includes('undici'))]));`);
    expect(JSON.parse(out)).toEqual([204, null, '', 200, 'application/json', '', false]);
  });

  it('answers WebSocket @connections POST 200 and DELETE 204 (no body) without loading undici', () => {
    const out = run(`
      const { createGateway } = await import('./dist/index.js');
      const gateway = createGateway({ apiType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action', routes: {} });
      const client = await gateway.connect({});
      const signed = { Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=abc' };
      const url = gateway.info.callbackUrl + '/@connections/' + encodeURIComponent(client.connectionId);
      const post = await gateway.fetch(url, { method: 'POST', headers: signed, body: 'hi' });
      const message = await client.nextMessage();
      const deleted = await gateway.fetch(url, { method: 'DELETE', headers: signed });
      console.log(JSON.stringify([post.status, post.body, await post.text(), message, deleted.status, deleted.body, await deleted.text(), /^[0-9a-f-]{36}$/.test(deleted.headers.get('x-amzn-RequestId')), process.moduleLoadList.some((n) => n.includes('undici'))]));`);
    expect(JSON.parse(out)).toEqual([200, null, '', 'hi', 204, null, '', true, false]);
  });

  it('takes { name: value } and [name, value][] request headers, and caches without loading undici', () => {
    const out = run(`
      const { createGateway } = await import('./dist/index.js');
      const gateway = createGateway({
        cache: { ttlInSeconds: 60 },
        routes: { 'POST /pets': async (e) => ({ statusCode: 201, body: e.headers['Content-Type'] + ' ' + e.body }), 'GET /pets': async () => ({ statusCode: 200, body: 'list' }) },
      });
      const post = await gateway.fetch('/dev/pets', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'rex' });
      const gets = [];
      for (let i = 0; i < 2; i++) gets.push(await (await gateway.fetch('/dev/pets', { headers: [['Cache-Control', 'max-age=60']] })).text());
      console.log(JSON.stringify([post.status, await post.text(), gets, process.moduleLoadList.some((n) => n.includes('undici'))]));`);
    expect(JSON.parse(out)).toEqual([201, 'text/plain rex', ['list', 'list'], false]);
  });

  it('is instanceof Response, tagged Response and has Headers once the Response global is read', () => {
    const out = run(`${setup}
      const before = undici();
      const checks = [response instanceof Response, Object.prototype.toString.call(response),
        response.headers instanceof Headers, response.headers.get('content-type'),
        Object.getOwnPropertyDescriptor(globalThis, 'Response').writable, typeof Response.json];
      console.log(JSON.stringify([before, ...checks, undici()]));`);
    expect(JSON.parse(out)).toEqual([
      false,
      true,
      '[object Response]',
      true,
      'application/json',
      true,
      'function',
      true,
    ]);
  });

  it('links at once when the Response global was read before the first response', () => {
    const out = run(`globalThis.Response; ${setup}
      console.log(JSON.stringify([Object.getPrototypeOf(Object.getPrototypeOf(response)) === Response.prototype, response instanceof Response]));`);
    expect(JSON.parse(out)).toEqual([true, true]);
  });

  it('links to a Response assigned over the global before it was read', () => {
    const out = run(`${setup}
      class Polyfill {}
      globalThis.Response = Polyfill;
      console.log(JSON.stringify([response instanceof Polyfill, Object.getOwnPropertyDescriptor(globalThis, 'Response').value === Polyfill]));`);
    expect(JSON.parse(out)).toEqual([true, true]);
  });
});
