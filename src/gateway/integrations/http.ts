import type { ResolvedHttpIntegration } from '../config/resolve-non-proxy.js';
import type { PipelineContext, StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { setPair } from './mapping/integration-request.js';
import { prepareIntegrationRequest } from './mapping/prepare-request.js';
import { renderUri } from './outbound-fetch.js';
import { completeByStatus, sendToEndpoint, setForwardedHeaders } from './send-to-endpoint.js';

/**
 * `HTTP` integration, non-proxy (behaviour.md §0, §4.5–4.7): the client's headers are not forwarded — the backend
 * gets the mapped ones plus API Gateway's own (`Accept: application/json` unless mapped, `User-Agent:
 * AmazonAPIGateway_<apiId>`, `x-amzn-apigateway-api-id`, `X-Amzn-Trace-Id`, `X-Forwarded-*`, the client's
 * `Content-Type`; recorded);
 * the URI's `{name}` come from `integration.request.path.<name>`; the body is the template's output or passes
 * through. The backend's status (as text) selects the integration response, so a backend 400 maps onto the default
 * response unless a pattern matches (recorded).
 */
export async function runHttp(
  ctx: PipelineContext,
  deps: PipelineDeps,
  integration: ResolvedHttpIntegration,
): Promise<StageResult> {
  const { config } = deps;
  const prepared = prepareIntegrationRequest(ctx, deps, integration);
  if ('failure' in prepared) return prepared;
  const { parts, contentType } = prepared;
  const headers: [string, string][] = [
    ['x-amzn-apigateway-api-id', config.apiId],
    ['Accept', 'application/json'],
    ['User-Agent', `AmazonAPIGateway_${config.apiId}`],
    ['X-Amzn-Trace-Id', ctx.traceHeader],
  ];
  if (contentType !== null) headers.push(['Content-Type', contentType]);
  for (const [name, value] of parts.headers) setPair(headers, name, value, true);
  setForwardedHeaders(headers, ctx.request.headers);
  const url = withQuery(renderUri(integration.uri, parts.path, config.stageVariables), parts.querystring);
  const method = integration.httpMethod === 'ANY' ? ctx.method : integration.httpMethod;
  const endpoint = await sendToEndpoint(
    ctx,
    deps,
    { url, method, headers, body: parts.body },
    integration.timeoutMs,
  );
  return completeByStatus(ctx, deps, integration.integrationResponses, endpoint, prepared);
}

/** Appends query parameters to a URL (after any it already has). */
export function withQuery(url: string, query: readonly (readonly [string, string])[]): string {
  if (query.length === 0) return url;
  const search = new URLSearchParams(query.map(([k, v]) => [k, v] as [string, string])).toString();
  return `${url}${url.includes('?') ? '&' : '?'}${search}`;
}
