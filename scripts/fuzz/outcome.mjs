// How a fuzz case classifies what the API did: a typed TestkitError is an accepted outcome, anything else
// thrown is a finding.
import { inspect } from 'node:util';

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
