// Start-up cost, the time every test file pays before its first assertion:
//  1. per package.json `exports` entry, `import` time over a bare `node` start (fresh processes, the entries
//     and the bare start interleaved round by round, medians; the code cache in node_modules/.cache is warm after
//     the first round, and the root is also shown with it switched off). An entry built on an optional peer is also
//     shown beside the peer imported alone, so our own share is visible (target ≤ +60 ms per entry).
//  2. a vitest run of 50 generated test files that each import the root and make one request through a
//     gateway, beside the same 50 files without apigw-testkit, interleaved (target ≤ 20 ms per test file); each
//     run starts without a code cache; wall time and CPU time of the vitest process tree.
//
// Run: npm run build && node bench/startup.bench.mjs   (STARTUP_RUNS=21 STARTUP_SUITE_RUNS=3 to change)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const RUNS = Number(process.env.STARTUP_RUNS ?? 15);
const SUITE_RUNS = Number(process.env.STARTUP_SUITE_RUNS ?? 3);
const FILES = 50;
// USER_HZ: 100 on every Linux Node supports (getconf CLK_TCK).
const CLOCK_TICKS = 100;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const loadBefore = load();

// The optional peer each leaf entry is built on (what that entry costs at the least).
const PEERS = {
  'apigw-testkit/vitest/setup': 'vitest',
  'apigw-testkit/fast-check': 'fast-check',
  'apigw-testkit/faker': '@faker-js/faker/locale/en',
  'apigw-testkit/msw': 'msw',
  'apigw-testkit/supertest': 'supertest',
};
const entries = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object')
  .map(([subpath]) => (subpath === '.' ? 'apigw-testkit' : `apigw-testkit${subpath.slice(1)}`));

/** Wall time of `node -e code` in ms, or the first line of its error when it cannot run here. */
function timeNode(code) {
  const start = performance.now();
  // A leading `NO_CACHE:` runs the code with the code-cache loader switched off (docs/decisions/0008).
  const off = code.startsWith('NO_CACHE:');
  const env = off ? { ...process.env, APIGW_TESTKIT_CODE_CACHE: '0' } : process.env;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', off ? code.slice(9) : code], {
    cwd: root,
    env,
  });
  const ms = performance.now() - start;
  if (result.status === 0) return ms;
  const stderr = String(result.stderr);
  return stderr.split('\n').find((line) => /Error/.test(line)) ?? stderr.split('\n')[0];
}
const median = (values) => {
  const failed = values.find((v) => typeof v === 'string');
  if (failed !== undefined) return failed;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
};

// 1. Per entry.
const probes = new Map([['(bare node)', '']]);
for (const entry of entries) probes.set(entry, `await import(${JSON.stringify(entry)})`);
for (const peer of new Set(Object.values(PEERS)))
  probes.set(`peer ${peer}`, `await import(${JSON.stringify(peer)})`);
probes.set(
  'require("apigw-testkit")',
  "(await import('node:module')).createRequire(process.cwd() + '/')('apigw-testkit')",
);
probes.set('apigw-testkit, code cache off', "NO_CACHE:await import('apigw-testkit')");
const samples = new Map([...probes.keys()].map((k) => [k, []]));
if (RUNS === 0) probes.clear(); // STARTUP_RUNS=0: the vitest suite only
for (let run = 0; run < RUNS; run++) {
  for (const [name, code] of probes) samples.get(name).push(timeNode(code));
}
const bare = median(samples.get('(bare node)'));
if (RUNS > 0) {
  console.log(
    `\n## Import time per exports entry over a bare node start (median of ${RUNS} interleaved runs)`,
  );
  console.log(`bare node start: ${bare.toFixed(1)} ms`);
  console.log(
    `${'entry'.padEnd(36)} ${'over bare'.padStart(10)} ${'peer alone'.padStart(11)} ${'own share'.padStart(10)}  target ≤ +60 ms`,
  );
  let worst = 0;
  for (const name of [...entries, 'require("apigw-testkit")', 'apigw-testkit, code cache off']) {
    const time = median(samples.get(name));
    if (typeof time === 'string') {
      // A runner's setup file (apigw-testkit/jest/setup needs Jest's own module system) cannot load in plain node.
      console.log(`${name.padEnd(36)} ${'not loadable by plain node'.padStart(33)}  (${time.slice(0, 70)})`);
      continue;
    }
    const over = time - bare;
    const peer = PEERS[name];
    const peerOver = peer === undefined ? undefined : median(samples.get(`peer ${peer}`)) - bare;
    const own = peerOver === undefined ? over : over - peerOver;
    worst = Math.max(worst, own);
    console.log(
      `${name.padEnd(36)} ${`+${over.toFixed(1)}`.padStart(10)} ${(peerOver === undefined ? '' : `+${peerOver.toFixed(1)}`).padStart(11)} ${`+${own.toFixed(1)}`.padStart(10)}  ${own <= 60 ? 'OK' : 'OVER TARGET'}`,
    );
  }
  console.log(`worst own share: +${worst.toFixed(1)} ms`);
}

// 2. The 50-file vitest suite (STARTUP_SUITE_RUNS=0 skips it), with and without apigw-testkit, in a scratch project outside this repository
// with apigw-testkit copied into its node_modules (as npm would install it): vitest loads packages from
// node_modules natively, while files of the project under test would go through its transform pipeline.
if (SUITE_RUNS === 0) {
  console.log(`\nload average (1/5/15 min) before: ${loadBefore}, after: ${load()}`);
  process.exit(0);
}
const suite = mkdtempSync(join(tmpdir(), 'apigw-startup-'));
const modules = join(suite, 'node_modules');
mkdirSync(join(modules, 'apigw-testkit'), { recursive: true });
for (const part of ['package.json', 'dist', 'fixtures']) {
  cpSync(join(root, part), join(modules, 'apigw-testkit', part), { recursive: true });
}
symlinkSync(join(root, 'node_modules/vitest'), join(modules, 'vitest'), 'dir');
const handler = `async (event) => ({ statusCode: 200, body: 'pong ' + (event.pathParameters?.id ?? '') })`;
// Three suites: the bare one (the handler called directly), the same plus one fetch `Response` (what Node's
// fetch implementation costs to load in a fresh worker, which any fetch-based test pays), and apigw-testkit.
const SUITES = {
  bare: (i) => `import { expect, test } from 'vitest';
test('the handler answers 200 when called directly', async () => {
  const handler = ${handler};
  const result = await handler({ pathParameters: { id: '${i}' } });
  expect(result.statusCode).toBe(200);
  expect(result.body).toBe('pong ${i}');
});\n`,
  'bare + fetch Response': (i) => `import { expect, test } from 'vitest';
test('the handler answers 200 when called directly, read through a fetch Response', async () => {
  const handler = ${handler};
  const result = await handler({ pathParameters: { id: '${i}' } });
  const response = new Response(result.body, { status: result.statusCode });
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('pong ${i}');
});\n`,
  'apigw-testkit': (i) => `import { createGateway } from 'apigw-testkit';
import { expect, test } from 'vitest';
test('GET /pets/${i} answers 200 through the gateway', async () => {
  const gateway = createGateway({ routes: { 'GET /pets/{id}': ${handler} } });
  const response = await gateway.fetch('/dev/pets/${i}');
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('pong ${i}');
});\n`,
};
const dirs = {};
for (const [kind, source] of Object.entries(SUITES)) {
  const dir = join(suite, kind.replace(/\W+/g, '-'));
  dirs[kind] = dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'vitest.config.mjs'), 'export default { test: { include: ["*.test.mjs"] } };\n');
  for (let i = 0; i < FILES; i++)
    writeFileSync(join(dir, `file-${String(i).padStart(2, '0')}.test.mjs`), source(i));
}
// vitest's default pool (forks: a fresh process per test file) and the threads pool.
const POOLS = (process.env.STARTUP_POOLS ?? 'forks,threads').split(',');
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const times = new Map();
const cpu = new Map();
const push = (map, key, value) => map.set(key, [...(map.get(key) ?? []), value]);
try {
  for (let run = 0; run < SUITE_RUNS; run++) {
    for (const pool of POOLS) {
      for (const [kind, dir] of Object.entries(dirs)) {
        // Every run starts without a code cache (as after a fresh npm ci), so its first files pay for making it.
        rmSync(join(modules, '.cache'), { recursive: true, force: true });
        const cpuBefore = childrenCpuMs();
        const start = performance.now();
        const result = spawnSync(process.execPath, [vitest, 'run', '--root', dir, '--pool', pool], {
          cwd: root,
        });
        const key = `${pool} ${kind}`;
        push(times, key, performance.now() - start);
        const cpuMs = childrenCpuMs();
        if (cpuMs !== undefined && cpuBefore !== undefined) push(cpu, key, cpuMs - cpuBefore);
        if (result.status !== 0)
          throw new Error(`vitest (${key}) failed:\n${result.stdout}\n${result.stderr}`);
      }
    }
  }
} finally {
  rmSync(suite, { recursive: true, force: true });
}
// Wall time moves with whatever else the machine runs; CPU time (user + system of vitest and every worker it
// started, as the kernel sums them into this process once they are reaped) moves far less, so both are shown.
for (const [label, samplesOf] of [
  ['wall time', times],
  ['CPU time of vitest and its workers', cpu],
]) {
  if (samplesOf.size === 0) continue;
  console.log(`\n## vitest run of ${FILES} test files (median of ${SUITE_RUNS} interleaved runs; ${label})`);
  for (const pool of POOLS) {
    const bareMs = median(samplesOf.get(`${pool} bare`));
    const fetchMs = median(samplesOf.get(`${pool} bare + fetch Response`));
    const withMs = median(samplesOf.get(`${pool} apigw-testkit`));
    const perFile = (withMs - bareMs) / FILES;
    console.log(`pool ${pool}:`);
    console.log(`  bare (handler called directly)                  ${(bareMs / 1000).toFixed(2)} s`);
    console.log(
      `  bare + one fetch Response                       ${(fetchMs / 1000).toFixed(2)} s  (+${((fetchMs - bareMs) / FILES).toFixed(1)} ms/file: Node's fetch implementation)`,
    );
    console.log(`  import the root + one request through a gateway ${(withMs / 1000).toFixed(2)} s`);
    console.log(
      `  per test file over the bare suite: ${perFile.toFixed(1)} ms (target ≤ 20 ms) ${perFile <= 20 ? 'OK' : 'OVER TARGET'}; over bare + fetch Response: ${((withMs - fetchMs) / FILES).toFixed(1)} ms`,
    );
  }
}
console.log(`\nload average (1/5/15 min) before: ${loadBefore}, after: ${load()}`);

/** CPU time (user + system, ms) of this process's reaped children and their descendants; undefined off Linux. */
function childrenCpuMs() {
  try {
    // /proc/self/stat: fields 16 and 17 (cutime, cstime) in clock ticks, counted after the command name.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
