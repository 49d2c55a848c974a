import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as fc from 'fast-check';
import { formatText } from '../errors/format-value.js';
import { buildProxyEventV2, type ProxyEventV2Options, parseRouteKey } from '../events/index.js';
import { ALNUM, charsFrom, identifier, LOWER, UPPER } from './chars.js';
import {
  headerPairs,
  queryPairs,
  requestTime,
  resourcePath,
  stageName,
  stageVariables,
} from './http-parts.js';
import { invalidOption, readOptions } from './options.js';
import { methodsOption, requestBody } from './proxy-event-v1.js';
import { resourcePathFor } from './resource-path-for.js';

/** Options of {@link proxyEventV2Options} and {@link proxyEventV2}. */
export interface ProxyEventV2ArbitraryOptions {
  /** Only requests matching this route key (`'GET /pets/{id}'`, `'ANY /{proxy+}'`, `'$default'`); default: random routes. */
  routeKey?: string;
  /** Only these verbs (one or a list); default: all seven (or the route key's own verb). */
  method?: string | readonly string[];
}

const KNOWN = ['routeKey', 'method'] as const;

type RouteChoice = 'same' | 'ANY' | '$default';

/** The route kinds, verbs and paths to draw from, after checking the options. */
function routes(where: string, o: Record<string, unknown>) {
  let methods = methodsOption(where, o.method);
  if (o.routeKey === undefined) {
    return {
      kinds: ['same', 'ANY', '$default'] as RouteChoice[],
      methods,
      paths: resourcePath(),
      fixed: undefined,
    };
  }
  const route = parseRouteKey(where, o.routeKey);
  if (route.path === null)
    return { kinds: ['$default'] as RouteChoice[], methods, paths: resourcePath(), fixed: undefined };
  if (route.method !== 'ANY' && route.method !== null) {
    if (o.method !== undefined && !methods.includes(route.method)) {
      throw invalidOption(
        where,
        'method',
        o.method,
        `Route key ${formatText(o.routeKey)} only matches ${route.method}; drop method or include it`,
      );
    }
    methods = [route.method];
  }
  return {
    kinds: [route.method === 'ANY' ? 'ANY' : 'same'] as RouteChoice[],
    methods,
    paths: resourcePathFor(route.path),
    fixed: o.routeKey as string,
  };
}

/** Cookies as the builder takes them: a record or `name=value` strings. */
function cookies(): fc.Arbitrary<Record<string, string> | string[]> {
  const name = identifier(LOWER + UPPER, `${ALNUM}_-`, 7);
  const value = charsFrom(`${ALNUM}!#$%&'()*+-./:<=>?@[]^_\`{|}~`, 0, 12);
  return fc.oneof(
    fc.dictionary(name, value, { minKeys: 1, maxKeys: 3, noNullPrototype: true }),
    fc.array(
      fc.tuple(name, value).map(([n, v]) => `${n}=${v}`),
      { minLength: 1, maxLength: 3 },
    ),
  );
}

/**
 * Options for `buildProxyEventV2` describing a random but consistent HTTP API request: a route key
 * (`GET /pets/{id}`, `ANY /{proxy+}` or `$default`) with a path that matches it, header lines with
 * repeated names, query pairs with repeated keys, cookies, text / JSON / binary bodies, a `$default` or
 * named stage, stage variables, a request time and an id seed. Seed it with fast-check's own `seed`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { buildProxyEventV2 } from 'apigw-testkit/events';
 * import { proxyEventV2Options } from 'apigw-testkit/fast-check';
 * fc.assert(fc.property(proxyEventV2Options(), (options) => buildProxyEventV2(options).version === '2.0'));
 * ```
 */
export function proxyEventV2Options(
  options?: ProxyEventV2ArbitraryOptions,
): fc.Arbitrary<ProxyEventV2Options> {
  const where = 'proxyEventV2Options';
  const r = routes(where, readOptions(where, options, KNOWN));
  return fc
    .record({
      method: fc.constantFrom(...r.methods),
      routeMethod: fc.constantFrom(...r.kinds),
      route: r.paths,
      headers: headerPairs(),
      query: queryPairs(),
      cookies: fc.option(cookies(), { freq: 2, nil: undefined }),
      body: requestBody(true),
      stage: fc.option(stageName(), { freq: 2, nil: undefined }),
      stageVariables: fc.option(stageVariables(), { freq: 2, nil: undefined }),
      time: requestTime(),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
    })
    .map((g) => {
      const out: ProxyEventV2Options = { method: g.method, path: g.route.path, time: g.time, seed: g.seed };
      if (g.routeMethod === '$default') {
        out.routeKey = '$default';
      } else {
        out.routeKey = r.fixed ?? `${g.routeMethod === 'ANY' ? 'ANY' : g.method} ${g.route.resource}`;
        if (Object.keys(g.route.pathParameters).length > 0) out.pathParameters = g.route.pathParameters;
      }
      const headers = [...g.headers];
      if (g.body.contentType !== undefined) headers.push(['Content-Type', g.body.contentType]);
      if (headers.length > 0) out.headers = headers;
      if (g.query.length > 0) out.query = g.query;
      if (g.cookies !== undefined) out.cookies = g.cookies;
      if (g.body.body !== undefined) out.body = g.body.body;
      if (g.stage !== undefined) out.stage = g.stage;
      if (g.stageVariables !== undefined) out.stageVariables = g.stageVariables;
      return out;
    });
}

/**
 * Payload 2.0 events built by the real `buildProxyEventV2` from {@link proxyEventV2Options}, so every
 * event obeys the builder's consistency rules (lowercase comma-joined headers, cookies split out,
 * `rawPath`/`rawQueryString`, decoded path parameters matching the route key, …).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { proxyEventV2 } from 'apigw-testkit/fast-check';
 * fc.assert(fc.property(proxyEventV2(), (event) => event.headers.host !== undefined));
 * ```
 */
export function proxyEventV2(options?: ProxyEventV2ArbitraryOptions): fc.Arbitrary<APIGatewayProxyEventV2> {
  return proxyEventV2Options(options).map((o) => buildProxyEventV2(o));
}
