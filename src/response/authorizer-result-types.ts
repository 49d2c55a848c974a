/**
 * Which API's authorizer produced the result: a REST API (`TOKEN`/`REQUEST`), a WebSocket `$connect`
 * authorizer, or an HTTP API Lambda authorizer on payload format 1.0 or 2.0.
 */
export type AuthorizerApi = 'REST' | 'WEBSOCKET' | 'HTTP_1.0' | 'HTTP_2.0';

/** Options of {@link validateAuthorizerResult}. */
export interface ValidateAuthorizerResultOptions {
  /** Default `'REST'`. */
  api?: AuthorizerApi;
  /** HTTP API payload 2.0 only: the authorizer has `EnableSimpleResponses` (`{ isAuthorized, context }`). */
  simpleResponses?: boolean;
  /** The `methodArn` (REST/WS) or `routeArn` (HTTP) of the request; when given, the policy is evaluated. */
  methodArn?: string;
  /** Wording of the 403 bodies: `current` (default, "… in an identity-based policy") or `legacy`. */
  accessDeniedWording?: 'current' | 'legacy';
}

/** Stable codes of the problems that make API Gateway fail the authorization (a 500). */
export type AuthorizerResultIssueCode =
  | 'RESULT_NOT_SERIALIZABLE'
  | 'RESULT_NOT_OBJECT'
  | 'PRINCIPAL_ID_MISSING'
  | 'PRINCIPAL_ID_NOT_STRING'
  | 'POLICY_DOCUMENT_MISSING'
  | 'POLICY_DOCUMENT_NOT_OBJECT'
  | 'POLICY_STATEMENT_INVALID'
  | 'POLICY_EFFECT_INVALID'
  | 'POLICY_ACTION_INVALID'
  | 'POLICY_RESOURCE_INVALID'
  | 'POLICY_RESOURCE_TOO_LONG'
  | 'CONTEXT_NOT_OBJECT'
  | 'CONTEXT_VALUE_INVALID'
  | 'USAGE_IDENTIFIER_KEY_NOT_STRING'
  | 'IS_AUTHORIZED_NOT_BOOLEAN';

/** Stable codes of accepted-but-suspicious findings. */
export type AuthorizerResultWarningCode =
  | 'UNKNOWN_KEY'
  | 'CONTEXT_KEY_NAME'
  | 'CONTEXT_CLAIMS_RESERVED'
  | 'CONTEXT_VALUE_NULL';

/** One finding, with the JSON path of the offending value. */
export interface AuthorizerResultFinding<Code extends string> {
  path: string;
  code: Code;
  message: string;
}

/**
 * The verdict: `allow`; `explicit-deny` (a matching `Deny`); `implicit-deny` (no matching `Allow`, or
 * `isAuthorized: false`); `error` (malformed result: 500); `not-evaluated` (valid policy, no `methodArn`).
 */
export type AuthorizerDecision = 'allow' | 'explicit-deny' | 'implicit-deny' | 'error' | 'not-evaluated';

/** Result of {@link validateAuthorizerResult}. */
export interface AuthorizerResultReport {
  /** True when API Gateway accepts the result's shape (no issues). */
  ok: boolean;
  api: AuthorizerApi;
  decision: AuthorizerDecision;
  issues: AuthorizerResultFinding<AuthorizerResultIssueCode>[];
  warnings: AuthorizerResultFinding<AuthorizerResultWarningCode>[];
  /** What the client gets when the request is not allowed (absent for `allow` and `not-evaluated`). */
  response?: { statusCode: number; headers: [string, string][]; body: string };
  /**
   * The context the integration sees: REST/WS/HTTP 1.0 values as strings (`1` → `"1"`, `true` → `"true"`);
   * HTTP 2.0 as returned. `undefined` when the result has none or is malformed.
   */
  integrationContext?: Record<string, unknown>;
}
