// apigw-testkit serve speaks real WebSocket: the `ws` client (what wscat uses) connects on loopback, the
// example chat's handlers broadcast through @connections with the real AWS SDK over the same port.
import { ApiGatewayManagementApiClient, GetConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServe } from '../adapters/helpers.js';

interface Opened {
  ws: WebSocket;
  messages: string[];
  next(): Promise<string>;
  closed: Promise<{ code: number; reason: string }>;
}

function open(url: string, protocols?: string[]): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    const messages: string[] = [];
    const waiting: ((m: string) => void)[] = [];
    ws.on('message', (data) => {
      const text = String(data);
      const waiter = waiting.shift();
      if (waiter) waiter(text);
      else messages.push(text);
    });
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.on('close', (code, reason) => done({ code, reason: String(reason) })),
    );
    ws.on('open', () =>
      resolve({
        ws,
        messages,
        closed,
        next: () => {
          const queued = messages.shift();
          return queued !== undefined ? Promise.resolve(queued) : new Promise((r) => waiting.push(r));
        },
      }),
    );
    let refused = false;
    ws.on('unexpected-response', (_req, res) => {
      refused = true;
      let body = '';
      res.on('data', (c: Buffer) => {
        body += String(c);
      });
      res.on('end', () =>
        reject(
          Object.assign(new Error(`Unexpected server response: ${res.statusCode}`), {
            status: res.statusCode,
            body,
          }),
        ),
      );
    });
    ws.on('error', (error) => {
      if (!refused) reject(error);
    });
  });
}

describe('apigw-testkit serve with a WebSocket API (npm start: examples/pets-api.mjs + chat)', () => {
  const serve = startServe(['examples/pets-api.mjs', '--port', '0']);
  let origin = '';
  let chat = '';
  beforeAll(async () => {
    origin = await serve.origin();
    chat = `${origin.replace('http', 'ws')}/chat`;
  });
  afterAll(async () => {
    expect(await serve.stop()).toBe(0);
  });

  it('prints the wscat line, the messages to type and the @connections calls', () => {
    const banner = serve.out.join('');
    expect(banner).toContain(`  WebSocket URL:  ${chat}\n`);
    expect(banner).toContain(`  npx wscat -c '${chat}?name=Ada'\n`);
    expect(banner).toContain('  > {"action":"sendMessage","text":"hi"}\n');
    expect(banner).toContain(
      `--user AKIDEXAMPLE:secret -d 'hello' ${origin}/chat/@connections/<connectionId>\n`,
    );
    expect(banner).toContain(
      `new ApiGatewayManagementApiClient({ endpoint: '${origin}/chat', region: 'us-east-1' })`,
    );
  });

  it('refuses an upgrade $connect answers 400 with that HTTP status', async () => {
    await expect(open(chat)).rejects.toMatchObject({
      status: 400,
      body: 'name is required: connect to …?name=Ada',
    });
  });

  it('broadcasts through the SDK, answers MOCK and $default routes, and reports closes both ways', async () => {
    const ada = await open(`${chat}?name=Ada`);
    const bob = await open(`${chat}?name=Bob`);
    ada.ws.send('{"action":"ping"}');
    expect(await ada.next()).toBe('{"type":"pong"}');
    ada.ws.send('{"action":"sendMessage","text":"hi"}');
    expect(await ada.next()).toBe('{"from":"Ada","text":"hi"}');
    expect(await bob.next()).toBe('{"from":"Ada","text":"hi"}');
    bob.ws.send('hello?');
    expect(JSON.parse(await bob.next())).toEqual({ error: 'send {"action":"sendMessage","text":"…"}' });
    const id = /WS OPEN \/chat\?name=Bob 101 (\S+)/.exec(serve.out.join(''))?.[1];
    const sdk = new ApiGatewayManagementApiClient({
      endpoint: `${origin}/chat`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    const info = await sdk.send(new GetConnectionCommand({ ConnectionId: id }));
    expect(info.Identity?.SourceIp).toBe('127.0.0.1');
    ada.ws.close(4000, 'done');
    expect(await ada.closed).toEqual({ code: 4000, reason: 'done' });
    bob.ws.send('x'.repeat(33 * 1024));
    expect(await bob.closed).toEqual({ code: 1009, reason: 'Message too big' });
    await new Promise((r) => setTimeout(r, 50));
    const log = serve.out.join('');
    expect(log).toMatch(/\nWS CLOSE \S+ 4000 done\n/);
    expect(log).toContain(`WS CLOSE ${id} 1009 Message too big\n`);
  });

  it('a 33 KB message sent in 16 KB fragments is accepted: the limit is per frame', async () => {
    const ada = await open(`${chat}?name=Ada`);
    const text = JSON.stringify({ action: 'sendMessage', text: 'y'.repeat(33 * 1024) });
    const chunk = 16 * 1024;
    for (let i = 0; i < text.length; i += chunk) {
      ada.ws.send(text.slice(i, i + chunk), { fin: i + chunk >= text.length });
    }
    expect(JSON.parse(await ada.next()).text).toHaveLength(33 * 1024);
    ada.ws.close();
    expect((await ada.closed).code).toBe(1005);
  });

  it('still serves the REST pets API on the same port', async () => {
    const response = await fetch(`${origin}/dev/health`);
    expect([response.status, await response.text()]).toEqual([200, '{"status":"ok"}']);
  });
});
