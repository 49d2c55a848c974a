import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoopback } from '../../src/cli/commands/serve.js';
import { startServe } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'apigw-serve-'));
const gatewayModule = join(dir, 'fake-gateway.mjs');
writeFileSync(
  gatewayModule,
  `export const gateway = {
  info: { apiType: 'REST', stage: 'prod', routes: ['GET /things'] },
  async fetch(input, init) { return (await this.handle(input, init)).response; },
  async handle(input, init) {
    const url = new URL(new Request(input, init).url);
    return {
      response: new Response(JSON.stringify({ path: url.pathname }), { status: url.pathname === '/prod/limited' ? 429 : 200 }),
      trace: url.pathname === '/prod/limited'
        ? { throttle: { allowed: false, limitedBy: 'method' } }
        : { cache: { status: 'hit' }, throttle: { allowed: true } },
    };
  },
};
export const examples = [{ title: 'Read it', path: '/things', headers: { 'x-api-key': 'k e y' } }];
`,
);

describe('apigw-testkit serve', () => {
  it('serves a module exporting `gateway` on 127.0.0.1, prints the URL and curl lines, logs each request', async () => {
    const serve = startServe([gatewayModule, '--port', '0']);
    const origin = await serve.origin();
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const banner = serve.out.join('');
    expect(banner).toContain(`Stage URL:   ${origin}/prod/`);
    expect(banner).toContain(`  # Read it\n  curl -i -H 'x-api-key: k e y' ${origin}/prod/things\n`);
    const ok = await fetch(`${origin}/prod/things`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ path: '/prod/things' });
    const limited = await fetch(`${origin}/prod/limited`);
    expect(limited.status).toBe(429);
    await limited.arrayBuffer();
    expect(await serve.stop()).toBe(0);
    const log = serve.out.join('');
    expect(log).toMatch(/\nGET \/prod\/things 200 \d+ms cache=hit throttle=ok\n/);
    expect(log).toMatch(/\nGET \/prod\/limited 429 \d+ms cache=- throttle=throttled\n/);
    expect(log.endsWith('apigw-testkit serve: stopped\n')).toBe(true);
    await expect(fetch(`${origin}/prod/things`)).rejects.toThrow();
  });

  it('resolves the module path against the working directory', async () => {
    const serve = startServe(['fake-gateway.mjs', '--port=0'], dir);
    await serve.origin();
    expect(await serve.stop()).toBe(0);
  });

  it('creates the gateway from default-exported options (HTTP API: no stage prefix) and lists its routes', async () => {
    const file = join(dir, 'options.mjs');
    writeFileSync(
      file,
      `export default { apiType: 'HTTP', routes: { 'GET /pets/{id}': async (e) => ({ id: e.pathParameters.id }), 'POST /pets': async () => ({ statusCode: 201 }) } };\n`,
    );
    const serve = startServe([file, '--port', '0', '--host', 'localhost']);
    const origin = await serve.origin();
    const banner = serve.out.join('');
    expect(banner).toContain('(HTTP API, stage $default)');
    expect(banner).toContain(`  # GET /pets/{id}\n  curl -i ${origin}/pets/id\n`);
    expect(banner).toContain(`  # POST /pets\n  curl -i -X POST ${origin}/pets\n`);
    const res = await fetch(`${origin}/pets/9`);
    expect(res).toHaveStatusCode(200);
    await expect(res).toHaveJsonBody({ id: '9' });
    const missing = await fetch(`${origin}/owners`);
    expect(missing).toHaveStatusCode(404);
    expect(await missing.text()).toBe('{"message":"Not Found"}');
    expect(await serve.stop()).toBe(0);
    expect(serve.out.join('')).toMatch(/\nGET \/owners 404 \d+ms cache=- throttle=-\n/);
  });

  it("--execution-log prints each request's execution log, in AWS wording, under its line", async () => {
    const file = join(dir, 'mock-options.mjs');
    writeFileSync(
      file,
      `export default { routes: { 'GET /health': { integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: { '200': { body: 'up' } } } } } };\n`,
    );
    const serve = startServe([file, '--port', '0', '--execution-log']);
    const origin = await serve.origin();
    expect(await (await fetch(`${origin}/dev/health`)).text()).toBe('up');
    expect(await serve.stop()).toBe(0);
    const log = serve.out.join('');
    expect(log).toMatch(
      /\nGET \/dev\/health 200 \d+ms[^\n]*\n {4}Extended Request Id: [^\n]+\n {4}Starting execution for request: /,
    );
    expect(log).toContain('    HTTP Method: GET, Resource Path: /health\n');
    expect(log).toContain('    Method completed with status: 200\n');
  });

  it('exits 1 with the gateway configuration error code when the exported options are invalid', async () => {
    const file = join(dir, 'bad-options.mjs');
    writeFileSync(file, `export default { apiType: 'SOAP', routes: {} };\n`);
    const serve = startServe([file, '--port', '0']);
    expect(await serve.exit).toBe(1);
    expect(serve.err.join('')).toMatch(/^apigw-testkit serve: .*\[[A-Z_]+\]\n$/);
  });

  it.each([
    [['--port', '0'], 'expected exactly one module path, got 0'],
    [['x.mjs', '--port', '70000'], '--port must be an integer from 0 to 65535, got "70000"'],
    [['x.mjs', '--host', '0.0.0.0'], '--host 0.0.0.0 is not a loopback address'],
  ])('exits 2 with CLI_USAGE for %j', async (args, message) => {
    const serve = startServe(args);
    expect(await serve.exit).toBe(2);
    expect(serve.err.join('')).toContain(message);
    expect(serve.err.join('')).toContain('[CLI_USAGE]');
  });

  it('exits 1 with SERVE_MODULE_NOT_FOUND for a missing module', async () => {
    const serve = startServe(['does-not-exist.mjs'], dir);
    expect(await serve.exit).toBe(1);
    expect(serve.err.join('')).toContain('[SERVE_MODULE_NOT_FOUND]');
  });

  it('exits 1 with SERVE_NO_GATEWAY_EXPORT when the module exports neither a gateway nor options', async () => {
    const file = join(dir, 'nothing.mjs');
    writeFileSync(file, 'export const x = 1;\n');
    const serve = startServe([file]);
    expect(await serve.exit).toBe(1);
    expect(serve.err.join('')).toContain('exports no gateway (default export or `gateway` is undefined)');
    expect(serve.err.join('')).toContain('[SERVE_NO_GATEWAY_EXPORT]');
  });

  it('exits 1 with SERVE_LISTEN_FAILED when the port is taken', async () => {
    const first = startServe([gatewayModule, '--port', '0']);
    const port = new URL(await first.origin()).port;
    const second = startServe([gatewayModule, '--port', port]);
    expect(await second.exit).toBe(1);
    expect(second.err.join('')).toContain('[SERVE_LISTEN_FAILED]');
    expect(await first.stop()).toBe(0);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['192.168.1.10', false],
    ['::', false],
  ])('treats host %s as loopback: %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
