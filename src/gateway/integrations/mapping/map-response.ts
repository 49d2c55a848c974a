import { remapRestResponseHeaders } from '../../../response/remap-headers.js';
import type { MappingContext, TemplateOverrides } from '../../../vtl/types.js';
import type { MethodRequestInput } from './method-request-input.js';
import { evaluateParameter } from './response-parameters.js';
import { selectResponseTemplate } from './select-response-template.js';
import type { ResolvedIntegrationResponse } from './types.js';

/** Everything the method response is built from. */
export interface MapResponseInput {
  /** The integration response chosen by {@link selectIntegrationResponse}. */
  response: ResolvedIntegrationResponse;
  /**
   * What the integration returned (MOCK: no headers, no body). `bytes`: a binary body, sent to the client as bytes
   * when it passes through (templates and mappings read `body`, its text form).
   */
  integration: { headers: ReadonlyMap<string, readonly string[]>; body: string | null; bytes?: Uint8Array };
  request: MethodRequestInput;
  /** The method request's `Accept` header. */
  accept: string | null;
  /** Overrides the request template set (`null` when no template ran). */
  overrides: TemplateOverrides | null;
}

/** The method response, or why AWS would answer 500 instead. */
export type MapResponseResult =
  | { ok: true; statusCode: number; headers: [string, string][]; body: string; bodyBytes?: Uint8Array }
  | { ok: false; detail: string };

/**
 * Builds the method response from an integration response (behaviour.md §4.3–4.6): `responseParameters`
 * mapped into headers (a source with no value sends no header), the response template picked by `Accept`
 * rendered with the integration body as `$input.body` and the method request as `$input.params()` (its media
 * type becomes `Content-Type`), else the integration body passed through; then `$context.responseOverride`
 * (request template first, response template over it) wins over status and headers, even for a status no method
 * response declares. Reserved headers come back as `x-amzn-Remapped-<Name>`.
 *
 * @example
 * ```ts
 * const result = mapIntegrationResponse({ response, integration: { headers: new Map(), body: null }, request, accept: null, overrides: null });
 * ```
 */
export function mapIntegrationResponse(input: MapResponseInput): MapResponseResult {
  const { response, integration, request } = input;
  const headers: [string, string][] = [];
  for (const [name, source] of response.responseParameters) {
    const value = evaluateParameter(source, {
      headers: integration.headers,
      body: integration.body,
      stageVariables: request.stageVariables,
      context: request.context,
    });
    if (value !== undefined) headers.push([name, value]);
  }
  for (const [name, value] of response.staticHeaders ?? []) headers.push([name, value]);
  let overrides = input.overrides;
  let body: string;
  let contentType = 'application/json';
  const chosen =
    response.staticBody === undefined
      ? selectResponseTemplate(response.responseTemplates, input.accept)
      : undefined;
  if (response.staticBody !== undefined) {
    body = response.staticBody;
  } else if (chosen) {
    try {
      const rendered = chosen.template.render({
        body: integration.body,
        params: request.params,
        stageVariables: request.stageVariables,
        context:
          overrides && hasOverrides(overrides) ? withOverrides(request.context, overrides) : request.context,
      });
      body = rendered.output;
      overrides = rendered.overrides;
      contentType = chosen.mediaType;
    } catch (error) {
      return {
        ok: false,
        detail: `Execution failed due to configuration error: the response template failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  } else {
    body = integration.body ?? '';
  }
  const passthroughBytes =
    chosen === undefined && response.staticBody === undefined ? integration.bytes : undefined;
  let statusCode = response.statusCode;
  if (overrides) {
    const status = overrides.responseOverride.status;
    if (status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599)
      statusCode = status;
    for (const [name, value] of Object.entries(overrides.responseOverride.header)) {
      const at = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
      if (at >= 0) headers.splice(at, 1);
      headers.push([name, value]);
    }
  }
  const out = remapRestResponseHeaders(headers);
  if (!out.some(([name]) => name.toLowerCase() === 'content-type')) out.push(['Content-Type', contentType]);
  return passthroughBytes
    ? { ok: true, statusCode, headers: out, body, bodyBytes: passthroughBytes }
    : { ok: true, statusCode, headers: out, body };
}

/** True when a template set any override (empty ones read the same as none, so the context is not copied). */
function hasOverrides(overrides: TemplateOverrides): boolean {
  const { requestOverride: q, responseOverride: r } = overrides;
  for (const map of [q.header, q.path, q.querystring, r.header]) for (const _ in map) return true;
  return r.status !== undefined;
}

/** `$context` of a response template: the request template's overrides are readable in it [REC]. */
function withOverrides(context: MappingContext, overrides: TemplateOverrides): MappingContext {
  const { status, header } = overrides.responseOverride;
  return {
    ...context,
    requestOverride: overrides.requestOverride,
    responseOverride: status === undefined ? { header } : { status, header },
  };
}
