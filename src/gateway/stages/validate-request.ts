import { mediaTypeOf } from '../../events/derive/body.js';
import { decodeUtf8 } from '../../http/utf8.js';
import { gatewayResponse } from '../gateway-responses.js';
import { headerValue } from '../integrations/lambda-proxy.js';
import { logExecution, type PipelineContext, record, type StageResult } from '../pipeline/context.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { validationErrorString } from '../validation/validation-error-string.js';

/**
 * Request validation (behaviour.md §10), for routes with a `requestValidator`: every required parameter must be
 * present and non-blank — all missing ones are listed, sorted by full key (header < path < querystring) — and is
 * checked before the body; the body (an empty one counts as `{}`) must be JSON valid against the model of its
 * content type (else the `application/json` model). Failures are 400 `BAD_REQUEST_PARAMETERS` /
 * `BAD_REQUEST_BODY`; the detail is `$context.error.validationErrorString`. Free when the route has no validator.
 */
export function validateRequest(ctx: PipelineContext, deps: PipelineDeps): StageResult {
  const validation = ctx.route!.validation;
  if (validation === undefined) return ctx;
  const missing: string[] = [];
  for (const p of validation.required) {
    const value = parameterValue(ctx, p.location, p.name);
    if (value === undefined || value.trim() === '') missing.push(p.name);
  }
  if (missing.length > 0) {
    const message = `Missing required request parameters: [${missing.join(', ')}]`;
    record(ctx, { stage: 'validation', decision: 'missing-parameters', detail: message });
    logExecution(ctx, () => `Request validation failed for the operation: ${message}`);
    return gatewayResponse(deps.config.apiType, 'BAD_REQUEST_PARAMETERS', ctx, { message });
  }
  if (validation.models.size > 0) {
    const contentType = headerValue(ctx.request.headers, 'content-type');
    const type = contentType === null ? 'application/json' : mediaTypeOf(contentType);
    const model = validation.models.get(type) ?? validation.models.get('application/json');
    if (model) {
      const body = ctx.request.body;
      const text = body === null ? '' : typeof body === 'string' ? body : decodeUtf8(body);
      let data: unknown;
      let problem: string | undefined;
      try {
        data = text.trim() === '' ? {} : JSON.parse(text);
      } catch (error) {
        // UNCONFIRMED wording: AWS's text for an unparseable body was not recorded.
        problem = `[Invalid JSON body: ${(error as Error).message.replaceAll('"', '\\"')}]`;
      }
      if (problem === undefined) {
        const result = model.validate(data);
        if (!result.ok) problem = validationErrorString(result.errors);
      }
      if (problem !== undefined) {
        ctx.validationErrorString = problem;
        record(ctx, {
          stage: 'validation',
          decision: 'invalid-body',
          detail: `the body does not match model ${model.name}: ${problem}`,
        });
        logExecution(
          ctx,
          () => `Request body does not match model schema for content type ${type}: ${problem}`,
        );
        return gatewayResponse(deps.config.apiType, 'BAD_REQUEST_BODY', ctx);
      }
    }
  }
  if (ctx.detailed) record(ctx, { stage: 'validation', decision: 'valid' });
  return ctx;
}

function parameterValue(ctx: PipelineContext, location: string, name: string): string | undefined {
  if (location === 'path') return ctx.pathParameters?.[name];
  if (location === 'header') return headerValue(ctx.request.headers, name.toLowerCase()) ?? undefined;
  if (ctx.request.query === '') return undefined;
  return new URLSearchParams(ctx.request.query).get(name) ?? undefined;
}
