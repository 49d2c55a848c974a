import { matchesBinaryMediaType } from '../../../events/derive/body.js';
import type { TemplateOverrides } from '../../../vtl/types.js';
import { gatewayResponse } from '../../gateway-responses.js';
import { formatLogMap } from '../../observability/execution-log.js';
import { logExecution, type PipelineContext, record, type StageResult } from '../../pipeline/context.js';
import type { PipelineDeps } from '../../pipeline/deps.js';
import { headerValue } from '../lambda-proxy.js';
import { convertPayload, type Payload, payloadText } from './content-handling.js';
import { mapIntegrationResponse } from './map-response.js';
import type { MethodRequestInput } from './method-request-input.js';
import { selectIntegrationResponse } from './select-integration-response.js';
import type { ResolvedIntegrationResponse } from './types.js';

/** What a backend answered, before any mapping. */
export interface EndpointResponse {
  statusCode: number;
  headers: ReadonlyMap<string, readonly string[]>;
  body: Payload | null;
}

/**
 * The response side of every non-proxy integration (behaviour.md §4.5–4.8): selects the integration response by
 * `selectionValue` (the status code as text, or a Lambda `errorMessage`; `null` for a successful Lambda), converts
 * the body per its `contentHandling` (unset: bytes stay bytes only when the client's first `Accept` type is a
 * binary media type), and builds the method response (parameters, template, overrides). No match and no default is
 * 500 "No match for output mapping and no default output mapping configured".
 *
 * @example
 * ```ts
 * return completeIntegrationResponse(ctx, deps, integration.integrationResponses, endpoint, '404', request, overrides);
 * ```
 */
export function completeIntegrationResponse(
  ctx: PipelineContext,
  deps: PipelineDeps,
  responses: readonly ResolvedIntegrationResponse[],
  endpoint: EndpointResponse,
  selectionValue: string | null,
  request: MethodRequestInput,
  overrides: TemplateOverrides | null,
): StageResult {
  const { config } = deps;
  const selected = selectIntegrationResponse(responses, selectionValue);
  if (!selected) {
    return configurationError(
      ctx,
      deps,
      `Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${endpoint.statusCode}`,
    );
  }
  const accept = headerValue(ctx.request.headers, 'accept');
  const firstAccept = accept === null ? '' : accept.split(',')[0]!.split(';')[0]!.trim().toLowerCase();
  const binaryAccepted = matchesBinaryMediaType(firstAccept, config.binaryMediaTypes);
  let body: Payload | null = endpoint.body;
  if (body !== null) {
    const converted = convertPayload(body, selected.contentHandling, binaryAccepted);
    if (converted === undefined) {
      return configurationError(
        ctx,
        deps,
        'Execution failed due to configuration error: Unable to transform response: CONVERT_TO_BINARY could not base64-decode the body',
      );
    }
    body = converted;
  }
  const mapped = mapIntegrationResponse({
    response: selected,
    integration: {
      headers: endpoint.headers,
      body: payloadText(body),
      ...(body !== null && typeof body !== 'string' ? { bytes: body } : {}),
    },
    request,
    accept,
    overrides,
  });
  if (!mapped.ok) return configurationError(ctx, deps, mapped.detail);
  // Guarded here, not only in record(): the detail text is built before the call (fetch keeps no trace).
  if (ctx.detailed)
    record(ctx, {
      stage: 'response',
      decision: 'mapped',
      detail: `endpoint status ${endpoint.statusCode} selected integration response ${selected.statusCode} (${selected.selectionPattern === null ? 'default' : `pattern ${JSON.stringify(selected.selectionPattern)}`}); method response ${mapped.statusCode}`,
    });
  logExecution(ctx, () => [
    `Method response body after transformations: ${mapped.bodyBytes ? '[Binary Data]' : mapped.body}`,
    `Method response headers: ${formatLogMap(mapped.headers)}`,
    'Successfully completed execution',
  ]);
  ctx.response = {
    statusCode: mapped.statusCode,
    headers: mapped.headers,
    cookies: [],
    body: mapped.bodyBytes ? '' : mapped.body,
    ...(mapped.bodyBytes ? { bodyBytes: mapped.bodyBytes } : {}),
    isBase64Decoded: mapped.bodyBytes !== undefined,
  };
  return ctx;
}

/** Records why AWS would answer 500 and returns the `API_CONFIGURATION_ERROR` response. */
export function configurationError(ctx: PipelineContext, deps: PipelineDeps, detail: string): StageResult {
  record(ctx, { stage: 'integration', decision: 'configuration-error', detail });
  logExecution(ctx, () => detail);
  return gatewayResponse(deps.config.apiType, 'CONFIGURATION_ERROR', ctx);
}
