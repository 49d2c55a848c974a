import { assertKnownOptions, InvalidInputError } from '../errors/families.js';
import { formatValue } from '../errors/format-value.js';
import { readContext, responseFor } from './authorizer-context.js';
import { evaluatePolicy, type PolicyStatement, readPolicy } from './authorizer-policy.js';
import type {
  AuthorizerApi,
  AuthorizerDecision,
  AuthorizerResultFinding,
  AuthorizerResultIssueCode,
  AuthorizerResultReport,
  AuthorizerResultWarningCode,
  ValidateAuthorizerResultOptions,
} from './authorizer-result-types.js';
import { childPath, describeValue } from './json-path.js';
import { isJsonObject, toWireValue } from './wire-value.js';

const WHERE = 'validateAuthorizerResult';
const APIS: readonly string[] = ['REST', 'WEBSOCKET', 'HTTP_1.0', 'HTTP_2.0'];
const POLICY_KEYS: readonly string[] = ['principalId', 'policyDocument', 'context', 'usageIdentifierKey'];
const SIMPLE_KEYS: readonly string[] = ['isAuthorized', 'context'];

type Issues = AuthorizerResultFinding<AuthorizerResultIssueCode>[];
type Warnings = AuthorizerResultFinding<AuthorizerResultWarningCode>[];

/**
 * Checks what a Lambda authorizer returned the way API Gateway reads it (behaviour.md §2.2, §2.3), after the
 * runtime's JSON serialisation: the IAM-policy shape (`principalId`, `policyDocument`, `context`,
 * `usageIdentifierKey`) or, for an HTTP API 2.0 authorizer with simple responses, `{ isAuthorized, context }`.
 * A malformed result is an authorizer failure (REST/WS 500 `{"message": null}`, HTTP API 500). With
 * `methodArn` the policy is evaluated: a matching Deny gives 403 with the explicit-deny body, no matching
 * Allow gives 403 "not authorized" (today's wording; `accessDeniedWording: 'legacy'` for the older one).
 *
 * @example
 * ```ts
 * const report = validateAuthorizerResult(
 *   { principalId: 'u1', policyDocument: { Version: '2012-10-17', Statement: [
 *     { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/*' }] },
 *     context: { tier: 2 } },
 *   { methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/GET/pets' },
 * );
 * report.decision; // 'allow'
 * report.integrationContext; // { tier: '2' }
 * ```
 */
export function validateAuthorizerResult(
  result: unknown,
  options: ValidateAuthorizerResultOptions = {},
): AuthorizerResultReport {
  assertKnownOptions(WHERE, options, ['api', 'simpleResponses', 'methodArn', 'accessDeniedWording']);
  const api = (options.api ?? 'REST') as AuthorizerApi;
  if (!APIS.includes(api)) {
    throw new InvalidInputError(
      'INVALID_OPTION_VALUE',
      `${WHERE}: unknown api: ${formatValue(options.api)}`,
      `Use one of ${APIS.join(', ')}.`,
    );
  }
  if (options.simpleResponses === true && api !== 'HTTP_2.0') {
    throw new InvalidInputError(
      'INVALID_OPTION_VALUE',
      `${WHERE}: simpleResponses is an HTTP API payload 2.0 setting, but api is ${api}`,
      "Pass api: 'HTTP_2.0' with simpleResponses, or drop simpleResponses.",
    );
  }
  const simple = options.simpleResponses === true;
  const issues: Issues = [];
  const warnings: Warnings = [];
  const wire = toWireValue(result);
  let statements: PolicyStatement[] = [];
  let isAuthorized = false;
  let context: Record<string, unknown> | undefined;
  if (!wire.ok) {
    issues.push({
      path: '$',
      code: 'RESULT_NOT_SERIALIZABLE',
      message: `the result cannot be serialised: ${wire.reason}`,
    });
  } else if (!isJsonObject(wire.value)) {
    issues.push({
      path: '$',
      code: 'RESULT_NOT_OBJECT',
      message: `the result is ${describeValue(wire.value)}, not an object`,
    });
  } else {
    const value = wire.value;
    const known = simple ? SIMPLE_KEYS : POLICY_KEYS;
    for (const key of Object.keys(value)) {
      if (!known.includes(key))
        warnings.push({
          path: childPath('$', key),
          code: 'UNKNOWN_KEY',
          message: `unknown key "${key}" is ignored (expected ${known.join(', ')})`,
        });
    }
    if (simple) {
      if (typeof value.isAuthorized !== 'boolean') {
        issues.push({
          path: '$.isAuthorized',
          code: 'IS_AUTHORIZED_NOT_BOOLEAN',
          message: `isAuthorized is ${describeValue(value.isAuthorized)}, not a boolean`,
        });
      }
      isAuthorized = value.isAuthorized === true;
    } else {
      checkPrincipal(issues, value, api);
      if (value.policyDocument === undefined || value.policyDocument === null) {
        issues.push({
          path: '$.policyDocument',
          code: 'POLICY_DOCUMENT_MISSING',
          message: 'policyDocument is missing',
        });
      } else {
        statements = readPolicy(issues, value.policyDocument);
      }
      const key = value.usageIdentifierKey;
      if (key !== undefined && key !== null && typeof key !== 'string') {
        issues.push({
          path: '$.usageIdentifierKey',
          code: 'USAGE_IDENTIFIER_KEY_NOT_STRING',
          message: `usageIdentifierKey is ${describeValue(key)}, not a string`,
        });
      }
    }
    context = readContext(issues, warnings, value.context, api);
  }
  const ok = issues.length === 0;
  const decision: AuthorizerDecision = !ok
    ? 'error'
    : simple
      ? isAuthorized
        ? 'allow'
        : 'implicit-deny'
      : options.methodArn === undefined
        ? 'not-evaluated'
        : evaluatePolicy(statements, options.methodArn);
  const report: AuthorizerResultReport = { ok, api, decision, issues, warnings };
  const response = responseFor(decision, api, options.accessDeniedWording);
  if (response !== undefined) report.response = response;
  if (ok && context !== undefined) report.integrationContext = context;
  return report;
}

function checkPrincipal(issues: Issues, value: Record<string, unknown>, api: AuthorizerApi): void {
  const principal = value.principalId;
  if (principal === undefined || principal === null) {
    // Required for REST and WebSocket [DOC]; optional for HTTP APIs (UNCONFIRMED).
    if (api === 'REST' || api === 'WEBSOCKET')
      issues.push({ path: '$.principalId', code: 'PRINCIPAL_ID_MISSING', message: 'principalId is missing' });
  } else if (typeof principal !== 'string') {
    issues.push({
      path: '$.principalId',
      code: 'PRINCIPAL_ID_NOT_STRING',
      message: `principalId is ${describeValue(principal)}, not a string`,
    });
  }
}
