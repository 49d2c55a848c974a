import { resolveValue, unresolvable } from './intrinsics.js';
import { apiIdFor, rootResourceIdFor } from './physical-ids.js';
import type { TemplateContext, TemplateResource } from './template-context.js';

const API_TYPES = new Set([
  'AWS::Serverless::Api',
  'AWS::Serverless::HttpApi',
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGatewayV2::Api',
]);
const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);

function resource(ctx: TemplateContext, logicalId: string, path: string): TemplateResource {
  const found = ctx.resources[logicalId];
  if (!found) {
    throw unresolvable(
      ctx,
      path,
      `${logicalId} is not a parameter or a resource of the template (or its Condition is false)`,
      'Declare it, fix the name, or pass it in parameters.',
    );
  }
  return found;
}

/** The name a function is known by: `FunctionName`, else its logical id. */
export function functionName(ctx: TemplateContext, logicalId: string): string {
  const fn = ctx.resources[logicalId];
  const name = fn
    ? resolveValue(ctx, fn.Properties.FunctionName, `/Resources/${logicalId}/Properties/FunctionName`)
    : undefined;
  return typeof name === 'string' ? name : logicalId;
}

/** `Ref` of a resource, as a local run names it (behaviour.md §21.5; docs/definitions.md "Decisions"). */
export function refResource(ctx: TemplateContext, logicalId: string, path: string): unknown {
  const dot = logicalId.indexOf('.');
  if (dot > 0) {
    // SAM shortcuts: `MyApi.Stage`, `MyApi.Deployment`, `MyFunction.Alias`, `MyFunction.Version`.
    const [base, attr] = [logicalId.slice(0, dot), logicalId.slice(dot + 1)];
    const found = resource(ctx, base, path);
    if (attr === 'Stage') return String(found.Properties.StageName ?? 'Prod');
    if (attr === 'Alias') return `${functionArn(ctx, base)}:${String(found.Properties.AutoPublishAlias)}`;
    return `${base}${attr}`;
  }
  const found = resource(ctx, logicalId, path);
  if (API_TYPES.has(found.Type)) return apiIdFor(logicalId);
  if (FUNCTION_TYPES.has(found.Type)) return functionName(ctx, logicalId);
  if (found.Type === 'AWS::SQS::Queue')
    return `https://sqs.${ctx.region}.amazonaws.com/${ctx.accountId}/${logicalId}`;
  if (found.Type === 'AWS::ApiGateway::Stage' || found.Type === 'AWS::ApiGatewayV2::Stage') {
    return resolveValue(ctx, found.Properties.StageName, `/Resources/${logicalId}/Properties/StageName`);
  }
  return logicalId;
}

/** `Fn::GetAtt` of a resource; an attribute a local run cannot know is a typed error naming the path. */
export function getAttribute(ctx: TemplateContext, logicalId: string, attr: string, path: string): unknown {
  const found = resource(ctx, logicalId, path);
  if (FUNCTION_TYPES.has(found.Type) && attr === 'Arn') return functionArn(ctx, logicalId);
  if (API_TYPES.has(found.Type)) {
    if (attr === 'RootResourceId') return rootResourceIdFor(logicalId);
    if (attr === 'ApiId' || attr === 'RestApiId') return apiIdFor(logicalId);
    if (attr === 'ApiEndpoint')
      return `https://${apiIdFor(logicalId)}.execute-api.${ctx.region}.amazonaws.com`;
  }
  if (attr === 'Arn') return genericArn(ctx, found, logicalId);
  if (attr.endsWith('Name')) return logicalId;
  if (attr === 'QueueUrl') return refResource(ctx, logicalId, path);
  if (found.Type === 'AWS::Cognito::UserPool' && attr === 'ProviderURL') {
    return `https://cognito-idp.${ctx.region}.amazonaws.com/${ctx.region}_${logicalId}`;
  }
  throw unresolvable(
    ctx,
    path,
    `${logicalId}.${attr} (${found.Type}) is only known once the stack is deployed`,
    'Replace it with a parameter and pass its value in parameters.',
  );
}

function functionArn(ctx: TemplateContext, logicalId: string): string {
  return `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${functionName(ctx, logicalId)}`;
}

function genericArn(ctx: TemplateContext, found: TemplateResource, logicalId: string): string {
  const service = found.Type.split('::')[1]?.toLowerCase() ?? 'unknown';
  if (service === 'iam') return `arn:aws:iam::${ctx.accountId}:role/${logicalId}`;
  if (found.Type === 'AWS::Cognito::UserPool') {
    return `arn:aws:cognito-idp:${ctx.region}:${ctx.accountId}:userpool/${ctx.region}_${logicalId}`;
  }
  return `arn:aws:${service}:${ctx.region}:${ctx.accountId}:${logicalId}`;
}
