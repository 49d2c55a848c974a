import { DROPPED_REQUEST_HEADERS } from '../../events/derive/constants.js';
import { remapRestResponseHeaders } from '../../response/remap-headers.js';
import type { ResolvedHttpProxyIntegration } from '../config/resolve-http-proxy.js';
import type { PipelineContext, StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { withQuery } from './http.js';
import {
  applyHeaderOperations,
  evaluateMappingValue,
  type MappingValues,
} from './http-api/parameter-mapping.js';
import { payloadText } from './mapping/content-handling.js';
import { setPair } from './mapping/integration-request.js';
import type { EndpointResponse } from './mapping/integration-response.js';
import { methodRequestInput, restContext } from './mapping/method-request-input.js';
import { evaluateRequestSource } from './mapping/request-parameters.js';
import { renderUri } from './outbound-fetch.js';
import { isFailure, sendToEndpoint, setForwardedHeaders } from './send-to-endpoint.js';

const NOT_FORWARDED = new Set([...DROPPED_REQUEST_HEADERS, 'host', 'via']);

/**
 * `HTTP_PROXY` (behaviour.md §0, §3.1, §4.6): a real call to the backend through `deps.fetch` with the client's
 * method (or the integration's), path variables, `{proxy}` and `${stageVariables.x}` substituted into the URI (a
 * resource variable fills the same-named URI variable unless a mapping says otherwise), the client's query string,
 * headers (hop-by-hop and `Host` dropped; `X-Amzn-Trace-Id`, `X-Forwarded-*` added) and body; the backend's status,
 * headers and body come back as they are — REST renames `Connection`, `Content-Length`, `Date`, `Server` to
 * `x-amzn-Remapped-*` and drops `Transfer-Encoding`. HTTP APIs apply their parameter mapping both ways.
 */
export async function runHttpProxy(
  ctx: PipelineContext,
  deps: PipelineDeps,
  integration: ResolvedHttpProxyIntegration,
): Promise<StageResult> {
  const { config } = deps;
  const rest = config.apiType === 'REST';
  let headers: [string, string][] = [];
  for (const pair of ctx.request.headers)
    if (!NOT_FORWARDED.has(pair[0].toLowerCase())) headers.push([pair[0], pair[1]]);
  setPair(headers, 'X-Amzn-Trace-Id', ctx.traceHeader, true);
  setForwardedHeaders(headers, ctx.request.headers);
  let query: [string, string][] = ctx.request.query === '' ? [] : [...new URLSearchParams(ctx.request.query)];
  const path: Record<string, string> = { ...ctx.pathParameters };
  let pathOverride: string | undefined;
  const values = rest ? undefined : mappingValues(ctx, deps);
  if (rest) {
    const request = methodRequestInput(ctx, deps);
    const sources = {
      path: request.params.path ?? {},
      query: request.queryPairs,
      headers: request.headerPairs,
      body: payloadText(ctx.request.body),
      stageVariables: request.stageVariables,
      context: request.context,
    };
    for (const mapped of integration.requestParameters) {
      const value = evaluateRequestSource(mapped.source, sources);
      if (value === undefined) continue;
      if (mapped.location === 'header') setPair(headers, mapped.name, value, true);
      else if (mapped.location === 'querystring') setPair(query, mapped.name, value, false);
      else path[mapped.name] = value;
    }
  } else if (integration.httpApiRequest && values) {
    headers = applyHeaderOperations(headers, integration.httpApiRequest, values, 'header');
    query = applyHeaderOperations(query, integration.httpApiRequest, values, 'querystring');
    const op = integration.httpApiRequest.find((o) => o.target === 'path');
    if (op) pathOverride = evaluateMappingValue(op.value, values);
  }
  let url = renderUri(integration.uri, path, config.stageVariables);
  if (pathOverride !== undefined) {
    const parsed = new URL(url);
    url = `${parsed.origin}${pathOverride.startsWith('/') ? '' : '/'}${pathOverride}`;
  }
  url = withQuery(url, query);
  const method = integration.httpMethod === 'ANY' ? ctx.method : integration.httpMethod;
  const endpoint = await sendToEndpoint(
    ctx,
    deps,
    { url, method, headers, body: ctx.request.body },
    integration.timeoutMs,
  );
  if (isFailure(endpoint)) return endpoint;
  const response = rest ? restResponse(endpoint) : httpApiResponse(endpoint, integration, values!);
  ctx.response = response;
  return ctx;
}

function flatHeaders(endpoint: EndpointResponse): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, list] of endpoint.headers) for (const value of list) out.push([name, value]);
  return out;
}

function restResponse(endpoint: EndpointResponse) {
  const body = endpoint.body;
  return {
    statusCode: endpoint.statusCode,
    headers: remapRestResponseHeaders(flatHeaders(endpoint)),
    cookies: [],
    body: '',
    ...(body !== null && typeof body !== 'string' ? { bodyBytes: body } : {}),
    isBase64Decoded: false,
  };
}

function httpApiResponse(
  endpoint: EndpointResponse,
  integration: ResolvedHttpProxyIntegration,
  values: MappingValues,
) {
  let headers = flatHeaders(endpoint).filter(
    ([n]) => !/^(content-length|transfer-encoding|connection)$/i.test(n),
  );
  let statusCode = endpoint.statusCode;
  const ops = integration.httpApiResponse?.get(String(endpoint.statusCode));
  if (ops) {
    const bodyText = payloadText(endpoint.body);
    const responseValues: MappingValues = {
      ...values,
      responseHeader: (name) => endpoint.headers.get(name.toLowerCase())?.join(','),
      responseBody: bodyText,
    };
    headers = applyHeaderOperations(headers, ops, responseValues, 'header');
    const status = ops.find((o) => o.target === 'statuscode');
    if (status) {
      const value = Number(evaluateMappingValue(status.value, responseValues));
      if (Number.isInteger(value) && value >= 200 && value <= 599) statusCode = value;
    }
  }
  const body = endpoint.body;
  return {
    statusCode,
    headers,
    cookies: [],
    body: '',
    ...(body !== null && typeof body !== 'string' ? { bodyBytes: body } : {}),
    isBase64Decoded: false,
  };
}

/** What HTTP API mapping expressions read for this request (`$request.*`, `$context.*`, `$stageVariables.*`). */
function mappingValues(ctx: PipelineContext, deps: PipelineDeps): MappingValues {
  const { config } = deps;
  const query = ctx.request.query === '' ? new URLSearchParams() : new URLSearchParams(ctx.request.query);
  return {
    header: (name) => {
      const lower = name.toLowerCase();
      const found = ctx.request.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
      return found.length === 0 ? undefined : found.join(',');
    },
    querystring: (name) => {
      const found = query.getAll(name);
      return found.length === 0 ? undefined : found.join(',');
    },
    body: payloadText(ctx.request.body),
    path: ctx.eventPath,
    pathParameters: ctx.pathParameters ?? {},
    // HTTP API `$context` (behaviour.md §12.3): the REST variables it shares, plus the route key.
    context: { ...restContext(ctx, deps), routeKey: ctx.route?.routeKey },
    stageVariables: config.stageVariables,
  };
}
