// `serve` for a TypeScript user and `npm start`: TypeScript modules, the default port giving way when taken (a
// named port stays strict), and SIGTERM reaching the server through the shell npm runs scripts in.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUserModule, type TypeScriptSupport } from '../../src/cli/load-module.js';
import { startServe } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'apigw-serve-ts-'));
const tsModule = join(dir, 'api.ts');
writeFileSync(
  tsModule,
  `import type { APIGatewayProxyEventV2 } from 'aws-lambda';
enum Greeting { Hello = 'hello' }
export default {
  apiType: 'HTTP' as const,
  routes: { 'GET /hi/{name}': async (event: APIGatewayProxyEventV2) => ({ message: \`\${Greeting.Hello} \${event.pathParameters?.name}\` }) },
};
`,
);

/** A real process; `stop` sends a signal to it and resolves with its exit code. */
function track(child: ChildProcess) {
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    output: () => out,
    async origin(): Promise<string> {
      for (let i = 0; i < 600; i++) {
        const match = /Listening on (http:\/\/\S+)/.exec(out);
        if (match) return match[1]!;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`serve did not start:\n${out}`);
    },
    stop(signal: NodeJS.Signals): Promise<number | null> {
      child.kill(signal);
      return exited;
    },
  };
}
const spawnServe = (args: string[], cwd: string) =>
  track(
    spawn(process.execPath, [join(root, 'dist/cli/main.js'), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
const spawnShell = (line: string, cwd: string) =>
  track(spawn('sh', ['-c', line], { cwd, stdio: ['ignore', 'pipe', 'pipe'] }));

const jsModule = join(dir, 'api.mjs');
writeFileSync(
  jsModule,
  `export default { apiType: 'HTTP', routes: { 'GET /hi': async () => ({ hi: true }) } };\n`,
);

let blocker: Server;
let blockedPort: number;
beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
  blockedPort = (blocker.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => blocker.close(() => done())));

describe('apigw-testkit serve <module.ts>', () => {
  it('serves a TypeScript module (an enum included) through tsx when the project has it', async () => {
    // A real process: Node 20 strips no types, so the module goes through tsx, found from the working directory.
    const serve = spawnServe(['serve', tsModule, '--port', '0'], root);
    const origin = await serve.origin();
    const res = await fetch(`${origin}/hi/Rex`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'hello Rex' });
    expect(await serve.stop('SIGINT')).toBe(0);
  }, 30_000);

  it('without type stripping and without tsx, refuses with CLI_TYPESCRIPT_UNAVAILABLE saying how to load it', async () => {
    const none: TypeScriptSupport = {
      nodeStripsTypes: false,
      importNative: async () => ({}),
      loadTsx: async () => undefined,
    };
    await expect(importUserModule('serve', tsModule, dir, none)).rejects.toThrowError(
      expect.objectContaining({
        code: 'CLI_TYPESCRIPT_UNAVAILABLE',
        message: `apigw-testkit serve: cannot load ${tsModule}: Node.js ${process.version} does not run TypeScript by itself and tsx is not installed. Install tsx in your project (npm install --save-dev tsx) and run the command again, use Node.js 22.18 or later (it strips types), or compile the module to .js/.mjs`,
      }),
    );
  });

  it('where Node strips types but refuses the syntax (an enum: ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX), falls back to tsx', async () => {
    const imported: string[] = [];
    const support: TypeScriptSupport = {
      nodeStripsTypes: true,
      importNative: async () => {
        throw Object.assign(new SyntaxError('TypeScript enum is not supported in strip-only mode'), {
          code: 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX',
        });
      },
      loadTsx: async () => ({
        tsImport: async (specifier) => {
          imported.push(specifier);
          return { default: 'from tsx' };
        },
      }),
    };
    expect(await importUserModule('serve', tsModule, dir, support)).toEqual({ default: 'from tsx' });
    expect(imported).toEqual([`file://${tsModule}`]);
  });
});

describe('the port of apigw-testkit serve', () => {
  it('without --port, a taken default port gives way to a free one, and the banner says so', async () => {
    const serve = startServe([jsModule], dir, blockedPort);
    const origin = await serve.origin();
    expect(new URL(origin).port).not.toBe(String(blockedPort));
    expect(serve.out.join('')).toContain(
      `apigw-testkit serve: port ${blockedPort} is in use, so a free port was chosen (name one with --port)\n`,
    );
    expect((await fetch(`${origin}/hi`)).status).toBe(200);
    expect(await serve.stop()).toBe(0);
  });

  it('a port named with --port stays strict: SERVE_LISTEN_FAILED when taken', async () => {
    const serve = startServe([jsModule, '--port', String(blockedPort)], dir, blockedPort);
    expect(await serve.exit).toBe(1);
    expect(serve.err.join('')).toContain('[SERVE_LISTEN_FAILED]');
  });
});

describe('npm start', () => {
  it('runs serve so that SIGTERM sent to the script shell (what npm signals) stops the server', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    const [build, serveLine] = pkg.scripts.start.split(' && ');
    expect(build).toBe('npm run build');
    // The shell npm would start, minus the build (npm test built dist/ already), on a free port.
    const serve = spawnShell(`${serveLine} --port 0`, root);
    const origin = await serve.origin();
    expect((await fetch(`${origin}/dev/health`)).status).toBe(200);
    expect(await serve.stop('SIGTERM')).toBe(0);
    expect(serve.output()).toContain('apigw-testkit serve: stopped\n');
    await expect(fetch(`${origin}/dev/health`)).rejects.toThrow();
  }, 30_000);
});
