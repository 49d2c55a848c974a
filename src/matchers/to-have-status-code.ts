import type { ValidateProxyResultOptions } from '../response/types.js';
import type { ApigwMatcherContext, MatcherOutcome } from './matcher-context.js';
import { bodyPreview, mergeOptions, rejectionNote, resolveSubject } from './subject.js';

/** Builds `toHaveStatusCode` with the matcher set's default options. */
export function createToHaveStatusCode(defaults: ValidateProxyResultOptions) {
  return function toHaveStatusCode(
    this: ApigwMatcherContext,
    received: unknown,
    statusCode: number,
    options?: ValidateProxyResultOptions,
  ): MatcherOutcome {
    const subject = resolveSubject(received, mergeOptions(defaults, options));
    const actual = subject.kind === 'response' ? subject.response.status : subject.report.response.statusCode;
    const pass = actual === statusCode;
    const note = rejectionNote(subject);
    return {
      pass,
      actual,
      expected: statusCode,
      message: () =>
        pass
          ? `expected ${subject.label} not to have status ${statusCode}, but it does${note}`
          : `expected ${subject.label} to have status ${statusCode}, but it has ${actual}${note || `\nBody: ${bodyPreview(subject)}`}`,
    };
  };
}
