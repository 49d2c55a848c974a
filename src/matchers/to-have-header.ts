import { responseHeaderValues } from '../http/read-response.js';
import type { ValidateProxyResultOptions } from '../response/types.js';
import type { ApigwMatcherContext, MatcherOutcome, ShowValue } from './matcher-context.js';
import type { HeaderValueExpectation } from './matcher-types.js';
import { type MatcherSubject, mergeOptions, rejectionNote, resolveSubject } from './subject.js';

/** Builds `toHaveHeader` with the matcher set's default options. */
export function createToHaveHeader(defaults: ValidateProxyResultOptions, showValue: ShowValue) {
  return function toHaveHeader(
    this: ApigwMatcherContext,
    received: unknown,
    name: string,
    value?: HeaderValueExpectation,
    options?: ValidateProxyResultOptions,
  ): MatcherOutcome {
    const subject = resolveSubject(received, mergeOptions(defaults, options));
    const values = headerValues(subject, name);
    const candidates = candidateValues(subject, values);
    const pass =
      value === undefined
        ? values.length > 0
        : candidates.some((candidate) =>
            value instanceof RegExp ? value.test(candidate) : this.equals(candidate, value),
          );
    const wanted =
      value === undefined ? `header "${name}"` : `header "${name}" = ${show(this, showValue, value)}`;
    const found =
      values.length === 0
        ? `it has no "${name}" header (headers: ${headerNames(subject).join(', ') || 'none'})`
        : `its "${name}" values are ${values.map((v) => JSON.stringify(v)).join(', ')}`;
    const note = rejectionNote(subject);
    return {
      pass,
      message: () =>
        pass
          ? `expected ${subject.label} not to have ${wanted}, but ${found}${note}`
          : `expected ${subject.label} to have ${wanted}, but ${found}${note}`,
    };
  };
}

function headerValues(subject: MatcherSubject, name: string): string[] {
  const lower = name.toLowerCase();
  if (subject.kind === 'response') {
    // fetch joins repeated names; the first entry is the joined value, the rest its parts.
    const all = responseHeaderValues(subject.response, name);
    return lower === 'set-cookie' || all.length <= 1 ? all : [all[0]!];
  }
  return subject.report.response.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

// Values a header expectation may equal: each line (or comma-separated part) and the comma-joined value.
function candidateValues(subject: MatcherSubject, values: string[]): string[] {
  if (values.length === 0) return [];
  if (subject.kind === 'response') {
    const joined = values.join(', ');
    return [...new Set([joined, ...values, ...joined.split(', ')])];
  }
  return values.length > 1 ? [...values, values.join(', ')] : values;
}

function headerNames(subject: MatcherSubject): string[] {
  const names =
    subject.kind === 'response'
      ? [...subject.response.headers.keys()]
      : subject.report.response.headers.map(([n]) => n);
  return [...new Set(names)];
}

function show(state: ApigwMatcherContext, showValue: ShowValue, value: HeaderValueExpectation): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof RegExp) return String(value);
  return showValue(state, value);
}
