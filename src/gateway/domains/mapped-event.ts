import type { PipelineContext } from '../pipeline/context.js';

/**
 * What a Lambda proxy event says of a request that came through a custom domain (behaviour.md §19.1): the path the
 * client sent, base path included — REST `path` and `requestContext.path`, HTTP API `rawPath` and
 * `requestContext.http.path` — while `resource`, `routeKey` and `pathParameters` stay those of the route the
 * stripped path matched.
 */
export function withClientPath(event: unknown, ctx: PipelineContext): void {
  const path = ctx.request.pathname;
  const e = event as {
    version?: string;
    path?: string;
    rawPath?: string;
    requestContext: { path?: string; http?: { path: string } };
  };
  if (e.version === '2.0') {
    e.rawPath = path;
    if (e.requestContext.http) e.requestContext.http.path = path;
    return;
  }
  e.path = path;
  e.requestContext.path = path;
}
