import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import type { IntegrationResponseConfig, MethodResponseConfig } from '../integrations/mapping/types.js';
import type { AuthorizerTypes, RouteValueFor } from '../route-types.js';
import type { MockIntegration, RouteConfig, RouteValue } from '../types.js';

/** Options of {@link enableCors}: what the console's "Enable CORS" form asks. */
export interface EnableCorsOptions {
  /** `Access-Control-Allow-Origin`. Default `*`. */
  allowOrigin?: string;
  /** Default the console's `Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token`. */
  allowHeaders?: readonly string[];
  /** Default: the resource's methods and OPTIONS. */
  allowMethods?: readonly string[];
  exposeHeaders?: readonly string[];
  maxAge?: number;
  allowCredentials?: boolean;
  /** Resource paths to enable (`/pets`). Default every resource (the console works on one at a time). */
  resources?: readonly string[];
}

const CONSOLE_HEADERS = ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token'];
const KNOWN = [
  'allowOrigin',
  'allowHeaders',
  'allowMethods',
  'exposeHeaders',
  'maxAge',
  'allowCredentials',
  'resources',
];
const header = (name: string) => `method.response.header.${name}`;
const quoted = (value: string) => `'${value}'`;

/**
 * What the REST console's "Enable CORS" writes (behaviour.md §9.1), as route configuration: per resource an
 * `OPTIONS` method with a MOCK integration (`{"statusCode": 200}`) whose 200 integration response maps the
 * `Access-Control-Allow-*` headers as static values, and `Access-Control-Allow-Origin` on the 200 response of
 * the resource's MOCK methods. Lambda proxy routes are left alone: their function must return the headers, as
 * on AWS. An existing `OPTIONS` route is kept. Gateway responses (a 403 for a missing route) get no CORS
 * headers unless configured separately.
 *
 * @example
 * ```ts
 * import { createGateway, enableCors } from 'apigw-testkit/gateway';
 * const gateway = createGateway({ routes: enableCors({ 'GET /pets': listPets }, { allowOrigin: 'https://app.example.com' }) });
 * const preflight = await gateway.fetch('/dev/pets', { method: 'OPTIONS' });
 * preflight.headers.get('access-control-allow-methods'); // 'GET,OPTIONS'
 * ```
 *
 * The routes keep their types (handlers are typed as for `createGateway`); the `OPTIONS` routes it adds are
 * {@link CorsPreflightRoute}s.
 */
export function enableCors<TRoutes extends Readonly<Record<string, RouteValueFor<'REST', AuthorizerTypes>>>>(
  routes: TRoutes,
  options: EnableCorsOptions = {},
): TRoutes & Record<`OPTIONS ${string}`, CorsPreflightRoute> {
  assertKnownOptions('enableCors', options, KNOWN);
  const byResource = new Map<string, string[]>();
  for (const key of Object.keys(routes)) {
    const space = key.indexOf(' ');
    if (space <= 0)
      throw new GatewayConfigError(
        'GATEWAY_INVALID_CORS',
        `enableCors: ${JSON.stringify(key)} is not a REST route key`,
        "Use 'GET /pets'-style keys (REST APIs; HTTP APIs have corsConfiguration).",
      );
    const path = key.slice(space + 1);
    byResource.set(path, [...(byResource.get(path) ?? []), key.slice(0, space)]);
  }
  const wanted = options.resources ?? [...byResource.keys()];
  const out: Record<string, RouteValue> = { ...routes };
  const origin = options.allowOrigin ?? '*';
  for (const path of wanted) {
    const methods = byResource.get(path);
    if (methods === undefined)
      throw new GatewayConfigError(
        'GATEWAY_INVALID_CORS',
        `enableCors: no route is on resource ${path}`,
        `Use one of ${[...byResource.keys()].join(', ')}.`,
      );
    for (const method of methods) {
      if (method === 'OPTIONS') continue;
      const key = `${method} ${path}`;
      out[key] = withOrigin(routes[key]!, origin);
    }
    if (methods.includes('OPTIONS')) continue;
    const allowMethods =
      options.allowMethods ?? [...new Set([...methods.filter((m) => m !== 'ANY'), 'OPTIONS'])].sort();
    const mapped: Record<string, string> = {
      [header('Access-Control-Allow-Headers')]: quoted((options.allowHeaders ?? CONSOLE_HEADERS).join(',')),
      [header('Access-Control-Allow-Methods')]: quoted(allowMethods.join(',')),
      [header('Access-Control-Allow-Origin')]: quoted(origin),
    };
    if (options.exposeHeaders)
      mapped[header('Access-Control-Expose-Headers')] = quoted(options.exposeHeaders.join(','));
    if (options.maxAge !== undefined)
      mapped[header('Access-Control-Max-Age')] = quoted(String(options.maxAge));
    if (options.allowCredentials) mapped[header('Access-Control-Allow-Credentials')] = quoted('true');
    const integration: MockIntegration = {
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      integrationResponses: [{ statusCode: '200', responseParameters: mapped }],
    };
    const preflight: CorsPreflightRoute = {
      methodResponses: {
        '200': { responseParameters: Object.fromEntries(Object.keys(mapped).map((k) => [k, false])) },
      },
      integration,
    };
    out[`OPTIONS ${path}`] = preflight;
  }
  return out as TRoutes & Record<`OPTIONS ${string}`, CorsPreflightRoute>;
}

/**
 * The `OPTIONS` route {@link enableCors} adds to a resource: a MOCK integration answering 200 with the
 * `Access-Control-Allow-*` headers its method response declares.
 *
 * @example
 * ```ts
 * const route: CorsPreflightRoute = enableCors({ 'GET /pets': listPets })['OPTIONS /pets'];
 * ```
 */
export interface CorsPreflightRoute {
  methodResponses: Record<string, MethodResponseConfig>;
  integration: MockIntegration;
}

/** A MOCK method gains `Access-Control-Allow-Origin` on its 200 response; proxy routes are returned as given. */
function withOrigin(value: RouteValue, origin: string): RouteValue {
  if (typeof value === 'function' || value.integration.type !== 'MOCK') return value;
  const route = value as RouteConfig;
  const mock = route.integration as MockIntegration;
  const name = header('Access-Control-Allow-Origin');
  if (mock.responses !== undefined) {
    const responses = Object.fromEntries(
      Object.entries(mock.responses).map(([status, r]) => [
        status,
        status === '200' ? { ...r, headers: { ...r.headers, 'Access-Control-Allow-Origin': origin } } : r,
      ]),
    );
    return { ...route, integration: { ...mock, responses } };
  }
  const list: IntegrationResponseConfig[] = Array.isArray(mock.integrationResponses)
    ? mock.integrationResponses
    : Object.entries(mock.integrationResponses ?? {}).map(([status, r]) => ({
        ...r,
        statusCode: r.statusCode ?? status,
      }));
  const integrationResponses = list.map((r) =>
    String(r.statusCode) === '200'
      ? { ...r, responseParameters: { ...r.responseParameters, [name]: quoted(origin) } }
      : r,
  );
  const ok: MethodResponseConfig = route.methodResponses?.['200'] ?? {};
  return {
    ...route,
    methodResponses: {
      ...route.methodResponses,
      '200': { ...ok, responseParameters: { ...ok.responseParameters, [name]: false } },
    },
    integration: { ...mock, integrationResponses },
  };
}
