import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { assertKnownOptions } from '../errors/families.js';
import {
  buildProxyEventV1,
  buildProxyEventV2,
  compileResourcePath,
  fillResourcePath,
  type ProxyEventV1AuthorizerInput,
  type ProxyEventV1For,
  type ProxyEventV1Options,
  type ProxyEventV2AuthorizerInput,
  type ProxyEventV2For,
  type ProxyEventV2Options,
  parseRouteKey,
} from '../events/index.js';
import { fakeIp, fakePathParameters, fakeRoute, fakeUserAgent } from './realistic.js';
import { type FakeOptions, seededFaker } from './seeded-faker.js';

const DEFAULT_SEED = 'apigw-testkit';
const DAY = 86_400_000;
const REF_TIME = Date.UTC(2024, 0, 1);
const NO_BODY = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

/** The request data both payload versions share, drawn from the seed. */
interface FakeRequest {
  method: string;
  template: string;
  pathParameters: Record<string, string> | undefined;
  query: Record<string, string> | undefined;
  body: Record<string, unknown> | undefined;
  headers: Record<string, string>;
  cookie: string;
  sourceIp: string;
  time: number;
}

function fakeRequest(
  where: string,
  options: FakeOptions,
  overrides: { method?: string | undefined; path?: string | undefined },
  chosen: { method: string | null; path: string | null } | undefined,
): FakeRequest {
  assertKnownOptions(where, options, ['seed']);
  const faker = seededFaker(options.seed ?? DEFAULT_SEED);
  const route = fakeRoute(faker);
  const userAgent = fakeUserAgent(faker);
  const headers: Record<string, string> = {
    Accept: faker.helpers.arrayElement(['application/json', '*/*', 'application/json, text/plain, */*']),
    'Accept-Language': faker.helpers.arrayElement([
      'en-US,en;q=0.9',
      'en-GB,en;q=0.8',
      'de-DE,de;q=0.9,en;q=0.7',
      'fr-FR,fr;q=0.9',
    ]),
    'User-Agent': userAgent,
  };
  if (faker.number.int(2) === 0) headers.Authorization = `Bearer ${faker.string.alphanumeric(32)}`;
  const sourceIp = fakeIp(faker);
  const cookie = `session=${faker.string.alphanumeric(24)}`;
  const time = REF_TIME - faker.number.int(30 * DAY);
  let template = route.resource;
  let pathParameters = route.pathParameters;
  let query = route.query;
  if (overrides.path !== undefined) {
    // The user's path decides the route; a generated template would not match it.
    pathParameters = undefined;
    query = undefined;
  } else if (chosen?.path) {
    template = chosen.path;
    pathParameters = fakePathParameters(faker, compileResourcePath(chosen.path).variables);
  }
  const method =
    overrides.method ?? (chosen?.method && chosen.method !== 'ANY' ? chosen.method : route.method);
  const body = NO_BODY.has(method.toUpperCase())
    ? undefined
    : (route.body ?? { note: faker.lorem.sentence(5) });
  return { method, template, pathParameters, query, body, headers, cookie, sourceIp, time };
}

/**
 * A realistic REST (payload 1.0) event: a plausible route, user agent, client IP, language, bearer token
 * and JSON body, all drawn from `seed` (same seed, same event). `overrides` are
 * {@link ProxyEventV1Options} and win over anything generated.
 *
 * @example
 * ```ts
 * import { fakeProxyEventV1 } from 'apigw-testkit/faker';
 * const event = fakeProxyEventV1({ stage: 'prod' }, { seed: 42 });
 * await handler(event, context);
 * ```
 */
export function fakeProxyEventV1<A extends ProxyEventV1AuthorizerInput | undefined = undefined>(
  overrides?: ProxyEventV1Options & { authorizer?: A },
  options?: FakeOptions,
): ProxyEventV1For<A>;
export function fakeProxyEventV1(
  overrides: ProxyEventV1Options = {},
  options: FakeOptions = {},
): APIGatewayProxyEvent {
  const chosen = overrides.resource === undefined ? undefined : { method: null, path: overrides.resource };
  const r = fakeRequest('fakeProxyEventV1', options, overrides, chosen);
  const generated: ProxyEventV1Options = {
    method: r.method,
    headers: r.headers,
    sourceIp: r.sourceIp,
    time: r.time,
    seed: options.seed ?? DEFAULT_SEED,
  };
  if (overrides.path === undefined) {
    generated.resource = r.template;
    if (r.pathParameters) generated.pathParameters = r.pathParameters;
  }
  if (r.query) generated.query = r.query;
  if (r.body) generated.body = r.body;
  // Object.assign, not spread: V8 gives per-call spread results fresh maps, which slows the builder 3×.
  return buildProxyEventV1(Object.assign(generated, overrides));
}

/**
 * A realistic HTTP API (payload 2.0) event, drawn from `seed` like {@link fakeProxyEventV1}; `overrides`
 * are {@link ProxyEventV2Options} (give `routeKey` to pick the route).
 *
 * @example
 * ```ts
 * const event = fakeProxyEventV2({ routeKey: 'GET /pets/{id}' }, { seed: 7 });
 * event.pathParameters?.id; // a generated id
 * ```
 */
export function fakeProxyEventV2<A extends ProxyEventV2AuthorizerInput | undefined = undefined>(
  overrides?: ProxyEventV2Options & { authorizer?: A },
  options?: FakeOptions,
): ProxyEventV2For<A>;
export function fakeProxyEventV2(
  overrides: ProxyEventV2Options = {},
  options: FakeOptions = {},
): APIGatewayProxyEventV2 {
  const chosen =
    overrides.routeKey === undefined ? undefined : parseRouteKey('fakeProxyEventV2', overrides.routeKey);
  const r = fakeRequest('fakeProxyEventV2', options, overrides, chosen);
  const generated: ProxyEventV2Options = {
    method: r.method,
    headers: r.headers,
    cookies: [r.cookie],
    sourceIp: r.sourceIp,
    time: r.time,
    seed: options.seed ?? DEFAULT_SEED,
  };
  if (overrides.path === undefined) {
    if (chosen === undefined) generated.routeKey = `${r.method} ${r.template}`;
    if (chosen?.path === null) generated.path = fillResourcePath(r.template, r.pathParameters ?? {});
    else if (r.pathParameters) generated.pathParameters = r.pathParameters;
  }
  if (r.query) generated.query = r.query;
  if (r.body) generated.body = r.body;
  return buildProxyEventV2(Object.assign(generated, overrides));
}
