import { type GatewayErrorResponse, gatewayResponseSpec } from '../gateway-responses.js';
import { headerValue } from '../integrations/lambda-proxy.js';
import { methodRequestInput } from '../integrations/mapping/method-request-input.js';
import { evaluateRequestSource } from '../integrations/mapping/request-parameters.js';
import type { PipelineContext } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import type { GatewayResponses, ResolvedGatewayResponse } from './resolve-gateway-responses.js';

const DEFAULT_TEMPLATE = '{"message":$context.error.messageString}';

/**
 * `$context.error.messageString`: the quoted message as the default template prints it, so REST's `Internal server
 * error` and `Endpoint request timed out` carry their leading space (behaviour.md §5); read back from the body of
 * a built-in JSON response, else the message as a JSON string (`null` stays `null`).
 *
 * @example
 * ```ts
 * messageStringOf(gatewayResponse('REST', 'LAMBDA_FAILURE', ids)); // ' "Internal server error"'
 * ```
 */
export function messageStringOf(failure: { body: string; message: string | null }): string {
  const prefix = '{"message":';
  const body = failure.body;
  if (body.startsWith(prefix) && body.endsWith('}')) return body.slice(prefix.length, -1);
  return JSON.stringify(failure.message);
}

/**
 * Applies the API's customised gateway responses to a failure, in the one place after the failing stage
 * (decision 0003): the customisation of the exact type, else of `DEFAULT_4XX`/`DEFAULT_5XX` by the type's status
 * class (whose status, if set, replaces the type's), else the built-in response unchanged (behaviour.md §5).
 * `x-amzn-ErrorType` and the id headers are kept; headers are mapped from the method request, stage variables,
 * `$context` or static values; the template (chosen by `Accept`) is plain substitution of `$context.*` and
 * `$stageVariables.*`. Front-end answers (413/431 before API Gateway proper) are never customised.
 *
 * @example
 * ```ts
 * const sent = applyGatewayResponse(failure, ctx, deps, responses);
 * ```
 */
export function applyGatewayResponse(
  failure: GatewayErrorResponse,
  ctx: PipelineContext,
  deps: PipelineDeps,
  responses: GatewayResponses,
): GatewayErrorResponse {
  const { apiType } = deps.config;
  const spec = gatewayResponseSpec(apiType, failure.failure);
  if (spec.frontEnd || apiType !== 'REST') return failure;
  const byClass = failure.statusCode >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
  const exact = responses.get(failure.responseType);
  const fallback = responses.get(byClass);
  const custom: ResolvedGatewayResponse | undefined = exact ?? fallback;
  if (!custom) return failure;
  const statusCode = exact?.statusCode ?? (exact ? undefined : fallback?.statusCode) ?? failure.statusCode;
  const input = methodRequestInput(ctx, deps);
  const error = {
    message: failure.message,
    messageString: messageStringOf(failure),
    responseType: failure.responseType,
    validationErrorString: ctx.validationErrorString ?? null,
  };
  const context: Record<string, unknown> = { ...input.context, error };
  const [mediaType, template] = chooseTemplate(custom.templates, headerValue(ctx.request.headers, 'accept'));
  const body = substitute(template, context, input.stageVariables);
  const headers: [string, string][] = [['Content-Type', mediaType]];
  const sources = {
    path: input.params.path ?? {},
    query: input.queryPairs,
    headers: input.headerPairs,
    body: null,
    stageVariables: input.stageVariables,
    context,
  };
  for (const [name, source] of custom.headers) {
    const value = evaluateRequestSource(source, sources);
    if (value !== undefined) headers.push([name, value]);
  }
  for (const [name, value] of failure.headers)
    if (name.toLowerCase() !== 'content-type') headers.push([name, value]);
  ctx.trace.gatewayResponse = {
    failure: failure.failure,
    responseType: failure.responseType,
    message: failure.message,
    reason: `customised by gatewayResponses.${exact ? failure.responseType : byClass}`,
  };
  return { ...failure, statusCode, headers, body };
}

function chooseTemplate(templates: ReadonlyMap<string, string>, accept: string | null): [string, string] {
  if (templates.size === 0) return ['application/json', DEFAULT_TEMPLATE];
  const wanted =
    accept === null ? 'application/json' : accept.split(',')[0]!.split(';')[0]!.trim().toLowerCase();
  for (const key of [wanted, 'application/json']) {
    const t = templates.get(key);
    if (t !== undefined) return [key, t];
  }
  return templates.entries().next().value as [string, string];
}

const REFERENCE =
  /\$(?:\{(context|stageVariables)((?:\.[A-Za-z0-9_-]+)+)\}|(context|stageVariables)((?:\.[A-Za-z0-9_]+)+))/g;

/**
 * Gateway response templates are not VTL: `$context.x.y` and `$stageVariables.x` (also `${…}`) are replaced by
 * their values (nothing when unset), everything else is literal text (behaviour.md §5).
 */
function substitute(
  template: string,
  context: Readonly<Record<string, unknown>>,
  stageVariables: Readonly<Record<string, string>> | null,
): string {
  return template.replace(REFERENCE, (_all, braceRoot, bracePath, root, path) => {
    const parts = ((bracePath ?? path) as string).slice(1).split('.');
    let value: unknown = (braceRoot ?? root) === 'context' ? context : (stageVariables ?? {});
    for (const part of parts) {
      value =
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    }
    if (value === undefined || value === null) return '';
    return typeof value === 'object' ? '' : String(value);
  });
}
