import { DROPPED_REQUEST_HEADERS } from '../../events/derive/constants.js';
import { formatRequestTime } from '../../events/derive/time.js';
import { decodeUtf8 } from '../../http/utf8.js';
import type { CompiledTemplate, MappingInput } from '../../vtl/types.js';
import type { PipelineContext } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';

/** A rendered MOCK request template and the `$context.responseOverride` values it set. */
export interface RenderedMockTemplate {
  output: string;
  override: { status?: number; headers: [string, string][] };
}

/**
 * Renders a MOCK request template with the method request as `$input` (hop-by-hop headers are invisible, as
 * on AWS), the stage variables and `$context`. `$context.responseOverride.status` (100–599, else ignored) and
 * `.header.*` are returned for the final response (behaviour.md §0 "Overrides"). A render error throws.
 */
export function renderMockTemplate(
  template: CompiledTemplate,
  ctx: PipelineContext,
  deps: PipelineDeps,
): RenderedMockTemplate {
  const { config } = deps;
  const header: Record<string, string> = {};
  for (const [name, value] of ctx.request.headers) {
    if (!DROPPED_REQUEST_HEADERS.has(name.toLowerCase())) header[name] = value;
  }
  const querystring: Record<string, string> = {};
  if (ctx.request.query !== '')
    for (const [k, v] of new URLSearchParams(ctx.request.query)) querystring[k] = v;
  const body = ctx.request.body;
  const route = ctx.route!;
  const input: MappingInput = {
    body: body === null ? null : typeof body === 'string' ? body : decodeUtf8(body),
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
  const { output, overrides } = template.render(input);
  const status = overrides.responseOverride.status;
  return {
    output,
    override: {
      ...(status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599
        ? { status }
        : {}),
      headers: Object.entries(overrides.responseOverride.header),
    },
  };
}
