import type { ResolvedIntegrationResponse } from './types.js';

/**
 * Chooses the integration response for a selection value (behaviour.md §4.5): the first response, in
 * declaration order, whose `selectionPattern` matches the whole value; otherwise the default response (no
 * pattern); otherwise `undefined` (the caller answers 500, "No match for output mapping and no default output
 * mapping configured"). For MOCK, HTTP and AWS service integrations the value is the status code as a string;
 * for Lambda custom integrations the `errorMessage` (`null` on success: only the default — or `.*` — matches).
 *
 * @example
 * ```ts
 * selectIntegrationResponse(responses, '404')?.statusCode;
 * ```
 */
export function selectIntegrationResponse(
  responses: readonly ResolvedIntegrationResponse[],
  value: string | null,
): ResolvedIntegrationResponse | undefined {
  let fallback: ResolvedIntegrationResponse | undefined;
  for (const response of responses) {
    if (response.matches === null) fallback ??= response;
    else if (response.matches(value ?? '')) return response;
  }
  return fallback;
}
