import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as fc from 'fast-check';
import { buildProxyEventV1, type ProxyEventV1Options } from '../events/index.js';
import {
  headerPairs,
  queryPairs,
  REQUEST_METHODS,
  requestTime,
  resourcePath,
  stageName,
  stageVariables,
} from './http-parts.js';
import { jsonValue } from './json-value.js';
import { nastyString } from './nasty-string.js';
import { enumOption, invalidOption, readOptions } from './options.js';
import { resourcePathFor } from './resource-path-for.js';

/** Options of {@link proxyEventV1Options} and {@link proxyEventV1}. */
export interface ProxyEventV1ArbitraryOptions {
  /** `'REST'` (default) or `'HTTP'` (an HTTP API sending payload format 1.0). */
  apiType?: 'REST' | 'HTTP';
  /** Only requests for this resource template (e.g. your handler's `/pets/{id}`); default: random resources. */
  resource?: string;
  /** Only these verbs (one or a list); default: all seven. */
  method?: string | readonly string[];
}

const KNOWN = ['apiType', 'resource', 'method'] as const;

/** Validates a `method` option: one verb or a non-empty list of verbs. */
export function methodsOption(where: string, value: unknown): readonly string[] {
  if (value === undefined) return REQUEST_METHODS;
  const list = typeof value === 'string' ? [value] : value;
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    !list.every((m) => (REQUEST_METHODS as readonly unknown[]).includes(m))
  ) {
    throw invalidOption(
      where,
      'method',
      value,
      `Use one or more of ${REQUEST_METHODS.join(', ')} (uppercase)`,
    );
  }
  return list as string[];
}

/** A generated request body and the options that go with it. */
export interface GeneratedBody {
  body?: string | Uint8Array | Record<string, unknown>;
  contentType?: string;
  binaryMediaTypes?: string[];
}

/** Bodies: none, nasty text, a JSON object, or bytes whose Content-Type is a binary media type. */
export function requestBody(binary: boolean): fc.Arbitrary<GeneratedBody> {
  const options: fc.Arbitrary<GeneratedBody>[] = [
    fc.constant({}),
    fc
      .tuple(
        nastyString({ minPieces: 1 }),
        fc.constantFrom('text/plain', 'application/json', 'text/plain; charset=utf-8'),
      )
      .map(([body, contentType]) => ({ body, contentType })),
    jsonValue({ topLevel: 'object', maxDepth: 2 }).map((value) => ({
      body: value as Record<string, unknown>,
    })),
  ];
  if (binary) {
    options.push(
      fc
        .tuple(
          fc.uint8Array({ minLength: 1, maxLength: 32 }),
          fc.constantFrom(
            { contentType: 'application/octet-stream', binaryMediaTypes: ['application/octet-stream'] },
            { contentType: 'image/png', binaryMediaTypes: ['image/*'] },
            { contentType: 'application/pdf', binaryMediaTypes: ['image/png', 'application/pdf'] },
          ),
        )
        .map(([body, media]) => ({
          body,
          contentType: media.contentType,
          binaryMediaTypes: [...media.binaryMediaTypes],
        })),
    );
  }
  return fc.oneof(...options);
}

/**
 * Options for `buildProxyEventV1` describing a random but consistent request: a method, a resource with
 * `{vars}` and a greedy `{proxy+}` plus a path that matches it (and the path parameters, which the
 * builder cross-checks), header lines with repeated names, query pairs with repeated keys, text / JSON /
 * binary bodies, a stage, stage variables, a request time and an id seed. Seed it with fast-check's own
 * `seed` parameter.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { buildProxyEventV1 } from 'apigw-testkit/events';
 * import { proxyEventV1Options } from 'apigw-testkit/fast-check';
 * fc.assert(fc.property(proxyEventV1Options(), (options) => {
 *   const event = buildProxyEventV1(options);
 *   return event.httpMethod === options.method;
 * }));
 * ```
 */
export function proxyEventV1Options(
  options?: ProxyEventV1ArbitraryOptions,
): fc.Arbitrary<ProxyEventV1Options> {
  const where = 'proxyEventV1Options';
  const o = readOptions(where, options, KNOWN);
  const apiType = enumOption(where, o, 'apiType', 'REST', ['REST', 'HTTP']);
  const methods = methodsOption(where, o.method);
  if (o.resource !== undefined && typeof o.resource !== 'string') {
    throw invalidOption(where, 'resource', o.resource, "Pass a resource template such as '/pets/{id}'");
  }
  return fc
    .record({
      method: fc.constantFrom(...methods),
      route: o.resource === undefined ? resourcePath() : resourcePathFor(o.resource),
      headers: headerPairs(),
      query: queryPairs(),
      body: requestBody(apiType === 'REST'),
      stage: fc.option(stageName(), { freq: 2, nil: undefined }),
      stageVariables: fc.option(stageVariables(), { freq: 2, nil: undefined }),
      time: requestTime(),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
    })
    .map((g) => {
      const out: ProxyEventV1Options = {
        method: g.method,
        resource: g.route.resource,
        path: g.route.path,
        time: g.time,
        seed: g.seed,
      };
      if (Object.keys(g.route.pathParameters).length > 0) out.pathParameters = g.route.pathParameters;
      const headers = [...g.headers];
      if (g.body.contentType !== undefined) headers.push(['Content-Type', g.body.contentType]);
      if (headers.length > 0) out.headers = headers;
      if (g.query.length > 0) out.query = g.query;
      if (g.body.body !== undefined) out.body = g.body.body;
      if (g.body.binaryMediaTypes !== undefined) out.binaryMediaTypes = g.body.binaryMediaTypes;
      if (g.stage !== undefined) out.stage = g.stage;
      if (g.stageVariables !== undefined) out.stageVariables = g.stageVariables;
      if (apiType === 'HTTP') out.apiType = 'HTTP';
      return out;
    });
}

/**
 * Payload 1.0 events built by the real `buildProxyEventV1` from {@link proxyEventV1Options}, so every
 * event obeys the builder's consistency rules (single- and multi-value maps agree, path parameters
 * match the resource, the stage-prefixed `requestContext.path`, …).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { proxyEventV1 } from 'apigw-testkit/fast-check';
 * fc.assert(fc.property(proxyEventV1(), (event) => event.requestContext.path.endsWith(event.path)));
 * ```
 */
export function proxyEventV1(options?: ProxyEventV1ArbitraryOptions): fc.Arbitrary<APIGatewayProxyEvent> {
  return proxyEventV1Options(options).map((o) => buildProxyEventV1(o));
}
