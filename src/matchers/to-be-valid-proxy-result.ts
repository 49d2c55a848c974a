import { HTTP_API_INTERNAL_ERROR_BODY, REST_INTERNAL_ERROR_BODY } from '../response/error-responses.js';
import { formatClientResponse, formatFindings } from '../response/format-report.js';
import type { ValidateProxyResultOptions } from '../response/types.js';
import type { ApigwMatcherContext, MatcherOutcome } from './matcher-context.js';
import { formatName, mergeOptions, readBodyText, resolveSubject } from './subject.js';

/** Builds `toBeValidProxyResult` with the matcher set's default options. */
export function createToBeValidProxyResult(defaults: ValidateProxyResultOptions) {
  return function toBeValidProxyResult(
    this: ApigwMatcherContext,
    received: unknown,
    options?: ValidateProxyResultOptions,
  ): MatcherOutcome | Promise<MatcherOutcome> {
    const subject = resolveSubject(received, mergeOptions(defaults, options));
    if (subject.kind === 'response') return judgeResponse(subject.response);
    const { report } = subject;
    const name = formatName(report);
    const warnings =
      report.warnings.length > 0 ? `Warnings:\n${formatFindings(report.warnings, '  ')}\n` : '';
    const view = `The client receives:\n${formatClientResponse(report.response, '  ')}`;
    if (report.ok) {
      return {
        pass: true,
        message: () => `expected an invalid ${name}, but API Gateway accepts it\n${warnings}${view}`,
      };
    }
    const count = report.issues.length;
    return {
      pass: false,
      message: () =>
        `expected a valid ${name}, but API Gateway rejects it (${count} ${count === 1 ? 'issue' : 'issues'}):\n` +
        `${formatFindings(report.issues, '  ')}\n${warnings}${view}`,
    };
  };
}

// A Response cannot show the result it came from; it can show API Gateway's answer to a rejected one.
async function judgeResponse(response: Response): Promise<MatcherOutcome> {
  const body = await readBodyText(response, 'toBeValidProxyResult');
  const rejected =
    (response.status === 502 && body === REST_INTERNAL_ERROR_BODY) ||
    (response.status === 500 && body === HTTP_API_INTERNAL_ERROR_BODY);
  const shown = `HTTP ${response.status} ${body.length > 200 ? `${body.slice(0, 200)}…` : body}`;
  return rejected
    ? {
        pass: false,
        message: () =>
          `expected the response to come from a valid proxy result, but it is API Gateway's answer to a rejected result or a function error: ${shown}`,
      }
    : {
        pass: true,
        message: () =>
          `expected the response to be API Gateway's answer to a rejected proxy result, but it is ${shown}`,
      };
}
