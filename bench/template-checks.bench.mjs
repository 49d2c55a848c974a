// Template checks: wall time of a 10,000-case assertTemplateRendersJson run of a typical template
// (target: under 1 s), beside the same 10,000 cases with a no-op property (input generation and
// fast-check's own loop, no render) and the renders alone over pre-generated inputs.
// Run: npm run build && node bench/template-checks.bench.mjs
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { assertTemplateRendersJson, mappingInput } from '../dist/fast-check/index.js';
import { compileTemplate } from '../dist/vtl/index.js';
import { report } from './harness.mjs';

const CASES = 10_000;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
// A typical request template: picks body fields with $input.json, adds context values.
const template = `#set($body = $input.path('$'))
{
  "name": $input.json('$.name'),
  "address": $input.json('$.address'),
  "tags": $input.json('$.tags'),
  "count": #if($body.tags)$body.tags.size()#{else}0#end,
  "stage": "$context.stage",
  "method": "$context.httpMethod"
}`;
const options = {
  bodyShape: { name: 'string', address: { city: 'string', 'zip?': 'string' }, tags: ['string'] },
};

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Best of REPEATS wall times in ms; the first (cold, JIT warm-up included) run is returned too. */
function measureRuns(fn) {
  const cold = time(fn);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < REPEATS; i++) best = Math.min(best, time(fn));
  return { cold, best };
}

// The full check is measured first, before 10,000 pre-generated inputs sit in the heap (a big live heap
// makes every garbage collection slower and would penalise whichever row runs after it).
const full = measureRuns(() => assertTemplateRendersJson(template, { ...options, numRuns: CASES, seed: 1 }));
const arbitrary = mappingInput({ template, ...options });
const compiled = compileTemplate(template);
const rows = [
  { name: `assertTemplateRendersJson, ${CASES} cases`, ms: full.best },
  {
    name: 'fc.check of mappingInput, no-op property',
    ms: measureRuns(() =>
      fc.check(
        fc.property(arbitrary, () => true),
        { numRuns: CASES, seed: 1 },
      ),
    ).best,
  },
  {
    name: 'render + JSON.parse of pre-generated inputs',
    ms: (() => {
      const inputs = fc.sample(arbitrary, { numRuns: CASES, seed: 1 });
      return measureRuns(() => {
        for (const input of inputs) JSON.parse(compiled.render(input).output);
      }).best;
    })(),
  },
];

// One op = one case: cases/s and µs per case.
report(
  `Template checks, ${CASES} cases per run, best of ${REPEATS}`,
  rows.map((r) => ({ name: r.name, opsPerSec: (CASES / r.ms) * 1000, usPerOp: (r.ms * 1000) / CASES })),
  rows[0].name,
);
console.log(
  `\n${CASES}-case assertTemplateRendersJson: ${full.best.toFixed(0)} ms warm, ${full.cold.toFixed(0)} ms cold (first run); target < 1000 ms: ${full.best < 1000 ? 'MET' : 'MISSED'}`,
);
