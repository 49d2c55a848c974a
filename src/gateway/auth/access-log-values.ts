import type { AccessLogValue } from '../observability/index.js';
import type { PipelineContext } from '../pipeline/context.js';

/**
 * The access-log `$context` variables of the authorize stage (behaviour.md §12.2, §12.3): `authorizer.<key>`
 * (a Lambda authorizer's context and `principalId`; `authorizer.claims.<claim>` for Cognito/JWT),
 * `authorizer.error`, `authorizer.status`, `authorizer.latency`, `authorizer.integrationLatency`,
 * `authorize.status|latency|error`, and the IAM caller's `identity.*`. `undefined` for a name this does not
 * own, or when the route had no authorization.
 */
export function authorizationLogValue(name: string, ctx: PipelineContext): AccessLogValue {
  const trace = ctx.trace.authorization;
  if (name.startsWith('identity.')) {
    const value = ctx.authorization?.identity?.[name.slice(9)];
    return value ?? undefined;
  }
  if (trace === undefined) return undefined;
  const failed = trace.decision !== 'allow';
  switch (name) {
    case 'authorizer.error':
    case 'authorize.error':
      return failed ? ctx.failure?.message || trace.decision : undefined;
    case 'authorizer.status':
    case 'authorize.status':
      return failed ? ctx.failure?.statusCode : 200;
    case 'authorizer.latency':
    case 'authorize.latency':
      return trace.latencyMs;
    case 'authorizer.integrationLatency':
      return trace.cached ? 0 : trace.latencyMs;
    case 'authorizer.principalId':
      return trace.principalId;
    default:
      break;
  }
  if (!name.startsWith('authorizer.')) return undefined;
  const path = name.slice(11).split('.');
  let value: unknown = ctx.authorization?.authorizer;
  const root = value as Record<string, unknown> | undefined;
  // HTTP API 2.0 nests the context under `lambda` or `jwt`; the log variable names the key directly.
  if (root && !(path[0]! in root)) value = root.lambda ?? root.jwt ?? root.iam;
  for (const key of path)
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : undefined;
}
