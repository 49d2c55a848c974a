import type { AuthorizerHandler } from '../auth/authorizer-handler.js';
import type { CustomEventHandler } from '../integrations/integration-options.js';
import type { LambdaHandler } from '../types.js';

/**
 * The code of a Lambda function in the gateway's `functions` map: a proxy handler, an authorizer or a Lambda custom
 * handler (whichever integrations or authorizers name it).
 *
 * @example
 * ```ts
 * const handler: FunctionHandler = async (event) => ({ statusCode: 200, body: 'hi' });
 * ```
 */
export type FunctionHandler = LambdaHandler | AuthorizerHandler | CustomEventHandler;

/**
 * A Lambda function of the gateway's `functions` map, with the settings its Lambda context reports.
 *
 * @example
 * ```ts
 * const fn: FunctionConfig = { handler, functionTimeoutMs: 3_000, memoryLimitInMB: 256, functionVersion: '7' };
 * ```
 */
export interface FunctionConfig {
  handler: FunctionHandler;
  /** The function's own timeout (ms), 1–900 000. Default: the gateway's `functionTimeoutMs`. */
  functionTimeoutMs?: number;
  /** `context.memoryLimitInMB`. Default 128. */
  memoryLimitInMB?: number;
  /**
   * `context.functionVersion` when invoked through this entry (the version an alias points at). Default: the ARN's
   * qualifier when it is a version number, else `$LATEST`.
   */
  functionVersion?: string;
}

/** An entry of `functions`: the handler itself or a {@link FunctionConfig}. */
export type FunctionValue = FunctionHandler | FunctionConfig;

/**
 * Lambda functions by name, for integration `uri`s and authorizer `authorizerUri`s that name a function by ARN
 * (`…:function:pets` or `…:function:pets:live`). Keys are a function name (`pets`), a name with an alias or version
 * (`pets:live`, `pets:3`; tried first for a qualified ARN) or a whole function ARN.
 *
 * @example
 * ```ts
 * const functions: GatewayFunctions = { pets: getPets, 'pets:canary': getPetsNext };
 * ```
 */
export type GatewayFunctions = Readonly<Record<string, FunctionValue>>;
