import { gatewayRequestToEvent } from '../../http/request-to-event.js';
import { checkProxyResult } from '../../response/validate-proxy-result.js';
import type { ResolvedLambdaIntegration } from '../config/resolve-integration.js';
import { withClientPath } from '../domains/mapped-event.js';
import { gatewayResponse } from '../gateway-responses.js';
import { endpointRequestLines, endpointResponseLines } from '../observability/execution-log.js';
import { logExecution, type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import type { InvocationOutcome } from '../trace.js';
import { eventInputOf } from './event-input.js';
import { startInvocation } from './invoke-function.js';
import {
  eventBytesIfLarge,
  LAMBDA_MAX_REQUEST_BYTES,
  LAMBDA_MAX_RESPONSE_BYTES,
  resultBytesIfLarge,
} from './payload-limits.js';

/**
 * Lambda proxy integration (behaviour.md §1, §3, §5.1): builds the event with the event builders, invokes
 * the handler like a warm Lambda, and turns the result into the client's response through
 * `validateProxyResult`. Function errors and malformed results are REST 502 / HTTP API 500; the integration
 * timeout is REST 504 / HTTP API 503; an integration method other than POST is 500.
 *
 * Not `async`: the invocation's outcome is continued with `then` in {@link answerOf}. An async function kept all
 * of its locals in a suspended frame per request (with the invocation's `{ start, outcome }` pair, ~0.7 KB of the
 * ~10.8 KB a cached GET miss allocated, sampled by the heap profiler). Answers before the call stay promises.
 */
export function runLambdaProxy(
  ctx: PipelineContext,
  deps: PipelineDeps,
  integration: ResolvedLambdaIntegration,
): Promise<StageResult> {
  const { config } = deps;
  if (integration.unresolved !== undefined)
    return Promise.resolve(unresolvedFunction(ctx, deps, integration.unresolved));
  const method = integration.httpMethod;
  // The usual spelling first: no case conversion per request.
  if (method !== 'POST' && method.toUpperCase() !== 'POST') {
    record(ctx, {
      stage: 'integration',
      decision: 'configuration-error',
      detail: `AWS_PROXY integration method is ${integration.httpMethod}; Lambda can only be invoked with POST, so AWS answers 500`,
    });
    return Promise.resolve(gatewayResponse(config.apiType, 'CONFIGURATION_ERROR', ctx));
  }
  const event = gatewayRequestToEvent(eventInputOf(ctx, deps, integration.payloadFormatVersion));
  if (ctx.request.mapping !== undefined) withClientPath(event, ctx);
  if (ctx.detailed) ctx.trace.event = structuredClone(event);
  const eventBytes = eventBytesIfLarge(event, ctx.request.body);
  if (eventBytes !== undefined && eventBytes >= LAMBDA_MAX_REQUEST_BYTES) {
    record(ctx, {
      stage: 'integration',
      decision: 'request-too-large',
      detail: `the Lambda event is ${eventBytes} bytes; Lambda refuses requests of ${LAMBDA_MAX_REQUEST_BYTES} bytes or more, so the function is not invoked`,
      data: { bytes: eventBytes, limit: LAMBDA_MAX_REQUEST_BYTES },
    });
    return Promise.resolve(gatewayResponse(config.apiType, 'LAMBDA_REQUEST_TOO_LARGE', ctx));
  }
  // The hot path (gateway.fetch) skips even the closures.
  if (ctx.detailed)
    logExecution(ctx, () => {
      const arn = `arn:aws:lambda:${config.region}:${config.accountId}:function:${integration.functionName}`;
      return endpointRequestLines(
        `https://lambda.${config.region}.amazonaws.com/2015-03-31/functions/${arn}/invocations`,
        [],
        JSON.stringify(event),
      );
    });
  ctx.trace.integrationCalled = true;
  return startInvocation(deps, integration, event, integration.timeoutMs, ctx.now).then((outcome) =>
    answerOf(ctx, deps, integration, outcome),
  );
}

/** The stage's answer once the function answered, timed out or failed (the invocation started at `ctx.now`). */
function answerOf(
  ctx: PipelineContext,
  deps: PipelineDeps,
  integration: ResolvedLambdaIntegration,
  outcome: InvocationOutcome,
): StageResult {
  const { config } = deps;
  ctx.integrationLatencyMs = config.clock.now() - ctx.now;
  ctx.trace.invocation = outcome;
  ctx.trace.integrationLatencyMs = ctx.integrationLatencyMs;
  if (outcome.kind === 'timeout') {
    record(ctx, {
      stage: 'integration',
      decision: 'timeout',
      detail: `no answer within the ${outcome.timeoutMs} ms integration timeout; a late result will be discarded`,
    });
    return gatewayResponse(config.apiType, 'INTEGRATION_TIMEOUT', ctx);
  }
  if (outcome.kind === 'error') {
    record(ctx, {
      stage: 'integration',
      decision: 'function-error',
      detail: `Lambda execution failed due to customer function error: ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
      data: { error: outcome.error },
    });
    return gatewayResponse(config.apiType, 'LAMBDA_FAILURE', ctx);
  }
  if (ctx.detailed) {
    record(ctx, {
      stage: 'integration',
      decision: 'invoked',
      detail: outcome.note ?? `${integration.functionName} returned after ${ctx.integrationLatencyMs} ms`,
    });
  }
  const resultBytes = resultBytesIfLarge(outcome.value, LAMBDA_MAX_RESPONSE_BYTES);
  if (resultBytes !== undefined && resultBytes > LAMBDA_MAX_RESPONSE_BYTES) {
    record(ctx, {
      stage: 'integration',
      decision: 'response-too-large',
      detail: `Lambda Customer Function Error:Response payload size exceeded maximum allowed payload size (${LAMBDA_MAX_RESPONSE_BYTES} bytes). The result is ${resultBytes} bytes of JSON.`,
      data: { bytes: resultBytes, limit: LAMBDA_MAX_RESPONSE_BYTES },
    });
    return gatewayResponse(config.apiType, 'LAMBDA_RESPONSE_TOO_LARGE', ctx);
  }
  const payloadFormat = integration.payloadFormatVersion;
  const binaryMediaTypes = config.binaryMediaTypes;
  // Without binary media types the Accept header cannot matter: no per-request options object then.
  const report = checkProxyResult(
    outcome.value,
    payloadFormat,
    config.apiType,
    binaryMediaTypes.length === 0
      ? NO_REQUEST_OPTIONS
      : { request: { accept: headerValue(ctx.request.headers, 'accept'), binaryMediaTypes } },
  );
  ctx.trace.proxyResult = report;
  if (!report.ok) {
    record(ctx, {
      stage: 'response',
      decision: 'malformed-result',
      detail: `Execution failed due to configuration error: Malformed Lambda proxy response: ${report.issues
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join('; ')}`,
      data: { issues: report.issues },
    });
    return gatewayResponse(config.apiType, 'LAMBDA_FAILURE', ctx);
  }
  if (ctx.detailed) {
    record(ctx, {
      stage: 'response',
      decision: 'valid-result',
      detail: `status ${report.response.statusCode}`,
    });
  }
  if (ctx.detailed)
    logExecution(ctx, () => [
      ...endpointResponseLines(
        200,
        ctx.integrationLatencyMs ?? 0,
        [],
        JSON.stringify(outcome.value) ?? 'null',
      ),
      `Method response body after transformations: ${report.response.bodyBytes ? '[Binary Data]' : report.response.body}`,
      'Successfully completed execution',
    ]);
  ctx.response = report.response;
  return ctx;
}

const NO_REQUEST_OPTIONS = Object.freeze({});

/**
 * A Lambda integration whose `${stageVariables.x}` function ARN the stage cannot satisfy (a missing variable, or a
 * value naming no function): API Gateway answers 500 `Internal server error` without invoking anything
 * (behaviour.md §8.2, §17.4).
 */
export function unresolvedFunction(ctx: PipelineContext, deps: PipelineDeps, reason: string): StageResult {
  record(ctx, { stage: 'integration', decision: 'configuration-error', detail: reason });
  logExecution(ctx, () => reason);
  return gatewayResponse(deps.config.apiType, 'CONFIGURATION_ERROR', ctx);
}

/** First value of a header, case-insensitively; `null` when absent. */
export function headerValue(headers: readonly [string, string][], lower: string): string | null {
  const last = lower.length - 1;
  const end = lower.charCodeAt(last);
  for (const [name, value] of headers) {
    if (name.length !== lower.length) continue;
    // The last character first, folded like ASCII (beyond it toLowerCase decides): a name of the same length that
    // ends differently is not lowercased (the access log's `x-forwarded-for` lookup met `X-Amzn-Trace-Id`, a
    // lowercased copy per request).
    const c = name.charCodeAt(last);
    if (c < 128 && (c >= 65 && c <= 90 ? c + 32 : c) !== end) continue;
    if (name.toLowerCase() === lower) return value;
  }
  return null;
}
