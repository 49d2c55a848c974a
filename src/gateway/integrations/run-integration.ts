import type { PipelineContext, StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { runAwsService } from './aws-service.js';
import { runHttp } from './http.js';
import { runHttpProxy } from './http-proxy.js';
import { runLambdaCustom } from './lambda-custom.js';
import { runLambdaProxy } from './lambda-proxy.js';
import { runMock } from './mock.js';

/**
 * Runs the matched route's integration (design.md §8: one file per type behind one interface). MOCK answers
 * synchronously; the others return a promise.
 *
 * @example
 * ```ts
 * const result = await runIntegration(ctx, deps);
 * ```
 */
export function runIntegration(ctx: PipelineContext, deps: PipelineDeps): StageResult | Promise<StageResult> {
  const integration = ctx.route!.integration;
  switch (integration.type) {
    case 'AWS_PROXY':
      return runLambdaProxy(ctx, deps, integration);
    case 'MOCK':
      return runMock(ctx, deps, integration);
    case 'AWS':
      return integration.kind === 'lambda'
        ? runLambdaCustom(ctx, deps, integration)
        : runAwsService(ctx, deps, integration);
    case 'HTTP':
      return runHttp(ctx, deps, integration);
    case 'HTTP_PROXY':
      return runHttpProxy(ctx, deps, integration);
  }
}
