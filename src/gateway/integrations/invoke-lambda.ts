import type { Context } from 'aws-lambda';
import type { Clock, TimerHandle } from '../../clock/clock.js';
import { formatText } from '../../errors/format-value.js';
import type { InvocationOutcome, LambdaErrorObject } from '../trace.js';
import type { LambdaHandler } from '../types.js';

/** What one invocation needs. */
export interface InvokeLambdaInput {
  handler: LambdaHandler;
  event: unknown;
  /** The Lambda context; its `done`/`succeed`/`fail` are wired to this invocation. */
  context: Context;
  clock: Clock;
  /** Gateway-side integration timeout (ms). */
  integrationTimeoutMs: number;
  /** Lambda-side function timeout (ms). */
  functionTimeoutMs: number;
  /** Called once the handler is running and its timeouts are armed: from then on only time moves it on. */
  onArmed?: (() => void) | undefined;
  /** Clock time the invocation starts (default `clock.now()`); the timeouts count from it. */
  start?: number;
}

/**
 * Invokes a handler the way the Node.js Lambda runtime does and races it against the integration timeout.
 *
 * - A returned promise (async handler) settles the invocation; so does `callback(error, result)`; the first
 *   one wins, later ones are ignored.
 * - A handler that returns a non-promise and declares fewer than three parameters never answers: the
 *   runtime responds `null` (what API Gateway then sees), and the outcome says so.
 * - A throw, a rejection or `callback(error)` becomes the Lambda error object
 *   `{ errorType, errorMessage, trace }`; the function timeout (shorter than the integration timeout)
 *   becomes a `Sandbox.Timedout` error.
 * - The integration timeout wins when the function is still running: the late result or rejection is
 *   swallowed (no unhandled rejection) and both timers are cleared as soon as the invocation settles.
 */
export function invokeLambda(input: InvokeLambdaInput): Promise<InvocationOutcome> {
  const { clock, handler, context } = input;
  return new Promise((resolve) => {
    const start = input.start ?? clock.now();
    let settled = false;
    let integrationTimer: TimerHandle | undefined;
    let functionTimer: TimerHandle | undefined;
    const finish = (outcome: InvocationOutcome): void => {
      if (settled) return;
      settled = true;
      if (integrationTimer !== undefined) clock.clearTimeout(integrationTimer);
      if (functionTimer !== undefined) clock.clearTimeout(functionTimer);
      resolve(outcome);
    };
    // The timers are armed only if the handler has not answered within a few microtask turns (measured from
    // `start`, so the deadlines are unchanged): a handler that answers at once costs no timer, which keeps the
    // gateway's hot path cheap on the system clock.
    const arm = (): void => {
      if (settled) return;
      const elapsed = clock.now() - start;
      integrationTimer = clock.setTimeout(
        () => finish({ kind: 'timeout', timeoutMs: input.integrationTimeoutMs }),
        Math.max(0, input.integrationTimeoutMs - elapsed),
      );
      if (input.functionTimeoutMs < input.integrationTimeoutMs) {
        functionTimer = clock.setTimeout(
          () => finish({ kind: 'error', error: functionTimeoutError(context, input.functionTimeoutMs) }),
          Math.max(0, input.functionTimeoutMs - elapsed),
        );
      }
      input.onArmed?.();
    };
    // Four turns as a chain that stops once the handler answered: one promise per turn taken, instead of a
    // ready-made chain of four that also ran for handlers that had long answered (measured on the hot path).
    // The chain starts after the handler's promise is subscribed to, so an async handler that answers at once
    // settles before the first step runs and costs one step promise instead of two.
    let turns = 0;
    const step = (): void => {
      if (settled) return;
      turns += 1;
      if (turns < ARM_AFTER_TURNS) TICK.then(step);
      else arm();
    };
    const callback = (error?: unknown, result?: unknown): void => {
      if (error !== undefined && error !== null) finish({ kind: 'error', error: toLambdaError(error) });
      else finish({ kind: 'result', value: result === undefined ? null : result });
    };
    const mutable = context as Context & Record<string, unknown>;
    mutable.done = callback;
    mutable.succeed = (result: unknown) => callback(null, result);
    mutable.fail = (error: unknown) => callback(error ?? 'handled');
    let returned: unknown;
    try {
      returned = handler(input.event as never, context, callback);
    } catch (error) {
      finish({ kind: 'error', error: toLambdaError(error) });
      return;
    }
    if (isThenable(returned)) {
      try {
        returned.then(
          (value) => finish({ kind: 'result', value: value === undefined ? null : value }),
          (error: unknown) => finish({ kind: 'error', error: toLambdaError(error) }),
        );
      } catch (error) {
        // A thenable whose `then` throws fails the invocation like a rejection.
        finish({ kind: 'error', error: toLambdaError(error) });
      }
    } else if (handler.length < 3) {
      finish({
        kind: 'result',
        value: null,
        note: 'the handler returned without a promise and takes no callback; the Node.js Lambda runtime responds null (make it async or call the callback)',
      });
    }
    if (!settled) TICK.then(step);
  });
}

/** Microtask turns a handler has to answer before its timers are armed. */
const ARM_AFTER_TURNS = 4;
const TICK = Promise.resolve();

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * The error object the Node.js runtime reports for a failed invocation: `errorType` is the error's `name`
 * (`typeof value` for a non-Error), `errorMessage` its message, `trace` the stack lines.
 */
export function toLambdaError(error: unknown): LambdaErrorObject {
  if (error instanceof Error) {
    try {
      return {
        errorType: error.name || 'Error',
        errorMessage: error.message,
        trace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
      };
    } catch {
      // A getter of the thrown object threw: the function still failed.
    }
  }
  return { errorType: typeof error, errorMessage: formatText(error), trace: [] };
}

function functionTimeoutError(context: Context, timeoutMs: number): LambdaErrorObject {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${context.awsRequestId} Error: Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
    trace: [],
  };
}
