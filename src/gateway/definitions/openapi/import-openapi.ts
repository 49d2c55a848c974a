import { DefinitionError } from '../../../errors/families.js';
import type { ApiType } from '../../types.js';
import { modelUrl } from '../../validation/model-url.js';
import { type ApiModel, type ModelRoute, WarningList } from '../model.js';
import { child, isRecord } from '../source/pointer.js';
import { type BasePathMode, basePathPrefix, documentBasePath } from './base-path.js';
import { checkRoutes } from './check-routes.js';
import { convertOperation, type OperationContext } from './operation.js';
import { bundleExternalRefs, createRefResolver, scanDocument } from './refs.js';
import { readRootExtensions, serverEndpointConfiguration, unknownExtension } from './root-extensions.js';
import { readSecuritySchemes } from './security.js';
import { substitutePseudoParameters } from './substitute.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const PATH_ITEM_KEYS = new Set([
  ...METHODS,
  'parameters',
  'summary',
  'description',
  'servers',
  'trace',
  '$ref',
  'isDefaultRoute',
]);
/** Characters REST imports accept in paths (behaviour.md §17.2): alphanumerics, `_ - . , :`, braces and `+`. */
const REST_PATH =
  /^\/?([A-Za-z0-9_\-.,:]+|\{[A-Za-z0-9_\-.]+\+?\})?(\/([A-Za-z0-9_\-.,:]+|\{[A-Za-z0-9_\-.]+\+?\}))*\/?$/;

/** Settings of one OpenAPI import. */
export interface OpenApiSettings {
  file: string;
  baseDir: string;
  apiType: ApiType;
  basepath: BasePathMode;
  region: string;
  accountId: string;
  apiId: string;
  name?: string;
  logicalId?: string;
}

/** Compiles an OpenAPI 3.0 / Swagger 2.0 document into the API model, the way `ImportRestApi` / `ImportApi` read it. */
export async function openApiToModel(
  input: Record<string, unknown>,
  settings: OpenApiSettings,
): Promise<ApiModel> {
  const { file, apiType } = settings;
  const swagger2 = String(input.swagger ?? '').startsWith('2');
  const oas3 = typeof input.openapi === 'string' && input.openapi.startsWith('3');
  if (!swagger2 && !oas3) {
    throw new DefinitionError(
      'DEFINITION_INVALID',
      `${file}: Invalid OpenAPI input. The document declares neither swagger: "2.0" nor openapi: "3.x" (got ${JSON.stringify(input.openapi ?? input.swagger)})`,
      'Start the document with swagger: "2.0" or openapi: "3.0.1".',
      { file, pointer: '' },
    );
  }
  if (apiType === 'HTTP' && !oas3) {
    throw new DefinitionError(
      'DEFINITION_UNSUPPORTED_VERSION',
      `${file}: HTTP APIs import OpenAPI 3.0 only; this is Swagger 2.0`,
      "Convert the document to OpenAPI 3.0, or import it into a REST API (apiType: 'REST').",
      { file, pointer: '/swagger' },
    );
  }
  const warnings = new WarningList(file);
  let scan = scanDocument(input);
  let document = scan.pseudo
    ? (substitutePseudoParameters(input, settings) as Record<string, unknown>)
    : input;
  if (scan.external) {
    document = await bundleExternalRefs(document, file, settings.baseDir);
    scan = scanDocument(document);
  }
  const refs = createRefResolver(document, file, scan);
  const root = readRootExtensions(document, apiType, { ...settings, warnings });
  if (oas3) Object.assign(root.api, serverEndpointConfiguration(document, file));
  const components = isRecord(document.components) ? document.components : {};
  const schemesPointer = swagger2 ? '/securityDefinitions' : '/components/securitySchemes';
  const schemes = readSecuritySchemes(
    swagger2 ? document.securityDefinitions : components.securitySchemes,
    schemesPointer,
    apiType,
    file,
    warnings,
  );
  if (Object.keys(schemes.authorizers).length > 0) root.api.authorizers = schemes.authorizers;
  const ctx: OperationContext = {
    file,
    apiType,
    swagger2,
    refs,
    schemes,
    rootSecurity: document.security,
    api: root.api,
    defaultValidator: root.defaultValidator,
    warnings,
  };
  const prefix = basePathPrefix(documentBasePath(document), settings.basepath);
  const routes = readPaths(document, prefix, ctx);
  checkRoutes(routes, apiType, file);
  const usesModels = (r: ModelRoute) =>
    r.route.requestModels !== undefined ||
    Object.values((r.route.methodResponses ?? {}) as Record<string, { responseModels?: unknown }>).some(
      (m) => m.responseModels !== undefined,
    );
  if (routes.some(usesModels)) {
    const schemas = swagger2 ? document.definitions : components.schemas;
    // Schema references between models become model URLs, as API Gateway stores them (behaviour.md §17.4).
    root.api.models = Object.fromEntries(
      Object.entries(isRecord(schemas) ? schemas : {}).map(([name, schema]) => [
        name,
        { schema: toModelRefs(schema, settings.apiId), contentType: 'application/json' },
      ]),
    );
  }
  const info = isRecord(document.info) ? document.info : {};
  const name = settings.name ?? (typeof info.title === 'string' ? info.title : 'api');
  // RestApi name, version and description: no effect on requests, what an export writes back.
  root.api.name = name;
  if (info.version !== undefined) root.api.version = String(info.version);
  if (typeof info.description === 'string') root.api.description = info.description;
  return {
    name,
    logicalId: settings.logicalId,
    apiType,
    file,
    apiId: settings.apiId,
    stages: [],
    stageVariables: new Map(),
    api: root.api,
    authorizerTargets: schemes.targets,
    routes,
    warnings: warnings.items,
  };
}

const SCHEMA_REF = /^#\/(?:definitions|components\/schemas)\/([^/]+)$/;

/** A copy of `schema` whose `#/definitions/X` / `#/components/schemas/X` references are model URLs. */
function toModelRefs(schema: unknown, apiId: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toModelRefs(item, apiId));
  if (!isRecord(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    const match = key === '$ref' && typeof value === 'string' ? SCHEMA_REF.exec(value) : null;
    out[key] = match ? modelUrl(apiId, decodeURIComponent(match[1]!)) : toModelRefs(value, apiId);
  }
  return out;
}

function readPaths(document: Record<string, unknown>, prefix: string, ctx: OperationContext): ModelRoute[] {
  const { file, apiType, refs } = ctx;
  const paths = isRecord(document.paths) ? document.paths : {};
  const routes: ModelRoute[] = [];
  for (const [rawPath, rawItem] of Object.entries(paths)) {
    const itemPointer = child('/paths', rawPath);
    const item = refs.deref(rawItem, itemPointer);
    if (!isRecord(item)) continue;
    const defaultRoute = apiType === 'HTTP' && rawPath === '/$default';
    if (!defaultRoute && apiType === 'REST' && !REST_PATH.test(rawPath)) {
      throw new DefinitionError(
        'DEFINITION_INVALID_PATH',
        `${file}#${itemPointer}: path ${JSON.stringify(rawPath)} has characters REST APIs do not accept`,
        'Use letters, digits, _ - . , : and {param} / {proxy+} segments (behaviour.md §17.2).',
        { file, pointer: itemPointer },
      );
    }
    const resource = `${prefix}${rawPath === '/' && prefix !== '' ? '' : rawPath}` || '/';
    const pathParameters = Array.isArray(item.parameters) ? item.parameters : [];
    for (const [key, value] of Object.entries(item)) {
      const method =
        key === 'x-amazon-apigateway-any-method'
          ? 'ANY'
          : METHODS.includes(key)
            ? key.toUpperCase()
            : undefined;
      if (method === undefined) {
        if (key.startsWith('x-amazon-apigateway-'))
          throw unknownExtension(file, child(itemPointer, key), key, 'on a path');
        if (!PATH_ITEM_KEYS.has(key) && !key.startsWith('x-')) {
          ctx.warnings.info(
            'IGNORED_FIELD',
            child(itemPointer, key),
            `"${key}" is not an operation and is ignored`,
          );
        }
        continue;
      }
      const pointer = child(itemPointer, key);
      const operation = refs.deref(value, pointer);
      if (!isRecord(operation)) continue;
      const routeKey = defaultRoute && method === 'ANY' ? '$default' : `${method} ${resource}`;
      routes.push(convertOperation(routeKey, resource, method, operation, pathParameters, pointer, ctx));
    }
  }
  return routes;
}
