import { DefinitionError } from '../../../errors/families.js';
import { functionName } from '../cloudformation/resource-refs.js';
import type { TemplateContext } from '../cloudformation/template-context.js';
import { ensureRecord, isRecord } from '../source/pointer.js';
import { operationSecurity } from './sam-auth.js';
import type { SamEvent } from './sam-events.js';

/**
 * Adds an `Api` / `HttpApi` event's operation to the document as SAM does (behaviour.md §21.1): an `aws_proxy`
 * integration to the function (its alias with `AutoPublishAlias`), `security` from `Auth`, `RequestModel` and
 * `RequestParameters`; the `$default` route for an HttpApi event without `Path` and `Method`.
 */
export function addEvent(
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
  const fnArn = `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${functionName(ctx, event.functionId)}${typeof alias === 'string' ? `:${alias}` : ''}`;
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
