import type { ResolvedLambdaCustomIntegration } from '../config/resolve-non-proxy.js';
import { gatewayResponse } from '../gateway-responses.js';
import { endpointRequestLines, endpointResponseLines } from '../observability/execution-log.js';
import { logExecution, type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { invokeFunction } from './invoke-function.js';
import { unresolvedFunction } from './lambda-proxy.js';
import { payloadText } from './mapping/content-handling.js';
import { completeIntegrationResponse, configurationError } from './mapping/integration-response.js';
import { prepareIntegrationRequest } from './mapping/prepare-request.js';

/** The header that makes a Lambda custom integration invoke asynchronously (`Event`). */
const INVOCATION_TYPE = 'x-amz-invocation-type';
const NO_HEADERS: ReadonlyMap<string, readonly string[]> = new Map([['Content-Type', ['application/json']]]);

/**
 * `AWS` integration with a Lambda function, non-proxy (behaviour.md §0, §4.5): the request template's output (or the
 * passed-through body) is parsed as JSON into the event (an empty payload is `{}`; text that is not JSON is 500, as
 * Lambda refuses it); the handler runs like a warm Lambda (same timeouts as `AWS_PROXY`). A result is the
 * integration body (JSON) and selects only the default response; a function error becomes the runtime's error
 * object `{errorType, errorMessage, trace}` and selects by `errorMessage`. `X-Amz-Invocation-Type: Event` (mapped as
 * `integration.request.header.X-Amz-Invocation-Type`) invokes asynchronously: the method answers at once with an
 * empty body.
 */
export async function runLambdaCustom(
  ctx: PipelineContext,
  deps: PipelineDeps,
  integration: ResolvedLambdaCustomIntegration,
): Promise<StageResult> {
  const { config } = deps;
  if (integration.unresolved !== undefined) return unresolvedFunction(ctx, deps, integration.unresolved);
  const prepared = prepareIntegrationRequest(ctx, deps, integration);
  if ('failure' in prepared) return prepared;
  const { request, parts } = prepared;
  const text = payloadText(parts.body);
  let event: unknown;
  try {
    event = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    return configurationError(
      ctx,
      deps,
      `Execution failed: the Lambda payload is not JSON (Lambda: InvalidRequestContentException, ${(error as Error).message})`,
    );
  }
  if (ctx.detailed) ctx.trace.event = structuredClone(event);
  logExecution(ctx, () => {
    const arn = `arn:aws:lambda:${config.region}:${config.accountId}:function:${integration.functionName}`;
    const uri = `https://lambda.${config.region}.amazonaws.com/2015-03-31/functions/${arn}/invocations`;
    return endpointRequestLines(uri, parts.headers, text);
  });
  let asyncInvoke = false;
  for (const [name, value] of parts.headers) {
    if (
      name.length === INVOCATION_TYPE.length &&
      name.toLowerCase() === INVOCATION_TYPE &&
      value.trim() === 'Event'
    ) {
      asyncInvoke = true;
      break;
    }
  }
  const clock = config.clock;
  ctx.trace.integrationCalled = true;
  // An Event invocation is not waited for: only the function's own timeout bounds it.
  const { start, outcome: invocation } = invokeFunction(
    deps,
    integration,
    event,
    asyncInvoke ? integration.functionTimeoutMs : integration.timeoutMs,
  );
  if (asyncInvoke) {
    record(ctx, {
      stage: 'integration',
      decision: 'invoked-async',
      detail:
        'X-Amz-Invocation-Type: Event: Lambda accepted the event (202); the method answers without waiting',
    });
    ctx.integrationLatencyMs = 0;
    return completeIntegrationResponse(
      ctx,
      deps,
      integration.integrationResponses,
      { statusCode: 202, headers: NO_HEADERS, body: '' },
      null,
      request,
      parts.overrides,
    );
  }
  const outcome = await invocation;
  ctx.integrationLatencyMs = clock.now() - start;
  ctx.trace.invocation = outcome;
  ctx.trace.integrationLatencyMs = ctx.integrationLatencyMs;
  if (outcome.kind === 'timeout') {
    record(ctx, {
      stage: 'integration',
      decision: 'timeout',
      detail: `no answer within the ${outcome.timeoutMs} ms integration timeout`,
    });
    logExecution(ctx, () => 'Execution failed due to a timeout error');
    return gatewayResponse(config.apiType, 'INTEGRATION_TIMEOUT', ctx);
  }
  const body =
    outcome.kind === 'error' ? JSON.stringify(outcome.error) : (JSON.stringify(outcome.value) ?? 'null');
  const selection = outcome.kind === 'error' ? outcome.error.errorMessage : null;
  // Guarded here, not only in record(): the detail text is built before the call (fetch keeps no trace).
  if (ctx.detailed)
    record(ctx, {
      stage: 'integration',
      decision: outcome.kind === 'error' ? 'function-error' : 'invoked',
      detail:
        outcome.kind === 'error'
          ? `Lambda execution failed with status 200 due to customer function error: ${outcome.error.errorMessage}; the errorMessage selects the integration response`
          : `${integration.functionName} returned after ${ctx.integrationLatencyMs} ms`,
    });
  logExecution(ctx, () => endpointResponseLines(200, ctx.integrationLatencyMs ?? 0, NO_HEADERS, body));
  return completeIntegrationResponse(
    ctx,
    deps,
    integration.integrationResponses,
    { statusCode: 200, headers: NO_HEADERS, body },
    selection,
    request,
    parts.overrides,
  );
}
