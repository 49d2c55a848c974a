import { DefinitionError } from '../../../errors/families.js';
import { parseFunctionArn } from '../../functions/lambda-uri.js';
import type { LambdaHandler } from '../../types.js';
import type { FunctionTarget } from '../model.js';
import type { FunctionInfo } from './function-info.js';

/** A target matched to a user handler or a template function. */
export type ResolvedTarget =
  | { kind: 'handler'; handler: LambdaHandler; function: FunctionInfo | undefined; key: string }
  | { kind: 'function'; function: FunctionInfo };

/**
 * Finds what a Lambda reference invokes: a handler the user gave (keyed by the reference's text, `name:alias`,
 * name, logical id or a function ARN), else the template function with that `FunctionName` or logical id.
 */
export function resolveTarget(
  target: FunctionTarget,
  handlers: Readonly<Record<string, LambdaHandler>>,
  functions: readonly FunctionInfo[],
  file: string,
): ResolvedTarget {
  const fn = functions.find((f) => f.name === target.name || f.logicalId === target.name);
  const keys = [
    target.text,
    target.qualifier === undefined ? undefined : `${target.name}:${target.qualifier}`,
    target.name,
    fn?.logicalId,
    fn?.name,
  ];
  for (const key of keys) {
    if (key !== undefined && Object.hasOwn(handlers, key)) {
      return { kind: 'handler', handler: handlers[key]!, function: fn, key };
    }
  }
  for (const [key, handler] of Object.entries(handlers)) {
    const arn = parseFunctionArn(key);
    if (
      arn &&
      arn.name === target.name &&
      (arn.qualifier === undefined || arn.qualifier === target.qualifier)
    ) {
      return { kind: 'handler', handler, function: fn, key };
    }
  }
  if (fn) return { kind: 'function', function: fn };
  const stageVariable = target.text.includes('${stageVariables.');
  throw new DefinitionError(
    'DEFINITION_HANDLER_NOT_FOUND',
    `${file}#${target.pointer}: no handler for the Lambda function ${JSON.stringify(target.name)}${target.qualifier ? ` (alias/version ${target.qualifier})` : ''}`,
    stageVariable
      ? `Its ARN depends on a stage variable; pass handlers: { ${JSON.stringify(target.text)}: handler }.`
      : `Pass handlers: { ${JSON.stringify(target.name)}: handler }${functions.length > 0 ? ` (template functions: ${functions.map((f) => f.logicalId).join(', ')})` : ''}.`,
    { file, pointer: target.pointer, function: target.name },
  );
}
