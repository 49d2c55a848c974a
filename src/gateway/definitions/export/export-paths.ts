import type { ApiType } from '../../types.js';
import { exportIntegration } from './export-integration.js';
import { routeSecurity } from './export-security.js';

/** How the document is written. */
export interface PathsExportContext {
  apiType: ApiType;
  swagger: boolean;
  /** `integrations`: integrations and validators; `apigateway`: also security; `none`: neither. */
  extensions: 'apigateway' | 'integrations' | 'none';
  region: string;
  accountId: string;
  /** `#/components/schemas/` or `#/definitions/`. */
  schemaPrefix: string;
}

const LOCATIONS: Readonly<Record<string, string>> = { path: 'path', querystring: 'query', header: 'header' };

/** The routes as OpenAPI paths: one operation per route, `ANY` as `x-amazon-apigateway-any-method`. */
export function exportPaths(
  routes: Record<string, unknown>,
  at: PathsExportContext,
): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [routeKey, value] of Object.entries(routes)) {
    const route = (
      typeof value === 'function' ? { integration: { type: 'AWS_PROXY', handler: value } } : value
    ) as Record<string, unknown>;
    const [method = 'ANY', path = '/$default'] = routeKey === '$default' ? [] : routeKey.split(' ');
    paths[path] ??= {};
    const item = paths[path];
    if (routeKey === '$default') item.isDefaultRoute = true;
    const key = method === 'ANY' ? 'x-amazon-apigateway-any-method' : method.toLowerCase();
    item[key] = operation(routeKey, path, route, at);
  }
  return paths;
}

function operation(
  routeKey: string,
  path: string,
  route: Record<string, unknown>,
  at: PathsExportContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const parameters = methodParameters(path, route, at);
  const models = (route.requestModels ?? {}) as Record<string, string>;
  const bodyTypes = Object.entries(models);
  if (at.swagger && bodyTypes.length > 0) {
    out.consumes = bodyTypes.map(([type]) => type);
    parameters.push({
      in: 'body',
      name: bodyTypes[0]![1],
      required: true,
      schema: { $ref: `${at.schemaPrefix}${bodyTypes[0]![1]}` },
    });
  }
  if (parameters.length > 0) out.parameters = parameters;
  if (!at.swagger && bodyTypes.length > 0) {
    out.requestBody = {
      content: Object.fromEntries(
        bodyTypes.map(([type, name]) => [type, { schema: { $ref: `${at.schemaPrefix}${name}` } }]),
      ),
      required: true,
    };
  }
  out.responses = responses(routeKey, route, at);
  if (at.extensions === 'apigateway') {
    const security = routeSecurity(route);
    if (security) out.security = [security];
  }
  if (at.extensions !== 'none') {
    if (typeof route.requestValidator === 'string')
      out['x-amazon-apigateway-request-validator'] = route.requestValidator;
    out['x-amazon-apigateway-integration'] = exportIntegration(
      route.integration as Record<string, unknown>,
      route,
      {
        apiType: at.apiType,
        region: at.region,
        accountId: at.accountId,
        routeKey,
      },
    );
  }
  return out;
}

/** Path variables (always declared by API Gateway) and the declared method request parameters. */
function methodParameters(
  path: string,
  route: Record<string, unknown>,
  at: PathsExportContext,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const add = (name: string, location: string, required: boolean) => {
    if (seen.has(`${location} ${name}`)) return;
    seen.add(`${location} ${name}`);
    out.push(
      at.swagger
        ? { name, in: location, required, type: 'string' }
        : { name, in: location, required, schema: { type: 'string' } },
    );
  };
  for (const match of path.matchAll(/\{([^}+]+)\+?\}/g)) add(match[1]!, 'path', true);
  for (const [key, required] of Object.entries((route.requestParameters ?? {}) as Record<string, boolean>)) {
    const m = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(key);
    if (m) add(m[2]!, LOCATIONS[m[1]!]!, m[1] === 'path' || required === true);
  }
  return out;
}

/** Method responses (REST) with their headers and models; HTTP APIs: AWS's default response. */
function responses(
  routeKey: string,
  route: Record<string, unknown>,
  at: PathsExportContext,
): Record<string, unknown> {
  if (at.apiType === 'HTTP') return { default: { description: `Default response for ${routeKey}` } };
  const declared = (route.methodResponses ?? shorthandResponses(route)) as Record<
    string,
    { responseParameters?: Record<string, boolean>; responseModels?: Record<string, string> }
  >;
  const out: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(declared)) {
    const entry: Record<string, unknown> = { description: `${status} response` };
    const headers = Object.keys(response.responseParameters ?? {})
      .filter((name) => name.startsWith('method.response.header.'))
      .map((name) => name.slice('method.response.header.'.length));
    if (headers.length > 0) {
      entry.headers = Object.fromEntries(
        headers.map((h) => [h, at.swagger ? { type: 'string' } : { schema: { type: 'string' } }]),
      );
    }
    const models = Object.entries(response.responseModels ?? {});
    if (models.length > 0) {
      if (at.swagger) entry.schema = { $ref: `${at.schemaPrefix}${models[0]![1]}` };
      else {
        entry.content = Object.fromEntries(
          models.map(([type, name]) => [type, { schema: { $ref: `${at.schemaPrefix}${name}` } }]),
        );
      }
    }
    out[status] = entry;
  }
  return out;
}

/** The method responses a MOCK `responses` shorthand implies (its statuses, the headers it sets). */
function shorthandResponses(route: Record<string, unknown>): Record<string, unknown> {
  const integration = route.integration as {
    type?: string;
    responses?: Record<string, Record<string, unknown>>;
  };
  if (integration.type !== 'MOCK' || integration.responses === undefined) return {};
  const out: Record<string, unknown> = {};
  for (const [key, response] of Object.entries(integration.responses)) {
    const status = String(response.statusCode ?? (key === 'default' ? 200 : key));
    const headers = Object.keys((response.headers ?? {}) as object);
    out[status] =
      headers.length === 0
        ? {}
        : {
            responseParameters: Object.fromEntries(
              headers.map((h) => [`method.response.header.${h}`, false]),
            ),
          };
  }
  return out;
}
