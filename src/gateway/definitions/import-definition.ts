import { DefinitionError } from '../../errors/families.js';
import { templateToModels } from './cloudformation/import-template.js';
import { apiIdFor } from './cloudformation/physical-ids.js';
import { type BindSettings, bindApi } from './handlers/bind-api.js';
import type { ApiModel } from './model.js';
import { type OpenApiSettings, openApiToModel } from './openapi/import-openapi.js';
import { type LoadedSource, loadSource } from './source/read-source.js';
import type {
  DefinitionImport,
  DefinitionSource,
  ImportedApi,
  ImportOptions,
  ImportWarning,
  RouteSummary,
} from './types.js';

/**
 * The route table and warnings of a definition, without loading or binding any handler.
 *
 * @example
 * ```ts
 * const description: DefinitionDescription = await describeDefinition('template.yaml');
 * description.apis[0].routes[0].routeKey; // 'GET /hello'
 * ```
 */
export interface DefinitionDescription {
  file: string;
  format: 'openapi' | 'template';
  apis: readonly {
    name: string;
    logicalId: string | undefined;
    apiType: ImportedApi['apiType'];
    stages: readonly string[];
    routes: readonly RouteSummary[];
    warnings: readonly ImportWarning[];
  }[];
}

/**
 * Imports an OpenAPI 3.0 / Swagger 2.0 document (JSON or YAML) into `createGateway` options, the way API Gateway's
 * import reads it: every `x-amazon-apigateway-*` extension mapped, `basepath` modes, `${AWS::Region}` substitution,
 * AWS's warnings. Lambda integrations are bound to `handlers` (keyed by function name, ARN or `operationId`).
 *
 * @example
 * ```ts
 * import { importOpenApi } from 'apigw-testkit/definitions';
 * import { createGateway } from 'apigw-testkit/gateway';
 * const api = await importOpenApi('openapi.yaml', { handlers: { 'get-pet': getPet } });
 * const gateway = createGateway(api.options);
 * ```
 */
export async function importOpenApi(
  source: DefinitionSource,
  options: ImportOptions = {},
): Promise<ImportedApi> {
  return openApiFrom(await loadSource(source, options.baseDir), options);
}

async function openApiFrom(loaded: LoadedSource, options: ImportOptions): Promise<ImportedApi> {
  if (isTemplate(loaded.document)) {
    throw new DefinitionError(
      'DEFINITION_WRONG_FORMAT',
      `${loaded.file}: this is a CloudFormation/SAM template, not an OpenAPI document`,
      'Use importTemplate (or importDefinition, which detects the format).',
      { file: loaded.file },
    );
  }
  const model = await openApiToModel(loaded.document, openApiSettings(loaded, options));
  failOnWarnings(model, options);
  return bindApi(model, bindSettings(options, []));
}

/**
 * Imports a SAM, CloudFormation or CDK-synthesized template (YAML with short intrinsic tags, or JSON): every
 * REST and HTTP API it declares, implicit SAM APIs included, with handlers given in `handlers` or loaded from
 * `CodeUri` + `Handler` like `sam local`.
 *
 * @example
 * ```ts
 * import { importTemplate } from 'apigw-testkit/definitions';
 * const imported = await importTemplate('template.yaml');
 * const gateway = createGateway(imported.api().options); // the template's only API
 * ```
 */
export async function importTemplate(
  source: DefinitionSource,
  options: ImportOptions = {},
): Promise<DefinitionImport> {
  return templateFrom(await loadSource(source, options.baseDir), options);
}

async function templateFrom(loaded: LoadedSource, options: ImportOptions): Promise<DefinitionImport> {
  const { models, functions } = await templateToModels(loaded, options);
  const settings = bindSettings(options, functions);
  const apis: ImportedApi[] = [];
  for (const model of models) {
    failOnWarnings(model, options);
    apis.push(await bindApi(model, settings));
  }
  return definitionImport(loaded.file, 'template', apis);
}

/**
 * Imports an OpenAPI document or a template, whichever the file is.
 *
 * @example
 * ```ts
 * const { apis } = await importDefinition('template.yaml', { handlers: { HelloWorldFunction: handler } });
 * ```
 */
export async function importDefinition(
  source: DefinitionSource,
  options: ImportOptions = {},
): Promise<DefinitionImport> {
  const loaded = await loadSource(source, options.baseDir);
  if (isTemplate(loaded.document)) return templateFrom(loaded, options);
  return definitionImport(loaded.file, 'openapi', [await openApiFrom(loaded, options)]);
}

/**
 * The route table (method, path, integration, authorizer, key required) and warnings a definition imports to,
 * without loading code or binding handlers — what `apigw-testkit routes` prints.
 *
 * @example
 * ```ts
 * const { apis } = await describeDefinition('openapi.yaml');
 * apis[0].routes; // [{ routeKey: 'GET /pets', integration: 'AWS_PROXY list-pets', … }]
 * ```
 */
export async function describeDefinition(
  source: DefinitionSource,
  options: ImportOptions = {},
): Promise<DefinitionDescription> {
  const loaded = await loadSource(source, options.baseDir);
  let models: ApiModel[];
  let format: 'openapi' | 'template';
  if (isTemplate(loaded.document)) {
    format = 'template';
    models = (await templateToModels(loaded, options)).models;
  } else {
    format = 'openapi';
    models = [await openApiToModel(loaded.document, openApiSettings(loaded, options))];
  }
  return {
    file: loaded.file,
    format,
    apis: models.map((m) => ({
      name: m.name,
      logicalId: m.logicalId,
      apiType: m.apiType,
      stages: m.stages,
      routes: m.routes.map((r) => r.summary),
      warnings: m.warnings,
    })),
  };
}

function openApiSettings(loaded: LoadedSource, options: ImportOptions): OpenApiSettings {
  return {
    file: loaded.file,
    baseDir: loaded.baseDir,
    apiType: options.apiType ?? 'REST',
    basepath: options.basepath ?? 'ignore',
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    apiId: options.apiId ?? apiIdFor(loaded.file),
  };
}

function isTemplate(document: Record<string, unknown>): boolean {
  return typeof document.Resources === 'object' && document.Resources !== null;
}

function failOnWarnings(model: ApiModel, options: ImportOptions): void {
  const warnings = model.warnings.filter((w) => w.kind === 'warning');
  if (options.failOnWarnings === true && warnings.length > 0) {
    throw new DefinitionError(
      'DEFINITION_IMPORT_WARNINGS',
      `${model.file}: the import has ${warnings.length} warning(s) and failOnWarnings is set: ${warnings.map((w) => `${w.pointer}: ${w.message}`).join('; ')}`,
      'Fix the definition, or import without failOnWarnings and read api.warnings.',
      { file: model.file, warnings },
    );
  }
}

function bindSettings(options: ImportOptions, functions: BindSettings['functions']): BindSettings {
  return {
    handlers: options.handlers ?? {},
    functions,
    loadHandlers: options.loadHandlers ?? true,
    defaultHandler: options.defaultHandler,
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    stage: options.stage,
    environment: options.environment ?? {},
    loaded: new Map(),
  };
}

function definitionImport(
  file: string,
  format: 'openapi' | 'template',
  apis: ImportedApi[],
): DefinitionImport {
  return {
    file,
    format,
    apis,
    api(name) {
      const found =
        name === undefined
          ? apis.length === 1
            ? apis[0]
            : undefined
          : apis.find((a) => a.logicalId === name || a.name === name);
      if (found) return found;
      throw new DefinitionError(
        'DEFINITION_UNKNOWN_API',
        name === undefined
          ? `${file}: the definition holds ${apis.length} APIs, so api() needs a name`
          : `${file}: no API named ${JSON.stringify(name)}`,
        `Choose one of ${apis.map((a) => a.logicalId ?? a.name).join(', ') || '(none)'}.`,
        { file },
      );
    },
  };
}
