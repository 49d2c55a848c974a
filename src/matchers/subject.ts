import { InvalidInputError } from '../errors/families.js';
import { peekBufferedBody } from '../http/buffered-response.js';
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

/**
 * Reads a `Response` body through a clone, so the caller can still read it. A body already read (or being read)
 * cannot be cloned: that is reported as `RESPONSE_BODY_USED`, saying how to avoid it, instead of undici's TypeError.
 */
export async function readBodyText(response: Response, matcher: string): Promise<string> {
  let clone: Response;
  try {
    if (response.bodyUsed) throw new TypeError('Body has already been consumed.');
    clone = response.clone();
  } catch {
    throw new InvalidInputError(
      'RESPONSE_BODY_USED',
      `${matcher}: the Response's body was already read (response.bodyUsed is true), so the matcher cannot read it`,
      `Run the matchers before reading the body yourself (they read a clone and leave the body readable), or assert on what you read: expect(await response.json()).toEqual(…)`,
    );
  }
  return clone.text();
}

const SHOWN_BODY_LENGTH = 500;

/**
 * The body as a failure message can show it, synchronously: a proxy result's body as the client gets it, the body
 * of a gateway Response (held in memory); for other Responses a note on how to see it.
 */
export function bodyPreview(subject: MatcherSubject): string {
  let body: string;
  if (subject.kind === 'result') {
    const { response } = subject.report;
    body = response.bodyBytes ? `<${response.bodyBytes.byteLength} bytes, binary>` : response.body;
  } else {
    const held = subject.response.bodyUsed ? undefined : peekBufferedBody(subject.response);
    if (held === undefined) {
      return subject.response.bodyUsed
        ? '(the body was already read)'
        : '(a streamed body; read it with await response.text() to see it)';
    }
    body = typeof held === 'string' ? held : new TextDecoder().decode(held);
  }
  if (body === '') return '(empty)';
  return body.length > SHOWN_BODY_LENGTH
    ? `${body.slice(0, SHOWN_BODY_LENGTH)}… (${body.length} characters)`
    : body;
}
