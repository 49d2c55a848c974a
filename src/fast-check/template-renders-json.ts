import type { RenderResult } from '../vtl/index.js';
import { runCheck, type TemplateCheckOptions, throwIfFailed } from './template-check.js';
import type { TemplateCheckReport } from './template-check-report.js';

/**
 * Checks that `template` renders valid JSON for every generated input (bodies full of quotes,
 * backslashes, newlines, control characters, emoji, `</script>`, `$` and `#`; shaped after the paths the
 * template reads). Returns a report; see {@link assertTemplateRendersJson} for the throwing form.
 *
 * @example
 * ```ts
 * import { checkTemplateRendersJson } from 'apigw-testkit/fast-check';
 * checkTemplateRendersJson('{"name": "$input.path(\'$.name\')"}').ok; // false: a quote in name breaks it
 * ```
 */
export function checkTemplateRendersJson(
  template: string,
  options?: TemplateCheckOptions,
): TemplateCheckReport {
  return runCheck('checkTemplateRendersJson', template, rendersJson, options);
}

/**
 * Asserts that `template` renders valid JSON for every generated input; throws a `TemplateCheckError`
 * (code `TEMPLATE_CHECK_FAILED`) showing the shrunk input, the rendered output, the seed and the path to
 * replay. The classic bug it finds: `"$input.path('$.name')"` breaks on a quote or a backslash; write
 * `$input.json('$.name')`, which quotes and escapes (and beware `$util.escapeJavaScript`, which turns `'`
 * into `\'`, invalid in JSON).
 *
 * @example
 * ```ts
 * import { assertTemplateRendersJson } from 'apigw-testkit/fast-check';
 * assertTemplateRendersJson('{"name": $input.json(\'$.name\')}', { bodyShape: { name: 'string' } });
 * ```
 */
export function assertTemplateRendersJson(template: string, options?: TemplateCheckOptions): void {
  throwIfFailed(
    runCheck('assertTemplateRendersJson', template, rendersJson, options),
    'Template renders JSON',
  );
}

function rendersJson({ output }: RenderResult): void {
  try {
    JSON.parse(output);
  } catch (error) {
    throw new Error(
      `the output is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
