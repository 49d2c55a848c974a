import type { GatewayErrorResponse } from '../../gateway-responses.js';
import type { PipelineContext } from '../../pipeline/context.js';
import type { PipelineDeps } from '../../pipeline/deps.js';
import { headerValue } from '../lambda-proxy.js';
import {
  buildIntegrationRequest,
  type IntegrationRequestParts,
  isMappingFailure,
  type RequestMapping,
} from './integration-request.js';
import { type MethodRequestInput, methodRequestInput } from './method-request-input.js';
import { answerMappingFailure } from './request-failure.js';

/** A prepared non-proxy request: the method request, the integration request, the client's Content-Type. */
export interface PreparedRequest {
  request: MethodRequestInput;
  parts: IntegrationRequestParts;
  contentType: string | null;
}

/**
 * The request side every non-proxy integration starts with: reads the method request and builds the integration
 * request ({@link buildIntegrationRequest}); a mapping failure is the gateway response to answer.
 *
 * @example
 * ```ts
 * const prepared = prepareIntegrationRequest(ctx, deps, integration);
 * if ('failure' in prepared) return prepared;
 * ```
 */
export function prepareIntegrationRequest(
  ctx: PipelineContext,
  deps: PipelineDeps,
  mapping: RequestMapping,
): PreparedRequest | GatewayErrorResponse {
  const request = methodRequestInput(ctx, deps);
  const contentType = headerValue(ctx.request.headers, 'content-type');
  const parts = buildIntegrationRequest(mapping, request, {
    body: ctx.request.body,
    contentType,
    binaryMediaTypes: deps.config.binaryMediaTypes,
  });
  if (isMappingFailure(parts)) return answerMappingFailure(ctx, deps, parts) as GatewayErrorResponse;
  return { request, parts, contentType };
}
