import { isFetchResponse } from '../http/read-response.js';
import { formatClientResponse, formatFindings } from '../response/format-report.js';
import type { ProxyResultReport, ValidateProxyResultOptions } from '../response/types.js';
import { validateProxyResult } from '../response/validate-proxy-result.js';

/** What a matcher was given: a proxy result (judged through its report) or a fetch `Response`. */
export type MatcherSubject =
  | { kind: 'result'; report: ProxyResultReport; label: string }
  | { kind: 'response'; response: Response; label: string };

/** Classifies `received`; a proxy result is validated with the merged options. */
export function resolveSubject(received: unknown, options: ValidateProxyResultOptions): MatcherSubject {
  if (isFetchResponse(received)) return { kind: 'response', response: received, label: 'the response' };
  const report = validateProxyResult(received, options);
  return { kind: 'result', report, label: `the client's response to this ${formatName(report)}` };
}

/** `payload 1.0 result (REST API)`. */
export function formatName(report: ProxyResultReport): string {
  return `payload ${report.payloadFormat} result (${report.apiType} API)`;
}

/** Explains a rejection after a matcher's own message; empty when the result is accepted or not a result. */
export function rejectionNote(subject: MatcherSubject): string {
  if (subject.kind !== 'result' || subject.report.ok) return '';
  const { report } = subject;
  const count = report.issues.length;
  return (
    `\n\nAPI Gateway rejects this ${formatName(report)} (${count} ${count === 1 ? 'issue' : 'issues'}):\n` +
    `${formatFindings(report.issues, '  ')}\nThe client receives:\n${formatClientResponse(report.response, '  ')}`
  );
}

/** Merges the matcher set's defaults with a call's options (call wins). */
export function mergeOptions(
  defaults: ValidateProxyResultOptions,
  options: ValidateProxyResultOptions | undefined,
): ValidateProxyResultOptions {
  return options === undefined ? defaults : { ...defaults, ...options };
}

/** Shape vitest expects back from a matcher. */
export interface MatcherOutcome {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}
