import { TestkitError } from '../errors/testkit-error.js';
import { describeFormat, formatClientResponse, formatFindings } from './format-report.js';
import type { ProxyResultReport } from './types.js';

/**
 * Thrown by {@link assertProxyResult} when API Gateway would reject a proxy result. Code `PROXY_RESULT_INVALID`;
 * `report` is the same report {@link validateProxyResult} returns, and the message lists every issue.
 *
 * @example
 * ```ts
 * try { assertProxyResult({ statusCode: 'test' }); }
 * catch (error) { if (error instanceof ProxyResultError) console.log(error.report.issues); }
 * ```
 */
export class ProxyResultError extends TestkitError {
  /** The full validation report (issues, warnings and the client's view). */
  readonly report: ProxyResultReport;

  constructor(report: ProxyResultReport) {
    const count = report.issues.length;
    const problem =
      `${describeFormat(report)} rejected by API Gateway, the client gets ${report.response.statusCode} ` +
      `(${count} ${count === 1 ? 'issue' : 'issues'}):\n${formatFindings(report.issues, '  ')}`;
    const hint = 'Fix the fields listed above; docs/responses.md explains each code';
    super('PROXY_RESULT_INVALID', problem, hint, { report });
    // Keep the usual "problem. hint" order but show the client's view before the hint.
    this.message = `${problem}\nThe client receives:\n${formatClientResponse(report.response, '  ')}\n${hint}.`;
    this.report = report;
  }
}
