import { DefinitionError } from '../../../errors/families.js';
import { resolveValue } from '../cloudformation/intrinsics.js';
import { stageOptions } from '../cloudformation/stage-settings.js';
import type { TemplateContext } from '../cloudformation/template-context.js';
import type { WarningList } from '../model.js';
import { child, ensureRecord, isRecord } from '../source/pointer.js';
import { resolveDefinitionBody } from './definition-body.js';
import { samSecuritySchemes } from './sam-auth.js';
import { httpCors } from './sam-cors.js';
import { addEvent } from './sam-event-operation.js';
import type { SamEvent } from './sam-events.js';
import { restExtensions } from './sam-rest-extensions.js';

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
