import type { GatewayErrorResponse } from '../gateway-responses.js';
import { gatewayResponse } from '../gateway-responses.js';
import { endpointRequestLines, endpointResponseLines } from '../observability/execution-log.js';
import { logExecution, type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import type { EndpointResponse } from './mapping/integration-response.js';
import { completeIntegrationResponse, configurationError } from './mapping/integration-response.js';
import type { PreparedRequest } from './mapping/prepare-request.js';
import type { ResolvedIntegrationResponse } from './mapping/types.js';
import { type OutboundRequest, sendOutbound } from './outbound-fetch.js';

/**
 * Sends an integration request to an HTTP(S) endpoint and records it (execution log, trace, integration latency).
 * A timeout is 504 `INTEGRATION_TIMEOUT`; an unusable URL or a refused connection 500 (configuration error, as
 * LocalStack observed); another network failure 504 `INTEGRATION_FAILURE` (UNCONFIRMED wording).
 *
 * @example
 * ```ts
 * const endpoint = await sendToEndpoint(ctx, deps, { url, method: 'GET', headers, body: null }, 29_000);
 * ```
 */
export async function sendToEndpoint(
  ctx: PipelineContext,
  deps: PipelineDeps,
  request: OutboundRequest,
  timeoutMs: number,
): Promise<EndpointResponse | GatewayErrorResponse> {
  logExecution(ctx, () => endpointRequestLines(request.url, request.headers, request.body ?? ''));
  const clock = deps.config.clock;
  const start = clock.now();
  ctx.trace.integrationCalled = true;
  const result = await sendOutbound(deps, request, timeoutMs);
  ctx.integrationLatencyMs = clock.now() - start;
  ctx.trace.integrationLatencyMs = ctx.integrationLatencyMs;
  switch (result.kind) {
    case 'timeout':
      record(ctx, {
        stage: 'integration',
        decision: 'timeout',
        detail: `${request.method} ${request.url}: no answer within ${timeoutMs} ms`,
      });
      logExecution(ctx, () => 'Execution failed due to a timeout error');
      return gatewayResponse(deps.config.apiType, 'INTEGRATION_TIMEOUT', ctx);
    case 'invalid-url':
    case 'connection':
      return configurationError(
        ctx,
        deps,
        `Execution failed due to configuration error: ${result.message} (${request.method} ${request.url})`,
      ) as GatewayErrorResponse;
    case 'network':
      record(ctx, {
        stage: 'integration',
        decision: 'network-error',
        detail: `Execution failed due to a network error communicating with endpoint: ${result.message}`,
      });
      logExecution(ctx, () => 'Execution failed due to a network error communicating with endpoint');
      return gatewayResponse(deps.config.apiType, 'INTEGRATION_FAILURE', ctx);
    default: {
      ctx.endpointStatus = result.statusCode;
      const endpoint: EndpointResponse = {
        statusCode: result.statusCode,
        headers: result.headers,
        body: result.body,
      };
      record(ctx, {
        stage: 'integration',
        decision: 'endpoint-response',
        detail: `${request.method} ${request.url} answered ${result.statusCode} after ${ctx.integrationLatencyMs} ms`,
      });
      logExecution(ctx, () =>
        endpointResponseLines(result.statusCode, ctx.integrationLatencyMs ?? 0, result.headers, result.body),
      );
      return endpoint;
    }
  }
}

/** True when `value` is a gateway failure rather than an endpoint response. */
export function isFailure(value: EndpointResponse | GatewayErrorResponse): value is GatewayErrorResponse {
  return 'failure' in value;
}

/**
 * Finishes an HTTP or AWS service integration: a gateway failure as it is, else the integration response selected
 * by the endpoint's status code (as text).
 */
export function completeByStatus(
  ctx: PipelineContext,
  deps: PipelineDeps,
  responses: readonly ResolvedIntegrationResponse[],
  endpoint: EndpointResponse | GatewayErrorResponse,
  prepared: PreparedRequest,
): StageResult {
  if (isFailure(endpoint)) return endpoint;
  const { request, parts } = prepared;
  return completeIntegrationResponse(
    ctx,
    deps,
    responses,
    endpoint,
    String(endpoint.statusCode),
    request,
    parts.overrides,
  );
}

/**
 * `X-Forwarded-For` (the client's value, else the default source IP), `X-Forwarded-Port: 443`,
 * `X-Forwarded-Proto: https`: what API Gateway adds to HTTP backend calls (recorded for HTTP integrations) unless
 * present.
 */
export function setForwardedHeaders(
  headers: [string, string][],
  clientHeaders: readonly [string, string][],
): void {
  const client = (lower: string) => clientHeaders.find(([n]) => n.toLowerCase() === lower)?.[1];
  const has = (lower: string) => headers.some(([n]) => n.toLowerCase() === lower);
  if (!has('x-forwarded-for')) headers.push(['X-Forwarded-For', client('x-forwarded-for') ?? '203.0.113.9']);
  if (!has('x-forwarded-port')) headers.push(['X-Forwarded-Port', '443']);
  if (!has('x-forwarded-proto')) headers.push(['X-Forwarded-Proto', 'https']);
}
