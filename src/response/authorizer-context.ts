import { type AccessDeniedWording, authorizerDenyMessage } from '../gateway/auth/deny-messages.js';
import type {
  AuthorizerApi,
  AuthorizerDecision,
  AuthorizerResultFinding,
  AuthorizerResultIssueCode,
  AuthorizerResultReport,
  AuthorizerResultWarningCode,
} from './authorizer-result-types.js';
import { childPath, describeValue } from './json-path.js';
import { isJsonObject } from './wire-value.js';

type Issues = AuthorizerResultFinding<AuthorizerResultIssueCode>[];
type Warnings = AuthorizerResultFinding<AuthorizerResultWarningCode>[];

// Only `_` is supported as a special character in context key names (behaviour.md §2.2 [DOC]).
const CONTEXT_KEY = /^[A-Za-z0-9_]+$/;

/**
 * Checks an authorizer's `context` and returns what the integration sees: REST/WS/HTTP 1.0 values must be
 * strings, numbers or booleans and arrive as strings [DOC]; HTTP 2.0 keeps values as returned. Internal.
 */
export function readContext(
  issues: Issues,
  warnings: Warnings,
  value: unknown,
  api: AuthorizerApi,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) {
    issues.push({
      path: '$.context',
      code: 'CONTEXT_NOT_OBJECT',
      message: `context is ${describeValue(value)}, not an object`,
    });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const at = childPath('$.context', key);
    if (!CONTEXT_KEY.test(key))
      warnings.push({
        path: at,
        code: 'CONTEXT_KEY_NAME',
        message: `context key "${key}" has a special character other than "_" (not supported)`,
      });
    if (key === 'claims' && api === 'HTTP_1.0')
      warnings.push({
        path: at,
        code: 'CONTEXT_CLAIMS_RESERVED',
        message: '"claims" is reserved in HTTP API payload 1.0 events',
      });
    if (api === 'HTTP_2.0') {
      out[key] = item; // simple and policy responses of 2.0 keep types, arrays and maps (UNCONFIRMED)
    } else if (item === null) {
      warnings.push({
        path: at,
        code: 'CONTEXT_VALUE_NULL',
        message: 'context value is null; the integration does not get it (UNCONFIRMED)',
      });
    } else if (typeof item === 'object') {
      issues.push({
        path: at,
        code: 'CONTEXT_VALUE_INVALID',
        message: `context value is ${describeValue(item)}; only strings, numbers and booleans are allowed`,
      });
    } else {
      out[key] = String(item);
    }
  }
  return out;
}

/** What the client gets for a verdict other than allow (behaviour.md §0, §2.3). Internal. */
export function responseFor(
  decision: AuthorizerDecision,
  api: AuthorizerApi,
  wording: AccessDeniedWording = 'current',
): AuthorizerResultReport['response'] {
  const http = api === 'HTTP_1.0' || api === 'HTTP_2.0';
  const json = http ? 'content-type' : 'Content-Type';
  if (decision === 'error') {
    return http
      ? {
          statusCode: 500,
          headers: [[json, 'application/json']],
          body: '{"message":"Internal Server Error"}',
        }
      : {
          statusCode: 500,
          headers: [
            [json, 'application/json'],
            ['x-amzn-ErrorType', 'AuthorizerConfigurationException'],
          ],
          body: '{"message": null}',
        };
  }
  if (decision === 'allow' || decision === 'not-evaluated') return undefined;
  if (http)
    return { statusCode: 403, headers: [[json, 'application/json']], body: '{"message":"Forbidden"}' };
  return {
    statusCode: 403,
    headers: [
      [json, 'application/json'],
      ['x-amzn-ErrorType', 'AccessDeniedException'],
    ],
    body: JSON.stringify({ Message: authorizerDenyMessage(decision === 'explicit-deny', wording) }),
  };
}
