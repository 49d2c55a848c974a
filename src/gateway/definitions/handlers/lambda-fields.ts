import { DefinitionError } from '../../../errors/families.js';
import { parseFunctionArn } from '../../functions/lambda-uri.js';
import type { LambdaHandler } from '../../types.js';
import type { FunctionTarget } from '../model.js';
import { withEnvironment } from './function-environment.js';
import type { FunctionInfo } from './function-info.js';
import type { FunctionEntry } from './function-map.js';
import { loadHandler } from './load-handler.js';
import { type ResolvedTarget, resolveTarget } from './resolve-target.js';

/** What binding handlers needs besides the model. */
export interface BindSettings {
  handlers: Readonly<Record<string, LambdaHandler>>;
  functions: readonly FunctionInfo[];
  loadHandlers: boolean;
  region: string;
  accountId: string;
  stage: string | undefined;
  environment: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** One loaded module per function, shared by every route and API of the definition. */
  loaded: Map<string, Promise<LambdaHandler>>;
  /** The handler of every function nothing else gives one (`ImportOptions.defaultHandler`). */
  defaultHandler: LambdaHandler | undefined;
  /** Bindings by reference text: many routes name the same function. */
  bound?: Map<string, Promise<BoundFunction>>;
}

/** A Lambda reference bound to its code: integration fields for inline binding, and the `functions` entry. */
export interface BoundFunction {
  /** Fields for an integration that carries its handler itself. */
  fields: Record<string, unknown> & { handler: LambdaHandler };
  entry: FunctionEntry;
  /** The handler was given for the reference's alias or version (`name:live`), not for the function. */
  viaQualifier: boolean;
}

/** Binds one Lambda reference: the user's handler for it, else the template function's code (loaded once). */
export function lambdaFields(
  target: FunctionTarget,
  settings: BindSettings,
  file: string,
): Promise<BoundFunction> {
  settings.bound ??= new Map();
  let binding = settings.bound.get(target.text);
  if (!binding) {
    binding = bindReference(target, settings, file);
    settings.bound.set(target.text, binding);
  }
  return binding;
}

async function bindReference(
  target: FunctionTarget,
  settings: BindSettings,
  file: string,
): Promise<BoundFunction> {
  let resolved: ResolvedTarget;
  try {
    resolved = resolveTarget(target, settings.handlers, settings.functions, file);
  } catch (error) {
    if (settings.defaultHandler === undefined) throw error;
    resolved = { kind: 'handler', handler: settings.defaultHandler, function: undefined, key: target.text };
  }
  const fn = resolved.function;
  const qualifier = target.qualifier;
  const viaQualifier =
    resolved.kind === 'handler' &&
    qualifier !== undefined &&
    (resolved.key === `${target.name}:${qualifier}` ||
      parseFunctionArn(resolved.key)?.qualifier === qualifier);
  const base = {
    ...(qualifier === undefined ? {} : { qualifier }),
    ...(fn ? { functionName: fn.name, functionTimeoutMs: fn.timeoutMs, memoryLimitInMB: fn.memory } : {}),
  };
  if (!fn) {
    // A function named by ARN but not declared in a template: the context reports that name.
    const named = /^[A-Za-z0-9_-]{1,64}$/.test(target.name) ? { functionName: target.name } : {};
    const handler = (resolved as { handler: LambdaHandler }).handler;
    return { fields: { ...base, ...named, handler }, entry: { handler }, viaQualifier };
  }
  if (resolved.kind === 'function' && !settings.loadHandlers && settings.defaultHandler !== undefined) {
    resolved = { kind: 'handler', handler: settings.defaultHandler, function: fn, key: target.text };
  }
  const handler = await functionHandler(
    fn,
    resolved.kind === 'handler' ? resolved.handler : undefined,
    settings,
    file,
    target.pointer,
  );
  return {
    fields: { ...base, handler },
    entry: { handler, functionTimeoutMs: fn.timeoutMs, memoryLimitInMB: fn.memory },
    viaQualifier,
  };
}

/**
 * Every function a stage-variable ARN may name, keyed for `functions`: handlers given for the function (or, when the
 * function name itself is the variable, every handler given by function name, alias or ARN) and the template's
 * functions (all of them when the name is the variable), each with its code loaded and its environment.
 */
export async function functionEntries(
  target: FunctionTarget,
  settings: BindSettings,
  file: string,
): Promise<[string, FunctionEntry][]> {
  const dynamicName = target.name.includes('${');
  const out: [string, FunctionEntry][] = [];
  const templateIds = new Set(settings.functions.flatMap((f) => [f.logicalId, f.name]));
  for (const fn of settings.functions) {
    if (!dynamicName && fn.name !== target.name && fn.logicalId !== target.name) continue;
    const given = settings.handlers[fn.name] ?? settings.handlers[fn.logicalId];
    if (given === undefined && !settings.loadHandlers) continue;
    const handler = await functionHandler(fn, given, settings, file, target.pointer);
    out.push([fn.name, { handler, functionTimeoutMs: fn.timeoutMs, memoryLimitInMB: fn.memory }]);
  }
  for (const [key, handler] of Object.entries(settings.handlers)) {
    if (templateIds.has(key)) continue;
    const arn = parseFunctionArn(key);
    const name = arn?.name ?? key.split(':')[0]!;
    if (!dynamicName && name !== target.name) continue;
    if (arn === undefined && !/^[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/.test(key)) continue;
    const fn = settings.functions.find((f) => f.name === name || f.logicalId === name);
    out.push([
      fn && arn === undefined ? `${fn.name}${key.slice(name.length)}` : key,
      fn
        ? {
            handler: withEnvironment(handler, environmentOf(fn, settings)),
            functionTimeoutMs: fn.timeoutMs,
            memoryLimitInMB: fn.memory,
          }
        : { handler },
    ]);
  }
  return out;
}

/** The template function's handler (the one given, or its code) inside the function's environment. */
async function functionHandler(
  fn: FunctionInfo,
  given: LambdaHandler | undefined,
  settings: BindSettings,
  file: string,
  pointer: string,
): Promise<LambdaHandler> {
  const environment = environmentOf(fn, settings);
  if (given !== undefined) return withEnvironment(given, environment);
  if (!settings.loadHandlers) {
    throw new DefinitionError(
      'DEFINITION_HANDLER_NOT_FOUND',
      `${file}#${pointer}: function ${fn.logicalId} needs a handler and loadHandlers is false`,
      `Pass handlers: { ${fn.logicalId}: handler }, or leave loadHandlers on to load ${fn.handler ?? 'its Handler'}.`,
      { file, pointer },
    );
  }
  let loading = settings.loaded.get(fn.logicalId);
  if (!loading) {
    loading = loadHandler(fn, environment).then((handler) => withEnvironment(handler, environment));
    settings.loaded.set(fn.logicalId, loading);
  }
  return loading;
}

/** Lambda's reserved variables, `Environment.Variables`, then the overrides for all functions and for this one. */
function environmentOf(fn: FunctionInfo, settings: BindSettings): Record<string, string> {
  return {
    AWS_REGION: settings.region,
    AWS_DEFAULT_REGION: settings.region,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memory),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    ...fn.environment,
    ...settings.environment.Parameters,
    ...settings.environment[fn.logicalId],
  };
}
