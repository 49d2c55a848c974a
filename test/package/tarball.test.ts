// Installs the packed tarball (npm pack of the built package) into a scratch project, offline, and uses it
// the way a user would: import AND require every exports entry, run the bin, resolve every source map, and
// type-check an ESM and a CommonJS consumer with `module: nodenext`. No registry is reached: the tarball is
// unpacked into node_modules/apigw-testkit and its bin linked as npm would, and the runtime dependencies and
// optional peers are linked in from this repository's node_modules.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const specifiers = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object')
  .map(([subpath]) => (subpath === '.' ? 'apigw-testkit' : `apigw-testkit${subpath.slice(1)}`));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let scratch = '';
let installed = '';

/** Runs a command in the scratch project and returns its stdout (throws with stderr on a non-zero exit). */
function run(command: string, args: string[]): string {
  return execFileSync(command, args, { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'apigw-testkit-pack-'));
  // npm test built dist/ already: pack without running prepack again.
  const packed = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], {
    cwd: root,
    encoding: 'utf8',
  });
  const tarball = join(scratch, (JSON.parse(packed) as { filename: string }[])[0]!.filename);
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  const modules = join(scratch, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', scratch]);
  installed = join(modules, 'apigw-testkit');
  renameSync(join(scratch, 'package'), installed);
  for (const [name, target] of Object.entries(pkg.bin)) {
    chmodSync(join(installed, target), 0o755);
    symlinkSync(join('..', 'apigw-testkit', target), join(modules, '.bin', name));
  }
  // Dependencies, peers and the types a consumer has come from this repository, linked, not downloaded.
  const linked = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies),
    '@types/node',
  ];
  for (const name of linked) {
    const target = join(modules, name);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), target, 'dir');
  }
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed tarball installed into a scratch project', () => {
  it('imports and requires every exports entry, with the same named exports both ways (vitest/setup: import only)', () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const out = {};
      for (const specifier of ${JSON.stringify(specifiers)}) {
        const esm = Object.keys(await import(specifier)).sort();
        try {
          const cjs = Object.keys(require(specifier)).filter((k) => k !== '__esModule').sort();
          out[specifier] = { esm, cjs };
        } catch (error) {
          out[specifier] = { esm, cjs: String(error.message).split('\\n')[0] };
        }
      }
      console.log(JSON.stringify(out));`;
    writeFileSync(join(scratch, 'load.mjs'), script);
    const loaded = JSON.parse(run(process.execPath, ['load.mjs'])) as Record<
      string,
      { esm: string[]; cjs: string[] | string }
    >;
    expect(Object.keys(loaded)).toEqual(specifiers);
    for (const [specifier, { esm, cjs }] of Object.entries(loaded)) {
      if (specifier === 'apigw-testkit/vitest/setup') {
        // It registers the matchers on vitest's expect, and vitest refuses require() with this message; vitest
        // itself always imports setup files, so the CommonJS twin is never loaded by a working setup.
        expect(cjs).toBe(
          'Vitest cannot be imported in a CommonJS module using require(). Please use "import" instead.',
        );
        continue;
      }
      expect(esm.length, specifier).toBeGreaterThan(0);
      expect(cjs, specifier).toEqual(esm);
    }
  });

  it('a CommonJS script requires the root and gets a gateway answer through it', () => {
    writeFileSync(
      join(scratch, 'answer.cjs'),
      `const { createGateway } = require('apigw-testkit');
       const gateway = createGateway({ routes: { 'GET /ping': async () => ({ statusCode: 200, body: 'pong' }) } });
       gateway.fetch('/dev/ping').then(async (r) => console.log(r.status, await r.text()));`,
    );
    expect(run(process.execPath, ['answer.cjs'])).toBe('200 pong\n');
  });

  it('the bin runs from node_modules/.bin', () => {
    const out = run(join(scratch, 'node_modules/.bin/apigw-testkit'), ['--help']);
    expect(out).toContain('apigw-testkit');
  });

  it('loadEventFixture finds the shipped fixtures from the bundled entry', () => {
    writeFileSync(
      join(scratch, 'fixture.cjs'),
      `console.log(require('apigw-testkit/events').loadEventFixture('proxy-v1', 'get-no-auth').httpMethod);`,
    );
    expect(run(process.execPath, ['fixture.cjs'])).toBe('GET\n');
  });

  it('every source map names only files the package ships', () => {
    const missing: string[] = [];
    let maps = 0;
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.map')) {
          maps++;
          const map = JSON.parse(readFileSync(path, 'utf8')) as { sources: string[]; sourceRoot?: string };
          for (const source of map.sources) {
            const file = resolve(dirname(path), map.sourceRoot ?? '', source);
            try {
              readFileSync(file);
            } catch {
              missing.push(`${path.slice(installed.length)} → ${source}`);
            }
          }
        }
      }
    };
    walk(join(installed, 'dist'));
    expect(maps).toBeGreaterThan(specifiers.length);
    expect(missing).toEqual([]);
  });

  it.each([
    ['ESM', 'consumer.mts', 'import'],
    ['CommonJS', 'consumer.cts', 'require'],
  ])('types resolve for a %s consumer (module: nodenext) through every entry', (_kind, file, mode) => {
    const lines = specifiers.map((specifier, i) =>
      mode === 'import'
        ? `import * as m${i} from '${specifier}';`
        : `import m${i} = require('${specifier}');`,
    );
    // Each line fails to compile unless the entry's declarations really resolved (an unresolved module is `any`).
    const used = specifiers.map(
      (_s, i) => `// @ts-expect-error: a module namespace is not a number\nconst n${i}: number = m${i};`,
    );
    writeFileSync(
      join(scratch, file),
      `${lines.join('\n')}
import { buildProxyEventV1, createGateway } from 'apigw-testkit';
const event = buildProxyEventV1({ method: 'GET', path: '/pets/7' });
const method: string = event.httpMethod;
// @ts-expect-error: httpMethod is a string
const wrong: number = event.httpMethod;
const gateway = createGateway({ routes: { 'GET /pets/{id}': async () => ({ statusCode: 200, body: '' }) } });
export const pending: Promise<Response> = gateway.fetch('/dev/pets/7');
${used.join('\n')}
export { method, wrong, ${specifiers.map((_s, i) => `n${i}`).join(', ')} };
`,
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        files: [file],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      output = run(process.execPath, [tsc, '-p', 'tsconfig.json']);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});
