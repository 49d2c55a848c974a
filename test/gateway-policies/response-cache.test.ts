import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock/index.js';
import {
  type CacheLookupRequest,
  type CacheMiss,
  createResponseCache,
  type ResponseCacheOptions,
} from '../../src/gateway/caching/index.js';

const GET: CacheLookupRequest = { routeKey: 'GET /pets', method: 'GET', stage: 'dev' };
const RESPONSE = {
  statusCode: 200,
  headers: [['content-type', 'application/json']] as [string, string][],
  body: '[1]',
};

function setup(options: Partial<ResponseCacheOptions> = {}) {
  const clock = createManualClock({ start: 0 });
  const cache = createResponseCache({ clock, ...options });
  const fill = (
    request: CacheLookupRequest = GET,
    response: Parameters<typeof cache.store>[1] = RESPONSE,
  ) => {
    const first = cache.lookup(request);
    if (first.status !== 'miss') throw new Error(`expected a miss, got ${first.status}`);
    return cache.store(first, response);
  };
  return { clock, cache, fill };
}

describe('stage cache TTL and methods (behaviour.md §7)', () => {
  it('serves a stored GET response from the cache until the 300 s default TTL ends', () => {
    const { clock, cache, fill } = setup();
    expect(fill()).toEqual({ stored: true });
    clock.advance(299_999);
    expect(cache.lookup(GET)).toEqual({
      status: 'hit',
      key: '9:GET /pets\u0001GET\u00013:dev',
      response: { statusCode: 200, headers: [['content-type', 'application/json']], body: '[1]' },
      ageSeconds: 299,
      headers: [],
    });
    clock.advance(1);
    expect(cache.lookup(GET)).toMatchObject({ status: 'miss', ttlInSeconds: 300, invalidated: false });
  });

  it('honours a per-route ttlInSeconds', () => {
    const { clock, cache, fill } = setup({ routes: { 'pets/GET': { ttlInSeconds: 10 } } });
    fill();
    clock.advance(9_999);
    expect(cache.lookup(GET).status).toBe('hit');
    clock.advance(1);
    expect(cache.lookup(GET).status).toBe('miss');
  });

  it.each([
    [{ ttlInSeconds: 0 }, GET, 'ttl-zero'],
    [{ routes: { 'GET /pets': { ttlInSeconds: 0 } } }, GET, 'ttl-zero'],
    [{}, { ...GET, routeKey: 'POST /pets', method: 'POST' }, 'caching-disabled'],
    [{}, { ...GET, routeKey: 'ANY /{proxy+}' }, 'caching-disabled'],
    [{ cachingEnabled: false }, GET, 'caching-disabled'],
    [{ routes: { 'GET /pets': { cachingEnabled: false } } }, GET, 'caching-disabled'],
  ])('bypasses the cache for %o %o (%s)', (options, request, reason) => {
    const { cache } = setup(options);
    expect(cache.lookup(request)).toEqual({ status: 'bypass', reason });
    expect(cache.stats().misses).toBe(0);
  });

  it('caches a non-GET method only with a per-route opt-in', () => {
    const post = { ...GET, routeKey: 'POST /search', method: 'POST' };
    const { cache, fill } = setup({ routes: { 'POST /search': { cachingEnabled: true } } });
    fill(post);
    expect(cache.lookup(post).status).toBe('hit');
  });
});

describe('cache keys', () => {
  const routes = { 'GET /pets': { cacheKeyParameters: ['method.request.querystring.type'] } };

  it('ignores query parameters that are not cache key parameters (type=admin&department=A and B share an entry)', () => {
    const { cache, fill } = setup({ routes });
    fill({ ...GET, query: { type: 'admin', department: 'A' } });
    expect(cache.lookup({ ...GET, query: new URLSearchParams('type=admin&department=B') }).status).toBe(
      'hit',
    );
    expect(cache.lookup({ ...GET, query: { type: 'user', department: 'A' } }).status).toBe('miss');
    expect(cache.lookup({ ...GET, query: {} }).status).toBe('miss');
  });

  it('keys on the last value of a repeated single-value query parameter', () => {
    const { cache, fill } = setup({ routes });
    fill({ ...GET, query: new URLSearchParams('type=a&type=b') });
    expect(cache.lookup({ ...GET, query: { type: 'b' } }).status).toBe('hit');
  });

  it('distinguishes an absent parameter from an empty one', () => {
    const { cache, fill } = setup({ routes });
    fill({ ...GET, query: { type: '' } });
    expect(cache.lookup({ ...GET, query: {} }).status).toBe('miss');
  });

  it('reads header parameters case-insensitively and path parameters by name', () => {
    const { cache, fill } = setup({
      routes: {
        'GET /pets/{id}': {
          cacheKeyParameters: ['method.request.header.X-Tenant', 'method.request.path.id'],
        },
      },
    });
    const base = { ...GET, routeKey: 'GET /pets/{id}' };
    fill({ ...base, pathParameters: { id: '1' }, headers: { 'x-tenant': 'acme' } });
    expect(
      cache.lookup({ ...base, pathParameters: { id: '1' }, headers: new Headers({ 'X-TENANT': 'acme' }) })
        .status,
    ).toBe('hit');
    expect(
      cache.lookup({ ...base, pathParameters: { id: '2' }, headers: { 'X-Tenant': 'acme' } }).status,
    ).toBe('miss');
    expect(
      cache.lookup({ ...base, pathParameters: { id: '1' }, headers: { 'X-Tenant': 'other' } }).status,
    ).toBe('miss');
  });

  it('keeps stages and namespaces apart; a shared cacheNamespace shares entries', () => {
    const { cache, fill } = setup({
      routes: { 'GET /a': { cacheNamespace: 'ns' }, 'GET /b': { cacheNamespace: 'ns' } },
    });
    fill({ ...GET, routeKey: 'GET /a' });
    expect(cache.lookup({ ...GET, routeKey: 'GET /b' }).status).toBe('hit');
    expect(cache.lookup({ ...GET, routeKey: 'GET /a', stage: 'prod' }).status).toBe('miss');
  });

  it('never serves a response stored for a different key', () => {
    const values = fc.constantFrom(undefined, '', 'a', 'b');
    const request = fc.record({ type: values, other: values, tenant: values, id: fc.constantFrom('1', '2') });
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 60 }), (requests) => {
        const { cache } = setup({
          routes: {
            'GET /pets/{id}': {
              cacheKeyParameters: [
                'method.request.querystring.type',
                'method.request.header.x-tenant',
                'method.request.path.id',
              ],
            },
          },
        });
        for (const r of requests) {
          const lookup = cache.lookup({
            routeKey: 'GET /pets/{id}',
            method: 'GET',
            stage: 'dev',
            pathParameters: { id: r.id },
            query: r.type === undefined ? { other: r.other ?? 'x' } : { type: r.type, other: r.other ?? 'x' },
            headers: r.tenant === undefined ? {} : { 'X-Tenant': r.tenant },
          });
          const identity = JSON.stringify([r.type ?? null, r.tenant ?? null, r.id]);
          if (lookup.status === 'hit') expect(lookup.response.body).toBe(identity);
          else if (lookup.status === 'miss') cache.store(lookup, { statusCode: 200, body: identity });
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('Cache-Control: max-age=0 invalidation', () => {
  const invalidate = { ...GET, headers: { 'Cache-Control': 'no-store, MAX-AGE=0' } };

  it('by default ignores an unauthorised max-age=0, serves the cached response and adds a warning header', () => {
    const { cache, fill } = setup();
    fill();
    expect(cache.lookup(invalidate)).toMatchObject({
      status: 'hit',
      headers: [['Warning', '199 Cache-control headers were ignored because the caller was unauthorized.']],
    });
  });

  it('an authorised caller fetches from the integration and replaces the entry', () => {
    const { cache, fill } = setup();
    fill();
    const miss = cache.lookup({ ...invalidate, authorizedToInvalidate: true }) as CacheMiss;
    expect(miss).toMatchObject({ status: 'miss', invalidated: true, headers: [] });
    cache.store(miss, { statusCode: 200, body: 'fresh' });
    expect(cache.lookup(GET)).toMatchObject({ status: 'hit', response: { body: 'fresh' } });
    expect(cache.stats().invalidations).toBe(1);
  });

  it('anyone may invalidate when requireAuthorizationForCacheControl is false', () => {
    const { cache, fill } = setup({ requireAuthorizationForCacheControl: false });
    fill();
    expect(cache.lookup(invalidate)).toMatchObject({ status: 'miss', invalidated: true });
  });

  it('FAIL_WITH_403 refuses an unauthorised invalidation', () => {
    const { cache, fill } = setup({
      routes: { 'GET /pets': { unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' } },
    });
    fill();
    expect(cache.lookup(invalidate)).toMatchObject({ status: 'forbidden' });
  });

  it('SUCCEED_WITHOUT_RESPONSE_HEADER serves from cache silently', () => {
    const { cache, fill } = setup({
      unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITHOUT_RESPONSE_HEADER',
    });
    fill();
    expect(cache.lookup(invalidate)).toMatchObject({ status: 'hit', headers: [] });
  });

  it('other Cache-Control directives do not invalidate', () => {
    const { cache, fill } = setup({ requireAuthorizationForCacheControl: false });
    fill();
    expect(cache.lookup({ ...GET, headers: { 'cache-control': 'max-age=10, no-cache' } }).status).toBe('hit');
  });
});

describe('what is stored', () => {
  it('does not cache a response body over 1 048 576 bytes', () => {
    const { fill } = setup();
    expect(fill(GET, { statusCode: 200, body: new Uint8Array(1_048_577) })).toEqual({
      stored: false,
      reason: 'too-large',
    });
    expect(fill({ ...GET, stage: 'b' }, { statusCode: 200, body: 'é'.repeat(524_288) })).toEqual({
      stored: true,
    });
  });

  it('caches non-2xx integration responses by default, not with cacheNon2xxResponses: false', () => {
    expect(setup().fill(GET, { statusCode: 404, body: '' })).toEqual({ stored: true });
    expect(setup({ cacheNon2xxResponses: false }).fill(GET, { statusCode: 404, body: '' })).toEqual({
      stored: false,
      reason: 'status-not-cached',
    });
  });

  it('stores a snapshot: later changes to the original or to a served copy do not leak', () => {
    const { cache, fill } = setup();
    const body = new Uint8Array([1, 2, 3]);
    const headers: [string, string][] = [['x-a', '1']];
    fill(GET, { statusCode: 200, headers, body });
    body[0] = 9;
    headers[0]![1] = 'changed';
    const hit = cache.lookup(GET);
    if (hit.status !== 'hit') throw new Error('expected a hit');
    (hit.response.body as Uint8Array)[1] = 9;
    hit.response.headers.push(['x-b', '2']);
    expect(cache.lookup(GET)).toMatchObject({
      response: { statusCode: 200, headers: [['x-a', '1']], body: new Uint8Array([1, 2, 3]) },
    });
  });

  it.each([
    [
      'a list of lines',
      [
        ['x-a', '1'],
        ['X-B', '2'],
        ['x-a', '3'],
      ] as [string, string][],
    ],
    [
      'a Headers object',
      new Headers([
        ['x-a', '1'],
        ['X-B', '2'],
      ]),
    ],
    ['a record', { 'x-a': '1', 'X-B': '2' }],
  ])(
    'serves every stored header line in order, as fresh pairs on each hit (headers given as %s)',
    (_, headers) => {
      const { cache, fill } = setup();
      fill(GET, { statusCode: 200, headers, body: 'ok' });
      const expected =
        headers instanceof Headers
          ? [...headers]
          : Array.isArray(headers)
            ? headers.map(([n, v]) => [n, v])
            : Object.entries(headers);
      const first = cache.lookup(GET);
      if (first.status !== 'hit') throw new Error('expected a hit');
      expect(first.response).toEqual({ statusCode: 200, headers: expected, body: 'ok' });
      first.response.headers[0]![1] = 'changed';
      expect(cache.lookup(GET)).toMatchObject({ response: { headers: expected } });
    },
  );

  it("gives each entry its own stored header lines, whether they equal the previous entry's or not", () => {
    const { cache, fill } = setup();
    const at = (stage: string) => ({ ...GET, stage });
    const json: [string, string][] = [['content-type', 'application/json']];
    const text: [string, string][] = [
      ['content-type', 'text/plain'],
      ['x-id', '2'],
    ];
    fill(at('a'), { statusCode: 200, headers: json, body: 'A' });
    fill(at('b'), { statusCode: 200, headers: [['content-type', 'application/json']], body: 'B' });
    fill(at('c'), { statusCode: 201, headers: text, body: 'C' });
    fill(at('d'), { statusCode: 200, headers: json, body: 'D' });
    json[0]![1] = 'changed after the store';
    expect(['a', 'b', 'c', 'd'].map((stage) => cache.lookup(at(stage)))).toMatchObject([
      {
        status: 'hit',
        response: { statusCode: 200, headers: [['content-type', 'application/json']], body: 'A' },
      },
      {
        status: 'hit',
        response: { statusCode: 200, headers: [['content-type', 'application/json']], body: 'B' },
      },
      {
        status: 'hit',
        response: {
          statusCode: 201,
          headers: [
            ['content-type', 'text/plain'],
            ['x-id', '2'],
          ],
          body: 'C',
        },
      },
      {
        status: 'hit',
        response: { statusCode: 200, headers: [['content-type', 'application/json']], body: 'D' },
      },
    ]);
  });

  it('evicts the least recently used entry beyond maxEntries', () => {
    const { cache, fill } = setup({ maxEntries: 2 });
    const at = (stage: string) => ({ ...GET, stage });
    fill(at('a'));
    fill(at('b'));
    expect(cache.lookup(at('a')).status).toBe('hit');
    fill(at('c'));
    expect([
      cache.lookup(at('a')).status,
      cache.lookup(at('b')).status,
      cache.lookup(at('c')).status,
    ]).toEqual(['hit', 'miss', 'hit']);
    expect(cache.stats()).toMatchObject({ evictions: 1, entries: 2 });
  });

  it('evicts in least-recently-used order across several reads', () => {
    const { cache, fill } = setup({ maxEntries: 3 });
    const at = (stage: string) => ({ ...GET, stage });
    for (const s of ['a', 'b', 'c']) fill(at(s));
    cache.lookup(at('a'));
    fill(at('d')); // evicts b
    cache.lookup(at('c'));
    fill(at('e')); // evicts a (least recently used), keeps c
    const statuses = ['a', 'b', 'c', 'd', 'e'].map((s) => cache.lookup(at(s)).status);
    expect(statuses).toEqual(['miss', 'miss', 'hit', 'hit', 'hit']);
  });

  it('evicts by the byte budget of the cluster size', () => {
    const { cache, fill } = setup({ cacheClusterSize: 0.5 });
    const big = { statusCode: 200, body: new Uint8Array(1_048_576) };
    for (let i = 0; i < 600; i++) fill({ ...GET, stage: `s${i}` }, big);
    const stats = cache.stats();
    expect(stats.entries).toBe(511);
    expect(stats.evictions).toBe(89);
    expect(stats.bytes).toBeLessThanOrEqual(2 ** 29);
  });

  it('flush() empties the cache; stats count hits and misses', () => {
    const { cache, fill } = setup();
    fill();
    cache.lookup(GET);
    cache.flush();
    expect(cache.lookup(GET).status).toBe('miss');
    expect(cache.stats()).toEqual({
      hits: 1,
      misses: 2,
      stored: 1,
      evictions: 0,
      invalidations: 0,
      entries: 0,
      bytes: 0,
    });
  });
});

describe('cache configuration errors', () => {
  it.each([
    [{ ttlInSeconds: 3601 }, 'CACHE_INVALID_TTL'],
    [{ ttlInSeconds: -1 }, 'CACHE_INVALID_TTL'],
    [{ ttlInSeconds: 1.5 }, 'CACHE_INVALID_TTL'],
    [{ routes: { 'GET /a': { ttlInSeconds: 4000 } } }, 'CACHE_INVALID_TTL'],
    [{ cacheClusterSize: 2 }, 'CACHE_INVALID_CLUSTER_SIZE'],
    [{ maxEntries: 0 }, 'CACHE_INVALID_MAX_ENTRIES'],
    [{ unauthorizedCacheControlHeaderStrategy: 'IGNORE' }, 'CACHE_INVALID_STRATEGY'],
    [{ routes: { 'GET /a': { cacheKeyParameters: ['querystring.type'] } } }, 'CACHE_INVALID_KEY_PARAMETER'],
    [
      { routes: { 'GET /a': { cacheKeyParameters: ['method.request.body.type'] } } },
      'CACHE_INVALID_KEY_PARAMETER',
    ],
    [{ routes: { '*/*': {} } }, 'CACHE_INVALID_ROUTE_KEY'],
    [{ routes: { 'get /a': {} } }, 'CACHE_INVALID_ROUTE_KEY'],
    [{ routes: { 'GET /a': {}, 'a/GET': {} } }, 'CACHE_DUPLICATE_ROUTE_KEY'],
    [{ routes: { 'GET /a': { ttl: 5 } } }, 'UNKNOWN_OPTION'],
    [{ cacheTtl: 5 }, 'UNKNOWN_OPTION'],
  ])('refuses %o with %s', (options, code) => {
    expect(() => createResponseCache({ clock: createManualClock(), ...(options as object) })).toThrowError(
      expect.objectContaining({ code }),
    );
  });
});
