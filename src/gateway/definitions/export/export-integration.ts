import { defaultFunctionName } from '../../functions/lambda-uri.js';
import type { ApiType } from '../../types.js';

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** The Lambda invocation URI of a function AWS would store for an integration given by handler. */
export function invocationUri(region: string, accountId: string, name: string, qualifier?: string): string {
  const fn = `arn:aws:lambda:${region}:${accountId}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
  return `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${fn}/invocations`;
}

/** What exporting an integration needs from the API. */
export interface IntegrationExportContext {
  apiType: ApiType;
  region: string;
  accountId: string;
  routeKey: string;
}

/**
 * A route's integration as `x-amazon-apigateway-integration` (behaviour.md §17.6): types and enums lower-cased as AWS
 * exports them, a Lambda given by `handler` named by the invocation URI of its function, integration responses keyed
 * by selection pattern (`default` for none), the route's cache settings as `cacheNamespace` / `cacheKeyParameters`.
 */
export function exportIntegration(
  integration: Record<string, unknown>,
  route: Record<string, unknown>,
  at: IntegrationExportContext,
): Record<string, unknown> {
  const type = String(integration.type);
  const out: Record<string, unknown> = { type: type.toLowerCase() };
  const lambda = type === 'AWS_PROXY' || (type === 'AWS' && integration.handler !== undefined);
  if (lambda) {
    out.httpMethod = integration.httpMethod ?? 'POST';
    const name = String(
      integration.functionName ?? defaultFunctionName(at.apiType === 'HTTP' ? 'HTTP' : 'REST', at.routeKey),
    );
    out.uri =
      integration.uri ??
      invocationUri(
        at.region,
        at.accountId,
        FUNCTION_NAME.test(name) ? name : 'function',
        integration.qualifier as string | undefined,
      );
  } else {
    if (integration.uri !== undefined) out.uri = integration.uri;
    if (integration.httpMethod !== undefined) out.httpMethod = integration.httpMethod;
    else if (type === 'HTTP_PROXY') out.httpMethod = 'ANY';
  }
  if (type === 'HTTP' || type === 'HTTP_PROXY') out.connectionType = 'INTERNET';
  if (at.apiType === 'HTTP' && (type === 'AWS_PROXY' || type === 'HTTP_PROXY')) {
    out.payloadFormatVersion = integration.payloadFormatVersion ?? (type === 'AWS_PROXY' ? '2.0' : '1.0');
  }
  for (const key of [
    'credentials',
    'requestTemplates',
    'requestParameters',
    'timeoutInMillis',
    'integrationSubtype',
  ]) {
    if (integration[key] !== undefined) out[key] = integration[key];
  }
  for (const key of ['passthroughBehavior', 'contentHandling']) {
    if (typeof integration[key] === 'string') out[key] = (integration[key] as string).toLowerCase();
  }
  const responses = integrationResponses(integration);
  if (responses !== undefined) out.responses = responses;
  if (at.apiType === 'HTTP' && integration.responseParameters !== undefined) {
    out.responses = integration.responseParameters;
  }
  const caching = route.caching as { cacheKeyParameters?: unknown; cacheNamespace?: unknown } | undefined;
  if (caching?.cacheNamespace !== undefined) out.cacheNamespace = caching.cacheNamespace;
  if (caching?.cacheKeyParameters !== undefined) out.cacheKeyParameters = caching.cacheKeyParameters;
  return out;
}

/** Integration responses keyed by selection pattern; the MOCK `responses` shorthand becomes the same shape. */
function integrationResponses(integration: Record<string, unknown>): Record<string, unknown> | undefined {
  const given = integration.integrationResponses;
  if (given !== undefined) {
    const list: Record<string, unknown>[] = Array.isArray(given)
      ? (given as Record<string, unknown>[])
      : Object.entries(given as Record<string, Record<string, unknown>>).map(([status, r]) => ({
          statusCode: status,
          ...r,
        }));
    const out: Record<string, unknown> = {};
    for (const response of list) {
      const { selectionPattern, statusCode, ...rest } = response;
      const entry: Record<string, unknown> = { statusCode: String(statusCode) };
      for (const [key, value] of Object.entries(rest)) {
        entry[key] = key === 'contentHandling' ? String(value).toLowerCase() : value;
      }
      out[typeof selectionPattern === 'string' && selectionPattern !== '' ? selectionPattern : 'default'] =
        entry;
    }
    return out;
  }
  const shorthand = integration.responses as
    | Record<string, { statusCode?: number; headers?: Record<string, string>; body?: string }>
    | undefined;
  if (shorthand === undefined || integration.type !== 'MOCK') return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, response] of Object.entries(shorthand)) {
    const entry: Record<string, unknown> = {
      statusCode: String(response.statusCode ?? (key === 'default' ? 200 : key)),
    };
    if (response.body !== undefined) entry.responseTemplates = { 'application/json': response.body };
    if (response.headers !== undefined) {
      entry.responseParameters = Object.fromEntries(
        Object.entries(response.headers).map(([name, value]) => [
          `method.response.header.${name}`,
          `'${value}'`,
        ]),
      );
    }
    out[key === 'default' ? 'default' : key] = entry;
  }
  return out;
}
