import type { Context } from 'aws-lambda';
import { type Clock, isClock, systemClock } from '../clock/clock.js';
import { EventInputError } from '../errors/families.js';
import { formatText, formatValue } from '../errors/format-value.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from './derive/constants.js';
import { eventIds } from './derive/id-block.js';
import { knownOptions } from './derive/known-options.js';

/** Options of {@link buildLambdaContext}. */
export interface LambdaContextOptions {
  /** Default `my-function`. */
  functionName?: string;
  /** `$LATEST` (default) or a version number. */
  functionVersion?: string;
  /** Alias appended to `invokedFunctionArn`. */
  alias?: string;
  /** Memory size; reported as a string. Default 128. */
  memoryLimitInMB?: number | string;
  /** Function timeout in milliseconds. Default 3000 (Lambda's default of 3 s). */
  timeoutMs?: number;
  /** Function timeout in seconds (alternative to `timeoutMs`). */
  timeout?: number;
  region?: string;
  accountId?: string;
  awsRequestId?: string;
  /** Time source of `getRemainingTimeInMillis`. Default: the system clock (honours `vi.useFakeTimers()`). */
  clock?: Clock;
  /** Seed of the generated ids (`awsRequestId`, log stream). */
  seed?: string | number;
  randomIds?: boolean;
  /** Default `true`. */
  callbackWaitsForEmptyEventLoop?: boolean;
  /** Called by the deprecated `done`/`succeed`/`fail` with `(error, result)`. */
  onComplete?: (error: unknown, result?: unknown) => void;
}

const KNOWN = [
  'functionName',
  'functionVersion',
  'alias',
  'memoryLimitInMB',
  'timeoutMs',
  'timeout',
  'region',
  'accountId',
  'awsRequestId',
  'clock',
  'seed',
  'randomIds',
  'callbackWaitsForEmptyEventLoop',
  'onComplete',
];
const WHERE = 'buildLambdaContext';
const checkOptions = knownOptions(WHERE, KNOWN);

/**
 * Builds the Node.js Lambda `context` object with every member the runtime provides (behaviour.md §2.5):
 * `memoryLimitInMB` as a string, `identity`/`clientContext` undefined (API Gateway invocations), and
 * `getRemainingTimeInMillis()` counting down from the timeout on the injected clock, never below 0.
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * const context = buildLambdaContext({ functionName: 'pets', timeoutMs: 6000, clock });
 * clock.advance(1000);
 * context.getRemainingTimeInMillis(); // 5000
 * ```
 */

export function buildLambdaContext(options: LambdaContextOptions = {}): Context {
  checkOptions(options);
  const clock = options.clock ?? systemClock;
  if (!isClock(clock))
    throw notA(
      'clock',
      clock,
      'a Clock (now, setTimeout, clearTimeout)',
      'Pass systemClock or createManualClock() from apigw-testkit/clock.',
    );
  if (options.onComplete !== undefined && typeof options.onComplete !== 'function') {
    throw notA('onComplete', options.onComplete, 'a function', 'Pass (error, result) => …, or leave it out.');
  }
  const timeoutMs = resolveTimeout(options);
  const memory = options.memoryLimitInMB ?? 128;
  if (!/^\d+$/.test(String(memory)) || Number(memory) < 128 || Number(memory) > 10240) {
    throw new EventInputError(
      'EVENT_INVALID_MEMORY',
      `${WHERE}: invalid memoryLimitInMB: ${formatText(memory)}`,
      'Lambda memory is a whole number of MB from 128 to 10240.',
    );
  }
  const ids = eventIds(options.seed, options.randomIds);
  const name = options.functionName ?? 'my-function';
  const version = options.functionVersion ?? '$LATEST';
  const region = options.region ?? DEFAULT_REGION;
  const start = clock.now();
  const deadline = start + timeoutMs;
  const day = new Date(start).toISOString().slice(0, 10).replace(/-/g, '/');
  const arn = `arn:aws:lambda:${region}:${options.accountId ?? DEFAULT_ACCOUNT_ID}:function:${name}`;
  const complete = (error: unknown, result?: unknown): void => options.onComplete?.(error, result);
  return {
    callbackWaitsForEmptyEventLoop: options.callbackWaitsForEmptyEventLoop ?? true,
    functionName: name,
    functionVersion: version,
    invokedFunctionArn: options.alias ? `${arn}:${options.alias}` : arn,
    memoryLimitInMB: String(memory),
    awsRequestId: options.awsRequestId ?? ids.uuid,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `${day}/[${version}]${ids.hex4}`,
    identity: undefined,
    clientContext: undefined,
    getRemainingTimeInMillis: () => Math.max(deadline - clock.now(), 0),
    done: (error?: Error, result?: unknown) => complete(error ?? null, result),
    fail: (error: Error | string) => complete(error),
    succeed: (result: unknown) => complete(null, result),
  };
}

function resolveTimeout(options: LambdaContextOptions): number {
  const ms = options.timeoutMs ?? (options.timeout === undefined ? 3000 : options.timeout * 1000);
  if (!Number.isFinite(ms) || ms < 1000 || ms > 900_000) {
    throw new EventInputError(
      'EVENT_INVALID_TIMEOUT',
      `${WHERE}: invalid timeout: ${formatText(options.timeoutMs ?? options.timeout)}`,
      'A Lambda timeout is 1 to 900 seconds (timeout) or 1000 to 900000 ms (timeoutMs).',
    );
  }
  return ms;
}

function notA(option: string, value: unknown, expected: string, hint: string): EventInputError {
  return new EventInputError(
    'EVENT_INVALID_OPTION_TYPE',
    `${WHERE}: ${option} is not ${expected}: ${formatValue(value)}`,
    hint,
    { option },
  );
}
