import { decodeUtf8 } from '../../http/utf8.js';
import { remapRestResponseHeaders } from '../../response/remap-headers.js';
import type { ClientResponse } from '../../response/types.js';
import type { ResolvedMockIntegration } from '../config/resolve-integration.js';
import { gatewayResponse } from '../gateway-responses.js';
import { type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { headerValue } from './lambda-proxy.js';
import { renderMockTemplate } from './mock-template.js';

/**
 * MOCK integration (behaviour.md §4.4–4.5): the request template chosen by the request's Content-Type
 * (default `application/json`) renders `{"statusCode": N}`; N selects the integration response keyed `"N"`,
 * else `default`; no match is 500 (`No match for output mapping and no default output mapping configured`).
 * `$context.responseOverride` values set by the template win over the selected response.
 */
export function runMock(
  ctx: PipelineContext,
  deps: PipelineDeps,
  integration: ResolvedMockIntegration,
): StageResult {
  const { config } = deps;
  const contentType = headerValue(ctx.request.headers, 'content-type');
  const mediaType =
    contentType === null ? 'application/json' : contentType.split(';')[0]!.trim().toLowerCase();
  const templates = integration.requestTemplates;
  const template = templates[mediaType] ?? (Object.keys(templates).length === 0 ? undefined : null);
  let statusCode = 200;
  let override: { status?: number; headers: [string, string][] } = { headers: [] };
  if (template === null) {
    // Templates exist but none for this type: WHEN_NO_MATCH passes the body through; a MOCK reads
    // `statusCode` from it.
    statusCode = statusFrom(bodyText(ctx.request.body));
  } else if (template !== undefined) {
    try {
      const rendered = renderMockTemplate(template, ctx, deps);
      statusCode = statusFrom(rendered.output);
      override = rendered.override;
    } catch (error) {
      record(ctx, {
        stage: 'integration',
        decision: 'template-error',
        detail: `Execution failed due to configuration error: the MOCK request template failed: ${error instanceof Error ? error.message : String(error)}`,
      });
      return gatewayResponse(config.apiType, 'CONFIGURATION_ERROR', ctx);
    }
  }
  const responses = integration.responses;
  const key = String(statusCode);
  const exact = responses[key];
  const selected = exact ?? responses.default;
  if (!selected) {
    record(ctx, {
      stage: 'integration',
      decision: 'configuration-error',
      detail: `MOCK returned status ${key}: No match for output mapping and no default output mapping configured`,
    });
    return gatewayResponse(config.apiType, 'CONFIGURATION_ERROR', ctx);
  }
  const mapped: [string, string][] = Object.entries(selected.headers ?? {});
  for (const [name, value] of override.headers) {
    const at = mapped.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (at >= 0) mapped.splice(at, 1);
    mapped.push([name, value]);
  }
  // Mapped reserved response headers come back as x-amzn-Remapped-<Name> [REC] (MOCK is REST-only).
  const headers = remapRestResponseHeaders(mapped);
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type'))
    headers.push(['Content-Type', 'application/json']);
  const status = override.status ?? selected.statusCode ?? (exact ? statusCode : 200);
  const response: ClientResponse = {
    statusCode: status,
    headers,
    cookies: [],
    body: selected.body ?? '',
    isBase64Decoded: false,
  };
  ctx.integrationLatencyMs = 0;
  ctx.trace.integrationLatencyMs = 0;
  record(ctx, {
    stage: 'integration',
    decision: 'mock',
    detail: `MOCK selected integration response ${exact ? key : 'default'}; status ${status}`,
  });
  ctx.response = response;
  return ctx;
}

function statusFrom(text: string): number {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      const value = (parsed as Record<string, unknown>).statusCode;
      const n = typeof value === 'string' ? Number(value) : value;
      if (typeof n === 'number' && Number.isInteger(n)) return n;
    }
  } catch {
    // Not JSON: no status code in it.
  }
  return 200;
}

function bodyText(body: string | Uint8Array | null): string {
  if (body === null) return '';
  return typeof body === 'string' ? body : decodeUtf8(body);
}
