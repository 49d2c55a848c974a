import { DROPPED_REQUEST_HEADERS } from '../../../events/derive/constants.js';
import { formatRequestTime } from '../../../events/derive/time.js';
import type { MappingContext, MappingParams } from '../../../vtl/types.js';
import type { PipelineContext } from '../../pipeline/context.js';
import type { PipelineDeps } from '../../pipeline/deps.js';

/** What every mapping step of one request reads: the method request's parameters, stage variables, `$context`. */
export interface MethodRequestInput {
  params: MappingParams;
  stageVariables: Readonly<Record<string, string>> | null;
  context: MappingContext;
}

/**
 * Builds the method-request side of a mapping input once per request: `$input.params()` (hop-by-hop headers are
 * invisible, as on AWS, behaviour.md §0), `$stageVariables` and `$context`. Request and response templates and
 * `context.x` response parameters all read it.
 *
 * @example
 * ```ts
 * const input = methodRequestInput(ctx, deps);
 * template.render({ body: '{}', ...input });
 * ```
 */
export function methodRequestInput(ctx: PipelineContext, deps: PipelineDeps): MethodRequestInput {
  const { config } = deps;
  const header: Record<string, string> = {};
  for (const [name, value] of ctx.request.headers) {
    if (!DROPPED_REQUEST_HEADERS.has(name.toLowerCase())) header[name] = value;
  }
  const querystring: Record<string, string> = {};
  if (ctx.request.query !== '')
    for (const [k, v] of new URLSearchParams(ctx.request.query)) querystring[k] = v;
  const route = ctx.route!;
  return {
    params: { path: ctx.pathParameters ?? {}, querystring, header },
    stageVariables: config.stageVariables,
    context: {
      accountId: config.accountId,
      apiId: config.apiId,
      deploymentId: config.deploymentId,
      domainName: ctx.request.host,
      extendedRequestId: ctx.extendedRequestId,
      httpMethod: ctx.method,
      path: ctx.request.pathname,
      protocol: 'HTTP/1.1',
      requestId: ctx.requestId,
      requestTime: formatRequestTime(ctx.startedAt),
      requestTimeEpoch: ctx.startedAt,
      resourceId: route.resourceId,
      resourcePath: route.resource,
      stage: config.stageName,
      ...(ctx.apiKey ? { identity: { apiKey: ctx.apiKey.value, apiKeyId: ctx.apiKey.id } } : {}),
    },
  };
}
