import { Buffer } from 'node:buffer';
import { DEFAULT_SOURCE_IP } from '../../events/derive/constants.js';
import { formatRequestTime } from '../../events/derive/time.js';
import type { ClientResponse } from '../../response/types.js';
import { authorizationLogValue } from '../auth/access-log-values.js';
import type { GatewayErrorResponse } from '../gateway-responses.js';
import { headerValue } from '../integrations/lambda-proxy.js';
import { type AccessLogValue, appendAccessLogLine, type RequestMetric } from '../observability/index.js';
import { messageStringOf } from '../responses/apply-gateway-response.js';
import type { PipelineContext } from './context.js';
import type { PipelineDeps } from './deps.js';

/** Records CloudWatch-style metrics and, when configured, one access-log line (behaviour.md §12). */
export function observe(
  ctx: PipelineContext,
  deps: PipelineDeps,
  client: ClientResponse | GatewayErrorResponse,
): void {
  const { config, policies } = deps;
  policies.metrics.record({
    stage: config.stageName,
    routeKey: ctx.route?.routeKey,
    status: client.statusCode,
    latencyMs: ctx.trace.latencyMs,
    integrationLatencyMs: ctx.integrationLatencyMs,
    cacheHit: ctx.cacheHit,
    // HTTP API `DataProcessed`: request body bytes plus the response body bytes sent.
    bytes: config.apiType === 'HTTP' ? bodyBytes(ctx.request.body) + sentBytes(ctx, client) : undefined,
  } as RequestMetric);
  const format = policies.accessLog;
  if (!format) return;
  // Only the variables the format uses are computed (the format is compiled once per gateway).
  const values: Record<string, AccessLogValue> = {};
  for (const name of format.variables) values[name] = contextValue(name, ctx, deps, client);
  appendAccessLogLine(deps.accessLog, format.render(values), policies.accessLogMaxLines);
}

/** The value of one `$context` variable of the access log for this request; undefined when unknown. */
function contextValue(
  name: string,
  ctx: PipelineContext,
  deps: PipelineDeps,
  client: ClientResponse | GatewayErrorResponse,
): AccessLogValue {
  const failure = ctx.failure;
  const invocation = ctx.trace.invocation;
  switch (name) {
    case 'integrationLatency':
    case 'integration.latency':
      return ctx.integrationLatencyMs;
    case 'responseLatency':
      return ctx.trace.latencyMs;
    case 'responseLength':
      return sentBytes(ctx, client);
    case 'status':
      return client.statusCode;
    case 'error.message':
      return failure?.message;
    case 'error.messageString':
      return failure ? messageStringOf(failure) : undefined;
    case 'error.responseType':
      return failure?.responseType;
    case 'error.validationErrorString':
      return ctx.validationErrorString;
    // Lambda: the Lambda service's 200 (a function error included); HTTP and AWS service integrations: the
    // backend's status (behaviour.md §12.2). MOCK calls nothing: none.
    case 'integrationStatus':
    case 'integration.integrationStatus':
      return invocation ? (invocation.kind === 'timeout' ? undefined : 200) : ctx.endpointStatus;
    // Lambda proxy: the status the function's result carries ([DOC] "the status code that your Lambda function
    // code returns"); otherwise as integrationStatus.
    case 'integration.status': {
      if (!invocation) return ctx.endpointStatus;
      if (invocation.kind === 'timeout') return undefined;
      const result = ctx.trace.proxyResult;
      return result?.ok ? result.response.statusCode : 200;
    }
    case 'integrationErrorMessage':
    case 'integration.error':
      return invocation?.kind === 'error' ? invocation.error.errorMessage : undefined;
    default:
      return requestContextValue(name, ctx, deps) ?? authorizationLogValue(name, ctx);
  }
}

/**
 * The `$context` variables known as soon as the request is routed (access logs, and identity sources of
 * authorizers, which read `$context.x` before the integration runs); undefined for other names.
 */
export function requestContextValue(
  name: string,
  ctx: PipelineContext,
  deps: PipelineDeps,
): string | number | undefined {
  const { config } = deps;
  const route = ctx.route;
  switch (name) {
    case 'accountId':
      return config.accountId;
    case 'apiId':
      return config.apiId;
    case 'domainName':
      return ctx.request.host;
    case 'domainPrefix':
      return ctx.request.host.split('.')[0];
    case 'extendedRequestId':
      return ctx.extendedRequestId;
    case 'httpMethod':
      return ctx.method;
    case 'identity.sourceIp': {
      const forwarded = headerValue(ctx.request.headers, 'x-forwarded-for');
      return (forwarded ? forwarded.split(',')[0]!.trim() : '') || DEFAULT_SOURCE_IP;
    }
    case 'identity.userAgent':
      return headerValue(ctx.request.headers, 'user-agent') ?? undefined;
    case 'identity.apiKey':
      return ctx.apiKey?.value;
    case 'identity.apiKeyId':
      return ctx.apiKey?.id;
    case 'path':
      return config.apiType === 'REST' ? ctx.request.pathname : ctx.eventPath;
    case 'protocol':
      return 'HTTP/1.1';
    case 'requestId':
      return ctx.requestId;
    case 'requestTime':
      return formatRequestTime(ctx.startedAt);
    case 'requestTimeEpoch':
      return ctx.startedAt;
    case 'resourceId':
      return route?.resourceId;
    case 'resourcePath':
      return route?.resource;
    case 'routeKey':
      return route?.routeKey;
    case 'stage':
      return config.stageName;
    case 'xrayTraceId':
      return ctx.traceHeader.slice(5).split(';')[0];
    case 'isCanaryRequest':
      return deps.canary === undefined ? undefined : String(deps.canary);
    case 'customDomain.basePathMatched':
      return ctx.request.mapping?.basePath;
    default:
      return undefined;
  }
}

function bodyBytes(body: string | Uint8Array | null): number {
  if (body === null) return 0;
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}

/** Bytes of the response body on the wire (none for HEAD). */
function sentBytes(ctx: PipelineContext, client: ClientResponse | GatewayErrorResponse): number {
  if (ctx.request.method === 'HEAD') return 0;
  if ('bodyBytes' in client && client.bodyBytes) return client.bodyBytes.byteLength;
  return Buffer.byteLength(client.body);
}
