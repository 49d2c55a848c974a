import type { ResolvedGateway } from '../config/resolve-options.js';
import { gatewayResponse } from '../gateway-responses.js';
import { type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import { ROUTE_METHODS } from '../routing/route-key.js';

const ROUTABLE = new Set<string>(ROUTE_METHODS.filter((m) => m !== 'ANY'));

/**
 * Routes the request (behaviour.md §11). REST honours `X-HTTP-Method-Override` [DOC]; no match is REST 403
 * `{"message":"Missing Authentication Token"}` and HTTP API 404 `{"message":"Not Found"}`. A method outside
 * the seven API Gateway routes (`ANY` covers exactly DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT) matches
 * nothing, not even `ANY` or `$default` (decision; UNCONFIRMED for HTTP APIs). HEAD needs its own method or
 * `ANY`: it is never served by a GET method.
 */
export function matchRoute(ctx: PipelineContext, config: ResolvedGateway): StageResult {
  if (config.apiType === 'REST') {
    for (const [name, value] of ctx.request.headers) {
      if (name.length === 22 && name.toLowerCase() === 'x-http-method-override') {
        const method = value.trim().toUpperCase();
        if (ROUTABLE.has(method) && method !== ctx.method) {
          record(ctx, {
            stage: 'route',
            decision: 'method-override',
            detail: `X-HTTP-Method-Override turns ${ctx.method} into ${method}`,
          });
          ctx.method = method;
        }
        break;
      }
    }
  }
  // Only the seven methods API Gateway knows can match (ANY covers exactly these); `FOO` or `TRACE` find no route.
  const found = ROUTABLE.has(ctx.method) ? config.table.match(ctx.method, ctx.segments) : undefined;
  if (!found) {
    record(ctx, {
      stage: 'route',
      decision: 'no-route',
      detail: `no route for ${ctx.method} ${ctx.eventPath}`,
    });
    return gatewayResponse(config.apiType, 'NO_ROUTE', ctx);
  }
  const route = found.value;
  ctx.route = route;
  ctx.pathParameters = found.pathParameters;
  ctx.trace.route = {
    routeKey: route.routeKey,
    resource: route.resource,
    pathParameters: found.pathParameters,
  };
  if (ctx.detailed) record(ctx, { stage: 'route', decision: 'matched', detail: route.routeKey });
  return ctx;
}
