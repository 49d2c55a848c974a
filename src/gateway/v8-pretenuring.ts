import { builtin } from '../node/builtin.js';

/** `NODE_DEBUG=apigw-testkit` output; node:util is loaded only when the decision is made (one call per process). */
const debug = (format: string, ...args: unknown[]) =>
  builtin('node:util').debuglog('apigw-testkit')(format, ...args);

/**
 * The environment variable that keeps V8's allocation-site pretenuring on in a process whose gateways serve many
 * requests: `APIGW_TESTKIT_PRETENURING=keep` (see docs/decisions/0009-v8-pretenuring.md).
 */
export const PRETENURING_ENV = 'APIGW_TESTKIT_PRETENURING';

/**
 * Requests served in this process (by all its gateways) before pretenuring is turned off. Early enough that V8 has
 * not yet decided to pretenure anything on the request path (it did in none of 8 runs of a GET-miss loop that
 * turned it off at request 1,000), late enough that a test file making a few requests never loads `node:v8`
 * (which loads Node's stream stack: ~4 ms in every fresh process).
 */
export const PRETENURING_AFTER_REQUESTS = 1000;

/** What {@link pretenuringDecision} decided, and why (shown by `NODE_DEBUG=apigw-testkit`). */
export type PretenuringDecision =
  | { readonly turnOff: true }
  | { readonly turnOff: false; readonly reason: 'kept by environment' | 'set on the command line' };

/**
 * Whether a process whose gateways serve many requests turns V8's allocation-site pretenuring off: yes, unless
 * `APIGW_TESTKIT_PRETENURING=keep`, or the process was started with a `--[no-]allocation-site-pretenuring` flag of
 * its own (in its arguments or `NODE_OPTIONS`: the user's choice wins).
 *
 * @example
 * ```ts
 * pretenuringDecision({ APIGW_TESTKIT_PRETENURING: 'keep' }, []); // { turnOff: false, reason: 'kept by environment' }
 * ```
 */
export function pretenuringDecision(
  env: Readonly<Record<string, string | undefined>>,
  execArgv: readonly string[],
): PretenuringDecision {
  if (env[PRETENURING_ENV] === 'keep') return { turnOff: false, reason: 'kept by environment' };
  const own = (arg: string) => /allocation[-_]site[-_]pretenuring/.test(arg);
  if (execArgv.some(own) || own(env.NODE_OPTIONS ?? ''))
    return { turnOff: false, reason: 'set on the command line' };
  return { turnOff: true };
}

/** What {@link countRequestForPretenuring} reads and does; tests pass their own. */
export interface PretenuringHost {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly execArgv: readonly string[];
  setFlags(flags: string): void;
}

const processHost: PretenuringHost = {
  get env() {
    return process.env;
  },
  get execArgv() {
    return process.execArgv;
  },
  setFlags: (flags) => builtin('node:v8').setFlagsFromString(flags),
};

let served = 0;

/**
 * Counts one request served by a gateway of this process; at the {@link PRETENURING_AFTER_REQUESTS}th, turns V8's
 * allocation-site pretenuring off (unless {@link pretenuringDecision} says not to). Returns true when that call
 * changed the flag.
 *
 * Why: V8 decides, from a few young-generation collections, to allocate the objects of an object literal straight
 * in the old generation when most of them survived. A gateway whose cache or access log is filling makes that
 * sample unrepresentative, and in about half of the processes V8 then pretenures per-request objects (the
 * handler's result, the invocation context). They die in the old generation and keep alive the young objects they
 * point to: measured on a cached GET-miss loop, 42–48 full collections and ~12 ms per scavenge instead of 8–10 and
 * ~2 ms, and the bench's gateway overhead 17–25 µs per request instead of 10–11 µs. The flag changes only where V8
 * allocates, never what a program computes.
 */
export function countRequestForPretenuring(host: PretenuringHost = processHost): boolean {
  served += 1;
  if (served !== PRETENURING_AFTER_REQUESTS) return false;
  const decision = pretenuringDecision(host.env, host.execArgv);
  if (!decision.turnOff) {
    debug('V8 allocation-site pretenuring left on: %s', decision.reason);
    return false;
  }
  try {
    host.setFlags('--no-allocation-site-pretenuring');
    debug('V8 allocation-site pretenuring turned off (%s=keep leaves it on)', PRETENURING_ENV);
    return true;
  } catch (error) {
    // A runtime that does not take V8 flags at run time: nothing to tune.
    debug('V8 allocation-site pretenuring not changed: %s', (error as Error).message);
    return false;
  }
}

/** For tests: the count of requests served, from zero again. */
export function resetPretenuringCountForTests(): void {
  served = 0;
}
