import { DefinitionError } from '../../../errors/families.js';
import { type ApiModel, type ModelRoute, WarningList } from '../model.js';
import { lambdaTarget, targetLabel } from '../openapi/function-target.js';
import { child, isRecord } from '../source/pointer.js';
import { resourcesOf } from './api-resource.js';
import { resolveValue } from './intrinsics.js';
import { apiIdFor } from './physical-ids.js';
import type { TemplateContext } from './template-context.js';

/** `AWS::ApiGatewayV2::Integration` fields of a WebSocket integration and their option names. */
const INTEGRATION_FIELDS: Readonly<Record<string, string>> = {
  IntegrationType: 'type',
  IntegrationUri: 'uri',
  RequestTemplates: 'requestTemplates',
  TemplateSelectionExpression: 'templateSelectionExpression',
  PassthroughBehavior: 'passthroughBehavior',
  TimeoutInMillis: 'timeoutInMillis',
  ContentHandlingStrategy: 'contentHandlingStrategy',
  IntegrationMethod: 'httpMethod',
  RequestParameters: 'requestParameters',
  ConnectionId: 'connectionId',
};
/** Integration fields with no effect on a local Lambda proxy or MOCK call (kept out, with a note). */
const INERT = new Set(['Description', 'ApiId', 'PayloadFormatVersion']);

/**
 * A WebSocket API (`AWS::ApiGatewayV2::Api` with `ProtocolType: WEBSOCKET`) as `createGateway({ apiType: 'WEBSOCKET' })`
 * options: `RouteSelectionExpression`, `ApiKeySelectionExpression`, each `Route` with its `Target` integration
 * (`AWS_PROXY` naming a function, `MOCK` with templates and its `IntegrationResponse`s), two-way routes
 * (`RouteResponseSelectionExpression` / a `RouteResponse`), `ApiKeyRequired`, and the stages with their variables and
 * route throttling.
 */
export function websocketModel(ctx: TemplateContext, id: string, warnings: WarningList): ApiModel {
  const pointer = child('/Resources', id, 'Properties');
  const props = resolveValue(ctx, ctx.resources[id]!.Properties, pointer) as Record<string, unknown>;
  const mine = (type: string) => resourcesOf(ctx, type, 'ApiId', id);
  const local = new WarningList(ctx.file);
  if (typeof props.RouteSelectionExpression !== 'string') {
    throw new DefinitionError(
      'DEFINITION_INVALID',
      `${ctx.file}#${pointer}: a WebSocket API needs RouteSelectionExpression`,
      'Add RouteSelectionExpression: $request.body.action (AWS requires one for WebSocket APIs).',
      { file: ctx.file, pointer },
    );
  }
  const api: Record<string, unknown> = { routeSelectionExpression: props.RouteSelectionExpression };
  if (typeof props.ApiKeySelectionExpression === 'string')
    api.apiKeySelectionExpression = props.ApiKeySelectionExpression;
  const responses = new Map<string, Record<string, unknown>>();
  for (const [rid, p] of mine('AWS::ApiGatewayV2::IntegrationResponse')) {
    const key = String(p.IntegrationResponseKey ?? '$default');
    const integration = String(p.IntegrationId);
    const entry: Record<string, unknown> = {};
    if (isRecord(p.ResponseTemplates)) entry.responseTemplates = p.ResponseTemplates;
    if (typeof p.TemplateSelectionExpression === 'string')
      entry.templateSelectionExpression = p.TemplateSelectionExpression;
    const all = responses.get(integration) ?? {};
    all[key] = entry;
    responses.set(integration, all);
    for (const field of Object.keys(p)) {
      if (
        ![
          'ApiId',
          'IntegrationId',
          'IntegrationResponseKey',
          'ResponseTemplates',
          'TemplateSelectionExpression',
        ].includes(field)
      )
        local.info(
          'IGNORED_FIELD',
          child('/Resources', rid, 'Properties', field),
          `${field} has no effect locally`,
        );
    }
  }
  const integrations = new Map<string, { options: Record<string, unknown>; pointer: string }>();
  for (const [iid, p] of mine('AWS::ApiGatewayV2::Integration')) {
    const at = child('/Resources', iid, 'Properties');
    const options: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(p)) {
      const name = INTEGRATION_FIELDS[field];
      if (field === 'CredentialsArn') {
        local.info(
          'CREDENTIALS_NOT_EVALUATED',
          child(at, field),
          'integration credentials (an IAM role) are not evaluated locally',
        );
        continue;
      }
      if (field === 'ConnectionType' && value === 'INTERNET') continue;
      if (name === undefined) {
        if (!INERT.has(field)) {
          throw new DefinitionError(
            'DEFINITION_UNKNOWN_FIELD',
            `${ctx.file}#${child(at, field)}: AWS::ApiGatewayV2::Integration has no property "${field}"`,
            `Remove it or fix its spelling; the properties are ${Object.keys(INTEGRATION_FIELDS).join(', ')}.`,
            { file: ctx.file, pointer: child(at, field) },
          );
        }
        continue;
      }
      if (name === 'uri' && value === '') continue;
      options[name] = name === 'type' || name === 'passthroughBehavior' ? String(value).toUpperCase() : value;
    }
    const own = responses.get(iid);
    if (own) options.integrationResponses = own;
    integrations.set(iid, { options, pointer: at });
  }
  const twoWay = new Set(mine('AWS::ApiGatewayV2::RouteResponse').map(([, p]) => String(p.RouteId)));
  const routes: ModelRoute[] = [];
  for (const [rid, p] of mine('AWS::ApiGatewayV2::Route')) {
    const at = child('/Resources', rid, 'Properties');
    const routeKey = String(p.RouteKey);
    const targetId = /^integrations\/(.+)$/.exec(String(p.Target ?? ''))?.[1];
    const found = targetId === undefined ? undefined : integrations.get(targetId);
    if (found === undefined) {
      throw new DefinitionError(
        'DEFINITION_NO_INTEGRATION',
        `${ctx.file}#${child(at, 'Target')}: WebSocket route ${routeKey} has no integration (Target ${JSON.stringify(p.Target)})`,
        'Set Target: !Join [/, [integrations, !Ref MyIntegration]] to an AWS::ApiGatewayV2::Integration of this API.',
        { file: ctx.file, pointer: child(at, 'Target') },
      );
    }
    const route: Record<string, unknown> = {};
    if (p.RouteResponseSelectionExpression !== undefined || twoWay.has(rid)) {
      route.routeResponseSelectionExpression = p.RouteResponseSelectionExpression ?? '$default';
    }
    if (p.ApiKeyRequired === true || p.ApiKeyRequired === 'true') route.apiKeyRequired = true;
    const type = String(p.AuthorizationType ?? 'NONE').toUpperCase();
    if (type === 'AWS_IAM') route.authorizationType = 'AWS_IAM';
    if (type === 'CUSTOM') route.authorizer = String(p.AuthorizerId);
    for (const field of ['OperationName', 'ModelSelectionExpression', 'RequestModels', 'RequestParameters']) {
      if (p[field] !== undefined)
        local.info('IGNORED_FIELD', child(at, field), `${field} has no effect locally`);
    }
    const integration = { ...found.options };
    const uri = integration.uri;
    const target =
      integration.type === 'AWS_PROXY' && typeof uri === 'string'
        ? lambdaTarget(uri, child(found.pointer, 'IntegrationUri'), false)
        : undefined;
    const label = target ? `AWS_PROXY ${targetLabel(target)}` : String(integration.type);
    routes.push({
      routeKey,
      pointer: at,
      route,
      integration,
      target,
      operationId: undefined,
      summary: {
        routeKey,
        integration: label,
        authorizer: type === 'CUSTOM' ? `CUSTOM ${String(p.AuthorizerId)}` : type,
        apiKeyRequired: route.apiKeyRequired === true,
        pointer: at,
      },
    });
  }
  const stages = mine('AWS::ApiGatewayV2::Stage');
  const stageVariables = new Map<string, Record<string, string>>();
  for (const [, s] of stages) {
    if (isRecord(s.StageVariables))
      stageVariables.set(
        String(s.StageName),
        Object.fromEntries(Object.entries(s.StageVariables).map(([k, v]) => [k, String(v)])),
      );
  }
  const first = stages[0]?.[1];
  if (first) Object.assign(api, routeThrottling(first));
  warnings.items.push(...local.items);
  return {
    name: String(props.Name ?? id),
    logicalId: id,
    apiType: 'WEBSOCKET',
    file: ctx.file,
    apiId: apiIdFor(id),
    stages: stages.map(([, s]) => String(s.StageName)),
    stageVariables,
    api,
    authorizerTargets: new Map(),
    routes,
    warnings: local.items,
  };
}

/** `DefaultRouteSettings` / `RouteSettings` throttling of a stage as the WebSocket `throttle` option. */
function routeThrottling(stage: Record<string, unknown>): Record<string, unknown> {
  const limit = (s: unknown) => {
    if (!isRecord(s) || (s.ThrottlingRateLimit === undefined && s.ThrottlingBurstLimit === undefined))
      return undefined;
    return {
      ...(s.ThrottlingRateLimit === undefined ? {} : { rateLimit: Number(s.ThrottlingRateLimit) }),
      ...(s.ThrottlingBurstLimit === undefined ? {} : { burstLimit: Number(s.ThrottlingBurstLimit) }),
    };
  };
  const throttle: Record<string, unknown> = {};
  const stageLimit = limit(stage.DefaultRouteSettings);
  if (stageLimit) throttle.stage = stageLimit;
  const methods: Record<string, unknown> = {};
  if (isRecord(stage.RouteSettings)) {
    for (const [key, settings] of Object.entries(stage.RouteSettings)) {
      const l = limit(settings);
      if (l) methods[key] = l;
    }
  }
  if (Object.keys(methods).length > 0) throttle.methods = methods;
  return Object.keys(throttle).length > 0 ? { throttle } : {};
}
