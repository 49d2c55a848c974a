// Minimal benchmark harness shared by every bench script: warm up, then run the function in batches
// for a fixed wall time and report operations per second. Each script compares against a baseline
// measured in the same run, so figures are ratios that mean something on any machine.
import { performance } from 'node:perf_hooks';

/**
 * Measures `fn` (sync or async) and returns { name, opsPerSec, usPerOp }.
 * @param {string} name
 * @param {() => unknown} fn
 * @param {{ ms?: number, warmupMs?: number, batch?: number }} [options]
 */
export async function measure(name, fn, options = {}) {
  const ms = options.ms ?? Number(process.env.BENCH_MS ?? 1500);
  const warmupMs = options.warmupMs ?? Math.min(500, ms / 3);
  const batch = options.batch ?? 100;
  const isAsync = fn() instanceof Promise;
  const runBatch = isAsync
    ? async () => {
        for (let i = 0; i < batch; i++) await fn();
      }
    : () => {
        for (let i = 0; i < batch; i++) fn();
      };
  let end = performance.now() + warmupMs;
  while (performance.now() < end) await runBatch();
  let ops = 0;
  const start = performance.now();
  end = start + ms;
  while (performance.now() < end) {
    await runBatch();
    ops += batch;
  }
  const elapsed = performance.now() - start;
  const opsPerSec = (ops / elapsed) * 1000;
  return { name, opsPerSec, usPerOp: 1000 / (opsPerSec / 1000) };
}

/** Prints rows as a table; `ratio` is each row's ops/s divided by the baseline row's. */
export function report(title, rows, baselineName) {
  const baseline = rows.find((r) => r.name === baselineName);
  console.log(`\n## ${title}`);
  console.log(
    `${'case'.padEnd(58)} ${'ops/s'.padStart(12)} ${'µs/op'.padStart(9)} ${'vs baseline'.padStart(12)}`,
  );
  for (const r of rows) {
    const ratio = baseline ? `${(r.opsPerSec / baseline.opsPerSec).toFixed(2)}×` : '';
    console.log(
      `${r.name.padEnd(58)} ${Math.round(r.opsPerSec).toLocaleString('en-US').padStart(12)} ${r.usPerOp.toFixed(2).padStart(9)} ${ratio.padStart(12)}`,
    );
  }
}
