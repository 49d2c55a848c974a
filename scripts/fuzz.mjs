// Fuzzes the public API with random input (npm run fuzz -- --cases N [--seed S] [--kinds renderer,gateway]):
// random templates and inputs through the VTL renderer, random options through every event builder, random
// results through the proxy-result validator, and random hostile handlers through the gateway. Anything but
// a typed TestkitError or an AWS response fails the run, and so do a hang, an unhandled rejection and a timer
// left pending. Prints counts per kind and outcome; exits 1 on a failure, 2 on a usage error.
//
// The cases run in a worker thread so that a case that never returns (a busy loop, or a promise nothing will
// ever settle) is caught by the watchdog here instead of hanging the run.
import { Worker } from 'node:worker_threads';

const USAGE =
  'usage: node scripts/fuzz.mjs [--cases N] [--seed S] [--kinds renderer,builders,validator,gateway]';
const KINDS = ['renderer', 'builders', 'validator', 'gateway'];
// `planted` (not run by default) checks the fuzzer itself: each of its cases is a fault it must report.
const ALL_KINDS = [...KINDS, 'planted'];
const args = { cases: 1000, seed: 1, kinds: KINDS };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const [flag, inline] = argv[i].split('=', 2);
  const value = inline ?? argv[++i];
  if (flag === '--cases' && /^\d+$/.test(value ?? '')) args.cases = Number(value);
  else if (flag === '--seed' && /^-?\d+$/.test(value ?? '')) args.seed = Number(value);
  else if (flag === '--kinds' && value && value.split(',').every((k) => ALL_KINDS.includes(k)))
    args.kinds = value.split(',');
  else {
    console.error(USAGE);
    process.exit(2);
  }
}

const STALL_MS = Number(process.env.FUZZ_STALL_MS ?? 20_000);
const started = Date.now();
const worker = new Worker(new URL('./fuzz/worker.mjs', import.meta.url), { workerData: args });
let last = { kind: '(start)', index: -1, at: Date.now() };
let finished = false;
const watchdog = setInterval(() => {
  if (Date.now() - last.at < STALL_MS) return;
  fail(`HANG: no progress for ${STALL_MS} ms after ${last.kind} case #${last.index} (seed ${args.seed})`);
  worker.terminate();
}, 1000);

worker.on('message', (message) => {
  if (message.type === 'progress') last = { ...message, at: Date.now() };
  else if (message.type === 'failure') fail(message.text);
  else if (message.type === 'done') {
    finished = true;
    report(message.counts);
  }
});
worker.on('error', (error) => fail(`worker crashed: ${error?.stack ?? error}`));
worker.on('exit', (code) => {
  clearInterval(watchdog);
  if (!finished) {
    fail(
      `the run stopped (worker exit ${code}) during ${last.kind} case #${last.index}: a promise nothing settles ` +
        'left the event loop empty, or the watchdog ended a hang',
    );
  }
  process.exitCode = failures > 0 ? 1 : 0;
  console.log(
    `\nfuzz: ${failures === 0 ? 'OK' : `${failures} FAILURE(S)`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});

let failures = 0;
function fail(text) {
  failures++;
  console.error(`\nFAILURE ${failures}: ${text}`);
}

function report(counts) {
  console.log(`fuzz: ${args.cases} cases, seed ${args.seed}, kinds ${args.kinds.join(', ')}`);
  for (const [kind, outcomes] of Object.entries(counts)) {
    const total = Object.values(outcomes).reduce((a, b) => a + b, 0);
    const parts = Object.entries(outcomes)
      .sort((a, b) => b[1] - a[1])
      .map(([outcome, n]) => `${outcome} ${n}`);
    console.log(`  ${kind.padEnd(10)} ${String(total).padStart(8)}  ${parts.join(' · ')}`);
  }
}
