// The code-cache loader (dist/code-cache-loader.cjs, docs/decisions/0008-code-cache-loader.md) in the installed
// package: caches written after loading and after the first gateway response, read back by the next process,
// rejected and rewritten when it belongs to other code, skipped when source maps are on or when switched off, and one instance of
// every module for import and require. Runs the packed tarball in a scratch project (npm test builds dist/ first).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConsumerProject, createConsumerProject, repoRoot } from './consumer-project.js';

let project: ConsumerProject;
let cache: string;

beforeAll(() => {
  project = createConsumerProject();
  cache = join(project.dir, 'node_modules/.cache/apigw-testkit');
  project.add({
    'one-request.mjs': `import { createGateway, GatewayConfigError } from 'apigw-testkit';
const gateway = createGateway({ routes: { 'GET /pets/{id}': async (e) => ({ statusCode: 200, body: 'pet ' + e.pathParameters.id }) } });
const response = await gateway.fetch('/dev/pets/7');
console.log(response.status, await response.text());
try { createGateway({ routes: { 'GET /x': 42 } }); } catch (error) { console.log(error instanceof GatewayConfigError, error.stack.split('\\n')[1].trim()); }`,
    'import-only.mjs': `import { buildProxyEventV1 } from 'apigw-testkit';
console.log(buildProxyEventV1({ method: 'GET', path: '/a' }).httpMethod);`,
    'iam.mjs': `import { createGateway } from 'apigw-testkit';
import { createTestIdentityProvider } from 'apigw-testkit/auth';
import { AwsClient } from 'aws4fetch';
const idp = createTestIdentityProvider();
const alice = idp.iamUser('alice');
const api = createGateway({ identityProviders: [idp], routes: { 'GET /admin': { authorizationType: 'AWS_IAM', integration: { type: 'AWS_PROXY', handler: async (e) => ({ statusCode: 200, body: e.requestContext.identity.user }) } } } });
const client = new AwsClient({ ...alice, service: 'execute-api', region: 'us-east-1' });
const response = await api.fetch(await client.sign(api.url('/admin'), { method: 'GET' }));
console.log(response.status, await response.text());`,
    'one-request.cjs': `const { createGateway } = require('apigw-testkit');
const gateway = createGateway({ routes: { 'GET /pets/{id}': async (e) => ({ statusCode: 200, body: 'pet ' + e.pathParameters.id }) } });
gateway.fetch('/dev/pets/7').then(async (r) => console.log(r.status, await r.text()));`,
    'both.mjs': `import { createRequire } from 'node:module';
import * as esm from 'apigw-testkit';
import { createGateway as fromGateway } from 'apigw-testkit/gateway';
const cjs = createRequire(import.meta.url)('apigw-testkit');
console.log(JSON.stringify([esm.createGateway === cjs.createGateway, esm.GatewayConfigError === cjs.GatewayConfigError, fromGateway === esm.createGateway]));`,
  });
}, 120_000);

afterAll(() => project?.remove());

beforeEach(() => rmSync(cache, { recursive: true, force: true }));

const files = () =>
  existsSync(cache) ? readdirSync(cache).flatMap((dir) => readdirSync(join(cache, dir))) : [];
const run = (script: string, env: Record<string, string> = {}) => {
  const result = project.node(script, [], { NODE_DEBUG: 'apigw-testkit', ...env });
  expect(result.status, result.stderr).toBe(0);
  return result;
};
const ANSWER = '200 pet 7\ntrue';

describe('the code cache of an installed apigw-testkit', () => {
  it('is written once after loading and read back by the next process', () => {
    const first = run('one-request.mjs');
    expect(first.stdout.startsWith(ANSWER)).toBe(true);
    expect(first.stderr).not.toMatch(/code cache hit/);
    const written = files();
    expect(
      written
        .filter((f) => f.endsWith('.v8cache'))
        .map((f) => f.replace(/-[\w$-]{8}\.cjs.*/, '').replace(/\.cjs.*/, ''))
        .sort(),
    ).toEqual([
      'dist~chunks~core',
      'dist~chunks~events',
      'dist~chunks~gateway',
      'dist~chunks~gateway-shared',
      'dist~chunks~vtl',
      'dist~index',
    ]);
    expect(written.filter((f) => !f.endsWith('.v8cache'))).toEqual([]);
    const second = run('one-request.mjs');
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr.match(/code cache hit: /g)).toHaveLength(6);
    expect(second.stderr).not.toMatch(/rejected|written/);
  });

  it('serves a CommonJS user too: require() reads the cache the ES module entry wrote, and the other way round', () => {
    run('one-request.mjs');
    const required = run('one-request.cjs');
    expect(required.stdout).toBe('200 pet 7\n');
    expect(required.stderr.match(/code cache hit: .*chunks/g)).toHaveLength(5);
    rmSync(cache, { recursive: true, force: true });
    run('one-request.cjs');
    expect(run('one-request.mjs').stderr.match(/code cache hit: .*chunks/g)).toHaveLength(5);
  });

  // A cache written after the package's code has run carried that run into every process that read it (a
  // benchmark's cache made the request path up to 2x slower, measured): the loader writes before the code runs.
  it('is written before the package has served anything, and not rewritten by a process that serves requests', () => {
    expect(run('import-only.mjs').stdout).toBe('GET\n');
    const written = files();
    expect(written.length).toBeGreaterThan(4);
    const serving = run('one-request.mjs');
    expect(serving.stderr.match(/code cache hit: /g)!.length).toBeGreaterThan(4);
    expect(serving.stderr).not.toMatch(/code cache written: .*chunks/);
    expect(files()).toEqual(written);
  });

  // V8 checks a cache's V8 version, flags and source length; the loader writes each file whole (write, then
  // rename), so a cache is never half-written. A cache that belongs to other code is what can meet a chunk.
  it('is rejected when it belongs to other code, and rewritten: the answer stays the same', () => {
    run('one-request.mjs');
    const [dir] = readdirSync(cache);
    const names = readdirSync(join(cache, dir!));
    const gatewayCache = names.find((f) => /^dist~chunks~gateway-(?!shared)/.test(f))!;
    const eventsCache = readFileSync(
      join(cache, dir!, names.find((f) => f.startsWith('dist~chunks~events-'))!),
    );
    writeFileSync(join(cache, dir!, gatewayCache), eventsCache);
    const again = run('one-request.mjs');
    expect(again.stdout.startsWith(ANSWER)).toBe(true);
    expect(again.stderr).toMatch(/code cache rejected: .*gateway-/);
    expect(again.stderr).toMatch(/code cache written: .*gateway-/);
    expect(readFileSync(join(cache, dir!, gatewayCache)).equals(eventsCache)).toBe(false);
  });

  // The build turns import() in chunks into the loader's own import (vm.Script cannot run import() on Node 20).
  it('loads a feature library by import() from a cached chunk (@smithy/signature-v4 for an AWS_IAM route)', () => {
    const first = run('iam.mjs');
    const second = run('iam.mjs');
    expect(second.stderr).toMatch(/code cache hit: .*gateway-/);
    expect(first.stdout).toMatch(/^200 AIDA[A-Z0-9]{17}\n$/);
    expect(second.stdout).toBe(first.stdout);
  });

  // V8 accepts a cache made for any source of the same length, and npm installs every file with one fixed
  // modification time: an upgrade whose entry file kept its length must not run the old version's bytecode.
  it('is keyed by the build: another build of the package (an upgrade) neither reads nor keeps the old caches', () => {
    run('one-request.mjs');
    const loaderFile = join(project.dir, 'node_modules/apigw-testkit/dist/code-cache-loader.cjs');
    const loader = readFileSync(loaderFile, 'utf8');
    const [build] = /'[0-9a-f]{16}'/.exec(loader)!;
    const [oldDir] = readdirSync(cache);
    expect(oldDir!.startsWith(build.slice(1, -1))).toBe(true);
    writeFileSync(loaderFile, loader.replace(build, "'0123456789abcdef'"));
    try {
      const upgraded = run('one-request.mjs');
      expect(upgraded.stdout.startsWith(ANSWER)).toBe(true);
      expect(upgraded.stderr).not.toMatch(/code cache hit/);
      expect(readdirSync(cache)).toEqual([expect.stringMatching(/^0123456789abcdef-v8-/)]);
    } finally {
      writeFileSync(loaderFile, loader);
    }
  });

  it('misses the cache of a file changed in place after the build (patch-package), even at the same length', () => {
    run('one-request.mjs');
    const entry = join(project.dir, 'node_modules/apigw-testkit/dist/index.cjs');
    const original = readFileSync(entry, 'utf8');
    const patchedSource = original.replace('value: "Module"', 'value: "MODULE"');
    expect(patchedSource.length).toBe(original.length);
    writeFileSync(entry, patchedSource);
    try {
      const patched = run('one-request.mjs');
      expect(patched.stdout.startsWith(ANSWER)).toBe(true);
      expect(patched.stderr).not.toMatch(/code cache hit: .*dist\/index\.cjs/);
      expect(patched.stderr).toMatch(/code cache hit: .*chunks/);
    } finally {
      writeFileSync(entry, original);
    }
  });

  it('is neither read nor written with APIGW_TESTKIT_CODE_CACHE=0', () => {
    expect(run('one-request.mjs', { APIGW_TESTKIT_CODE_CACHE: '0' }).stdout.startsWith(ANSWER)).toBe(true);
    expect(files()).toEqual([]);
  });

  it('steps aside for node --enable-source-maps, so stack frames of the package point into its src/', () => {
    const mapped = run('one-request.mjs', { NODE_OPTIONS: '--enable-source-maps' });
    expect(mapped.stdout).toMatch(
      /^200 pet 7\ntrue at .*node_modules\/apigw-testkit\/src\/gateway\/.*\.ts:\d+:\d+\)?\n$/,
    );
    expect(files()).toEqual([]);
  });

  it('keeps working when the cache directory cannot be made', () => {
    rmSync(join(project.dir, 'node_modules/.cache'), { recursive: true, force: true });
    writeFileSync(join(project.dir, 'node_modules/.cache'), 'a file where the directory would go');
    try {
      const result = run('one-request.mjs');
      expect(result.stdout.startsWith(ANSWER)).toBe(true);
      expect(result.stderr).toMatch(/code cache off: /);
    } finally {
      rmSync(join(project.dir, 'node_modules/.cache'), { force: true });
    }
  });

  // vitest's vm pools run test files in a realm of their own: the loader then leaves compiling to the pool (no
  // cache), so objects the package makes are of the test's realm (\`instanceof Error\` holds).
  it.each(['forks', 'threads', 'vmThreads', 'vmForks'])(
    'runs a vitest suite with the matchers set up in the %s pool',
    (pool) => {
      project.add({
        'pools/vitest.config.mjs': `export default { test: { include: ['*.spec.ts'], setupFiles: ['apigw-testkit/vitest/setup'] } };`,
        'pools/realm.spec.ts': `import { createGateway, GatewayConfigError } from 'apigw-testkit';
import { expect, test } from 'vitest';
test('answers through the gateway, with errors and responses of this realm', async () => {
  const gateway = createGateway({ routes: { 'GET /a': async () => ({ statusCode: 200, body: 'a' }) } });
  const response = await gateway.fetch('/dev/a');
  expect(response).toHaveStatusCode(200);
  expect(await response.text()).toBe('a');
  expect(response instanceof Response).toBe(true);
  let caught: unknown;
  try { createGateway({ routes: { 'GET /x': 42 as never } }); } catch (error) { caught = error; }
  expect(caught).toBeInstanceOf(GatewayConfigError);
  expect(caught instanceof Error).toBe(true);
});`,
      });
      const result = project.node(join(repoRoot, 'node_modules/vitest/vitest.mjs'), [
        'run',
        '--root',
        'pools',
        '--pool',
        pool,
      ]);
      expect(result.stdout + result.stderr).toMatch(/Tests\s+1 passed/);
      expect(result.status).toBe(0);
    },
    60_000,
  );

  it('gives import and require one instance of every module, across entries', () => {
    expect(JSON.parse(run('both.mjs').stdout)).toEqual([true, true, true]);
  });
});
