// How a fuzz case classifies what the API did: a typed TestkitError is an accepted outcome, anything else
// thrown is a finding.

import { inspect } from 'node:util';
import fc from 'fast-check';

/** A finding: what the case did and what came back. */
export class FuzzFailure extends Error {}

/**
 * What hostile input throws from its getters, proxy traps and toString: when an API reads such an input and
 * the caller's own exception comes back out, that is the caller's code failing, not ours.
 */
export class HostileError extends Error {}

/** A short, safe description of any value (hostile values included). */
export function show(value) {
  try {
    return inspect(value, { depth: 3, breakLength: 120, maxStringLength: 300, maxArrayLength: 20 });
  } catch (error) {
    return `(uninspectable: ${String(error?.message ?? 'unknown')})`;
  }
}

/** Throws a FuzzFailure when the clock still holds timers after a case (something was left running). */
export function assertNoPendingTimers(clock, what) {
  const pending = clock.pendingTimers();
  if (pending !== 0) throw new FuzzFailure(`${what}: ${pending} timer(s) left pending`);
}

/**
 * `count` cases drawn from `arbitrary` with `seed`, sampled 500 at a time (one generator per batch keeps the
 * memory flat over a million cases); `toCase(value)` turns each sample into the case the worker runs.
 */
export function* sampledCases(arbitrary, count, seed, toCase) {
  const batch = 500;
  for (let done = 0; done < count; done += batch) {
    const samples = fc.sample(arbitrary, { seed: seed + done, numRuns: Math.min(batch, count - done) });
    for (const sample of samples) yield toCase(sample);
  }
}
