import { Buffer } from 'node:buffer';
import { DEFAULT_SOURCE_IP } from '../../events/derive/constants.js';
import { formatRequestTime } from '../../events/derive/time.js';
import type { ClientResponse } from '../../response/types.js';
import { authorizationLogValue } from '../auth/access-log-values.js';
import type { GatewayErrorResponse } from '../gateway-responses.js';
import { headerValue } from '../integrations/lambda-proxy.js';
import {
  type AccessLogValue,
  type CompiledAccessLogFormat,
  renderAccessLogValues,
} from '../observability/access-log.js';
import { appendAccessLogLine } from '../observability/access-log-buffer.js';
import type { RequestMetric } from '../observability/metrics.js';
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
  // Only the variables the format uses are computed, each by a getter chosen once per format, into the format's
  // own value list: every slot is written before rendering, which is synchronous and reads it at once (no list
  // per request, ~0.09 KB; the slots keep the last line's strings and numbers until the next request).
  const { getters, values } = gettersOf(format);
  for (let i = 0; i < getters.length; i++) values[i] = getters[i]!(ctx, deps, client);
  appendAccessLogLine(deps.accessLog, renderAccessLogValues(format, values), policies.accessLogMaxLines);
}

/** The value of one `$context` variable of the access log for this request; undefined when unknown. */
type LogGetter = (
  ctx: PipelineContext,
  deps: PipelineDeps,
  client: ClientResponse | GatewayErrorResponse,
) => AccessLogValue;

/** A format's getters and the list their values are written into. */
interface FormatGetters {
  readonly getters: readonly LogGetter[];
  readonly values: AccessLogValue[];
}

const getterCache = new WeakMap<CompiledAccessLogFormat, FormatGetters>();

function gettersOf(format: CompiledAccessLogFormat): FormatGetters {
  let cached = getterCache.get(format);
  if (cached === undefined) {
    const getters = format.variables.map(getterFor);
    cached = { getters, values: new Array<AccessLogValue>(getters.length).fill(undefined) };
    getterCache.set(format, cached);
  }
  return cached;
}

function getterFor(name: string): LogGetter {
  const own = RESPONSE_VALUES.get(name);
  if (own !== undefined) return own;
  const known = REQUEST_VALUES.get(name);
  // A request variable without a value falls to the authorize stage's (an IAM caller's `identity.*`).
  if (known !== undefined) return (ctx, deps) => known(ctx, deps) ?? authorizationLogValue(name, ctx);
  return (ctx) => authorizationLogValue(name, ctx);
}

/** Variables known once the request was answered. */
const RESPONSE_VALUES = new Map<string, LogGetter>([
  ['integrationLatency', (ctx) => ctx.integrationLatencyMs],
  ['integration.latency', (ctx) => ctx.integrationLatencyMs],
  ['responseLatency', (ctx) => ctx.trace.latencyMs],
  ['responseLength', (ctx, _deps, client) => sentBytes(ctx, client)],
  ['status', (_ctx, _deps, client) => client.statusCode],
  ['error.message', (ctx) => ctx.failure?.message],
  ['error.messageString', (ctx) => (ctx.failure ? messageStringOf(ctx.failure) : undefined)],
  ['error.responseType', (ctx) => ctx.failure?.responseType],
  ['error.validationErrorString', (ctx) => ctx.validationErrorString],
  // Lambda: the Lambda service's 200 (a function error included); HTTP and AWS service integrations: the
  // backend's status (behaviour.md §12.2). MOCK calls nothing: none.
  ['integrationStatus', integrationStatus],
  ['integration.integrationStatus', integrationStatus],
  // Lambda proxy: the status the function's result carries ([DOC] "the status code that your Lambda function
  // code returns"); otherwise as integrationStatus.
  [
    'integration.status',
    (ctx) => {
      const invocation = ctx.trace.invocation;
      if (!invocation) return ctx.endpointStatus;
      if (invocation.kind === 'timeout') return undefined;
      const result = ctx.trace.proxyResult;
      return result?.ok ? result.response.statusCode : 200;
    },
  ],
  ['integrationErrorMessage', integrationError],
  ['integration.error', integrationError],
]);

function integrationStatus(ctx: PipelineContext): AccessLogValue {
  const invocation = ctx.trace.invocation;
  return invocation ? (invocation.kind === 'timeout' ? undefined : 200) : ctx.endpointStatus;
}

function integrationError(ctx: PipelineContext): AccessLogValue {
  const invocation = ctx.trace.invocation;
  return invocation?.kind === 'error' ? invocation.error.errorMessage : undefined;
}

type RequestGetter = (ctx: PipelineContext, deps: PipelineDeps) => string | number | undefined;

/** Variables known as soon as the request is routed. */
const REQUEST_VALUES = new Map<string, RequestGetter>([
  ['accountId', (_ctx, deps) => deps.config.accountId],
  ['apiId', (_ctx, deps) => deps.config.apiId],
  ['domainName', (ctx) => ctx.request.host],
  ['domainPrefix', (ctx) => ctx.request.host.split('.')[0]],
  ['extendedRequestId', (ctx) => ctx.extendedRequestId],
  ['httpMethod', (ctx) => ctx.method],
  [
    'identity.sourceIp',
    (ctx) => {
      const forwarded = headerValue(ctx.request.headers, 'x-forwarded-for');
      return (forwarded ? forwarded.split(',')[0]!.trim() : '') || DEFAULT_SOURCE_IP;
    },
  ],
  ['identity.userAgent', (ctx) => headerValue(ctx.request.headers, 'user-agent') ?? undefined],
  ['identity.apiKey', (ctx) => ctx.apiKey?.value],
  ['identity.apiKeyId', (ctx) => ctx.apiKey?.id],
  ['path', (ctx, deps) => (deps.config.apiType === 'REST' ? ctx.request.pathname : ctx.eventPath)],
  ['protocol', () => 'HTTP/1.1'],
  ['requestId', (ctx) => ctx.requestId],
  ['requestTime', (ctx) => formatRequestTime(ctx.startedAt)],
  ['requestTimeEpoch', (ctx) => ctx.startedAt],
  ['resourceId', (ctx) => ctx.route?.resourceId],
  ['resourcePath', (ctx) => ctx.route?.resource],
  ['routeKey', (ctx) => ctx.route?.routeKey],
  ['stage', (_ctx, deps) => deps.config.stageName],
  ['xrayTraceId', (ctx) => ctx.traceHeader.slice(5).split(';')[0]],
  ['isCanaryRequest', (_ctx, deps) => (deps.canary === undefined ? undefined : String(deps.canary))],
  ['customDomain.basePathMatched', (ctx) => ctx.request.mapping?.basePath],
]);

/**
 * The `$context` variables known as soon as the request is routed (access logs, and identity sources of
 * authorizers, which read `$context.x` before the integration runs); undefined for other names.
 */
export function requestContextValue(
  name: string,
  ctx: PipelineContext,
  deps: PipelineDeps,
): string | number | undefined {
  return REQUEST_VALUES.get(name)?.(ctx, deps);
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
