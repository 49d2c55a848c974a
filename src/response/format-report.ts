import type { ClientResponse, ProxyResultIssue, ProxyResultReport, ProxyResultWarning } from './types.js';

const MAX_BODY = 500;

/**
 * Renders what the client receives, one header line per entry:
 * `HTTP 502`, the headers, a blank line, then the body (or `(empty body)`).
 *
 * @example
 * ```ts
 * formatClientResponse(validateProxyResult({}).response);
 * // 'HTTP 200\nContent-Type: application/json\n\n(empty body)'
 * ```
 */
export function formatClientResponse(response: ClientResponse, indent = ''): string {
  const lines = [
    `HTTP ${response.statusCode}`,
    ...response.headers.map(([name, value]) => `${name}: ${value}`),
    '',
  ];
  if (response.bodyBytes) {
    lines.push(`(${response.bodyBytes.length} bytes, base64-decoded by API Gateway)`);
  } else if (response.body === '') {
    lines.push('(empty body)');
  } else if (response.body.length > MAX_BODY) {
    lines.push(`${response.body.slice(0, MAX_BODY)}… (${response.body.length - MAX_BODY} more characters)`);
  } else {
    lines.push(...response.body.split('\n'));
  }
  return lines.map((line) => (line === '' ? '' : indent + line)).join('\n');
}

/** One line per issue or warning: `- <path> <CODE>: <message>`. */
export function formatFindings(
  list: readonly (ProxyResultIssue | ProxyResultWarning)[],
  indent = '',
): string {
  return list.map((item) => `${indent}- ${item.path} ${item.code}: ${item.message}`).join('\n');
}

/** The subject of a report, e.g. `payload 1.0 result (REST API)`. */
export function describeFormat(report: Pick<ProxyResultReport, 'payloadFormat' | 'apiType'>): string {
  return `payload ${report.payloadFormat} result (${report.apiType} API)`;
}

/**
 * Renders a whole report: verdict, issues, warnings and the client's view. Used by the CLI, the error
 * message of `assertProxyResult` and the vitest matchers.
 *
 * @example
 * ```ts
 * console.log(formatProxyResultReport(validateProxyResult({ statusCode: 'test' })));
 * ```
 */
export function formatProxyResultReport(report: ProxyResultReport): string {
  const count = report.issues.length;
  const parts = [
    report.ok
      ? `${describeFormat(report)}: accepted by API Gateway`
      : `${describeFormat(report)}: rejected by API Gateway (${count} ${count === 1 ? 'issue' : 'issues'})`,
  ];
  if (count > 0) parts.push(`Issues:\n${formatFindings(report.issues, '  ')}`);
  if (report.warnings.length > 0) parts.push(`Warnings:\n${formatFindings(report.warnings, '  ')}`);
  parts.push(`The client receives:\n${formatClientResponse(report.response, '  ')}`);
  return parts.join('\n');
}
