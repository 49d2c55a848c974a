import { checkProxyResult } from '../../response/validate-proxy-result.js';
import type { ResolvedLambdaIntegration } from '../config/resolve-integration.js';
import { invokeFunction } from '../integrations/invoke-function.js';
import type { InvocationOutcome } from '../trace.js';
import type { ResolvedWsMockIntegration } from './resolve-websocket-mock.js';
import type { WebSocketDeps } from './websocket-deps.js';
import { runWebSocketMock, type WebSocketMockInput } from './websocket-mock.js';

/** How a WebSocket integration call ended. */
export type WebSocketIntegrationResult =
  /** The integration answered: its status, headers and body (`''` when it has none). */
  | { kind: 'response'; statusCode: number; headers: readonly [string, string][]; body: string }
  /** Function error, malformed result or misconfiguration: API Gateway says `Internal server error`. */
  | { kind: 'failure'; detail: string }
  /** No answer within the integration timeout: `Endpoint request timed out`. */
  | { kind: 'timeout'; detail: string };

/** The integration's result, its latency and (Lambda) how the invocation ended. */
export interface WebSocketIntegrationCall {
  result: WebSocketIntegrationResult;
  latencyMs: number;
  invocation?: InvocationOutcome;
}

/**
 * Invokes a Lambda proxy integration with a WebSocket event, like a warm Lambda on the gateway clock, and reads
 * its result as a payload 1.0 proxy result (`strict`: a malformed one is a failure). One-way routes are not
 * strict: a malformed result is ignored, only function errors and timeouts fail them.
 */
export async function invokeWebSocketLambda(
  deps: WebSocketDeps,
  integration: ResolvedLambdaIntegration,
  event: unknown,
  strict: boolean,
): Promise<WebSocketIntegrationCall> {
  // A stage-variable function ARN the stage cannot satisfy: a configuration failure, nothing is invoked.
  if (integration.unresolved !== undefined) {
    return { result: { kind: 'failure', detail: integration.unresolved }, latencyMs: 0 };
  }
  const started = invokeFunction(deps, integration, event, integration.timeoutMs);
  const invocation = await started.outcome;
  const latencyMs = deps.config.clock.now() - started.start;
  if (invocation.kind === 'timeout') {
    const detail = `no answer within the ${invocation.timeoutMs} ms integration timeout`;
    return { result: { kind: 'timeout', detail }, latencyMs, invocation };
  }
  if (invocation.kind === 'error') {
    const { errorType, errorMessage } = invocation.error;
    const detail = `Lambda execution failed due to customer function error: ${errorType}: ${errorMessage}`;
    return { result: { kind: 'failure', detail }, latencyMs, invocation };
  }
  const report = checkProxyResult(invocation.value, '1.0', 'REST', NO_OPTIONS);
  if (!report.ok && !strict) {
    // A one-way route never reads the result: only its status, when there is one, reaches metrics and logs.
    return { result: { kind: 'response', statusCode: 200, headers: [], body: '' }, latencyMs, invocation };
  }
  if (!report.ok) {
    const issues = report.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return {
      result: { kind: 'failure', detail: `Malformed Lambda proxy response: ${issues}` },
      latencyMs,
      invocation,
    };
  }
  const { statusCode, headers, body } = report.response;
  return { result: { kind: 'response', statusCode, headers, body }, latencyMs, invocation };
}

const NO_OPTIONS = Object.freeze({});

/** Runs a route's integration: Lambda proxy or MOCK. Not `async`: the Lambda call's promise is returned as it is. */
export function runWebSocketIntegration(
  deps: WebSocketDeps,
  integration: ResolvedLambdaIntegration | ResolvedWsMockIntegration,
  event: () => unknown,
  mock: () => WebSocketMockInput,
  strict: boolean,
): Promise<WebSocketIntegrationCall> {
  try {
    if (integration.type === 'AWS_PROXY') return invokeWebSocketLambda(deps, integration, event(), strict);
    return Promise.resolve({ result: runWebSocketMock(integration, mock()), latencyMs: 0 });
  } catch (error) {
    return Promise.reject(error);
  }
}
