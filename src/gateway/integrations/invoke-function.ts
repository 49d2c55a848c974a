import type { Clock } from '../../clock/clock.js';
import type { IdSource } from '../../ids/ids.js';
import type { InvocationOutcome } from '../trace.js';
import type { LambdaHandler } from '../types.js';
import { invokeLambda } from './invoke-lambda.js';
import { functionConstants, newInvocationContext } from './lambda-context.js';

/** The function settings an invocation needs (Lambda proxy and Lambda custom integrations). */
export interface FunctionSettings {
  handler: LambdaHandler;
  functionName: string;
  memoryLimitInMB: number;
  functionTimeoutMs: number;
  /** Alias or version the function was invoked with (`invokedFunctionArn` suffix). */
  qualifier?: string | undefined;
  /** `context.functionVersion` (default `$LATEST`). */
  functionVersion?: string | undefined;
}

/** What an invocation needs of its gateway (REST/HTTP pipeline deps and WebSocket deps both fit). */
export interface InvocationEnv {
  config: { clock: Clock; region: string; accountId: string; ids: IdSource };
  /** The log stream of the function's warm execution environment. */
  logStreamName(functionName: string, start: number, version?: string): string;
  /** Called once the handler runs and its timeouts are armed (`gateway.nextRequest()`). */
  onIntegrationArmed?: (() => void) | undefined;
}

/**
 * Starts one invocation of a function like a warm Lambda: a Lambda context on the gateway clock (with the function's
 * warm log stream), the handler raced against `integrationTimeoutMs`. Returns the start time and the outcome.
 *
 * @example
 * ```ts
 * const { start, outcome } = invokeFunction(deps, integration, event, integration.timeoutMs);
 * ```
 */
export function invokeFunction(
  deps: InvocationEnv,
  fn: FunctionSettings,
  event: unknown,
  integrationTimeoutMs: number,
  start: number = deps.config.clock.now(),
): { start: number; outcome: Promise<InvocationOutcome> } {
  return { start, outcome: startInvocation(deps, fn, event, integrationTimeoutMs, start) };
}

/** {@link invokeFunction} for a caller that already knows the start (the gateway's request time): the outcome only. */
export function startInvocation(
  deps: InvocationEnv,
  fn: FunctionSettings,
  event: unknown,
  integrationTimeoutMs: number,
  start: number,
): Promise<InvocationOutcome> {
  const { config } = deps;
  const clock = config.clock;
  const context = newInvocationContext(
    functionConstants(fn, config.region, config.accountId),
    config.ids.uuid(),
    deps.logStreamName(fn.functionName, start, fn.functionVersion),
    start + fn.functionTimeoutMs,
    clock,
  );
  return invokeLambda({
    handler: fn.handler,
    event,
    context,
    clock,
    integrationTimeoutMs,
    functionTimeoutMs: fn.functionTimeoutMs,
    onArmed: deps.onIntegrationArmed,
    start,
  });
}
