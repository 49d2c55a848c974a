import { decodeUtf8 } from '../../http/utf8.js';
import type { TemplateOverrides } from '../../vtl/types.js';
import type { ResolvedMockIntegration } from '../config/resolve-integration.js';
import { gatewayResponse } from '../gateway-responses.js';
import { type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { headerValue } from './lambda-proxy.js';
import { renderInput } from './mapping/integration-request.js';
import { mapIntegrationResponse } from './mapping/map-response.js';
import { methodRequestInput } from './mapping/method-request-input.js';
import { selectIntegrationResponse } from './mapping/select-integration-response.js';
import { selectRequestTemplate } from './mapping/select-request-template.js';
import { parseMockStatus } from './mock-status.js';

const NO_HEADERS: ReadonlyMap<string, readonly string[]> = new Map();

/**
 * MOCK integration (behaviour.md §0, §4.3–4.6, docs/integrations.md): the request template chosen by
 * `Content-Type` (or the passed-through body, per `passthroughBehavior`; 415 when refused) must produce
 * `{"statusCode": N}`; `"N"` selects the integration response by `selectionPattern` (whole-string Java regex) or
 * the default one; the method response is built from its parameters and response template, with
 * `$context.responseOverride` winning. Misconfiguration is 500 `{"message": "Internal server error"}`.
 */
export function runMock(
  ctx: PipelineContext,
  deps: PipelineDeps,
  integration: ResolvedMockIntegration,
): StageResult {
  const { config } = deps;
  const headers = ctx.request.headers;
  const choice = selectRequestTemplate(
    integration.requestTemplates,
    headerValue(headers, 'content-type'),
    integration.passthroughBehavior,
  );
  if (choice.kind === 'unsupported') {
    record(ctx, {
      stage: 'integration',
      decision: 'unsupported-media-type',
      detail: `No request template for the Content-Type and passthroughBehavior ${integration.passthroughBehavior}: 415`,
    });
    return gatewayResponse(config.apiType, 'UNSUPPORTED_MEDIA_TYPE', ctx);
  }
  const request = methodRequestInput(ctx, deps);
  const body = ctx.request.body;
  const bodyText = body === null ? null : typeof body === 'string' ? body : decodeUtf8(body);
  let integrationBody = bodyText ?? '';
  let overrides: TemplateOverrides | null = null;
  if (choice.kind === 'template') {
    try {
      const rendered = choice.template.render(renderInput(bodyText, request));
      integrationBody = rendered.output;
      overrides = rendered.overrides;
    } catch (error) {
      return configurationError(
        ctx,
        deps,
        `Execution failed due to configuration error: the request template failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  // The MOCK integration received its request (what it answers may still be a configuration error).
  ctx.trace.integrationCalled = true;
  const status = parseMockStatus(integrationBody);
  if (status === undefined) {
    return configurationError(
      ctx,
      deps,
      'Execution failed due to configuration error: Unable to parse statusCode. It should be an integer that is defined in the request template.',
    );
  }
  const selected = selectIntegrationResponse(integration.integrationResponses, String(status));
  if (!selected) {
    return configurationError(
      ctx,
      deps,
      `MOCK returned status ${status}: No match for output mapping and no default output mapping configured`,
    );
  }
  const mapped = mapIntegrationResponse({
    response: selected,
    integration: { headers: NO_HEADERS, body: null },
    request,
    accept: headerValue(headers, 'accept'),
    overrides,
  });
  if (!mapped.ok) return configurationError(ctx, deps, mapped.detail);
  ctx.integrationLatencyMs = 0;
  ctx.trace.integrationLatencyMs = 0;
  record(ctx, {
    stage: 'integration',
    decision: 'mock',
    detail: `MOCK status ${status} selected integration response ${selected.selectionPattern ?? 'default'}; method response ${mapped.statusCode}`,
  });
  ctx.response = {
    statusCode: mapped.statusCode,
    headers: mapped.headers,
    cookies: [],
    body: mapped.body,
    isBase64Decoded: false,
  };
  return ctx;
}

function configurationError(ctx: PipelineContext, deps: PipelineDeps, detail: string): StageResult {
  record(ctx, { stage: 'integration', decision: 'configuration-error', detail });
  return gatewayResponse(deps.config.apiType, 'CONFIGURATION_ERROR', ctx);
}
