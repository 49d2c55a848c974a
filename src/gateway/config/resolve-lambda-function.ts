import { GatewayConfigError } from '../../errors/families.js';
import { resolveLambdaUri } from '../functions/resolve-functions.js';
import type { LambdaHandler } from '../types.js';
import {
  nonEmptyString,
  positiveInteger,
  resolveFunctionTimeout,
  resolveQualifier,
} from './resolve-function-settings.js';
import type { IntegrationDefaults } from './resolve-integration.js';

/** The function settings of a Lambda integration (proxy or custom). */
export interface LambdaFunctionSettings {
  handler: LambdaHandler;
  functionTimeoutMs: number;
  functionName: string;
  memoryLimitInMB: number;
  qualifier: string | undefined;
  functionVersion: string;
  /**
   * Set when the integration's `uri` names its function through a stage variable the stage cannot satisfy: API
   * Gateway answers 500 at request time, with this execution-log line.
   */
  unresolved: string | undefined;
}

const UNRESOLVED: LambdaHandler = () => undefined;

/**
 * The function a Lambda integration runs: its `handler`, or the `functions` entry its `uri` names (a stage-variable
 * ARN resolves with the stage's variables). Explicit integration settings win over the entry's and the ARN's.
 */
export function lambdaFunction(
  where: string,
  integration: Record<string, unknown>,
  defaults: IntegrationDefaults,
  functionName: string,
): LambdaFunctionSettings {
  let handler = integration.handler as LambdaHandler | undefined;
  let fromUri: Partial<LambdaFunctionSettings> = {};
  if (handler === undefined && integration.uri === undefined) checkHandler(where, handler);
  if (handler !== undefined) checkHandler(where, handler);
  if (integration.uri !== undefined) {
    const resolved = resolveLambdaUri(`${where}.uri`, integration.uri, {
      functions: defaults.functions,
      stageVariables: defaults.stageVariables,
      bareArn: defaults.apiType === 'HTTP',
      handler,
    });
    if (!resolved.ok) fromUri = { unresolved: resolved.reason };
    else {
      const t = resolved.target;
      handler ??= t.handler as LambdaHandler;
      fromUri = {
        functionName: t.functionName,
        qualifier: t.qualifier,
        functionVersion: t.functionVersion,
        ...(t.functionTimeoutMs === undefined ? {} : { functionTimeoutMs: t.functionTimeoutMs }),
        ...(t.memoryLimitInMB === undefined ? {} : { memoryLimitInMB: t.memoryLimitInMB }),
      };
    }
  }
  const qualifier = resolveQualifier(
    where,
    integration.qualifier ?? fromUri.qualifier,
    integration.functionVersion ?? fromUri.functionVersion,
  );
  return {
    handler: handler ?? UNRESOLVED,
    functionTimeoutMs: resolveFunctionTimeout(
      `${where}.functionTimeoutMs`,
      integration.functionTimeoutMs ?? fromUri.functionTimeoutMs ?? defaults.functionTimeoutMs,
    ),
    functionName: nonEmptyString(
      `${where}.functionName`,
      integration.functionName ?? fromUri.functionName ?? functionName,
    ),
    memoryLimitInMB: positiveInteger(
      `${where}.memoryLimitInMB`,
      integration.memoryLimitInMB ?? fromUri.memoryLimitInMB ?? 128,
    ),
    ...qualifier,
    unresolved: fromUri.unresolved,
  };
}

function checkHandler(where: string, handler: unknown): void {
  if (typeof handler !== 'function') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_HANDLER',
      `${where}: handler must be a function, got ${typeof handler}`,
      "Pass the Lambda handler, e.g. handler: async (event) => ({ statusCode: 200 }), or name the function: uri: 'arn:aws:apigateway:…:lambda:path/2015-03-31/functions/arn:aws:lambda:…:function:my-fn/invocations' with functions: { 'my-fn': handler }.",
    );
  }
}
