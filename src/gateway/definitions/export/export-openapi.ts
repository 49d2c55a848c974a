import { assertKnownOptions, DefinitionError } from '../../../errors/families.js';
import type { Gateway } from '../../create-gateway.js';
import type { ApiDefinition } from '../../lifecycle/definition.js';
import { exportPaths } from './export-paths.js';
import { API_KEY_SCHEME, exportAuthorizers, routeSecurity, SIGV4_SCHEME } from './export-security.js';

/**
 * Options of {@link exportOpenApi} (AWS's `GetExport` / `ExportApi`).
 *
 * @example
 * ```ts
 * const options: ExportOptions = { stage: 'prod', format: 'oas30', extensions: 'apigateway' };
 * ```
 */
export interface ExportOptions {
  /**
   * The stage whose deployment is exported (REST default: the gateway's first stage). HTTP APIs: without a stage, the
   * current, possibly undeployed definition (as `ExportApi` without `stageName`).
   */
  stage?: string;
  /** `oas30` (default) or `swagger` (2.0; REST only, as on AWS). */
  format?: 'oas30' | 'swagger';
  /**
   * `none`: paths and models only (REST default); `integrations`: also `x-amazon-apigateway-integration`, request
   * validators and binary media types; `apigateway`: every API Gateway extension — authorizers, security, gateway
   * responses, policy, API key source, CORS (HTTP default).
   */
  extensions?: 'apigateway' | 'integrations' | 'none';
}

const KNOWN = ['stage', 'format', 'extensions'];
const MODEL_URL = /^https:\/\/apigateway\.amazonaws\.com\/restapis\/[^/]+\/models\/(.+)$/;

/**
 * Writes a gateway's API out as OpenAPI, the way API Gateway's export does (behaviour.md §17.8): the deployed stage's
 * definition, `servers` (OAS 3) or `host` / `basePath` (Swagger) of the stage's invoke URL, models as schemas (model
 * URLs back to local references), and the `x-amazon-apigateway-*` extensions `extensions` asks for. Importing the
 * result gives the same API back (`importOpenApi`), which is also how to keep a spec in step with the gateway.
 *
 * @example
 * ```ts
 * import { exportOpenApi } from 'apigw-testkit/definitions';
 * const spec = exportOpenApi(gateway, { stage: 'dev', extensions: 'apigateway' });
 * spec.paths['/pets'].get['x-amazon-apigateway-integration'].type; // 'aws_proxy'
 * ```
 */
export function exportOpenApi(gateway: Gateway, options: ExportOptions = {}): Record<string, unknown> {
  const where = 'exportOpenApi';
  assertKnownOptions(where, options, KNOWN);
  const { apiType, apiId, region, accountId } = gateway.info;
  const format = options.format ?? 'oas30';
  const extensions = options.extensions ?? (apiType === 'HTTP' ? 'apigateway' : 'none');
  if (
    !['oas30', 'swagger'].includes(format) ||
    !['apigateway', 'integrations', 'none'].includes(extensions)
  ) {
    throw invalid(
      `format ${JSON.stringify(format)} / extensions ${JSON.stringify(extensions)} is not an export AWS offers`,
      "Use format 'oas30' or 'swagger', extensions 'apigateway', 'integrations' or 'none'.",
    );
  }
  if (format === 'swagger' && apiType === 'HTTP') {
    throw invalid('HTTP APIs export OpenAPI 3.0 only', "Use format: 'oas30'.");
  }
  const stage = options.stage ?? (apiType === 'HTTP' ? undefined : gateway.info.stage);
  const definition = gateway.definition(stage);
  const deploymentId = stage === undefined ? undefined : gateway.stage(stage).deploymentId;
  const deployed = gateway.deployments().find((d) => d.id === deploymentId) ?? gateway.deployments()[0];
  const swagger = format === 'swagger';
  const schemaPrefix = swagger ? '#/definitions/' : '#/components/schemas/';
  const info: Record<string, unknown> = {
    title: definition.name ?? 'apigw-testkit',
    ...(definition.description === undefined ? {} : { description: definition.description }),
    // No version: AWS writes the date of the deployment.
    version:
      definition.version ?? new Date(deployed?.createdDate ?? 0).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const host = `${apiId}.execute-api.${region}.amazonaws.com`;
  const doc: Record<string, unknown> = swagger
    ? { swagger: '2.0', info, host, basePath: `/${stage}`, schemes: ['https'] }
    : {
        openapi: '3.0.1',
        info,
        servers: [
          {
            url: `https://${host}/{basePath}`,
            variables: { basePath: { default: stage === undefined || stage === '$default' ? '' : stage } },
          },
        ],
      };
  doc.paths = exportPaths((definition.routes ?? {}) as Record<string, unknown>, {
    apiType,
    swagger,
    extensions,
    region,
    accountId,
    schemaPrefix,
  });
  const schemas = exportModels(definition, schemaPrefix);
  const schemes = extensions === 'apigateway' ? securitySchemes(definition, apiType, region, accountId) : {};
  if (swagger) {
    if (Object.keys(schemes).length > 0) doc.securityDefinitions = schemes;
    if (Object.keys(schemas).length > 0) doc.definitions = schemas;
  } else {
    const components: Record<string, unknown> = {};
    if (Object.keys(schemas).length > 0) components.schemas = schemas;
    if (Object.keys(schemes).length > 0) components.securitySchemes = schemes;
    if (Object.keys(components).length > 0) doc.components = components;
  }
  Object.assign(doc, rootExtensions(definition, extensions, apiType));
  return doc;
}

function securitySchemes(
  definition: ApiDefinition,
  apiType: 'REST' | 'HTTP',
  region: string,
  accountId: string,
): Record<string, unknown> {
  const schemes: Record<string, unknown> = exportAuthorizers(
    (definition.authorizers ?? {}) as unknown as Record<string, Record<string, unknown>>,
    { apiType, region, accountId },
  );
  for (const route of Object.values(definition.routes ?? {})) {
    const requirement =
      typeof route === 'function' ? undefined : routeSecurity(route as unknown as Record<string, unknown>);
    if (requirement?.api_key) schemes.api_key = API_KEY_SCHEME;
    if (requirement?.sigv4) schemes.sigv4 = SIGV4_SCHEME;
  }
  return schemes;
}

/** Models as schemas, their model URLs turned back into local references. */
function exportModels(definition: ApiDefinition, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, model] of Object.entries(definition.models ?? {})) {
    if (model.contentType !== undefined && !/json/i.test(model.contentType)) {
      throw new DefinitionError(
        'DEFINITION_EXPORT_FAILED',
        `exportOpenApi: Only found non-JSON body models for ${name}`,
        'Give the model a JSON content type (application/json): API Gateway exports JSON models only.',
        { model: name },
      );
    }
    const schema = typeof model.schema === 'string' ? JSON.parse(model.schema) : model.schema;
    out[name] = localRefs(schema, prefix);
  }
  return out;
}

function localRefs(schema: unknown, prefix: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => localRefs(item, prefix));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    const match = key === '$ref' && typeof value === 'string' ? MODEL_URL.exec(value) : null;
    out[key] = match ? `${prefix}${match[1]}` : localRefs(value, prefix);
  }
  return out;
}

function rootExtensions(
  definition: ApiDefinition,
  extensions: ExportOptions['extensions'],
  apiType: 'REST' | 'HTTP',
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (extensions === 'none') return out;
  const x = (name: string, value: unknown) => {
    if (value !== undefined) out[`x-amazon-apigateway-${name}`] = value;
  };
  if (apiType === 'HTTP') {
    if (extensions === 'apigateway') x('cors', definition.corsConfiguration);
    x('importexport-version', '1.0');
    return out;
  }
  x('binary-media-types', definition.binaryMediaTypes);
  x('request-validators', definition.requestValidators);
  if (extensions === 'apigateway') {
    x('api-key-source', definition.apiKeySource);
    x('gateway-responses', definition.gatewayResponses);
    x('policy', typeof definition.policy === 'string' ? JSON.parse(definition.policy) : definition.policy);
  }
  return out;
}

function invalid(why: string, hint: string): DefinitionError {
  return new DefinitionError('DEFINITION_EXPORT_FAILED', `exportOpenApi: ${why}`, hint);
}
