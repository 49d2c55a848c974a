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
  const { clock, functionName } = input;
  const deadline = input.start + input.functionTimeoutMs;
  const unset = (): void => {};
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: input.functionVersion ?? '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${input.region}:${input.accountId}:function:${functionName}${input.qualifier === undefined ? '' : `:${input.qualifier}`}`,
    memoryLimitInMB: String(input.memoryLimitInMB),
    awsRequestId: input.awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: input.logStreamName,
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
  const names = new Map<string, string>();
  return (functionName, start, version = '$LATEST') => {
    const key = `${functionName}:${version}`;
    let name = names.get(key);
    if (name === undefined) {
      const date = new Date(start).toISOString().slice(0, 10).replaceAll('-', '/');
      name = `${date}/[${version}]${ids.hex(32)}`;
      names.set(key, name);
    }
    return name;
  };
}
