import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import type { IntegrationResponseConfig, MethodResponseConfig } from '../integrations/mapping/types.js';
import type { GatewayResponseType } from '../responses/types.js';
import type { AuthorizerTypes, RouteValueFor } from '../route-types.js';
import type { GatewayOptions, MockIntegration, RouteConfig, RouteValue } from '../types.js';
import {
  type CorsHeaderOptions,
  corsHeaderMappings,
  withCorsGatewayResponses,
} from './cors-gateway-responses.js';

/**
 * Options of {@link enableCors}: what the console's "Enable CORS" form asks.
 *
 * @example
 * ```ts
 * const cors: EnableCorsOptions = { allowOrigin: 'https://app.example.com', resources: ['/pets'], gatewayResponses: true };
 * ```
 */
export interface EnableCorsOptions extends CorsHeaderOptions {
  /** Resource paths to enable (`/pets`). Default every resource (the console works on one at a time). */
  resources?: readonly string[];
  /**
   * The console's "Default 4XX / Default 5XX" boxes: `true` adds the `Access-Control-Allow-*` headers to the
   * `DEFAULT_4XX` and `DEFAULT_5XX` gateway responses; a list names the response types. Needs the API form,
   * `enableCors({ routes, gatewayResponses? }, options)`, which returns the options with both filled in.
   */
  gatewayResponses?: boolean | readonly GatewayResponseType[];
}

const KNOWN = [
  'allowOrigin',
  'allowHeaders',
  'allowMethods',
  'exposeHeaders',
  'maxAge',
  'allowCredentials',
  'resources',
  'gatewayResponses',
];
const header = (name: string) => `method.response.header.${name}`;
const quoted = (value: string) => `'${value}'`;

/**
 * What the REST console's "Enable CORS" writes (behaviour.md §9.1), as route configuration: per resource an
 * `OPTIONS` method with a MOCK integration (`{"statusCode": 200}`) whose 200 integration response maps the
 * `Access-Control-Allow-*` headers as static values, and `Access-Control-Allow-Origin` on the 200 response of
 * the resource's non-proxy methods (MOCK, AWS, HTTP). Proxy routes are left alone: their backend must return the headers, as
 * on AWS. An existing `OPTIONS` route is kept. Gateway responses (a 403 for a missing route) get no CORS
 * headers unless asked: given the API's options (`{ routes, gatewayResponses }`) and `gatewayResponses: true`
 * (or a list of types), it returns the options with `DEFAULT_4XX`/`DEFAULT_5XX` (or the listed types) mapping
 * `gatewayresponse.header.Access-Control-Allow-*`, as the console's "Default 4XX/5XX" boxes do.
 *
 * @example
 * ```ts
 * import { createGateway, enableCors } from 'apigw-testkit/gateway';
 * const gateway = createGateway({ routes: enableCors({ 'GET /pets': listPets }, { allowOrigin: 'https://app.example.com' }) });
 * const preflight = await gateway.fetch('/dev/pets', { method: 'OPTIONS' });
 * preflight.headers.get('access-control-allow-methods'); // 'GET,OPTIONS'
 * const withErrors = createGateway(enableCors({ routes: { 'GET /pets': listPets } }, { gatewayResponses: true }));
 * ```
 *
 * Given the routes, it returns them with their types (handlers are typed as for `createGateway`) and the
 * `OPTIONS` routes it adds ({@link CorsPreflightRoute}).
 */
export function enableCors(api: GatewayOptions, options?: EnableCorsOptions): GatewayOptions;
export function enableCors<TRoutes extends Readonly<Record<string, RouteValueFor<'REST', AuthorizerTypes>>>>(
  routes: TRoutes,
  options?: EnableCorsOptions,
): TRoutes & Record<`OPTIONS ${string}`, CorsPreflightRoute>;
export function enableCors(
  input: GatewayOptions | Readonly<Record<string, RouteValue>>,
  options: EnableCorsOptions = {},
): GatewayOptions | Record<string, RouteValue> {
  assertKnownOptions('enableCors', options, KNOWN);
  if (!('routes' in input)) {
    if (options.gatewayResponses !== undefined && options.gatewayResponses !== false) {
      throw new GatewayConfigError(
        'GATEWAY_INVALID_CORS',
        'enableCors: gatewayResponses needs the API options, not only the routes',
        'Write createGateway(enableCors({ routes, gatewayResponses }, { gatewayResponses: true })): it returns both.',
      );
    }
    return corsRoutes(input, options).routes;
  }
  const api = input as GatewayOptions;
  if (api.apiType === 'HTTP') {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_CORS',
      'enableCors: HTTP APIs have built-in CORS, not the REST console\'s "Enable CORS"',
      "Write createGateway({ apiType: 'HTTP', corsConfiguration: { allowOrigins: [...] } }).",
    );
  }
  const corsed = corsRoutes(api.routes, options);
  // The routes keep the values they were given (typed for this REST API); the added OPTIONS routes are MOCKs.
  const routes = corsed.routes as (typeof api)['routes'];
  const allowMethods = corsed.allowMethods;
  const types = options.gatewayResponses;
  if (types === undefined || types === false) return { ...api, routes } as GatewayOptions;
  return {
    ...api,
    routes,
    gatewayResponses: withCorsGatewayResponses(
      api.gatewayResponses,
      types === true ? ['DEFAULT_4XX', 'DEFAULT_5XX'] : types,
      corsHeaderMappings('gatewayresponse.header.', options, allowMethods),
    ),
  };
}

/** The routes with CORS enabled, and the methods of every enabled resource (for the gateway responses). */
function corsRoutes(
  routes: Readonly<Record<string, RouteValue>>,
  options: EnableCorsOptions,
): { routes: Record<string, RouteValue>; allowMethods: string[] } {
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
  const everyMethod = new Set<string>(['OPTIONS']);
  for (const path of wanted) {
    const methods = byResource.get(path);
    if (methods === undefined)
      throw new GatewayConfigError(
        'GATEWAY_INVALID_CORS',
        `enableCors: no route is on resource ${path}`,
        `Use one of ${[...byResource.keys()].join(', ')}.`,
      );
    for (const method of methods) {
      if (method !== 'ANY') everyMethod.add(method);
      if (method === 'OPTIONS') continue;
      const key = `${method} ${path}`;
      out[key] = withOrigin(routes[key]!, origin);
    }
    if (methods.includes('OPTIONS')) continue;
    const allowMethods = [...new Set([...methods.filter((m) => m !== 'ANY'), 'OPTIONS'])].sort();
    const mapped = corsHeaderMappings('method.response.header.', options, allowMethods);
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
  return { routes: out, allowMethods: [...everyMethod].sort() };
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

/**
 * A non-proxy method (MOCK, AWS, HTTP) gains `Access-Control-Allow-Origin` on its 200 method and integration
 * response; proxy routes (`AWS_PROXY`, `HTTP_PROXY`) are returned as given: their backend must send it.
 */
function withOrigin(value: RouteValue, origin: string): RouteValue {
  if (typeof value === 'function') return value;
  const type = value.integration.type;
  if (type !== 'MOCK' && type !== 'AWS' && type !== 'HTTP') return value;
  const route = value as RouteConfig;
  const mock = route.integration as MockIntegration;
  const name = header('Access-Control-Allow-Origin');
  if (type === 'MOCK' && mock.responses !== undefined) {
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
