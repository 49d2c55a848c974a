import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildProxyEventV1,
  buildProxyEventV2,
  type ProxyEventV1Options,
  type ProxyEventV2Options,
} from '../../src/events/index.js';
import {
  proxyEventV1,
  proxyEventV1Options,
  proxyEventV2,
  proxyEventV2Options,
} from '../../src/fast-check/index.js';

type Pairs = Array<[string, string]>;

/** Header lines grouped by lowercase name, in order. */
function groups(pairs: Pairs): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}

function own<T>(record: Record<string, T> | null | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The consistency rules of a REST (payload 1.0) event built from `options` (behaviour.md §1.1). */
function checkV1(options: ProxyEventV1Options, event: APIGatewayProxyEvent): void {
  const stage = options.stage ?? 'dev';
  expect(event.httpMethod).toBe(options.method);
  expect(event.resource).toBe(options.resource);
  expect(event.requestContext.resourcePath).toBe(options.resource);
  expect(event.path).toBe(options.path);
  expect(event.requestContext.path).toBe(`/${stage}${options.path}`);
  expect(event.requestContext.stage).toBe(stage);
  expect(event.pathParameters).toEqual(options.pathParameters ?? null);
  expect(event.requestContext.requestTimeEpoch).toBe(options.time);
  expect(event.requestContext.requestTime).toMatch(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
  // Single- and multi-value header maps agree: same names, the single value is the last one.
  expect(Object.keys(event.headers).sort()).toEqual(Object.keys(event.multiValueHeaders).sort());
  for (const name of Object.keys(event.headers)) {
    expect(own(event.headers, name)).toBe(own(event.multiValueHeaders, name)?.at(-1));
  }
  for (const [lower, values] of groups((options.headers ?? []) as Pairs)) {
    const name = Object.keys(event.multiValueHeaders).find((n) => n.toLowerCase() === lower);
    expect(name).toBeDefined();
    expect(own(event.multiValueHeaders, name!)).toEqual(values);
  }
  for (const added of [
    'host',
    'x-forwarded-for',
    'x-forwarded-port',
    'x-forwarded-proto',
    'x-amzn-trace-id',
  ]) {
    expect(Object.keys(event.headers).some((n) => n.toLowerCase() === added)).toBe(true);
  }
  expect(Object.keys(event.headers).some((n) => n.toLowerCase() === 'content-length')).toBe(false);
  // Query maps: null without a query; the single-value map keeps the last value of a repeated key.
  const query = (options.query ?? []) as Pairs;
  if (query.length === 0) {
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
  } else {
    const multi = new Map<string, string[]>();
    for (const [k, v] of query) multi.set(k, [...(multi.get(k) ?? []), v]);
    expect(Object.keys(event.multiValueQueryStringParameters ?? {}).sort()).toEqual([...multi.keys()].sort());
    for (const [k, values] of multi) {
      expect(own(event.multiValueQueryStringParameters, k)).toEqual(values);
      expect(own(event.queryStringParameters, k)).toBe(values.at(-1));
    }
  }
  expect(event.stageVariables).toEqual(
    options.stageVariables && Object.keys(options.stageVariables).length > 0 ? options.stageVariables : null,
  );
  checkBody(options.body, event.body ?? null, event.isBase64Encoded, true);
}

function checkBody(
  body: unknown,
  got: string | null,
  isBase64Encoded: boolean,
  binaryWhenBytes: boolean,
): void {
  if (body === undefined) {
    expect(got).toBeNull();
    expect(isBase64Encoded).toBe(false);
  } else if (body instanceof Uint8Array) {
    expect(isBase64Encoded).toBe(binaryWhenBytes);
    expect(got).toBe(Buffer.from(body).toString('base64'));
  } else if (typeof body === 'object') {
    expect(isBase64Encoded).toBe(false);
    expect(JSON.parse(got ?? 'null')).toEqual(body);
  } else if (!isBase64Encoded) {
    expect(got).toBe(body);
  } else {
    expect(Buffer.from(got ?? '', 'base64').toString('utf8')).toBe(body);
  }
}

/** The consistency rules of an HTTP API payload 2.0 event built from `options` (behaviour.md §1.2). */
function checkV2(options: ProxyEventV2Options, event: APIGatewayProxyEventV2): void {
  const stage = options.stage ?? '$default';
  const path = options.path ?? '/';
  const rawPath = stage === '$default' ? decode(path) : `/${stage}${decode(path)}`;
  expect(event.version).toBe('2.0');
  expect(event.routeKey).toBe(options.routeKey);
  expect(event.requestContext.routeKey).toBe(options.routeKey);
  expect(event.rawPath).toBe(rawPath);
  expect(event.requestContext.http.path).toBe(rawPath);
  expect(event.requestContext.http.method).toBe(options.method);
  expect(event.requestContext.timeEpoch).toBe(options.time);
  const params = options.pathParameters;
  if (params === undefined) expect(event.pathParameters).toBeUndefined();
  else
    expect(event.pathParameters).toEqual(
      Object.fromEntries(Object.entries(params).map(([k, v]) => [k, decode(v)])),
    );
  // Headers lowercased, repeated values joined with ',' (no space); the Cookie header moves to `cookies`.
  for (const name of Object.keys(event.headers)) expect(name).toBe(name.toLowerCase());
  expect(own(event.headers, 'cookie')).toBeUndefined();
  for (const [lower, values] of groups((options.headers ?? []) as Pairs)) {
    expect(own(event.headers, lower)).toBe(values.join(','));
  }
  for (const added of [
    'host',
    'x-forwarded-for',
    'x-forwarded-port',
    'x-forwarded-proto',
    'x-amzn-trace-id',
    'content-length',
  ]) {
    expect(own(event.headers, added)).toBeDefined();
  }
  const cookies =
    options.cookies === undefined
      ? []
      : Array.isArray(options.cookies)
        ? options.cookies
        : Object.entries(options.cookies).map(([k, v]) => `${k}=${v}`);
  expect(event.cookies).toEqual(cookies.length === 0 ? undefined : cookies);
  // Query: raw text round-trips to the pairs; repeated keys joined with ','.
  const query = (options.query ?? []) as Pairs;
  expect([...new URLSearchParams(event.rawQueryString)]).toEqual(query);
  if (query.length === 0) expect(event.queryStringParameters).toBeUndefined();
  else {
    const joined = new Map<string, string>();
    for (const [k, v] of query) joined.set(k, joined.has(k) ? `${joined.get(k)},${v}` : v);
    for (const [k, v] of joined) expect(own(event.queryStringParameters, k)).toBe(v);
  }
  if (options.stageVariables && Object.keys(options.stageVariables).length > 0)
    expect(event.stageVariables).toEqual(options.stageVariables);
  else expect(event.stageVariables).toBeUndefined();
  const body = options.body;
  if (body === undefined) expect(event.body).toBeUndefined();
  else checkBody(body, event.body ?? null, event.isBase64Encoded, true);
}

describe('proxyEventV1: every generated event obeys the REST event rules', () => {
  it('builds without error and agrees with its options (maps, path parameters, stage-prefixed path, body)', () => {
    fc.assert(
      fc.property(proxyEventV1Options(), (options) => {
        checkV1(options, buildProxyEventV1(options));
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('the same seed gives the same events', () => {
    expect(fc.sample(proxyEventV1(), { numRuns: 30, seed: 12 })).toEqual(
      fc.sample(proxyEventV1(), { numRuns: 30, seed: 12 }),
    );
  });

  it('generates repeated header names, repeated query keys, {vars}, {proxy+} with a trailing slash and binary bodies', () => {
    const samples = fc.sample(proxyEventV1Options(), { numRuns: 500, seed: 13 });
    expect(
      samples.some(
        (o) =>
          new Set((o.headers as Pairs | undefined)?.map(([n]) => n)).size <
          ((o.headers as Pairs | undefined)?.length ?? 0),
      ),
    ).toBe(true);
    expect(
      samples.some(
        (o) =>
          new Set((o.query as Pairs | undefined)?.map(([k]) => k)).size <
          ((o.query as Pairs | undefined)?.length ?? 0),
      ),
    ).toBe(true);
    expect(samples.some((o) => /\{[^+}]+\}/.test(o.resource ?? ''))).toBe(true);
    expect(samples.some((o) => /\+\}$/.test(o.resource ?? '') && o.path?.endsWith('/'))).toBe(true);
    expect(samples.some((o) => o.body instanceof Uint8Array)).toBe(true);
  });

  it('HTTP API payload 1.0 events have lowercase header names and version 1.0', () => {
    fc.assert(
      fc.property(proxyEventV1({ apiType: 'HTTP' }), (event) => {
        expect((event as unknown as { version: string }).version).toBe('1.0');
        for (const name of Object.keys(event.headers)) expect(name).toBe(name.toLowerCase());
      }),
      { numRuns: 100, seed: 14 },
    );
  });
});

describe('proxyEventV2: every generated event obeys the HTTP API payload 2.0 rules', () => {
  it('builds without error and agrees with its options (route key, rawPath, joined headers and query, cookies)', () => {
    fc.assert(
      fc.property(proxyEventV2Options(), (options) => {
        checkV2(options, buildProxyEventV2(options));
      }),
      { numRuns: 400, seed: 21 },
    );
  });

  it('the same seed gives the same events', () => {
    expect(fc.sample(proxyEventV2(), { numRuns: 30, seed: 22 })).toEqual(
      fc.sample(proxyEventV2(), { numRuns: 30, seed: 22 }),
    );
  });
});

describe('events for one route', () => {
  it('resource and method fix the REST route: every path matches /pets/{id}/files/{proxy+}', () => {
    fc.assert(
      fc.property(
        proxyEventV1Options({ resource: '/pets/{id}/files/{proxy+}', method: ['GET', 'PUT'] }),
        (options) => {
          const event = buildProxyEventV1(options);
          expect(event.resource).toBe('/pets/{id}/files/{proxy+}');
          expect(['GET', 'PUT']).toContain(event.httpMethod);
          expect(Object.keys(event.pathParameters ?? {}).sort()).toEqual(['id', 'proxy']);
          checkV1(options, event);
        },
      ),
      { numRuns: 200, seed: 31 },
    );
  });

  it('a literal resource has null pathParameters', () => {
    for (const event of fc.sample(proxyEventV1({ resource: '/health' }), { numRuns: 20, seed: 32 })) {
      expect(event.path).toBe('/health');
      expect(event.pathParameters).toBeNull();
    }
  });

  it.each([
    ['GET /pets/{id}', ['GET']],
    ['ANY /{proxy+}', ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']],
    ['$default', ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']],
  ])('routeKey %s fixes the HTTP API route key and its verbs', (routeKey, methods) => {
    fc.assert(
      fc.property(proxyEventV2Options({ routeKey }), (options) => {
        const event = buildProxyEventV2(options);
        expect(event.routeKey).toBe(routeKey);
        expect(methods).toContain(event.requestContext.http.method);
        checkV2(options, event);
      }),
      { numRuns: 100, seed: 33 },
    );
  });
});

describe('event arbitrary option validation', () => {
  it.each([
    [
      'a resource with a variable that is not a whole segment',
      () => proxyEventV1({ resource: '/pets/x{id}' }),
      'EVENT_INVALID_RESOURCE',
    ],
    ['an unknown verb', () => proxyEventV1({ method: 'FETCH' }), 'FAST_CHECK_INVALID_OPTION'],
    ['ANY as a verb', () => proxyEventV1Options({ method: ['ANY'] }), 'FAST_CHECK_INVALID_OPTION'],
    ['an invalid route key', () => proxyEventV2({ routeKey: 'GET pets' }), 'EVENT_INVALID_ROUTE_KEY'],
    [
      'a verb the route key excludes',
      () => proxyEventV2({ routeKey: 'GET /pets', method: 'POST' }),
      'FAST_CHECK_INVALID_OPTION',
    ],
  ])('%s is refused with %s', (_name, call, code) => {
    expect(call).toThrow(expect.objectContaining({ code }));
  });

  it('refuses unknown options with UNKNOWN_OPTION', () => {
    expect(() => proxyEventV1({ stage: 'x' } as never)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_OPTION' }),
    );
    expect(() => proxyEventV2({ apiType: 'REST' } as never)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_OPTION' }),
    );
  });

  it('refuses a bad apiType with FAST_CHECK_INVALID_OPTION', () => {
    expect(() => proxyEventV1Options({ apiType: 'WS' as never })).toThrow(
      expect.objectContaining({ code: 'FAST_CHECK_INVALID_OPTION' }),
    );
  });
});
