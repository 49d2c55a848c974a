import { DROPPED_REQUEST_HEADERS } from '../../../events/derive/constants.js';
import { nameShape, shapesOf } from '../../../events/derive/headers.js';
import { formatRequestTime } from '../../../events/derive/time.js';
import type { MappingContext, MappingParams } from '../../../vtl/types.js';
import type { PipelineContext } from '../../pipeline/context.js';
import type { PipelineDeps } from '../../pipeline/deps.js';

/** What every mapping step of one request reads: the method request's parameters, stage variables, `$context`. */
export interface MethodRequestInput {
  params: MappingParams;
  stageVariables: Readonly<Record<string, string>> | null;
  context: MappingContext;
  /** Method request headers in order, hop-by-hop ones removed (parameter mappings read every value). */
  headerPairs: readonly (readonly [string, string])[];
  /** Query parameters in order, form-decoded. */
  queryPairs: readonly (readonly [string, string])[];
}

/**
 * Builds the method-request side of a mapping input once per request: `$input.params()` (hop-by-hop headers are
 * invisible, as on AWS, behaviour.md §0), `$stageVariables` and `$context`. Request and response templates,
 * parameter mappings and gateway responses all read it. `$context.authorizer` and `$context.identity` carry what
 * the authorize stage put in `ctx.authorization` (REST: authorizer values print as strings).
 *
 * @example
 * ```ts
 * const input = methodRequestInput(ctx, deps);
 * template.render({ body: '{}', params: input.params, stageVariables: input.stageVariables, context: input.context });
 * ```
 */
export function methodRequestInput(ctx: PipelineContext, deps: PipelineDeps): MethodRequestInput {
  const header: Record<string, string> = {};
  const headerPairs: [string, string][] = [];
  for (const pair of ctx.request.headers) {
    if (DROPPED_SHAPES.has(nameShape(pair[0])) && DROPPED_REQUEST_HEADERS.has(pair[0].toLowerCase()))
      continue;
    header[pair[0]] = pair[1];
    headerPairs.push(pair);
  }
  const querystring: Record<string, string> = {};
  const queryPairs: [string, string][] = [];
  if (ctx.request.query !== '') {
    for (const pair of new URLSearchParams(ctx.request.query)) {
      querystring[pair[0]] = pair[1];
      queryPairs.push(pair);
    }
  }
  return {
    params: { path: ctx.pathParameters ?? {}, querystring, header },
    stageVariables: deps.config.stageVariables,
    context: restContext(ctx, deps),
    headerPairs,
    queryPairs,
  };
}

/**
 * REST `$context` of one request (behaviour.md §12.2), for templates, mappings and gateway responses: the recorded
 * keys, `authorizer` only when an authorizer ran, identity fields from the API key and the authorization.
 */
export function restContext(ctx: PipelineContext, deps: PipelineDeps): MappingContext {
  const { config } = deps;
  const route = ctx.route;
  const authorization = ctx.authorization;
  const identity: Record<string, unknown> = {};
  const forwarded = headerOf(ctx, 'x-forwarded-for');
  if (forwarded) identity.sourceIp = forwarded.split(',')[0]!.trim();
  if (authorization?.identity) Object.assign(identity, authorization.identity);
  if (ctx.apiKey) {
    identity.apiKey = ctx.apiKey.value;
    identity.apiKeyId = ctx.apiKey.id;
  }
  const context: MappingContext = {
    accountId: config.accountId,
    apiId: config.apiId,
    deploymentId: config.deploymentId,
    domainName: ctx.request.host,
    extendedRequestId: ctx.extendedRequestId,
    httpMethod: ctx.method,
    path: ctx.request.pathname,
    protocol: 'HTTP/1.1',
    requestId: ctx.requestId,
    requestTimeEpoch: ctx.startedAt,
    stage: config.stageName,
    identity,
    // A data property: the text is kept per second, and an accessor added with defineProperty made every
    // request's context a slow object (measured on the non-proxy path).
    requestTime: formatRequestTime(ctx.startedAt),
  };
  if (route) {
    context.resourceId = route.resourceId;
    context.resourcePath = route.resource;
  }
  if (authorization?.authorizer) context.authorizer = authorization.authorizer;
  if (deps.canary !== undefined) context.isCanaryRequest = deps.canary;
  return context;
}

function headerOf(ctx: PipelineContext, lower: string): string | undefined {
  for (const [name, value] of ctx.request.headers)
    if (name.length === lower.length && name.toLowerCase() === lower) return value;
  return undefined;
}

const DROPPED_SHAPES = shapesOf(DROPPED_REQUEST_HEADERS);
