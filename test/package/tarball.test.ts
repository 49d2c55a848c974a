// The packed tarball, unpacked into a scratch project (test/package/consumer-project.ts: no registry is reached,
// other packages are links to this repository's node_modules), used the way a user would: import AND require
// every exports entry, run the bin, load fixtures, resolve every source map, and type-check an ESM and a
// CommonJS consumer of every entry with `module: nodenext`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsumerProject, createConsumerProject, repoRoot as root } from './consumer-project.js';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
};
const specifiers = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object')
  .map(([subpath]) => (subpath === '.' ? 'apigw-testkit' : `apigw-testkit${subpath.slice(1)}`));

// Setup entries register matchers on their runner's `expect`, and neither runner lets plain Node load it: what
// requiring them outside the runner answers (each runner loads its own setup file itself).
const RUNNER_ONLY: Record<string, { esm: RegExp; cjs: RegExp }> = {
  'apigw-testkit/vitest/setup': {
    esm: /^Vitest failed to access its internal state/,
    cjs: /^Vitest cannot be imported in a CommonJS module using require\(\)/,
  },
  'apigw-testkit/jest/setup': {
    // @jest/globals is CommonJS whose exports only exist inside Jest.
    esm: /^Do not import `@jest\/globals` outside of the Jest test environment/,
    cjs: /^Do not import `@jest\/globals` outside of the Jest test environment/,
  },
};

let project: ConsumerProject;
let scratch = '';
let installed = '';

/** Runs `node …args` in the scratch project and returns its stdout (throws with stderr on a non-zero exit). */
function run(args: string[]): string {
  const result = project.node(args[0]!, args.slice(1));
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

beforeAll(() => {
  project = createConsumerProject();
  scratch = project.dir;
  installed = join(scratch, 'node_modules/apigw-testkit');
}, 120_000);

afterAll(() => project?.remove());

describe('the packed tarball installed into a scratch project', () => {
  it('imports and requires every exports entry, with the same named exports both ways (runner setup files: import only)', () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const out = {};
      const firstLine = (error) => String(error.message).split('\\n')[0];
      for (const specifier of ${JSON.stringify(specifiers)}) {
        let esm;
        let cjs;
        // require() first: an entry the ES module wrapper loaded is then shared with require() (one instance).
        try {
          cjs = Object.keys(require(specifier)).filter((k) => k !== '__esModule').sort();
        } catch (error) {
          cjs = firstLine(error);
        }
        try {
          esm = Object.keys(await import(specifier)).sort();
        } catch (error) {
          esm = firstLine(error);
        }
        out[specifier] = { esm, cjs };
      }
      console.log(JSON.stringify(out));`;
    writeFileSync(join(scratch, 'load.mjs'), script);
    const loaded = JSON.parse(run(['load.mjs'])) as Record<
      string,
      { esm: string[] | string; cjs: string[] | string }
    >;
    expect(Object.keys(loaded)).toEqual(specifiers);
    for (const [specifier, { esm, cjs }] of Object.entries(loaded)) {
      const refusal = RUNNER_ONLY[specifier];
      if (refusal) {
        expect(cjs, specifier).toMatch(refusal.cjs);
        if (typeof esm === 'string') expect(esm, specifier).toMatch(refusal.esm);
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
    expect(run(['answer.cjs'])).toBe('200 pong\n');
  });

  it('the bin (package.json bin, with its node shebang) runs from the unpacked package', () => {
    const bin = join(installed, pkg.bin['apigw-testkit']!);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(run([bin, '--help'])).toContain('apigw-testkit');
  });

  it('loadEventFixture finds the shipped fixtures from the bundled entry', () => {
    writeFileSync(
      join(scratch, 'fixture.cjs'),
      `console.log(require('apigw-testkit/events').loadEventFixture('proxy-v1', 'get-no-auth').httpMethod);`,
    );
    expect(run(['fixture.cjs'])).toBe('GET\n');
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
      output = run([tsc, '-p', 'tsconfig.json']);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});
