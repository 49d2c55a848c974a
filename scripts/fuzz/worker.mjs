// The fuzz worker: runs the cases of every kind in turn and reports progress, failures and counts to the
// parent (scripts/fuzz.mjs), which owns the watchdog.
import { parentPort, workerData } from 'node:worker_threads';
import { builderCases } from './builders.mjs';
import { gatewayCases } from './gateway.mjs';
import { FuzzFailure, show } from './outcome.mjs';
import { plantedCases } from './planted.mjs';
import { rendererCases } from './renderer.mjs';
import { validatorCases } from './validator.mjs';

const { cases, seed, kinds } = workerData;
const SUITES = {
  renderer: rendererCases,
  builders: builderCases,
  validator: validatorCases,
  gateway: gatewayCases,
  planted: plantedCases,
};

let current = '(none)';
process.on('unhandledRejection', (reason) => {
  parentPort.postMessage({ type: 'failure', text: `unhandled rejection during ${current}: ${show(reason)}` });
});

const counts = {};
const share = Math.floor(cases / kinds.length);
for (const [k, kind] of kinds.entries()) {
  const n = share + (k < cases % kinds.length ? 1 : 0);
  const outcomes = {};
  counts[kind] = outcomes;
  let index = 0;
  // Each suite yields one async case at a time; a case returns its outcome label or throws a failure text.
  for (const run of SUITES[kind](n, seed * 7919 + k)) {
    current = `${kind} case #${index}`;
    parentPort.postMessage({ type: 'progress', kind, index });
    try {
      const outcome = await run();
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    } catch (failure) {
      outcomes.FAILED = (outcomes.FAILED ?? 0) + 1;
      const text = failure instanceof FuzzFailure ? failure.message : show(failure);
      parentPort.postMessage({ type: 'failure', text: `${kind} case #${index} (seed ${seed}): ${text}` });
    }
    index++;
  }
}
// Let late rejections of the last cases surface before reporting.
await new Promise((resolve) => setImmediate(resolve));
parentPort.postMessage({ type: 'done', counts });
