import { mediaTypeOf } from '../../../events/derive/body.js';
import type { CompiledTemplate } from '../../../vtl/types.js';
import type { PassthroughBehavior } from './types.js';

/** What the integration request does with the body: render a template, pass it through, or refuse it. */
export type RequestTemplateChoice =
  | { kind: 'template'; mediaType: string; template: CompiledTemplate }
  | { kind: 'passthrough' }
  | { kind: 'unsupported' };

/**
 * Picks the request template by the request's `Content-Type` media type only (parameters dropped, case
 * ignored; missing ⇒ `application/json`) and applies the passthrough matrix of behaviour.md §4.4.
 *
 * @example
 * ```ts
 * selectRequestTemplate(new Map(), null, 'NEVER').kind; // 'unsupported' (415)
 * ```
 */
export function selectRequestTemplate(
  templates: ReadonlyMap<string, CompiledTemplate>,
  contentType: string | null,
  passthrough: PassthroughBehavior,
): RequestTemplateChoice {
  const mediaType = contentType === null ? 'application/json' : mediaTypeOf(contentType);
  const template = templates.get(mediaType);
  if (template) return { kind: 'template', mediaType, template };
  if (templates.size === 0)
    return passthrough === 'NEVER' ? { kind: 'unsupported' } : { kind: 'passthrough' };
  return passthrough === 'WHEN_NO_MATCH' ? { kind: 'passthrough' } : { kind: 'unsupported' };
}
