/**
 * The gateway response types of a REST API (behaviour.md §5), as `PutGatewayResponse` names them.
 *
 * @example
 * ```ts
 * const type: GatewayResponseType = 'BAD_REQUEST_BODY';
 * ```
 */
export type GatewayResponseType =
  | 'DEFAULT_4XX'
  | 'DEFAULT_5XX'
  | 'ACCESS_DENIED'
  | 'API_CONFIGURATION_ERROR'
  | 'AUTHORIZER_CONFIGURATION_ERROR'
  | 'AUTHORIZER_FAILURE'
  | 'BAD_REQUEST_PARAMETERS'
  | 'BAD_REQUEST_BODY'
  | 'EXPIRED_TOKEN'
  | 'INTEGRATION_FAILURE'
  | 'INTEGRATION_TIMEOUT'
  | 'INVALID_API_KEY'
  | 'INVALID_SIGNATURE'
  | 'MISSING_AUTHENTICATION_TOKEN'
  | 'QUOTA_EXCEEDED'
  | 'REQUEST_TOO_LARGE'
  | 'RESOURCE_NOT_FOUND'
  | 'THROTTLED'
  | 'UNAUTHORIZED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'WAF_FILTERED';

/**
 * The response type of an answer the gateway gave itself: a REST gateway response type, or for HTTP APIs (which
 * have no gateway response types) `NOT_FOUND` (no stage or route) and `CORS_PREFLIGHT` (a preflight API Gateway
 * answered).
 *
 * @example
 * ```ts
 * const type: AnsweredResponseType = 'MISSING_AUTHENTICATION_TOKEN';
 * ```
 */
export type AnsweredResponseType = GatewayResponseType | 'NOT_FOUND' | 'CORS_PREFLIGHT';

/**
 * A customised gateway response (`PutGatewayResponse`): status, headers mapped from the method request, stage
 * variables, `$context` or static values, and templates by content type.
 *
 * @example
 * ```ts
 * const notFound: GatewayResponseConfig = {
 *   statusCode: 404,
 *   responseParameters: { 'gatewayresponse.header.X-Request-Id': 'context.requestId' },
 *   responseTemplates: { 'application/json': '{"error": $context.error.messageString}' },
 * };
 * ```
 */
export interface GatewayResponseConfig {
  /** Replaces the type's status (for `DEFAULT_4XX`/`DEFAULT_5XX`: of every type of that class not customised). */
  statusCode?: number | string;
  /** `gatewayresponse.header.<Name>` → `method.request.{header|querystring|path}.<name>`, `stageVariables.<name>`, `context.<name>` or `'static'`. */
  responseParameters?: Record<string, string>;
  /** Templates by content type, chosen by `Accept`; plain `$context.*` / `$stageVariables.*` substitution (not VTL). */
  responseTemplates?: Record<string, string>;
}
