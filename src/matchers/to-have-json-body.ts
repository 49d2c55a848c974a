import type { ApigwMatcherContext, MatcherOutcome, ShowValue } from './matcher-context.js';
import type { JsonBodyMatcherOptions } from './matcher-types.js';
import { type MatcherSubject, mergeOptions, readBodyText, rejectionNote, resolveSubject } from './subject.js';

/** Builds `toHaveJsonBody` with the matcher set's default options. */
export function createToHaveJsonBody(defaults: JsonBodyMatcherOptions, showValue: ShowValue) {
  return function toHaveJsonBody(
    this: ApigwMatcherContext,
    received: unknown,
    expected: unknown,
    options?: JsonBodyMatcherOptions,
  ): MatcherOutcome | Promise<MatcherOutcome> {
    const { partial = false, ...validateOptions } = mergeOptions(defaults, options) as JsonBodyMatcherOptions;
    const subject = resolveSubject(received, validateOptions);
    if (subject.kind === 'response') {
      return readBodyText(subject.response, 'toHaveJsonBody').then((body) =>
        judge(this, showValue, subject, body, expected, partial),
      );
    }
    return judge(this, showValue, subject, subject.report.response.body, expected, partial);
  };
}

function judge(
  state: ApigwMatcherContext,
  showValue: ShowValue,
  subject: MatcherSubject,
  body: string,
  expected: unknown,
  partial: boolean,
): MatcherOutcome {
  const note = rejectionNote(subject);
  const mode = partial ? 'containing' : 'equal to';
  const wanted = showValue(state, expected);
  let actual: unknown;
  try {
    actual = JSON.parse(body);
  } catch {
    const shown = body === '' ? 'empty' : `not JSON: ${body.length > 200 ? `${body.slice(0, 200)}…` : body}`;
    return {
      pass: false,
      message: () =>
        `expected ${subject.label} to have a JSON body ${mode} ${wanted}, but the body is ${shown}${note}`,
    };
  }
  const testers = [...state.customTesters, state.utils.iterableEquality];
  if (partial) testers.push(state.utils.subsetEquality);
  const pass = state.equals(actual, expected, testers);
  const got = showValue(state, actual);
  return {
    pass,
    actual,
    expected,
    message: () =>
      pass
        ? `expected ${subject.label} not to have a JSON body ${mode} ${wanted}, but it does${note}`
        : `expected ${subject.label} to have a JSON body ${mode} ${wanted}, but it is ${got}${note}`,
  };
}
