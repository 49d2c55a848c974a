import { gatewayResponse } from '../../gateway-responses.js';
import { logExecution, type PipelineContext, record, type StageResult } from '../../pipeline/context.js';
import type { PipelineDeps } from '../../pipeline/deps.js';
import type { RequestMappingFailure } from './integration-request.js';

/** The trace step's decision for each request-mapping failure. */
const DECISIONS = {
  UNSUPPORTED_MEDIA_TYPE: 'unsupported-media-type',
  CONFIGURATION_ERROR: 'configuration-error',
  INVALID_JSON_BODY: 'invalid-json-body',
} as const satisfies Record<RequestMappingFailure['failure'], string>;

/** Answers a failed integration-request mapping (415, 400 for unparseable JSON, 500), explained in the trace. */
export function answerMappingFailure(
  ctx: PipelineContext,
  deps: PipelineDeps,
  failure: RequestMappingFailure,
): StageResult {
  record(ctx, {
    stage: 'integration',
    decision: DECISIONS[failure.failure],
    detail: failure.detail,
  });
  logExecution(ctx, () => failure.detail);
  return gatewayResponse(
    deps.config.apiType,
    failure.failure,
    ctx,
    failure.message === undefined ? undefined : { message: failure.message },
  );
}
