import type { IntegrationResponseConfig, PassthroughBehavior } from './mapping/types.js';

/** One integration response of a MOCK integration, selected by status code. */
export interface MockIntegrationResponse {
  /** Status sent to the client. Default: the key of the response (`'200'`). */
  statusCode?: number;
  /** Static response headers. */
  headers?: Record<string, string>;
  /** Static response body. Default empty. */
  body?: string;
}

/**
 * MOCK integration. The request template renders `{"statusCode": N}`, which selects the integration response
 * keyed `"N"` (or the `default` one).
 *
 * @example
 * ```ts
 * const integration: MockIntegration = {
 *   type: 'MOCK',
 *   requestTemplates: { 'application/json': '{"statusCode": 200}' },
 *   responses: { '200': { headers: { 'Content-Type': 'application/json' }, body: '{"ok":true}' } },
 * };
 * ```
 */
export interface MockIntegration {
  type: 'MOCK';
  /** VTL request templates keyed by content type; the rendered `statusCode` selects the integration response. */
  requestTemplates?: Record<string, string>;
  /** Body handling when no template matches the Content-Type (docs/integrations.md). Default `WHEN_NO_MATCH`. */
  passthroughBehavior?: PassthroughBehavior;
  /**
   * `integration.request.*` mappings, validated like those of other integrations (sources must be declared); a MOCK
   * integration has no backend to send them to, so they change nothing else.
   */
  requestParameters?: Record<string, string>;
  /** AWS-shaped integration responses (array, or object keyed by status code); needs the route's `methodResponses`. */
  integrationResponses?:
    | IntegrationResponseConfig[]
    | Record<string, Omit<IntegrationResponseConfig, 'statusCode'> & { statusCode?: string | number }>;
  /** Shorthand: static integration responses keyed by status code (`'200'`) or `'default'`. */
  responses?: Record<string, MockIntegrationResponse>;
  /** Integration timeout, same bounds as for Lambda proxy. */
  timeoutInMillis?: number;
}
