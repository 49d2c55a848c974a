import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildProxyEventV1,
  buildProxyEventV2,
  fillResourcePath,
  matchResourcePath,
} from '../../src/events/index.js';

const token = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}$/);
const headerName = token.filter(
  (n) =>
    ![
      'connection',
      'content-md5',
      'expect',
      'max-forwards',
      'proxy-authenticate',
      'server',
      'te',
      'transfer-encoding',
      'trailer',
      'upgrade',
      'www-authenticate',
      'content-length',
      'cookie',
      '__proto__',
    ].includes(n.toLowerCase()),
);
const headerValue = fc.stringMatching(/^[ -~]{0,16}$/).map((v) => v.replace(/,/g, ''));
const headerPairs = fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 });
const queryPairs = fc.array(
  fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 })),
  { maxLength: 8 },
);
const segment = fc.stringMatching(/^[A-Za-z0-9._~%-]{1,8}$/);
const staticPart = fc.stringMatching(/^[a-z0-9_-]{1,6}$/);

/** A resource template with its variables, and values for them. */
const resourceCase = fc
  .tuple(
    fc.array(
      fc.oneof(
        staticPart.map((s) => ({ kind: 's' as const, s })),
        fc.constant({ kind: 'v' as const }),
      ),
      { maxLength: 5 },
    ),
    fc.boolean(),
    fc.array(segment, { minLength: 6, maxLength: 6 }),
    fc.array(segment, { minLength: 1, maxLength: 3 }),
  )
  .map(([parts, greedy, values, rest]) => {
    const params: Record<string, string> = {};
    const template = parts.map((p, i) => {
      if (p.kind === 's') return p.s;
      params[`v${i}`] = values[i]!;
      return `{v${i}}`;
    });
    if (greedy) {
      template.push('{proxy+}');
      params.proxy = rest.join('/');
    }
    return { resource: `/${template.join('/')}`, params };
  });

describe('builder consistency (property tests)', () => {
  it('v1 single-value maps hold the last value of the multi-value maps, for headers and query', () => {
    fc.assert(
      fc.property(headerPairs, queryPairs, (headers, query) => {
        const event = buildProxyEventV1({ headers, query });
        for (const [name, values] of Object.entries(event.multiValueHeaders))
          expect(event.headers[name]).toBe(values!.at(-1));
        expect(Object.keys(event.headers)).toEqual(Object.keys(event.multiValueHeaders));
        if (query.length === 0) {
          expect(event.queryStringParameters).toBeNull();
        } else {
          for (const [key, values] of Object.entries(event.multiValueQueryStringParameters!)) {
            expect(event.queryStringParameters![key]).toBe(values!.at(-1));
          }
        }
      }),
    );
  });

  it('structured query values survive the trip through the raw query string', () => {
    fc.assert(
      fc.property(queryPairs, (query) => {
        const v1 = buildProxyEventV1({ query });
        const v2 = buildProxyEventV2({ query });
        const grouped = new Map<string, string[]>();
        for (const [k, v] of query) grouped.set(k, [...(grouped.get(k) ?? []), v]);
        const expected = Object.fromEntries(grouped);
        expect(v1.multiValueQueryStringParameters ?? {}).toEqual(expected);
        const reparsed = buildProxyEventV1({ query: v2.rawQueryString });
        expect(reparsed.multiValueQueryStringParameters ?? {}).toEqual(expected);
      }),
    );
  });

  it('path parameters substituted back into the resource give the path', () => {
    fc.assert(
      fc.property(resourceCase, fc.boolean(), ({ resource, params }, trailingSlash) => {
        const path = fillResourcePath(resource, params);
        const requested = trailingSlash && path !== '/' ? `${path}/` : path;
        const event = buildProxyEventV1({ resource, path: requested });
        expect(event.path).toBe(requested);
        expect(matchResourcePath(resource, requested)).toEqual(params);
        expect(fillResourcePath(resource, event.pathParameters ?? {})).toBe(path);
      }),
    );
  });

  it('v2 headers are the lowercased v1 headers joined with commas, and cookies leave the headers', () => {
    fc.assert(
      fc.property(
        headerPairs,
        fc.array(fc.tuple(token, fc.stringMatching(/^[A-Za-z0-9]{0,6}$/)), { maxLength: 4 }),
        (headers, cookiePairs) => {
          const cookies = cookiePairs.map(([n, v]) => `${n}=${v}`);
          const v1 = buildProxyEventV1({ headers, apiType: 'HTTP' });
          const v2 = buildProxyEventV2({ headers, cookies });
          for (const [name, values] of Object.entries(v1.multiValueHeaders))
            expect(v2.headers[name]).toBe(values!.join(','));
          expect(v2.headers).not.toHaveProperty('cookie');
          if (cookies.length === 0) expect(v2.cookies).toBeUndefined();
          else expect(v2.cookies).toEqual(cookies);
        },
      ),
    );
  });

  it('the same options and seed give the same event', () => {
    fc.assert(
      fc.property(headerPairs, queryPairs, fc.oneof(fc.integer(), fc.string()), (headers, query, seed) => {
        expect(buildProxyEventV1({ headers, query, seed })).toEqual(
          buildProxyEventV1({ headers, query, seed }),
        );
        expect(buildProxyEventV2({ headers, query, seed })).toEqual(
          buildProxyEventV2({ headers, query, seed }),
        );
      }),
    );
  });
});
