import { type MappingInput, renderTemplate } from '../../src/vtl/index.js';

/** Renders `template` with `body` (and extra input) and returns the output text. */
export function render(
  template: string,
  body: string | null = null,
  extra: Omit<MappingInput, 'body'> = {},
): string {
  return renderTemplate(template, { body, ...extra }).output;
}
