import type { CompiledTemplate } from '../../../vtl/types.js';

/**
 * Picks the response template by the request's `Accept` header, first media type only (behaviour.md §4.4):
 * an exact match, else the `application/json` template, else the first one declared. No `Accept` counts as
 * `application/json`. Returns the template and its media type (the response's `Content-Type`), or `undefined`
 * when there are no templates (the integration body passes through).
 *
 * @example
 * ```ts
 * selectResponseTemplate(templates, 'text/html, application/json;q=0.9')?.mediaType; // 'text/html' if declared
 * ```
 */
export function selectResponseTemplate(
  templates: ReadonlyMap<string, CompiledTemplate>,
  accept: string | null,
): { mediaType: string; template: CompiledTemplate } | undefined {
  if (templates.size === 0) return undefined;
  const wanted = accept === null ? 'application/json' : firstMediaType(accept);
  for (const key of [wanted, 'application/json']) {
    const template = templates.get(key);
    if (template) return { mediaType: key, template };
  }
  const [mediaType, template] = templates.entries().next().value as [string, CompiledTemplate];
  return { mediaType, template };
}

/** `text/html;q=0.9, application/json` → `text/html`; the last answer is kept (clients send the same few values). */
function firstMediaType(accept: string): string {
  if (accept === lastAccept) return lastFirst;
  const comma = accept.indexOf(',');
  let first = comma === -1 ? accept : accept.slice(0, comma);
  const semi = first.indexOf(';');
  if (semi !== -1) first = first.slice(0, semi);
  lastAccept = accept;
  lastFirst = first.trim().toLowerCase();
  return lastFirst;
}

let lastAccept = '';
let lastFirst = '';
