import { DefinitionError } from '../../../errors/families.js';
import { functionArnText, parseFunctionArn } from '../../functions/lambda-uri.js';
import type { GatewayOptions, LambdaHandler } from '../../types.js';
import type { ApiModel, FunctionTarget } from '../model.js';
import type { ImportedApi } from '../types.js';
import { FunctionMap } from './function-map.js';
import { type BindSettings, functionEntries, lambdaFields } from './lambda-fields.js';

export type { BindSettings } from './lambda-fields.js';

/**
 * Compiles a model into `createGateway` options. A Lambda integration or authorizer keeps the `uri` /
 * `authorizerUri` the definition gives, and the function it names goes into the gateway's `functions` (so the
 * options export back to the same document, and `${stageVariables.x}` ARNs resolve per stage); a reference that is
 * no function ARN (an unresolved placeholder) gets its handler inline.
 */
export async function bindApi(model: ApiModel, settings: BindSettings): Promise<ImportedApi> {
  const { file } = model;
  const functions = new FunctionMap();
  const routes: Record<string, unknown> = {};
  const bareArn = model.apiType === 'HTTP';
  for (const route of model.routes) {
    let integration = route.integration;
    if (integration === undefined) {
      integration = { type: 'AWS_PROXY', handler: operationHandler(model, route, settings) };
    } else if (route.target) {
      const uri = await bindTarget(route.target, settings, file, functions, bareArn);
      integration = uri
        ? { ...integration, uri }
        : { ...integration, ...(await lambdaFields(route.target, settings, file)).fields };
    }
    routes[route.routeKey] = { ...route.route, integration };
  }
  const api = { ...model.api };
  if (model.authorizerTargets.size > 0 && typeof api.authorizers === 'object' && api.authorizers !== null) {
    const authorizers: Record<string, unknown> = { ...(api.authorizers as Record<string, unknown>) };
    for (const [name, target] of model.authorizerTargets) {
      const own = authorizers[name] as Record<string, unknown>;
      const uri = await bindTarget(target, settings, file, functions, true);
      authorizers[name] = uri
        ? { ...own, authorizerUri: uri }
        : { ...own, handler: (await lambdaFields(target, settings, file)).fields.handler };
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
    ...(functions.size > 0 ? { functions: functions.toOptions() } : {}),
    routes,
  } as unknown as GatewayOptions;
  return {
    name: model.name,
    logicalId: model.logicalId,
    apiType: model.apiType,
    stages: model.stages,
    stageVariables: Object.fromEntries(model.stageVariables),
    options,
    routes: model.routes.map((r) => r.summary),
    warnings: model.warnings,
    file,
  };
}

/**
 * Puts the function(s) a Lambda reference can name into `functions` and returns the `uri` to keep; `undefined` when
 * the reference is no function ARN (the caller binds the handler inline). A stage-variable ARN brings every
 * candidate: the handlers given for that function (or for any function when its name is the variable) and the
 * template's functions, loaded now.
 */
async function bindTarget(
  target: FunctionTarget,
  settings: BindSettings,
  file: string,
  functions: FunctionMap,
  bareArn: boolean,
): Promise<string | undefined> {
  const arnText = functionArnText(target.text, bareArn);
  const arn = arnText === undefined ? undefined : parseFunctionArn(arnText.replaceAll('${', '$x{'));
  if (arn === undefined) return undefined;
  if (target.text.includes('${stageVariables.')) {
    const entries = await functionEntries(target, settings, file);
    for (const [key, entry] of entries) functions.add(key, entry);
    return target.text;
  }
  const bound = await lambdaFields(target, settings, file);
  const key = bound.viaQualifier ? `${target.name}:${target.qualifier}` : target.name;
  return functions.add(key, bound.entry) ? target.text : undefined;
}

function operationHandler(
  model: ApiModel,
  route: ApiModel['routes'][number],
  settings: BindSettings,
): LambdaHandler {
  const handler =
    (route.operationId === undefined ? undefined : settings.handlers[route.operationId]) ??
    settings.defaultHandler;
  if (handler !== undefined) return handler;
  throw new DefinitionError(
    'DEFINITION_NO_INTEGRATION',
    `${model.file}#${route.pointer}: ${route.routeKey} has no x-amazon-apigateway-integration (AWS: "No integration defined for method")`,
    route.operationId === undefined
      ? 'Add an x-amazon-apigateway-integration to the operation.'
      : `Add an x-amazon-apigateway-integration, or pass handlers: { ${JSON.stringify(route.operationId)}: handler } to serve it with a Lambda proxy integration.`,
    { file: model.file, pointer: route.pointer },
  );
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
