import type { Context } from 'aws-lambda';
import type { Clock } from '../../clock/clock.js';
import type { IdSource } from '../../ids/ids.js';

/** What the gateway knows when it builds a Lambda context for one invocation. */
export interface InvocationContextInput {
  functionName: string;
  memoryLimitInMB: number;
  /** Alias or version in the invoked ARN; `functionVersion` is what the context reports. */
  qualifier?: string | undefined;
  functionVersion?: string | undefined;
  region: string;
  accountId: string;
  awsRequestId: string;
  /** Start of the invocation (clock ms); the deadline is `start + functionTimeoutMs`. */
  start: number;
  functionTimeoutMs: number;
  /** The log stream of the function's warm execution environment (`2024/01/20/[$LATEST]<32 hex>`). */
  logStreamName: string;
  clock: Clock;
}

/**
 * Builds the Node.js Lambda `context` (behaviour.md §2.5) with a real countdown:
 * `getRemainingTimeInMillis()` is `max(deadline - clock.now(), 0)`, so it falls as the gateway's clock moves.
 */
export function buildInvocationContext(input: InvocationContextInput): Context {
  return newInvocationContext(
    computeConstants(input, input.region, input.accountId),
    input.awsRequestId,
    input.logStreamName,
    input.start + input.functionTimeoutMs,
    input.clock,
  );
}

/** The context fields fixed for a function (and a gateway's region and account). */
export interface FunctionConstants {
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly region: string;
  readonly accountId: string;
}

/** What {@link functionConstants} reads of a function's settings. */
export interface FunctionIdentity {
  readonly functionName: string;
  readonly memoryLimitInMB: number;
  readonly qualifier?: string | undefined;
  readonly functionVersion?: string | undefined;
}

// Per settings object: the invocation hot path builds the ARN and log group name once per function instead
// of once per request.
const constantsCache = new WeakMap<FunctionIdentity, FunctionConstants>();

/** The fixed context fields of `fn` in this region and account (computed once per settings object). */
export function functionConstants(
  fn: FunctionIdentity,
  region: string,
  accountId: string,
): FunctionConstants {
  const cached = constantsCache.get(fn);
  if (
    cached !== undefined &&
    cached.region === region &&
    cached.accountId === accountId &&
    cached.functionName === fn.functionName
  ) {
    return cached;
  }
  const constants = computeConstants(fn, region, accountId);
  constantsCache.set(fn, constants);
  return constants;
}

function computeConstants(fn: FunctionIdentity, region: string, accountId: string): FunctionConstants {
  const { functionName, qualifier } = fn;
  return {
    functionName,
    functionVersion: fn.functionVersion ?? '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}${qualifier === undefined ? '' : `:${qualifier}`}`,
    memoryLimitInMB: String(fn.memoryLimitInMB),
    logGroupName: `/aws/lambda/${functionName}`,
    region,
    accountId,
  };
}

const unset = (): void => {};

/** A Lambda context for one invocation; `done`/`fail`/`succeed` are wired by `invokeLambda`. */
export function newInvocationContext(
  constants: FunctionConstants,
  awsRequestId: string,
  logStreamName: string,
  deadline: number,
  clock: Clock,
): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: constants.functionName,
    functionVersion: constants.functionVersion,
    invokedFunctionArn: constants.invokedFunctionArn,
    memoryLimitInMB: constants.memoryLimitInMB,
    awsRequestId,
    logGroupName: constants.logGroupName,
    logStreamName,
    getRemainingTimeInMillis: () => Math.max(deadline - clock.now(), 0),
    // Replaced per invocation by invokeLambda; present because the runtime still provides them.
    done: unset,
    fail: unset,
    succeed: unset,
  };
}

/**
 * Log stream names of warm execution environments, one per function, fixed at the function's first invocation
 * (`2024/01/20/[$LATEST]<32 hex>`, the date of `start`).
 *
 * @example
 * ```ts
 * const logStreamName = createLogStreamNames(ids);
 * logStreamName('ws-sendMessage', clock.now()); // '2024/01/01/[$LATEST]3f…'
 * ```
 */
export function createLogStreamNames(
  ids: IdSource,
): (functionName: string, start: number, version?: string) => string {
  // By version, then function name: no key text is built per invocation.
  const byVersion = new Map<string, Map<string, string>>();
  // A stream's name never changes once made: the last one asked for is answered without the two lookups.
  let last = { functionName: '', version: '', name: '' };
  return (functionName, start, version = '$LATEST') => {
    if (functionName === last.functionName && version === last.version && last.name !== '') return last.name;
    let names = byVersion.get(version);
    if (names === undefined) {
      names = new Map();
      byVersion.set(version, names);
    }
    let name = names.get(functionName);
    if (name === undefined) {
      const date = new Date(start).toISOString().slice(0, 10).replaceAll('-', '/');
      name = `${date}/[${version}]${ids.hex(32)}`;
      names.set(functionName, name);
    }
    last = { functionName, version, name };
    return name;
  };
}
