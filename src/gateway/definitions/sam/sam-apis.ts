import { DefinitionError } from '../../../errors/families.js';
import { resolveValue } from '../cloudformation/intrinsics.js';
import { stageOptions } from '../cloudformation/stage-settings.js';
import type { TemplateContext } from '../cloudformation/template-context.js';
import type { WarningList } from '../model.js';
import { child, ensureRecord, isRecord } from '../source/pointer.js';
import { resolveDefinitionBody } from './definition-body.js';
import { operationSecurity, samSecuritySchemes } from './sam-auth.js';
import { addSamCors, httpCors } from './sam-cors.js';
import type { SamEvent } from './sam-events.js';

/** A SAM API turned into the OpenAPI document and stage SAM's translator would produce. */
export interface SamApiDocument {
  logicalId: string;
  apiType: 'REST' | 'HTTP';
  document: Record<string, unknown>;
  stages: string[];
  variables: Record<string, string> | undefined;
  /** `createGateway` options from stage settings (throttle, cache). */
  stageOptions: Record<string, unknown>;
  pointer: string;
}

const REST_PROPERTIES = new Set([
  'StageName',
  'DefinitionBody',
  'DefinitionUri',
  'Auth',
  'Cors',
  'MethodSettings',
  'Variables',
  'CacheClusterEnabled',
  'CacheClusterSize',
  'EndpointConfiguration',
  'BinaryMediaTypes',
  'GatewayResponses',
  'CanarySetting',
  'OpenApiVersion',
  'Models',
  'Domain',
  'FailOnWarnings',
  'Mode',
  'DisableExecuteApiEndpoint',
  'ApiKeySourceType',
  'AlwaysDeploy',
  'MergeDefinitions',
  'Name',
  'Description',
  'Tags',
  'TracingEnabled',
  'AccessLogSetting',
  'MinimumCompressionSize',
  'PropagateTags',
]);
const HTTP_PROPERTIES = new Set([
  'StageName',
  'StageVariables',
  'DefinitionBody',
  'DefinitionUri',
  'CorsConfiguration',
  'Auth',
  'DefaultRouteSettings',
  'RouteSettings',
  'AccessLogSettings',
  'Domain',
  'FailOnWarnings',
  'DisableExecuteApiEndpoint',
  'Name',
  'Description',
  'Tags',
  'PropagateTags',
]);
const NO_EFFECT = [
  'Domain',
  'Tags',
  'TracingEnabled',
  'AccessLogSetting',
  'AccessLogSettings',
  'CanarySetting',
  'Description',
  'PropagateTags',
  'AlwaysDeploy',
  'RouteSettings',
];

/** Builds the OpenAPI document of every SAM API: explicit ones, and the implicit APIs events create. */
export async function samApiDocuments(
  ctx: TemplateContext,
  events: readonly SamEvent[],
  warnings: WarningList,
): Promise<SamApiDocument[]> {
  const ids = new Set<string>();
  for (const [id, res] of Object.entries(ctx.resources)) {
    if (res.Type === 'AWS::Serverless::Api' || res.Type === 'AWS::Serverless::HttpApi') ids.add(id);
  }
  for (const event of events) ids.add(event.apiId);
  const out: SamApiDocument[] = [];
  for (const logicalId of ids) {
    const res = ctx.resources[logicalId];
    const apiType = (res ? res.Type === 'AWS::Serverless::Api' : logicalId === 'ServerlessRestApi')
      ? 'REST'
      : 'HTTP';
    const pointer = child('/Resources', logicalId, 'Properties');
    const props = res ? res.Properties : implicitProperties(ctx, apiType);
    out.push(
      await samApi(
        ctx,
        logicalId,
        apiType,
        props,
        events.filter((e) => e.apiId === logicalId),
        warnings,
        pointer,
      ),
    );
  }
  return out;
}

function implicitProperties(ctx: TemplateContext, apiType: 'REST' | 'HTTP'): Record<string, unknown> {
  // Implicit APIs take the Globals of their kind (merged into this placeholder by the template reader).
  return {
    ...(ctx.resources[apiType === 'REST' ? '$GlobalsApi' : '$GlobalsHttpApi']?.Properties ?? {}),
    StageName: apiType === 'REST' ? 'Prod' : '$default',
  };
}

async function samApi(
  ctx: TemplateContext,
  logicalId: string,
  apiType: 'REST' | 'HTTP',
  rawProps: Record<string, unknown>,
  events: readonly SamEvent[],
  warnings: WarningList,
  pointer: string,
): Promise<SamApiDocument> {
  const known = apiType === 'REST' ? REST_PROPERTIES : HTTP_PROPERTIES;
  for (const key of Object.keys(rawProps)) {
    if (!known.has(key)) {
      throw new DefinitionError(
        'DEFINITION_UNKNOWN_FIELD',
        `${ctx.file}#${child(pointer, key)}: ${apiType === 'REST' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi'} has no property "${key}"`,
        `Remove it or fix its spelling (SAM refuses the template the same way).`,
        { file: ctx.file, pointer: child(pointer, key) },
      );
    }
    if (NO_EFFECT.includes(key))
      warnings.info('IGNORED_PROPERTY', child(pointer, key), `${key} has no effect on a local run`);
  }
  const { DefinitionBody, DefinitionUri, ...rest } = rawProps;
  const props = resolveValue(ctx, rest, pointer) as Record<string, unknown>;
  const document = await resolveDefinitionBody(ctx, DefinitionBody, DefinitionUri, apiType, pointer);
  const swagger2 = document.swagger !== undefined;
  const paths = ensureRecord(document, 'paths') as Record<string, Record<string, unknown>>;
  const auth = isRecord(props.Auth) ? props.Auth : {};
  const schemes = samSecuritySchemes(auth, apiType, ctx.region, ctx.file, child(pointer, 'Auth'));
  for (const event of events) addEvent(ctx, paths, event, auth, apiType);
  setSchemes(document, schemes, swagger2);
  if (apiType === 'REST') restExtensions(ctx, document, props, auth, pointer);
  else {
    const cors = httpCors(props.CorsConfiguration);
    if (cors) document['x-amazon-apigateway-cors'] = cors;
  }
  if (props.DisableExecuteApiEndpoint !== undefined) {
    document['x-amazon-apigateway-endpoint-configuration'] = {
      disableExecuteApiEndpoint: props.DisableExecuteApiEndpoint,
    };
  }
  const stageName = String(props.StageName ?? (apiType === 'REST' ? 'Prod' : '$default'));
  // SAM quirk (§21.2): without OpenApiVersion the deployment also creates a stage literally named "Stage".
  const stages =
    apiType === 'REST' && props.OpenApiVersion === undefined && stageName !== 'Stage'
      ? [stageName, 'Stage']
      : [stageName];
  const variables = (apiType === 'REST' ? props.Variables : props.StageVariables) as
    | Record<string, string>
    | undefined;
  return {
    logicalId,
    apiType,
    document,
    stages,
    variables,
    stageOptions: stageOptions(props, apiType, warnings, pointer),
    pointer,
  };
}

function addEvent(
  ctx: TemplateContext,
  paths: Record<string, Record<string, unknown>>,
  event: SamEvent,
  apiAuth: Record<string, unknown>,
  apiType: 'REST' | 'HTTP',
): void {
  const p = event.properties;
  const defaultRoute = apiType === 'HTTP' && p.Path === undefined && p.Method === undefined;
  const path = defaultRoute ? '/$default' : String(p.Path);
  const rawMethod = defaultRoute ? 'any' : String(p.Method).toLowerCase();
  const method = rawMethod === 'any' ? 'x-amazon-apigateway-any-method' : rawMethod;
  const item = ensureRecord(paths, path);
  if (item[method] !== undefined) {
    throw new DefinitionError(
      'DEFINITION_DUPLICATE_ROUTE',
      `${ctx.file}#${event.pointer}: API method "${rawMethod}" defined multiple times for path "${path}".`,
      'Keep one event (or DefinitionBody operation) per path and method, as SAM requires.',
      { file: ctx.file, pointer: event.pointer },
    );
  }
  const alias = ctx.resources[event.functionId]?.Properties.AutoPublishAlias;
  // With AutoPublishAlias, SAM points the integration at the alias (${Fn.Alias}).
  const fnArn = `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${event.functionId}${typeof alias === 'string' ? `:${alias}` : ''}`;
  const integration: Record<string, unknown> = {
    type: 'aws_proxy',
    httpMethod: 'POST',
    uri: `arn:aws:apigateway:${ctx.region}:lambda:path/2015-03-31/functions/${fnArn}/invocations`,
  };
  if (apiType === 'HTTP') integration.payloadFormatVersion = String(p.PayloadFormatVersion ?? '2.0');
  if (p.TimeoutInMillis !== undefined) integration.timeoutInMillis = p.TimeoutInMillis;
  if (p.ResponseTransferMode === 'RESPONSE_STREAM') {
    integration.uri = `arn:aws:apigateway:${ctx.region}:lambda:path/2021-11-15/functions/${fnArn}/response-streaming-invocations`;
    integration.responseTransferMode = 'STREAM';
  }
  const operation: Record<string, unknown> = {
    'x-amazon-apigateway-integration': integration,
    responses: {},
  };
  const security = operationSecurity(isRecord(p.Auth) ? p.Auth : {}, apiAuth);
  if (security !== undefined) operation.security = security;
  if (isRecord(p.RequestModel)) requestModel(operation, p.RequestModel);
  if (p.RequestParameters !== undefined) operation.parameters = requestParameters(p.RequestParameters);
  if (defaultRoute) item.isDefaultRoute = true;
  item[method] = operation;
}

function requestModel(operation: Record<string, unknown>, model: Record<string, unknown>): void {
  const body = model.ValidateBody !== false;
  const params = model.ValidateParameters === true;
  operation.parameters = [
    {
      in: 'body',
      name: String(model.Model),
      required: model.Required === true,
      schema: { $ref: `#/definitions/${String(model.Model)}` },
    },
  ];
  if (body || params) {
    operation['x-amazon-apigateway-request-validator'] =
      body && params ? 'body-and-params' : body ? 'body-only' : 'params-only';
  }
}

function requestParameters(value: unknown): unknown[] {
  const entries = Array.isArray(value)
    ? value.map((v) => (isRecord(v) ? Object.entries(v)[0]! : [String(v), {}]))
    : Object.entries(isRecord(value) ? value : {});
  return entries.map(([name, settings]) => {
    const [, where, param] = /^method\.request\.(querystring|header|path)\.(.+)$/.exec(String(name)) ?? [];
    return {
      name: param ?? name,
      in: where === 'querystring' ? 'query' : (where ?? 'query'),
      required: isRecord(settings) && settings.Required === true,
      type: 'string',
    };
  });
}

function setSchemes(
  document: Record<string, unknown>,
  schemes: Record<string, unknown>,
  swagger2: boolean,
): void {
  if (swagger2) document.securityDefinitions = { ...(document.securityDefinitions as object), ...schemes };
  else {
    const components = ensureRecord(document, 'components');
    components.securitySchemes = { ...(components.securitySchemes as object), ...schemes };
  }
}

function restExtensions(
  ctx: TemplateContext,
  document: Record<string, unknown>,
  props: Record<string, unknown>,
  auth: Record<string, unknown>,
  pointer: string,
): void {
  if (props.Cors !== undefined) {
    const security =
      auth.AddDefaultAuthorizerToCorsPreflight === false
        ? undefined
        : operationSecurity(
            {},
            {
              ...auth,
              ApiKeyRequired:
                auth.AddApiKeyRequiredToCorsPreflight === false ? undefined : auth.ApiKeyRequired,
            },
          );
    addSamCors(
      document.paths as Record<string, Record<string, unknown>>,
      props.Cors,
      security,
      ctx.file,
      child(pointer, 'Cors'),
    );
  }
  if (Array.isArray(props.BinaryMediaTypes)) {
    document['x-amazon-apigateway-binary-media-types'] = props.BinaryMediaTypes.map((t) =>
      String(t).replaceAll('~1', '/'),
    );
  }
  if (props.ApiKeySourceType !== undefined)
    document['x-amazon-apigateway-api-key-source'] = props.ApiKeySourceType;
  if (props.MinimumCompressionSize !== undefined)
    document['x-amazon-apigateway-minimum-compression-size'] = props.MinimumCompressionSize;
  if (isRecord(props.Models)) {
    const target = document.swagger !== undefined ? 'definitions' : 'components';
    if (target === 'definitions')
      document.definitions = { ...(document.definitions as object), ...props.Models };
    else {
      const components = ensureRecord(document, 'components');
      components.schemas = { ...(components.schemas as object), ...props.Models };
    }
    document['x-amazon-apigateway-request-validators'] = {
      'body-and-params': { validateRequestBody: true, validateRequestParameters: true },
      'body-only': { validateRequestBody: true, validateRequestParameters: false },
      'params-only': { validateRequestBody: false, validateRequestParameters: true },
    };
  }
  if (isRecord(props.GatewayResponses))
    document['x-amazon-apigateway-gateway-responses'] = gatewayResponses(props.GatewayResponses);
  if (isRecord(auth.ResourcePolicy) && Array.isArray(auth.ResourcePolicy.CustomStatements)) {
    document['x-amazon-apigateway-policy'] = {
      Version: '2012-10-17',
      Statement: auth.ResourcePolicy.CustomStatements,
    };
  }
}

function gatewayResponses(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([type, raw]) => {
      const r = isRecord(raw) ? raw : {};
      const params = isRecord(r.ResponseParameters) ? r.ResponseParameters : {};
      const mapped: Record<string, unknown> = {};
      for (const [group, where] of [
        ['Headers', 'header'],
        ['Paths', 'path'],
        ['QueryStrings', 'querystring'],
      ] as const) {
        for (const [name, v] of Object.entries(isRecord(params[group]) ? params[group] : {}))
          mapped[`gatewayresponse.${where}.${name}`] = v;
      }
      return [
        type,
        {
          ...(r.StatusCode === undefined ? {} : { statusCode: r.StatusCode }),
          ...(Object.keys(mapped).length > 0 ? { responseParameters: mapped } : {}),
          ...(r.ResponseTemplates === undefined ? {} : { responseTemplates: r.ResponseTemplates }),
        },
      ];
    }),
  );
}
