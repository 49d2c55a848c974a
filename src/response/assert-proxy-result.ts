import { ProxyResultError } from './proxy-result-error.js';
import type { ProxyResultReport, ValidateProxyResultOptions } from './types.js';
import { validateProxyResult } from './validate-proxy-result.js';

/**
 * Throws a {@link ProxyResultError} (code `PROXY_RESULT_INVALID`) when API Gateway would reject `result`;
 * returns the report otherwise. Same rules and options as {@link validateProxyResult}.
 *
 * @example
 * ```ts
 * import { assertProxyResult } from 'apigw-testkit/response';
 * assertProxyResult(await handler(event), { payloadFormat: '2.0' });
 * ```
 */
export function assertProxyResult(
  result: unknown,
  options: ValidateProxyResultOptions = {},
): ProxyResultReport {
  const report = validateProxyResult(result, options);
  if (!report.ok) throw new ProxyResultError(report);
  return report;
}
