import { Buffer } from 'node:buffer';
import { formatRequestTime } from '../../events/derive/time.js';
import type { ClientResponse } from '../../response/types.js';
import type { GatewayErrorResponse } from '../gateway-responses.js';
import { headerValue } from '../integrations/lambda-proxy.js';
import type { AccessLogValue, RequestMetric } from '../observability/index.js';
import type { PipelineContext } from './context.js';
import type { PipelineDeps } from './deps.js';

/** Records CloudWatch-style metrics and, when configured, one access-log line (behaviour.md §12). */
export function observe(
  ctx: PipelineContext,
  deps: PipelineDeps,
  client: ClientResponse | GatewayErrorResponse,
): void {
  const { config, policies } = deps;
  const trace = ctx.trace;
  const route = ctx.route;
  policies.metrics.record({
    stage: config.stageName,
    routeKey: route?.routeKey,
    status: client.statusCode,
    latencyMs: trace.latencyMs,
    integrationLatencyMs: ctx.integrationLatencyMs,
    cacheHit: ctx.cacheHit,
  } as RequestMetric);
  const format = policies.accessLog;
  if (!format) return;
  const failure = ctx.failure;
  const bodyLength =
    'bodyBytes' in client && client.bodyBytes ? client.bodyBytes.byteLength : Buffer.byteLength(client.body);
  const forwarded = headerValue(ctx.request.headers, 'x-forwarded-for');
  const rest = config.apiType === 'REST';
  const values: Record<string, AccessLogValue> = {
    accountId: config.accountId,
    apiId: config.apiId,
    domainName: ctx.request.host,
    domainPrefix: ctx.request.host.split('.')[0],
    extendedRequestId: ctx.extendedRequestId,
    httpMethod: ctx.method,
    'identity.sourceIp': forwarded ? forwarded.split(',')[0]!.trim() : '203.0.113.9',
    'identity.userAgent': headerValue(ctx.request.headers, 'user-agent'),
    'identity.apiKey': ctx.apiKey?.value,
    'identity.apiKeyId': ctx.apiKey?.id,
    integrationLatency: ctx.integrationLatencyMs,
    'integration.latency': ctx.integrationLatencyMs,
    path: rest ? ctx.request.pathname : ctx.eventPath,
    protocol: 'HTTP/1.1',
    requestId: ctx.requestId,
    requestTime: formatRequestTime(ctx.startedAt),
    requestTimeEpoch: ctx.startedAt,
    resourceId: route?.resourceId,
    resourcePath: route?.resource,
    responseLatency: trace.latencyMs,
    responseLength: bodyLength,
    routeKey: route?.routeKey,
    stage: config.stageName,
    status: client.statusCode,
    xrayTraceId: ctx.traceHeader.slice(5),
    'error.message': failure?.message,
    'error.messageString': failure ? JSON.stringify(failure.message) : undefined,
    'error.responseType': failure?.responseType,
  };
  if (trace.invocation) {
    values.integrationStatus = trace.invocation.kind === 'timeout' ? undefined : 200;
    values['integration.status'] = values.integrationStatus;
    if (trace.invocation.kind === 'error') {
      values.integrationErrorMessage = trace.invocation.error.errorMessage;
      values['integration.error'] = trace.invocation.error.errorMessage;
    }
  }
  deps.accessLog.push(format.render(values));
}
