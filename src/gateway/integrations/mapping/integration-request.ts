import { isTestkitError } from '../../../errors/testkit-error.js';
import { matchesBinaryMediaType, mediaTypeOf } from '../../../events/derive/body.js';
import type { CompiledTemplate, MappingInput, TemplateOverrides } from '../../../vtl/types.js';
import type { ContentHandling } from '../integration-options.js';
import { base64Of, convertPayload, type Payload, payloadText } from './content-handling.js';
import type { MethodRequestInput } from './method-request-input.js';
import { evaluateRequestSource, type RequestParameterMapping } from './request-parameters.js';
import { selectRequestTemplate } from './select-request-template.js';
import type { PassthroughBehavior } from './types.js';

/** The request-side mapping of a non-proxy integration, validated. */
export interface RequestMapping {
  requestTemplates: ReadonlyMap<string, CompiledTemplate>;
  passthroughBehavior: PassthroughBehavior;
  contentHandling: ContentHandling | undefined;
  requestParameters: readonly RequestParameterMapping[];
}

/** The integration request after templates, conversions, parameter mappings and overrides. */
export interface IntegrationRequestParts {
  body: Payload;
  /** Headers set by parameter mappings and `$context.requestOverride.header` (later entries win). */
  headers: [string, string][];
  querystring: [string, string][];
  /** `integration.request.path.<name>` values, substituted into the URI's `{name}`. */
  path: Record<string, string>;
  /** Overrides set by the request template (`null` when no template ran). */
  overrides: TemplateOverrides | null;
  /** The media type of the chosen template, or `null` when the body passed through. */
  templateMediaType: string | null;
}

/** Why the integration request could not be built: the gateway failure to answer and the trace's explanation. */
export interface RequestMappingFailure {
  failure: 'UNSUPPORTED_MEDIA_TYPE' | 'CONFIGURATION_ERROR' | 'INVALID_JSON_BODY';
  detail: string;
  /** Per-request message (`INVALID_JSON_BODY`). */
  message?: string;
}

// Headers an integration request may not set (recorded: mapping Content-Length or Transfer-Encoding is a 500).
const FORBIDDEN_MAPPED_HEADERS = new Set(['content-length', 'transfer-encoding', 'x-amzn-trace-id']);

/** `MappingInput` of a template render: the body plus the method request. */
export function renderInput(body: string | null, request: MethodRequestInput): MappingInput {
  return { body, params: request.params, stageVariables: request.stageVariables, context: request.context };
}

/**
 * Builds the integration request of a non-proxy integration (behaviour.md §4.3–4.8): picks the request template by
 * `Content-Type` (415 when `passthroughBehavior` refuses), converts the body per `contentHandling` (a
 * `CONVERT_TO_BINARY` body that also matches a template is a 500, recorded), renders the template, evaluates the
 * `requestParameters` mappings (a mapped `Content-Length`/`Transfer-Encoding` is a 500, recorded) and applies
 * `$context.requestOverride`.
 *
 * @example
 * ```ts
 * const parts = buildIntegrationRequest(mapping, request, { body, contentType, binaryMediaTypes });
 * ```
 */
export function buildIntegrationRequest(
  mapping: RequestMapping,
  request: MethodRequestInput,
  raw: { body: Payload | null; contentType: string | null; binaryMediaTypes: readonly string[] },
): IntegrationRequestParts | RequestMappingFailure {
  const choice = selectRequestTemplate(
    mapping.requestTemplates,
    raw.contentType,
    mapping.passthroughBehavior,
  );
  if (choice.kind === 'unsupported') {
    return {
      failure: 'UNSUPPORTED_MEDIA_TYPE',
      detail: `Request body does not match any template and passthroughBehavior is ${mapping.passthroughBehavior}: 415 Unsupported Media Type`,
    };
  }
  const binary =
    raw.contentType !== null && matchesBinaryMediaType(mediaTypeOf(raw.contentType), raw.binaryMediaTypes);
  let body: Payload = raw.body ?? '';
  if (raw.body !== null) {
    const converted = convertPayload(raw.body, mapping.contentHandling, binary);
    if (converted === undefined) {
      return configuration(
        `Execution failed due to configuration error: Unable to transform request: contentHandling ${mapping.contentHandling} could not base64-decode the body`,
      );
    }
    body = converted;
  }
  let overrides: TemplateOverrides | null = null;
  if (choice.kind === 'template') {
    if (mapping.contentHandling === 'CONVERT_TO_BINARY' && raw.body !== null) {
      return configuration(
        'Execution failed due to configuration error: a CONVERT_TO_BINARY payload cannot be transformed by a request template (it matched the Content-Type)',
      );
    }
    try {
      // Binary data reaches a template only as base64 text (behaviour.md §4.8).
      const text = raw.body === null ? null : typeof body === 'string' ? body : base64Of(body);
      const rendered = choice.template.render(renderInput(text, request));
      body = rendered.output;
      overrides = rendered.overrides;
    } catch (error) {
      if (isTestkitError(error) && error.code === 'VTL_INVALID_JSON_BODY') {
        return { failure: 'INVALID_JSON_BODY', detail: error.message, message: error.message };
      }
      return configuration(
        `Execution failed due to configuration error: the request template failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const headers: [string, string][] = [];
  const querystring: [string, string][] = [];
  const path: Record<string, string> = {};
  const sources = {
    path: request.params.path ?? {},
    query: request.queryPairs,
    headers: request.headerPairs,
    body: payloadText(raw.body),
    stageVariables: request.stageVariables,
    context: request.context,
  };
  for (const mapped of mapping.requestParameters) {
    if (mapped.location === 'header' && FORBIDDEN_MAPPED_HEADERS.has(mapped.name.toLowerCase())) {
      return configuration(
        `Execution failed due to configuration error: ${mapped.name} header cannot be mapped (integration.request.header.${mapped.name})`,
      );
    }
    const value = evaluateRequestSource(mapped.source, sources);
    if (value === undefined) continue;
    if (mapped.location === 'header') setPair(headers, mapped.name, value, true);
    else if (mapped.location === 'querystring') setPair(querystring, mapped.name, value, false);
    else path[mapped.name] = value;
  }
  if (overrides) {
    const o = overrides.requestOverride;
    for (const [name, value] of Object.entries(o.header)) {
      if (FORBIDDEN_MAPPED_HEADERS.has(name.toLowerCase())) {
        return configuration(
          `Execution failed due to configuration error: ${name} header cannot be overridden`,
        );
      }
      setPair(headers, name, value, true);
    }
    for (const [name, value] of Object.entries(o.querystring)) setPair(querystring, name, value, false);
    Object.assign(path, o.path);
  }
  return {
    body,
    headers,
    querystring,
    path,
    overrides,
    templateMediaType: choice.kind === 'template' ? choice.mediaType : null,
  };
}

/** Sets one value, replacing earlier ones of the same name (case-insensitively for headers). */
export function setPair(pairs: [string, string][], name: string, value: string, caseless: boolean): void {
  const lower = name.toLowerCase();
  for (let i = pairs.length - 1; i >= 0; i--) {
    const n = pairs[i]![0];
    if (caseless ? n.toLowerCase() === lower : n === name) pairs.splice(i, 1);
  }
  pairs.push([name, value]);
}

function configuration(detail: string): RequestMappingFailure {
  return { failure: 'CONFIGURATION_ERROR', detail };
}

/** True for a request-mapping failure (as opposed to the built parts). */
export function isMappingFailure(
  value: IntegrationRequestParts | RequestMappingFailure,
): value is RequestMappingFailure {
  return 'failure' in value;
}
