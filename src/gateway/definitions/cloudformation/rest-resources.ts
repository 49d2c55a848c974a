import { DefinitionError } from '../../../errors/families.js';
import { child, ensureRecord, isRecord } from '../source/pointer.js';
import { apiResourceBody, refersTo, resourcesOf } from './api-resource.js';
import { resolveValue } from './intrinsics.js';
import { lowerKeys } from './lower-camel.js';
import { rootResourceIdFor } from './physical-ids.js';
import type { TemplateContext, TemplateResource } from './template-context.js';

/** A plain REST API written as `AWS::ApiGateway::*` resources, turned into the Swagger document it amounts to. */
export interface RestApiDocument {
  document: Record<string, unknown>;
  /** Stage resources (and deployments with a `StageName`) of this API, resolved. */
  stages: { name: string; properties: Record<string, unknown>; pointer: string }[];
}

/** Builds the Swagger 2.0 document equivalent to the template's resources for REST API `apiId`. */
export async function restApiDocument(ctx: TemplateContext, apiId: string): Promise<RestApiDocument> {
  const { props, document } = await apiResourceBody(ctx, apiId, 'REST');
  const paths = ensureRecord(document, 'paths') as Record<string, Record<string, unknown>>;
  const mine = (type: string) => resourcesOf(ctx, type, 'RestApiId', apiId);
  const schemes: Record<string, unknown> = {};
  const authorizerNames = new Map<string, string>();
  for (const [id, p] of mine('AWS::ApiGateway::Authorizer')) {
    const name = String(p.Name ?? id);
    authorizerNames.set(id, name);
    schemes[name] = authorizerScheme(p);
  }
  schemes.api_key = { type: 'apiKey', name: 'x-api-key', in: 'header' };
  for (const [id, p] of mine('AWS::ApiGateway::Model')) {
    const definitions = ensureRecord(document, 'definitions');
    definitions[String(p.Name ?? id)] = typeof p.Schema === 'string' ? JSON.parse(p.Schema) : p.Schema;
  }
  const validatorNames = new Map<string, string>();
  for (const [id, p] of mine('AWS::ApiGateway::RequestValidator')) {
    validatorNames.set(id, String(p.Name ?? id));
    const validators = ensureRecord(document, 'x-amazon-apigateway-request-validators');
    validators[String(p.Name ?? id)] = {
      validateRequestBody: p.ValidateRequestBody === true,
      validateRequestParameters: p.ValidateRequestParameters === true,
    };
  }
  for (const [, p] of mine('AWS::ApiGateway::GatewayResponse')) {
    const responses = ensureRecord(document, 'x-amazon-apigateway-gateway-responses');
    const { ResponseType, RestApiId: _api, ...rest } = p;
    responses[String(ResponseType)] = lowerKeys(rest);
  }
  const resourcePaths = new Map<string, string>([[rootResourceIdFor(apiId), '/']]);
  const pathOf = (resourceId: string, seen = 0): string => {
    const known = resourcePaths.get(resourceId);
    if (known !== undefined) return known;
    const res = ctx.resources[resourceId];
    if (res?.Type !== 'AWS::ApiGateway::Resource' || seen > 64) {
      throw new DefinitionError(
        'DEFINITION_UNKNOWN_RESOURCE',
        `${ctx.file}#/Resources/${resourceId}: ${resourceId} is not an AWS::ApiGateway::Resource of ${apiId}`,
        'Point ResourceId/ParentId at a Resource of the same API, or at !GetAtt Api.RootResourceId.',
        { file: ctx.file, pointer: `/Resources/${resourceId}` },
      );
    }
    const p = resolveValue(ctx, res.Properties, child('/Resources', resourceId, 'Properties')) as Record<
      string,
      unknown
    >;
    const parent = pathOf(String(p.ParentId), seen + 1);
    const path = `${parent === '/' ? '' : parent}/${String(p.PathPart)}`;
    resourcePaths.set(resourceId, path);
    return path;
  };
  for (const [, p] of mine('AWS::ApiGateway::Method')) {
    const path = pathOf(String(p.ResourceId));
    const method = String(p.HttpMethod).toUpperCase();
    const key = method === 'ANY' ? 'x-amazon-apigateway-any-method' : method.toLowerCase();
    const item = ensureRecord(paths, path);
    item[key] = methodOperation(p, authorizerNames, validatorNames);
  }
  if (Array.isArray(props.BinaryMediaTypes))
    document['x-amazon-apigateway-binary-media-types'] = props.BinaryMediaTypes;
  if (props.ApiKeySourceType !== undefined)
    document['x-amazon-apigateway-api-key-source'] = props.ApiKeySourceType;
  if (props.MinimumCompressionSize !== undefined)
    document['x-amazon-apigateway-minimum-compression-size'] = props.MinimumCompressionSize;
  if (props.Policy !== undefined) document['x-amazon-apigateway-policy'] = props.Policy;
  if (props.DisableExecuteApiEndpoint !== undefined) {
    document['x-amazon-apigateway-endpoint-configuration'] = {
      disableExecuteApiEndpoint: props.DisableExecuteApiEndpoint,
    };
  }
  document.securityDefinitions = { ...(document.securityDefinitions as object), ...schemes };
  return { document, stages: restStages(ctx, apiId) };
}

function methodOperation(
  p: Record<string, unknown>,
  authorizers: Map<string, string>,
  validators: Map<string, string>,
): Record<string, unknown> {
  const op: Record<string, unknown> = { responses: {} };
  if (isRecord(p.Integration)) {
    const { IntegrationHttpMethod, IntegrationResponses, ...rest } = p.Integration;
    const integration = lowerKeys(rest);
    if (IntegrationHttpMethod !== undefined) integration.httpMethod = IntegrationHttpMethod;
    if (Array.isArray(IntegrationResponses)) {
      integration.responses = Object.fromEntries(
        IntegrationResponses.filter(isRecord).map((ir) => {
          const { SelectionPattern, ...r } = ir;
          return [
            typeof SelectionPattern === 'string' && SelectionPattern !== '' ? SelectionPattern : 'default',
            lowerKeys(r),
          ];
        }),
      );
    }
    op['x-amazon-apigateway-integration'] = integration;
  }
  const type = String(p.AuthorizationType ?? 'NONE').toUpperCase();
  const requirement: Record<string, unknown> = {};
  if ((type === 'CUSTOM' || type === 'COGNITO_USER_POOLS') && p.AuthorizerId !== undefined) {
    requirement[authorizers.get(String(p.AuthorizerId)) ?? String(p.AuthorizerId)] =
      p.AuthorizationScopes ?? [];
  }
  if (type === 'AWS_IAM') op['x-amazon-apigateway-auth'] = { type: 'AWS_IAM' };
  if (p.ApiKeyRequired === true || p.ApiKeyRequired === 'true') requirement.api_key = [];
  op.security = Object.keys(requirement).length > 0 ? [requirement] : [];
  if (p.OperationName !== undefined) op.operationId = p.OperationName;
  if (p.RequestValidatorId !== undefined) {
    op['x-amazon-apigateway-request-validator'] =
      validators.get(String(p.RequestValidatorId)) ?? p.RequestValidatorId;
  }
  const parameters: unknown[] = [];
  for (const [name, required] of Object.entries(isRecord(p.RequestParameters) ? p.RequestParameters : {})) {
    const [, where, param] = /^method\.request\.(querystring|header|path)\.(.+)$/.exec(name) ?? [];
    if (param)
      parameters.push({
        name: param,
        in: where === 'querystring' ? 'query' : where,
        required: required === true,
        type: 'string',
      });
  }
  for (const [, model] of Object.entries(isRecord(p.RequestModels) ? p.RequestModels : {}).slice(0, 1)) {
    parameters.push({
      in: 'body',
      name: String(model),
      required: true,
      schema: { $ref: `#/definitions/${String(model)}` },
    });
  }
  if (parameters.length > 0) op.parameters = parameters;
  if (Array.isArray(p.MethodResponses)) {
    op.responses = Object.fromEntries(
      p.MethodResponses.filter(isRecord).map((mr) => [
        String(mr.StatusCode),
        {
          description: `${String(mr.StatusCode)} response`,
          headers: Object.fromEntries(
            Object.keys(isRecord(mr.ResponseParameters) ? mr.ResponseParameters : {}).map((h) => [
              h.replace(/^method\.response\.header\./, ''),
              { type: 'string' },
            ]),
          ),
        },
      ]),
    );
  }
  return op;
}

function authorizerScheme(p: Record<string, unknown>): Record<string, unknown> {
  const type = String(p.Type ?? 'TOKEN').toLowerCase();
  const source = typeof p.IdentitySource === 'string' ? p.IdentitySource : undefined;
  const header = /^method\.request\.header\.([^,\s]+)$/.exec(source ?? '')?.[1];
  return {
    type: 'apiKey',
    name: header ?? 'Unused',
    in: 'header',
    'x-amazon-apigateway-authtype':
      p.AuthType ?? (type === 'cognito_user_pools' ? 'cognito_user_pools' : 'custom'),
    'x-amazon-apigateway-authorizer': Object.fromEntries(
      Object.entries({
        type,
        authorizerUri: p.AuthorizerUri,
        identitySource: source,
        identityValidationExpression: p.IdentityValidationExpression,
        authorizerResultTtlInSeconds: p.AuthorizerResultTtlInSeconds,
        providerARNs: p.ProviderARNs,
        authorizerCredentials: p.AuthorizerCredentials,
      }).filter(([, v]) => v !== undefined),
    ),
  };
}

function restStages(ctx: TemplateContext, apiId: string): RestApiDocument['stages'] {
  const out: RestApiDocument['stages'] = [];
  const forApi = (id: string, r: TemplateResource) =>
    refersTo(ctx, r.Properties.RestApiId, child('/Resources', id, 'Properties', 'RestApiId'), apiId);
  for (const [id, r] of Object.entries(ctx.resources)) {
    const at = child('/Resources', id, 'Properties');
    if (r.Type === 'AWS::ApiGateway::Stage' && forApi(id, r)) {
      const p = resolveValue(ctx, r.Properties, at) as Record<string, unknown>;
      out.push({ name: String(p.StageName), properties: p, pointer: at });
    } else if (
      r.Type === 'AWS::ApiGateway::Deployment' &&
      forApi(id, r) &&
      r.Properties.StageName !== undefined
    ) {
      const p = resolveValue(ctx, r.Properties, at) as Record<string, unknown>;
      out.push({
        name: String(p.StageName),
        properties: isRecord(p.StageDescription) ? p.StageDescription : {},
        pointer: at,
      });
    }
  }
  return out;
}
