import { BufferedResponse } from '../../http/buffered-response.js';
import { toFetchResponse } from '../../http/to-fetch-response.js';
import type { ClientResponse } from '../../response/types.js';
import { type GatewayErrorResponse, integrationIdHeaders } from '../gateway-responses.js';
import { runLambdaProxy } from '../integrations/lambda-proxy.js';
import { runMock } from '../integrations/mock.js';
import { lookupCache, storeInCache } from '../stages/cache-lookup.js';
import { checkApiKey } from '../stages/check-api-key.js';
import { checkHeaderSize } from '../stages/check-header-size.js';
import { checkPayloadSize } from '../stages/check-payload-size.js';
import { matchRoute } from '../stages/match-route.js';
import { resolveStage } from '../stages/resolve-stage.js';
import { throttle } from '../stages/throttle.js';
import type { GatewayTrace } from '../trace.js';
import type { PipelineContext, StageResult } from './context.js';
import type { PipelineDeps } from './deps.js';
import type { GatewayRequest } from './gateway-request.js';
import { observe } from './observe.js';
import { traceHeaderFor } from './trace-header.js';

/** What one pass through the pipeline produces. */
export interface PipelineOutcome {
  response: Response;
  trace: GatewayTrace;
}

/**
 * Runs one request through the stages in AWS order (design.md §1): header size → payload size → stage → route → API key / usage plan →
 * throttle → cache lookup → integration → proxy-result check → cache store → metrics and access log.
 * The first stage that returns a gateway response ends the request.
 */
export async function runPipeline(
  request: GatewayRequest,
  deps: PipelineDeps,
  detailed: boolean,
): Promise<PipelineOutcome> {
  const ctx = newContext(request, deps, detailed);
  let result: StageResult = checkHeaderSize(ctx, deps.config);
  if (result === ctx) result = checkPayloadSize(ctx, deps.config);
  if (result === ctx) result = resolveStage(ctx, deps.config);
  if (result === ctx) result = matchRoute(ctx, deps.config);
  if (result === ctx) result = checkApiKey(ctx, deps);
  if (result === ctx) result = throttle(ctx, deps);
  if (result === ctx) result = lookupCache(ctx, deps);
  if (result === ctx && ctx.response === undefined) {
    const integration = ctx.route!.integration;
    result =
      integration.type === 'AWS_PROXY'
        ? await runLambdaProxy(ctx, deps, integration)
        : runMock(ctx, deps, integration);
    if (result === ctx) result = storeInCache(ctx, deps);
  }
  const trace = ctx.trace;
  let response: Response;
  let client: ClientResponse | GatewayErrorResponse;
  // A HEAD response has no body on the wire (RFC 9110 §9.3.2); status and headers are those of the answer.
  const head = request.method === 'HEAD';
  if (result === ctx) {
    client = ctx.response!;
    // A MOCK integration never reaches a traced service: AWS sends no X-Amzn-Trace-Id with its answer.
    const traced = ctx.route?.integration.type !== 'MOCK';
    const ids = integrationIdHeaders(deps.config.apiType, ctx, traced ? ctx.traceHeader : undefined);
    const sent = head ? withoutBody(client) : client;
    response = toFetchResponse(sent, ctx.extraHeaders ? [...ctx.extraHeaders, ...ids] : ids);
  } else {
    client = result as GatewayErrorResponse;
    ctx.failure = client;
    trace.gatewayResponse = {
      failure: client.failure,
      responseType: client.responseType,
      message: client.message,
      reason: trace.steps[trace.steps.length - 1]?.detail ?? client.failure,
    };
    const init = { status: client.statusCode, headers: client.headers };
    response =
      client.body === '' || head ? new Response(null, init) : new BufferedResponse(client.body, init);
  }
  trace.status = client.statusCode;
  trace.latencyMs = deps.config.clock.now() - ctx.startedAt;
  observe(ctx, deps, client);
  deps.onAnswered?.(client.statusCode);
  return { response, trace };
}

function withoutBody(client: ClientResponse): ClientResponse {
  return {
    statusCode: client.statusCode,
    headers: client.headers,
    cookies: client.cookies,
    body: '',
    isBase64Decoded: client.isBase64Decoded,
  };
}

function newContext(request: GatewayRequest, deps: PipelineDeps, detailed: boolean): PipelineContext {
  const { config } = deps;
  const { ids, clock } = config;
  const startedAt = clock.now();
  const rest = config.apiType === 'REST';
  const requestId = rest ? ids.uuid() : ids.shortId();
  const extendedRequestId = rest ? ids.shortId() : requestId;
  return {
    request,
    startedAt,
    requestId,
    extendedRequestId,
    traceHeader: traceHeaderFor(request, ids, startedAt),
    method: request.method,
    eventPath: request.pathname,
    segments: [],
    route: undefined,
    pathParameters: null,
    apiKey: undefined,
    clientLimits: undefined,
    cacheMiss: undefined,
    cacheHit: undefined,
    extraHeaders: undefined,
    detailed,
    response: undefined,
    integrationLatencyMs: undefined,
    failure: undefined,
    authorization: undefined,
    trace: {
      apiType: config.apiType,
      requestId,
      extendedRequestId,
      method: request.method,
      path: request.pathname,
      stage: null,
      route: null,
      steps: [],
      status: 0,
      latencyMs: 0,
    },
  };
}
