import type { MatcherState } from 'vitest';
import type { JsonBodyMatcherOptions } from './augmentation.js';
import {
  type MatcherOutcome,
  type MatcherSubject,
  mergeOptions,
  readBodyText,
  rejectionNote,
  resolveSubject,
} from './subject.js';

/** Builds `toHaveJsonBody` with the matcher set's default options. */
export function createToHaveJsonBody(defaults: JsonBodyMatcherOptions) {
  return function toHaveJsonBody(
    this: MatcherState,
    received: unknown,
    expected: unknown,
    options?: JsonBodyMatcherOptions,
  ): MatcherOutcome | Promise<MatcherOutcome> {
    const { partial = false, ...validateOptions } = mergeOptions(defaults, options) as JsonBodyMatcherOptions;
    const subject = resolveSubject(received, validateOptions);
    if (subject.kind === 'response') {
      return readBodyText(subject.response, 'toHaveJsonBody').then((body) =>
        judge(this, subject, body, expected, partial),
      );
    }
    return judge(this, subject, subject.report.response.body, expected, partial);
  };
}

function judge(
  state: MatcherState,
  subject: MatcherSubject,
  body: string,
  expected: unknown,
  partial: boolean,
): MatcherOutcome {
  const note = rejectionNote(subject);
  const mode = partial ? 'containing' : 'equal to';
  const wanted = state.utils.stringify(expected, undefined, { min: true });
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
  const got = state.utils.stringify(actual, undefined, { min: true });
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
