import type { ClientResponse } from '../../response/types.js';
import { type GatewayErrorResponse, gatewayResponse } from '../gateway-responses.js';
import { headerValue } from '../integrations/lambda-proxy.js';
import { type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import type { CompiledCors } from './resolve-cors.js';

/**
 * HTTP API built-in CORS, preflight side (behaviour.md §9.2): an `OPTIONS` request with `Origin` and
 * `Access-Control-Request-Method` that no route takes (no `OPTIONS`, `ANY` or `$default` route matches) is
 * answered by API Gateway itself — 204, no body, before authorizers run. An allowed origin gets the configured
 * headers; a disallowed one gets none (the browser then blocks the call). A route that does match gets the
 * preflight like any request (the `$default`-with-authorizer pitfall AWS documents).
 */
export function answerPreflight(ctx: PipelineContext, deps: PipelineDeps): StageResult {
  const cors = deps.policies.cors!;
  const headers = ctx.request.headers;
  if (ctx.method !== 'OPTIONS') return ctx;
  const origin = headerValue(headers, 'origin');
  const requested = headerValue(headers, 'access-control-request-method');
  if (origin === null || requested === null) return ctx;
  if (deps.config.table.match('OPTIONS', ctx.segments) !== undefined) {
    record(ctx, {
      stage: 'route',
      decision: 'preflight-routed',
      detail: 'an OPTIONS, ANY or $default route matches: the preflight goes to it, authorizer included',
    });
    return ctx;
  }
  const lines: [string, string][] = [];
  if (cors.allowsOrigin(origin)) {
    lines.push(['access-control-allow-origin', cors.anyOrigin ? '*' : origin]);
    if (cors.allowCredentials) lines.push(['access-control-allow-credentials', 'true']);
    if (cors.maxAge !== undefined) lines.push(['access-control-max-age', String(cors.maxAge)]);
    if (cors.allowMethods.length > 0)
      lines.push(['access-control-allow-methods', cors.allowMethods.join(',')]);
    if (cors.allowHeaders.length > 0)
      lines.push(['access-control-allow-headers', cors.allowHeaders.join(',')]);
  }
  record(ctx, {
    stage: 'route',
    decision: 'cors-preflight',
    detail:
      lines.length > 0
        ? `preflight from ${origin} answered by API Gateway`
        : `origin ${origin} is not in allowOrigins: 204 without CORS headers`,
  });
  const response: GatewayErrorResponse = gatewayResponse(deps.config.apiType, 'CORS_PREFLIGHT', ctx, {
    headers: lines,
  });
  // A preflight answer has no Content-Type.
  response.headers = response.headers.filter(([name]) => name !== 'Content-Type');
  return response;
}

/**
 * HTTP API built-in CORS, response side: for a request with an `Origin`, CORS headers the integration returned
 * are dropped and the configured ones added (`Access-Control-Allow-Origin` only for an allowed origin).
 */
export function addCorsHeaders(ctx: PipelineContext, cors: CompiledCors): void {
  const response = ctx.response;
  const origin = headerValue(ctx.request.headers, 'origin');
  if (response === undefined || origin === null) return;
  const headers: [string, string][] = response.headers.filter(
    ([name]) => !name.toLowerCase().startsWith('access-control-'),
  );
  if (cors.allowsOrigin(origin)) {
    headers.push(['access-control-allow-origin', cors.anyOrigin ? '*' : origin]);
    if (cors.allowCredentials) headers.push(['access-control-allow-credentials', 'true']);
    if (cors.exposeHeaders.length > 0)
      headers.push(['access-control-expose-headers', cors.exposeHeaders.join(',')]);
  }
  ctx.response = { ...response, headers } as ClientResponse;
}
