import { DefinitionError } from '../../../errors/families.js';
import type { FunctionInfo } from '../handlers/function-info.js';
import { type ApiModel, WarningList } from '../model.js';
import { openApiToModel } from '../openapi/import-openapi.js';
import { samApiDocuments } from '../sam/sam-apis.js';
import { samEvents } from '../sam/sam-events.js';
import { child, isRecord } from '../source/pointer.js';
import type { LoadedSource } from '../source/read-source.js';
import type { ImportOptions } from '../types.js';
import { templateFunctions } from './functions.js';
import { httpApiDocument } from './http-resources.js';
import { conditionHolds, resolveValue } from './intrinsics.js';
import { apiIdFor } from './physical-ids.js';
import { restApiDocument } from './rest-resources.js';
import { stageOptions } from './stage-settings.js';
import { createTemplateContext, type TemplateContext, type TemplateResource } from './template-context.js';
import { usagePlanOptions } from './usage-plans.js';
import { websocketModel } from './websocket-resources.js';

/** Every API of a SAM / CloudFormation / CDK template as models, and the template's functions. */
export async function templateToModels(
  loaded: LoadedSource,
  options: ImportOptions,
): Promise<{ models: ApiModel[]; functions: FunctionInfo[] }> {
  const template = loaded.document;
  const ctx = createTemplateContext(template, loaded.file, loaded.baseDir, options);
  readResources(ctx, template);
  const warnings = new WarningList(loaded.file);
  const functions = templateFunctions(ctx);
  const models: ApiModel[] = [];
  const common = {
    file: loaded.file,
    baseDir: loaded.baseDir,
    basepath: 'ignore' as const,
    region: ctx.region,
    accountId: ctx.accountId,
  };
  for (const sam of await samApiDocuments(ctx, samEvents(ctx), warnings)) {
    const model = await openApiToModel(sam.document, {
      ...common,
      apiType: sam.apiType,
      apiId: apiIdFor(sam.logicalId),
      logicalId: sam.logicalId,
      name: sam.logicalId,
    });
    model.stages = sam.stages;
    if (sam.variables)
      for (const stage of sam.stages) model.stageVariables.set(stage, stringMap(sam.variables));
    Object.assign(model.api, sam.stageOptions);
    models.push(withWarnings(model, warnings, sam.pointer));
  }
  for (const [id, res] of Object.entries(ctx.resources)) {
    if (res.Type === 'AWS::ApiGateway::RestApi') {
      const rest = await restApiDocument(ctx, id);
      const model = await openApiToModel(rest.document, {
        ...common,
        apiType: 'REST',
        apiId: apiIdFor(id),
        logicalId: id,
        name: String(
          resolveValue(ctx, res.Properties.Name, child('/Resources', id, 'Properties', 'Name')) ?? id,
        ),
      });
      applyStages(model, rest.stages, 'REST', warnings);
      Object.assign(model.api, usagePlanOptions(ctx, id));
      models.push(withWarnings(model, warnings, `/Resources/${id}`));
    } else if (res.Type === 'AWS::ApiGatewayV2::Api') {
      const protocol = resolveValue(
        ctx,
        res.Properties.ProtocolType,
        child('/Resources', id, 'Properties', 'ProtocolType'),
      );
      if (protocol === 'WEBSOCKET') {
        models.push(websocketModel(ctx, id, warnings));
        continue;
      }
      const http = await httpApiDocument(ctx, id);
      const model = await openApiToModel(http.document, {
        ...common,
        apiType: 'HTTP',
        apiId: apiIdFor(id),
        logicalId: id,
        name: id,
      });
      applyStages(model, http.stages, 'HTTP', warnings);
      models.push(withWarnings(model, warnings, `/Resources/${id}`));
    }
  }
  return { models, functions };
}

function readResources(ctx: TemplateContext, template: Record<string, unknown>): void {
  const globals = isRecord(template.Globals) ? template.Globals : {};
  const resources = isRecord(template.Resources) ? template.Resources : {};
  for (const [id, raw] of Object.entries(resources)) {
    if (!isRecord(raw) || typeof raw.Type !== 'string') {
      throw new DefinitionError(
        'DEFINITION_INVALID',
        `${ctx.file}#/Resources/${id}: a resource needs a Type`,
        'Give every resource a Type (AWS::Serverless::Function, AWS::ApiGateway::RestApi, …).',
        { file: ctx.file, pointer: `/Resources/${id}` },
      );
    }
    const properties = isRecord(raw.Properties) ? raw.Properties : {};
    const kind = {
      'AWS::Serverless::Function': 'Function',
      'AWS::Serverless::Api': 'Api',
      'AWS::Serverless::HttpApi': 'HttpApi',
    }[raw.Type];
    const merged = kind && isRecord(globals[kind]) ? mergeGlobals(globals[kind], properties) : properties;
    const resource: TemplateResource = { Type: raw.Type, Properties: merged };
    if (typeof raw.Condition === 'string') resource.Condition = raw.Condition;
    if (isRecord(raw.Metadata)) resource.Metadata = raw.Metadata;
    ctx.resources[id] = resource;
  }
  for (const [kind, id] of [
    ['Api', '$GlobalsApi'],
    ['HttpApi', '$GlobalsHttpApi'],
  ] as const) {
    if (isRecord(globals[kind])) ctx.resources[id] = { Type: `Globals::${kind}`, Properties: globals[kind] };
  }
  for (const [id, res] of Object.entries(ctx.resources)) {
    if (
      res.Condition !== undefined &&
      !conditionHolds(ctx, res.Condition, child('/Resources', id, 'Condition'))
    )
      delete ctx.resources[id];
  }
}

/** SAM Globals: maps merge (the resource wins), anything else is replaced by the resource's value. */
function mergeGlobals(
  globals: Record<string, unknown>,
  own: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...globals };
  for (const [key, value] of Object.entries(own)) {
    out[key] = isRecord(value) && isRecord(globals[key]) ? mergeGlobals(globals[key], value) : value;
  }
  return out;
}

function applyStages(
  model: ApiModel,
  stages: { name: string; properties: Record<string, unknown>; pointer: string }[],
  apiType: 'REST' | 'HTTP',
  warnings: WarningList,
): void {
  model.stages = [...new Set(stages.map((s) => s.name))];
  const first = stages[0];
  for (const stage of stages) {
    const variables = apiType === 'REST' ? stage.properties.Variables : stage.properties.StageVariables;
    if (isRecord(variables)) model.stageVariables.set(stage.name, stringMap(variables));
  }
  if (first) Object.assign(model.api, stageOptions(first.properties, apiType, warnings, first.pointer));
}

function withWarnings(model: ApiModel, warnings: WarningList, pointer: string): ApiModel {
  model.warnings = [...model.warnings, ...warnings.items.filter((w) => w.pointer.startsWith(pointer))];
  return model;
}

function stringMap(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}
