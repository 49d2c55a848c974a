import { DefinitionError } from '../../../errors/families.js';
import type { ApiType } from '../../types.js';
import type { ModelRoute, WarningList } from '../model.js';
import { child, isRecord } from '../source/pointer.js';
import { convertIntegration } from './integration.js';
import type { RefResolver } from './refs.js';
import { checkValidator, unknownExtension } from './root-extensions.js';
import { type RouteAuthorization, routeAuthorization, type SecuritySchemes } from './security.js';

const OPERATION_EXTENSIONS = new Set([
  'x-amazon-apigateway-integration',
  'x-amazon-apigateway-auth',
  'x-amazon-apigateway-request-validator',
]);

/** Everything one operation needs from its document. */
export interface OperationContext {
  file: string;
  apiType: ApiType;
  swagger2: boolean;
  refs: RefResolver;
  schemes: SecuritySchemes;
  rootSecurity: unknown;
  api: Record<string, unknown>;
  defaultValidator: string | undefined;
  /** `components.x-amazon-apigateway-integrations` (HTTP APIs). */
  warnings: WarningList;
}

/** Converts one operation (`paths[path][method]`) into a route of the model. */
export function convertOperation(
  routeKey: string,
  resource: string,
  method: string,
  operation: Record<string, unknown>,
  pathParameters: unknown[],
  pointer: string,
  ctx: OperationContext,
): ModelRoute {
  const { file, apiType, refs, warnings } = ctx;
  for (const key of Object.keys(operation)) {
    if (key.startsWith('x-amazon-apigateway-') && !OPERATION_EXTENSIONS.has(key)) {
      throw unknownExtension(file, child(pointer, key), key, 'on an operation');
    }
  }
  const route: Record<string, unknown> = {};
  const auth = authorization(operation, pointer, ctx);
  Object.assign(route, auth.options);
  if (auth.apiKeyRequired) route.apiKeyRequired = true;
  const rawIntegration = operation['x-amazon-apigateway-integration'];
  const converted =
    rawIntegration === undefined
      ? undefined
      : convertIntegration(refs.deref(rawIntegration, child(pointer, 'x-amazon-apigateway-integration')), {
          file,
          pointer: child(pointer, 'x-amazon-apigateway-integration'),
          apiType,
          resource,
          method,
          warnings,
        });
  if (converted?.caching) route.caching = converted.caching;
  if (apiType === 'REST') restMethodSettings(route, operation, pathParameters, pointer, ctx);
  else if (operation.requestBody !== undefined) {
    warnings.info(
      'IGNORED_REQUEST_BODY',
      child(pointer, 'requestBody'),
      'HTTP APIs do not validate request bodies',
    );
  }
  return {
    routeKey,
    pointer,
    route,
    integration: converted?.integration,
    target: converted?.target,
    operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
    summary: {
      routeKey,
      integration: converted?.label ?? 'none',
      authorizer: auth.label,
      apiKeyRequired: auth.apiKeyRequired,
      pointer,
    },
  };
}

function authorization(
  operation: Record<string, unknown>,
  pointer: string,
  ctx: OperationContext,
): RouteAuthorization {
  const own = operation.security !== undefined;
  const result = routeAuthorization(
    own ? operation.security : ctx.rootSecurity,
    ctx.schemes,
    own ? child(pointer, 'security') : '/security',
    ctx.apiType,
    ctx.file,
  );
  const explicit = operation['x-amazon-apigateway-auth'];
  if (isRecord(explicit)) {
    const type = String(explicit.type ?? '').toUpperCase();
    if (type !== 'NONE' && type !== 'AWS_IAM') {
      throw new DefinitionError(
        'DEFINITION_INVALID_EXTENSION',
        `${ctx.file}#${child(pointer, 'x-amazon-apigateway-auth', 'type')}: x-amazon-apigateway-auth type must be NONE or AWS_IAM, got ${JSON.stringify(explicit.type)}`,
        'Use { type: AWS_IAM } or { type: NONE }.',
        { file: ctx.file, pointer: child(pointer, 'x-amazon-apigateway-auth') },
      );
    }
    return type === 'AWS_IAM'
      ? { options: { authorizationType: 'AWS_IAM' }, label: 'AWS_IAM', apiKeyRequired: result.apiKeyRequired }
      : { options: {}, label: 'NONE', apiKeyRequired: result.apiKeyRequired };
  }
  return result;
}

/**
 * REST method settings: the request validator, method request parameters and request models (validated when a
 * validator applies; parameters declared for mappings either way), and method responses.
 */
function restMethodSettings(
  route: Record<string, unknown>,
  operation: Record<string, unknown>,
  pathParameters: unknown[],
  pointer: string,
  ctx: OperationContext,
): void {
  const { refs } = ctx;
  const validator =
    typeof operation['x-amazon-apigateway-request-validator'] === 'string'
      ? operation['x-amazon-apigateway-request-validator']
      : ctx.defaultValidator;
  if (validator !== undefined) {
    checkValidator(ctx.api, validator, child(pointer, 'x-amazon-apigateway-request-validator'), ctx.file);
    route.requestValidator = validator;
  }
  const parameters: Record<string, boolean> = {};
  const models: Record<string, string> = {};
  const all = [...pathParameters, ...(Array.isArray(operation.parameters) ? operation.parameters : [])];
  all.forEach((raw, i) => {
    const parameter = refs.deref(raw, () => child(pointer, 'parameters', i));
    if (!isRecord(parameter) || typeof parameter.name !== 'string') return;
    const where = { path: 'path', query: 'querystring', header: 'header' }[String(parameter.in)];
    if (where)
      parameters[`method.request.${where}.${parameter.name}`] =
        where === 'path' || parameter.required === true;
    if (parameter.in === 'body') {
      const name = refs.modelName(parameter.schema);
      if (name) models['application/json'] = name;
    }
  });
  const body = refs.deref(operation.requestBody, () => child(pointer, 'requestBody'));
  if (isRecord(body) && isRecord(body.content)) {
    for (const [type, media] of Object.entries(body.content)) {
      const name = isRecord(media) ? refs.modelName(media.schema) : undefined;
      if (name) models[type] = name;
    }
  }
  if (Object.keys(parameters).length > 0) route.requestParameters = parameters;
  if (Object.keys(models).length > 0) route.requestModels = models;
  const responses = refs.deref(operation.responses, () => child(pointer, 'responses'));
  if (!isRecord(responses)) return;
  const methodResponses: Record<string, Record<string, unknown>> = {};
  for (const [status, raw] of Object.entries(responses)) {
    if (!/^[1-5]\d\d$/.test(status)) continue;
    const response = refs.deref(raw, () => child(pointer, 'responses', status));
    const headers = isRecord(response) && isRecord(response.headers) ? Object.keys(response.headers) : [];
    const entry: Record<string, unknown> = {};
    if (headers.length > 0) {
      entry.responseParameters = Object.fromEntries(
        headers.map((h) => [`method.response.header.${h}`, false]),
      );
    }
    const models = isRecord(response) ? responseModels(response, refs) : {};
    if (Object.keys(models).length > 0) entry.responseModels = models;
    methodResponses[status] = entry;
  }
  if (Object.keys(methodResponses).length > 0) route.methodResponses = methodResponses;
}

/** A response's `$ref` schemas by content type (Swagger 2.0: `schema`, JSON). */
function responseModels(response: Record<string, unknown>, refs: RefResolver): Record<string, string> {
  const out: Record<string, string> = {};
  const swaggerModel = refs.modelName(response.schema);
  if (swaggerModel) out['application/json'] = swaggerModel;
  if (isRecord(response.content)) {
    for (const [type, media] of Object.entries(response.content)) {
      const name = isRecord(media) ? refs.modelName(media.schema) : undefined;
      if (name) out[type] = name;
    }
  }
  return out;
}
