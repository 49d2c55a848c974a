import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { resolveFunctionTimeout } from '../config/resolve-function-settings.js';
import type { FunctionHandler } from './function-options.js';
import {
  functionArnText,
  hasStageVariable,
  parseFunctionArn,
  substituteStageVariables,
  withPlaceholders,
} from './lambda-uri.js';

/** An entry of `functions`, validated. */
export interface ResolvedFunction {
  handler: FunctionHandler;
  functionTimeoutMs: number | undefined;
  memoryLimitInMB: number | undefined;
  functionVersion: string | undefined;
}

/** The gateway's functions by key (name, `name:qualifier` or ARN). */
export type FunctionTable = ReadonlyMap<string, ResolvedFunction>;

/** What a Lambda `uri` resolved to: the function to run and what its context reports. */
export interface LambdaTarget {
  handler: FunctionHandler;
  /** The function ARN after stage-variable substitution. */
  arn: string;
  functionName: string;
  qualifier: string | undefined;
  functionVersion: string;
  functionTimeoutMs: number | undefined;
  memoryLimitInMB: number | undefined;
}

/**
 * A resolved Lambda reference, or — for a `${stageVariables.x}` ARN the stage cannot satisfy — why API Gateway fails
 * the request (a 500 at request time, as on AWS, not an error at creation).
 */
export type LambdaUriResult = { ok: true; target: LambdaTarget } | { ok: false; reason: string };

const KEY = /^([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9_$-]{1,128}))?$/;
const CONFIG_KEYS = ['handler', 'functionTimeoutMs', 'memoryLimitInMB', 'functionVersion'] as const;
const EMPTY: FunctionTable = new Map();

/** Validates the gateway's `functions` option (docs/gateway.md#lambda-functions-by-arn). */
export function resolveFunctions(value: unknown, where = 'createGateway: functions'): FunctionTable {
  if (value === undefined) return EMPTY;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(where, 'must be an object of handlers keyed by function name');
  }
  const out = new Map<string, ResolvedFunction>();
  for (const [key, entry] of Object.entries(value)) {
    const at = `${where}[${JSON.stringify(key)}]`;
    if (!KEY.test(key) && parseFunctionArn(key) === undefined) {
      throw new GatewayConfigError(
        'GATEWAY_INVALID_FUNCTIONS',
        `${at}: ${JSON.stringify(key)} is not a function name, name:qualifier or function ARN`,
        "Key functions by name ('pets'), name with alias or version ('pets:live', 'pets:3'), or ARN ('arn:aws:lambda:us-east-1:123456789012:function:pets').",
        { key },
      );
    }
    const config = typeof entry === 'function' ? { handler: entry } : entry;
    if (typeof config !== 'object' || config === null) throw invalid(at, 'must be a handler or { handler }');
    assertKnownOptions(at, config, CONFIG_KEYS);
    const c = config as Record<string, unknown>;
    if (typeof c.handler !== 'function') throw invalid(at, 'has no handler function');
    const memory = c.memoryLimitInMB;
    if (memory !== undefined && (typeof memory !== 'number' || !Number.isInteger(memory) || memory < 1)) {
      throw invalid(at, `memoryLimitInMB must be a positive integer, got ${String(memory)}`);
    }
    const version = c.functionVersion;
    if (version !== undefined && (typeof version !== 'string' || !/^(\$LATEST|\d+)$/.test(version))) {
      throw invalid(
        at,
        `functionVersion must be a version number or $LATEST, got ${JSON.stringify(version)}`,
      );
    }
    out.set(key, {
      handler: c.handler as FunctionHandler,
      functionTimeoutMs:
        c.functionTimeoutMs === undefined
          ? undefined
          : resolveFunctionTimeout(`${at}.functionTimeoutMs`, c.functionTimeoutMs),
      memoryLimitInMB: memory as number | undefined,
      functionVersion: version as string | undefined,
    });
  }
  return out;
}

/** Where a Lambda reference is resolved: the functions, the stage's variables, and whether a bare ARN is a URI. */
export interface LambdaUriEnv {
  functions: FunctionTable;
  stageVariables: Readonly<Record<string, string>> | null;
  /** HTTP API integrations and authorizers take the function ARN itself as well as the invocation URI. */
  bareArn: boolean;
  /** The integration's own handler: the URI then only names the function (no lookup in `functions`). */
  handler?: FunctionHandler | undefined;
}

/**
 * Resolves a Lambda integration `uri` or an authorizer's `authorizerUri` through `functions` (behaviour.md §8.2,
 * §21.5): the function ARN's name and qualifier pick the entry `name:qualifier`, else `name` (else the whole ARN).
 * `${stageVariables.x}` placeholders are substituted from the stage; a stage without the variable, or a substituted ARN
 * naming no function, is a request-time failure (`ok: false`). A static ARN naming no function throws at once.
 */
export function resolveLambdaUri(where: string, uri: unknown, env: LambdaUriEnv): LambdaUriResult {
  const text = typeof uri === 'string' ? functionArnText(uri, env.bareArn) : undefined;
  if (text === undefined || parseFunctionArn(withPlaceholders(text, 'x')) === undefined) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_INTEGRATION_URI',
      `${where}: ${JSON.stringify(uri)} is not a Lambda function URI`,
      `Write arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/arn:aws:lambda:{region}:{account}:function:{name}[:{alias}]/invocations${env.bareArn ? ' or the function ARN itself' : ''}, or give handler.`,
      { uri },
    );
  }
  const dynamic = hasStageVariable(text);
  let arnText = text;
  if (dynamic) {
    const substituted = substituteStageVariables(text, env.stageVariables);
    if ('missing' in substituted) {
      return {
        ok: false,
        reason: `Execution failed due to configuration error: Invalid stage variable value: the stage has no variable ${substituted.missing} for ${text}`,
      };
    }
    arnText = substituted.text;
  }
  const arn = parseFunctionArn(arnText);
  const entry =
    arn &&
    (env.handler === undefined
      ? lookup(env.functions, arn.arn, arn.name, arn.qualifier)
      : {
          handler: env.handler,
          functionTimeoutMs: undefined,
          memoryLimitInMB: undefined,
          functionVersion: undefined,
        });
  if (!arn || !entry) {
    if (dynamic) {
      return {
        ok: false,
        reason: `Execution failed due to configuration error: Invalid function ARN or invalid uri: ${arnText} names no function of this gateway`,
      };
    }
    const name = arn?.qualifier ? `${arn.name}:${arn.qualifier}` : (arn?.name ?? arnText);
    throw new GatewayConfigError(
      'GATEWAY_UNKNOWN_FUNCTION',
      `${where}: the Lambda function ${JSON.stringify(name)} is not in functions`,
      `Add functions: { ${JSON.stringify(arn?.name ?? name)}: handler } to createGateway${env.functions.size > 0 ? ` (functions: ${[...env.functions.keys()].join(', ')})` : ''}.`,
      { uri, function: name },
    );
  }
  const qualifier = arn.qualifier;
  return {
    ok: true,
    target: {
      handler: entry.handler,
      arn: arn.arn,
      functionName: arn.name,
      qualifier,
      functionVersion:
        entry.functionVersion ?? (qualifier !== undefined && /^\d+$/.test(qualifier) ? qualifier : '$LATEST'),
      functionTimeoutMs: entry.functionTimeoutMs,
      memoryLimitInMB: entry.memoryLimitInMB,
    },
  };
}

function lookup(
  functions: FunctionTable,
  arn: string,
  name: string,
  qualifier: string | undefined,
): ResolvedFunction | undefined {
  const unqualified = qualifier === undefined ? arn : arn.slice(0, -qualifier.length - 1);
  return (
    functions.get(arn) ??
    (qualifier === undefined ? undefined : functions.get(`${name}:${qualifier}`)) ??
    functions.get(unqualified) ??
    functions.get(name)
  );
}

function invalid(where: string, why: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_FUNCTIONS',
    `${where}: ${why}`,
    "Write functions: { 'my-function': handler } or { 'my-function': { handler, functionTimeoutMs: 3000 } }.",
  );
}
