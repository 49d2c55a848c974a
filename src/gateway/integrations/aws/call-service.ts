import { Buffer } from 'node:buffer';
import type { TimerHandle } from '../../../clock/clock.js';
import type { AwsBackend } from '../../config/resolve-non-proxy.js';
import type { GatewayErrorResponse } from '../../gateway-responses.js';
import { gatewayResponse } from '../../gateway-responses.js';
import { endpointRequestLines, endpointResponseLines } from '../../observability/execution-log.js';
import { logExecution, type PipelineContext, record } from '../../pipeline/context.js';
import type { PipelineDeps } from '../../pipeline/deps.js';
import type { EndpointResponse } from '../mapping/integration-response.js';
import { configurationError } from '../mapping/integration-response.js';
import { sendToEndpoint } from '../send-to-endpoint.js';
import { signRequest } from './sign-request.js';
import type { AwsServiceCall, AwsServiceResponse } from './types.js';

/**
 * Delivers an AWS service call: to the user's responder (raced against the integration timeout on the gateway
 * clock; a throwing responder is an integration failure, 500) or, SigV4-signed, to the AWS-compatible endpoint
 * through `deps.fetch`.
 *
 * @example
 * ```ts
 * const endpoint = await callService(ctx, deps, integration.backend, call, 29_000);
 * ```
 */
export async function callService(
  ctx: PipelineContext,
  deps: PipelineDeps,
  backend: AwsBackend,
  call: AwsServiceCall,
  timeoutMs: number,
  signingName: string,
): Promise<EndpointResponse | GatewayErrorResponse> {
  if (backend.kind === 'endpoint') {
    const url = new URL(
      `${backend.url}${call.path}${call.url.slice(call.url.indexOf('?') === -1 ? call.url.length : call.url.indexOf('?'))}`,
    );
    const { Host: _host, ...unsigned } = call.headers;
    const signed = await signRequest(
      { method: call.method, url, headers: unsigned, body: call.bodyBytes },
      deps.config.awsCredentials,
      call.region,
      signingName,
      deps.config.clock.now(),
    );
    return sendToEndpoint(
      ctx,
      deps,
      { url: url.href, method: call.method, headers: Object.entries(signed), body: call.bodyBytes },
      timeoutMs,
    );
  }
  logExecution(ctx, () => endpointRequestLines(call.url, Object.entries(call.headers), call.body));
  const clock = deps.config.clock;
  const start = clock.now();
  let timer: TimerHandle | undefined;
  let answer: AwsServiceResponse | 'timeout';
  ctx.trace.integrationCalled = true;
  try {
    answer = await Promise.race([
      Promise.resolve().then(() => backend.responder(call)),
      new Promise<'timeout'>((resolve) => {
        timer = clock.setTimeout(() => resolve('timeout'), timeoutMs);
      }),
    ]);
  } catch (error) {
    return configurationError(
      ctx,
      deps,
      `Execution failed: the services responder for ${call.service}${call.action ? ` ${call.action}` : ''} threw: ${error instanceof Error ? error.message : String(error)}`,
    ) as GatewayErrorResponse;
  } finally {
    if (timer !== undefined) clock.clearTimeout(timer);
  }
  ctx.integrationLatencyMs = clock.now() - start;
  ctx.trace.integrationLatencyMs = ctx.integrationLatencyMs;
  if (answer === 'timeout') {
    record(ctx, {
      stage: 'integration',
      decision: 'timeout',
      detail: `the ${call.service} responder did not answer within ${timeoutMs} ms`,
    });
    return gatewayResponse(deps.config.apiType, 'INTEGRATION_TIMEOUT', ctx);
  }
  const endpoint = toEndpointResponse(answer);
  ctx.endpointStatus = endpoint.statusCode;
  record(ctx, {
    stage: 'integration',
    decision: 'endpoint-response',
    detail: `services.${call.service}${call.action ? `.${call.action}` : ''} answered ${endpoint.statusCode}`,
  });
  logExecution(ctx, () =>
    endpointResponseLines(
      endpoint.statusCode,
      ctx.integrationLatencyMs ?? 0,
      endpoint.headers,
      endpoint.body,
    ),
  );
  return endpoint;
}

function toEndpointResponse(answer: AwsServiceResponse): EndpointResponse {
  const headers = new Map<string, string[]>();
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers.set(name.toLowerCase(), [value]);
  const body = answer.body;
  let payload: string | Uint8Array | null;
  if (body === undefined) payload = null;
  else if (typeof body === 'string' || body instanceof Uint8Array) payload = body;
  else {
    payload = JSON.stringify(body);
    if (!headers.has('content-type')) headers.set('content-type', ['application/json']);
  }
  return {
    statusCode: answer.statusCode,
    headers,
    body:
      payload === null ? null : typeof payload === 'string' ? new Uint8Array(Buffer.from(payload)) : payload,
  };
}
