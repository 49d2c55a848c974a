import { DefinitionError } from '../../../errors/families.js';
import type { GatewayOptions, LambdaHandler } from '../../types.js';
import type { ApiModel, FunctionTarget } from '../model.js';
import type { ImportedApi } from '../types.js';
import { withEnvironment } from './function-environment.js';
import type { FunctionInfo } from './function-info.js';
import { loadHandler } from './load-handler.js';
import { resolveTarget } from './resolve-target.js';

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
}

/** Compiles a model into `createGateway` options: handlers bound to every Lambda integration and authorizer. */
export async function bindApi(model: ApiModel, settings: BindSettings): Promise<ImportedApi> {
  const { file } = model;
  const routes: Record<string, unknown> = {};
  for (const route of model.routes) {
    let integration = route.integration;
    if (integration === undefined) {
      const handler = route.operationId === undefined ? undefined : settings.handlers[route.operationId];
      if (handler === undefined) {
        throw new DefinitionError(
          'DEFINITION_NO_INTEGRATION',
          `${file}#${route.pointer}: ${route.routeKey} has no x-amazon-apigateway-integration (AWS: "No integration defined for method")`,
          route.operationId === undefined
            ? 'Add an x-amazon-apigateway-integration to the operation.'
            : `Add an x-amazon-apigateway-integration, or pass handlers: { ${JSON.stringify(route.operationId)}: handler } to serve it with a Lambda proxy integration.`,
          { file, pointer: route.pointer },
        );
      }
      integration = { type: 'AWS_PROXY', handler };
    } else if (route.target) {
      integration = { ...integration, ...(await lambdaFields(route.target, settings, file)) };
    }
    routes[route.routeKey] = { ...route.route, integration };
  }
  const api = { ...model.api };
  if (model.authorizerTargets.size > 0 && typeof api.authorizers === 'object' && api.authorizers !== null) {
    const authorizers: Record<string, unknown> = { ...(api.authorizers as Record<string, unknown>) };
    for (const [name, target] of model.authorizerTargets) {
      const fields = await lambdaFields(target, settings, file);
      authorizers[name] = { ...(authorizers[name] as Record<string, unknown>), handler: fields.handler };
    }
    api.authorizers = authorizers;
  }
  const stage = pickStage(model, settings.stage);
  const variables = stage === undefined ? undefined : model.stageVariables.get(stage);
  const options = {
    apiType: model.apiType,
    ...(model.apiId === undefined ? {} : { apiId: model.apiId }),
    region: settings.region,
    accountId: settings.accountId,
    ...(stage === undefined && variables === undefined
      ? {}
      : { stage: { ...(stage === undefined ? {} : { name: stage }), ...(variables ? { variables } : {}) } }),
    ...api,
    routes,
  } as unknown as GatewayOptions;
  return {
    name: model.name,
    logicalId: model.logicalId,
    apiType: model.apiType,
    stages: model.stages,
    options,
    routes: model.routes.map((r) => r.summary),
    warnings: model.warnings,
    file,
  };
}

function pickStage(model: ApiModel, wanted: string | undefined): string | undefined {
  if (wanted === undefined) return model.stages[0];
  if (model.stages.length > 0 && !model.stages.includes(wanted)) {
    throw new DefinitionError(
      'DEFINITION_UNKNOWN_STAGE',
      `${model.file}: ${model.logicalId ?? model.name} has no stage ${JSON.stringify(wanted)}`,
      `Choose one of ${model.stages.join(', ')}.`,
      { file: model.file, stage: wanted },
    );
  }
  return wanted;
}

async function lambdaFields(
  target: FunctionTarget,
  settings: BindSettings,
  file: string,
): Promise<Record<string, unknown> & { handler: LambdaHandler }> {
  const resolved = resolveTarget(target, settings.handlers, settings.functions, file);
  const fn = resolved.function;
  const qualifier = target.qualifier ?? undefined;
  const base = {
    ...(qualifier === undefined ? {} : { qualifier }),
    ...(fn ? { functionName: fn.name, functionTimeoutMs: fn.timeoutMs, memoryLimitInMB: fn.memory } : {}),
  };
  if (!fn) {
    // A function named by ARN but not declared in a template: the context reports that name.
    const named = /^[A-Za-z0-9_-]{1,64}$/.test(target.name) ? { functionName: target.name } : {};
    return { ...base, ...named, handler: (resolved as { handler: LambdaHandler }).handler };
  }
  const environment = {
    AWS_REGION: settings.region,
    AWS_DEFAULT_REGION: settings.region,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memory),
    AWS_LAMBDA_FUNCTION_VERSION: qualifier !== undefined && /^\d+$/.test(qualifier) ? qualifier : '$LATEST',
    ...fn.environment,
    ...settings.environment.Parameters,
    ...settings.environment[fn.logicalId],
  };
  if (resolved.kind === 'handler')
    return { ...base, handler: withEnvironment(resolved.handler, environment) };
  if (!settings.loadHandlers) {
    throw new DefinitionError(
      'DEFINITION_HANDLER_NOT_FOUND',
      `${file}#${target.pointer}: function ${fn.logicalId} needs a handler and loadHandlers is false`,
      `Pass handlers: { ${fn.logicalId}: handler }, or leave loadHandlers on to load ${fn.handler ?? 'its Handler'}.`,
      { file, pointer: target.pointer },
    );
  }
  let loading = settings.loaded.get(fn.logicalId);
  if (!loading) {
    loading = loadHandler(fn, environment).then((handler) => withEnvironment(handler, environment));
    settings.loaded.set(fn.logicalId, loading);
  }
  return { ...base, handler: await loading };
}
