import { functionArnText, parseFunctionArn } from '../../functions/lambda-uri.js';
import type { FunctionTarget } from '../model.js';

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
  const arn = functionArnText(uri, bareArnAllowed);
  if (arn === undefined) return undefined;
  const fn = parseFunctionArn(arn);
  if (fn) return { name: fn.name, qualifier: fn.qualifier, text: uri, pointer };
  if (arn === uri) return undefined;
  return { name: arn, qualifier: undefined, text: uri, pointer };
}

/** `name[:qualifier]` for messages and the route table. */
export function targetLabel(target: FunctionTarget): string {
  return target.qualifier === undefined ? target.name : `${target.name}:${target.qualifier}`;
}
