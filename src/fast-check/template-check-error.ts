import { TestkitError } from '../errors/index.js';
import type { TemplateCheckReport } from './template-check-report.js';

/**
 * Thrown by `assertTemplate` / `assertTemplateRendersJson` when a generated input breaks the property.
 * `code` is `TEMPLATE_CHECK_FAILED`; `report` holds the shrunk input, the rendered output, the seed and
 * the path to replay.
 *
 * @example
 * ```ts
 * try {
 *   assertTemplateRendersJson('{"name": "$input.path(\'$.name\')"}');
 * } catch (error) {
 *   if (error instanceof TemplateCheckError) console.log(error.report.failure?.output);
 * }
 * ```
 */
export class TemplateCheckError extends TestkitError {
  /** The full report of the failed check. */
  readonly report: TemplateCheckReport;

  constructor(problem: string, hint: string, report: TemplateCheckReport) {
    super('TEMPLATE_CHECK_FAILED', problem, hint, { report });
    // The problem is a multi-line block (input, output, replay); the hint reads best on its own line.
    this.message = `${problem}\n\n${hint}.`;
    this.report = report;
  }
}
