import type { FunctionTarget } from '../model.js';

const INVOCATION_URI =
  /^arn:aws[a-z-]*:apigateway:[^:]*:lambda:path\/[0-9-]+\/functions\/(.+?)\/(?:invocations|response-streaming-invocations)$/;
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:([^:]+)(?::([^:]+))?$/;

/**
 * The Lambda function a `uri` / `authorizerUri` invokes, the way SAM CLI reads it (behaviour.md §21.5): the text
 * between `/functions/` and `/invocations`, then `…:function:name[:alias]`. A bare function ARN (HTTP APIs) works
 * too. Any other text (an unresolved `${placeholder}`) is kept whole, so a handler can be keyed by it.
 */
export function lambdaTarget(
  uri: string,
  pointer: string,
  bareArnAllowed: boolean,
): FunctionTarget | undefined {
  const invocation = INVOCATION_URI.exec(uri);
  const arn = invocation ? invocation[1]! : bareArnAllowed ? uri : undefined;
  if (arn === undefined) return undefined;
  const fn = FUNCTION_ARN.exec(arn);
  if (fn) return { name: fn[1]!, qualifier: fn[2], text: uri, pointer };
  if (!invocation) return undefined;
  return { name: arn, qualifier: undefined, text: uri, pointer };
}

/** True when `uri` is an API Gateway Lambda invocation URI (`…:lambda:path/…/functions/…/invocations`). */
export function isLambdaInvocationUri(uri: unknown): boolean {
  return typeof uri === 'string' && INVOCATION_URI.test(uri);
}

/** `name[:qualifier]` for messages and the route table. */
export function targetLabel(target: FunctionTarget): string {
  return target.qualifier === undefined ? target.name : `${target.name}:${target.qualifier}`;
}
