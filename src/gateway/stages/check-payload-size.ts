import type { ResolvedGateway } from '../config/resolve-options.js';
import { gatewayResponse } from '../gateway-responses.js';
import { MAX_REQUEST_PAYLOAD_BYTES, oversizedBodyBytes } from '../integrations/payload-limits.js';
import { type PipelineContext, record, type StageResult } from '../pipeline/context.js';

/**
 * The front door's payload limit (behaviour.md §14): a body over 10 485 760 bytes is refused with 413 before
 * the stage, route, API key, throttle or cache are looked at, so it costs no throttle token and no quota
 * (the order is UNCONFIRMED; the REST answer is the front end's plain-text 413, a third-party capture).
 */
export function checkPayloadSize(ctx: PipelineContext, config: ResolvedGateway): StageResult {
  const bytes = oversizedBodyBytes(ctx.request.body);
  if (bytes === undefined) return ctx;
  record(ctx, {
    stage: 'request',
    decision: 'too-large',
    detail: `the request body is ${bytes} bytes, over API Gateway's ${MAX_REQUEST_PAYLOAD_BYTES}-byte payload limit`,
    data: { bytes, limit: MAX_REQUEST_PAYLOAD_BYTES },
  });
  return gatewayResponse(config.apiType, 'REQUEST_TOO_LARGE', ctx);
}
