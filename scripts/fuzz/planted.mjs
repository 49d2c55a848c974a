// Planted faults, one of each kind the fuzzer must catch (npm run fuzz -- --kinds planted --cases 4): a
// non-typed error, an unhandled rejection, a timer left pending, and a promise nothing settles (a hang).
// Not in the default kinds: the fuzzer's own test runs it and expects all four reported and exit code 1.
import { createManualClock } from '../../dist/index.js';
import { assertNoPendingTimers } from './outcome.mjs';

const PLANTED = [
  () => {
    throw new TypeError('planted: a non-typed error');
  },
  () => {
    Promise.reject(new Error('planted: an unhandled rejection'));
    return 'rejection left unhandled';
  },
  () => {
    const clock = createManualClock();
    clock.setTimeout(() => {}, 1_000);
    assertNoPendingTimers(clock, 'planted: a case that arms a timer');
    return 'unreachable';
  },
  () => new Promise(() => {}),
];

/** `count` planted cases, cycling through the four faults. */
export function* plantedCases(count) {
  for (let i = 0; i < count; i++) yield PLANTED[i % PLANTED.length];
}
