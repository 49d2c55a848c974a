import type { GatewayEventInput } from '../../events/derive/gateway-event-input.js';
import type { PipelineContext } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';

/**
 * What the event builders need to build this request's Lambda event (proxy integration or REQUEST authorizer):
 * the routed request, the stage, the ids, and what the authorize and API-key stages established. Adds the
 * `X-Amzn-Trace-Id` header API Gateway sends the function when the client sent none.
 */
export function eventInputOf(
  ctx: PipelineContext,
  deps: PipelineDeps,
  payloadFormat: '1.0' | '2.0',
): GatewayEventInput {
  const { config } = deps;
  const route = ctx.route!;
  const headers = ctx.request.headers;
  if (!hasTraceHeader(headers)) headers.push(['X-Amzn-Trace-Id', ctx.traceHeader]);
  const authorization = ctx.authorization;
  let identity = authorization?.identity as GatewayEventInput['identity'];
  if (ctx.apiKey) identity = { ...identity, apiKey: ctx.apiKey.value, apiKeyId: ctx.apiKey.id };
  return {
    payloadFormat,
    apiType: config.apiType,
    method: ctx.method,
    path: ctx.eventPath,
    query: ctx.request.query,
    headers,
    body: ctx.request.body,
    resource: route.resource,
    routeKey: route.routeKey,
    stage: config.stageName,
    stageVariables: config.stageVariables,
    apiId: config.apiId,
    accountId: config.accountId,
    region: config.region,
    domainName: ctx.request.host,
    requestId: ctx.requestId,
    extendedRequestId: ctx.extendedRequestId,
    resourceId: route.resourceId,
    deploymentId: config.deploymentId,
    time: ctx.startedAt,
    binaryMediaTypes: config.binaryMediaTypes,
    identity,
    authorizer: authorization?.authorizer,
  };
}

/** A plain loop: `some` with a destructuring arrow cost a closure per request on the gateway's hot path. */
function hasTraceHeader(headers: readonly (readonly [string, string])[]): boolean {
  for (let i = 0; i < headers.length; i++) {
    const name = headers[i]![0];
    if (name.length === 15 && name.toLowerCase() === 'x-amzn-trace-id') return true;
  }
  return false;
}
