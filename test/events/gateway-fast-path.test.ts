import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type GatewayEventInput,
  gatewayOptionsV1,
  gatewayOptionsV2,
} from '../../src/events/derive/gateway-event-input.js';
import { gatewayProxyEventV1 } from '../../src/events/derive/gateway-event-v1.js';
import { gatewayProxyEventV2 } from '../../src/events/derive/gateway-event-v2.js';
import { compileResourcePath } from '../../src/events/derive/match-resource-path.js';
import { matchSimpleResource } from '../../src/events/derive/match-simple-resource.js';
import { buildProxyEventV1, buildProxyEventV2 } from '../../src/events/index.js';
import { gatewayRequestToEvent } from '../../src/http/request-to-event.js';

// Requests as the gateway hands them over, with the awkward cases mixed in: repeated and differently
// cased headers, cookies, SigV4 Authorization, dropped hop-by-hop headers, `__proto__`, invalid names and
// values, `;` and malformed escapes in the query, extra and trailing slashes, verbs no builder accepts.
const staticSeg = fc.constantFrom('pets', 'a', 'owners', '__proto__', 'x.y');
const varName = fc.constantFrom('id', 'name', '__proto__', 'a-b', 'bad name', 'x:y');
const resourceSeg = fc.oneof(
  { weight: 3, arbitrary: staticSeg.map((text) => ({ kind: 'static' as const, text })) },
  { weight: 2, arbitrary: varName.map((name) => ({ kind: 'var' as const, name })) },
);
const pathValue = fc.constantFrom('7', 'rex', '%2B1', 'a%20b', '%zz', '__proto__', 'caf%C3%A9', "x'y");
const routeCase = fc
  .tuple(
    fc.array(resourceSeg, { maxLength: 4 }),
    fc.boolean(),
    fc.array(pathValue, { minLength: 6, maxLength: 6 }),
    fc.constantFrom('', '/', '//'),
    fc.constantFrom('', '/'),
    fc.constantFrom('', 'b', 'b//c', 'b/c/'),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([segments, greedy, values, lead, trail, greedyRest, twist]) => {
    const parts = segments.map((s) => (s.kind === 'static' ? s.text : `{${s.name}}`));
    const pathParts: string[] = segments.map((s, i) => (s.kind === 'static' ? s.text : values[i]!));
    if (greedy) {
      parts.push('{proxy+}');
      pathParts.push(greedyRest === '' ? values[5]! : `${values[5]}/${greedyRest}`);
    }
    const resource = `/${parts.join('/')}`;
    let path = `${lead}/${pathParts.join('/')}${trail}`;
    if (twist === 0) path = `${path}/extra`;
    if (twist === 1) path = '/';
    return { resource: twist === 2 ? '$default' : resource, path };
  });
const headerName = fc.constantFrom(
  'Accept',
  'accept',
  'User-Agent',
  'user-agent',
  'X-Forwarded-For',
  'Host',
  'X-Amzn-Trace-Id',
  'X-Forwarded-Port',
  'x-forwarded-proto',
  'Cookie',
  'cookie',
  'Authorization',
  'authorization',
  'Content-Type',
  'content-type',
  'Connection',
  'Content-Length',
  '__proto__',
  'X-Custom',
  'x-custom',
  'bad name',
);
const headerValue = fc.constantFrom(
  'v',
  'AWS4-HMAC-SHA256 Credential=x',
  'Bearer t',
  'a=1; b=2; c',
  '203.0.113.1, 10.0.0.1',
  '',
  ' , x',
  'application/json',
  'image/png',
  'text/plain; charset=utf-8',
  'bad\nvalue',
);
const queryPiece = fc.constantFrom(
  'a=1',
  'a=2',
  'b',
  '',
  'c=x;d=y',
  'e=%20+f',
  'g=%zz',
  '__proto__=1',
  'h=a,b',
  '=v',
);
const inputArb: fc.Arbitrary<GatewayEventInput> = fc
  .record({
    payloadFormat: fc.constantFrom('1.0' as const, '2.0' as const),
    apiType: fc.constantFrom('REST' as const, 'HTTP' as const),
    method: fc.constantFrom('GET', 'post', 'PUT', 'DELETE', 'HEAD', 'PROPFIND'),
    routeMethod: fc.constantFrom('ANY', 'GET', 'POST', 'same'),
    route: routeCase,
    query: fc.array(queryPiece, { maxLength: 4 }).map((q) => q.join('&')),
    headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }),
    body: fc.constantFrom(null, '', '{"a":1}', 'héllo', new Uint8Array([1, 2, 255]), new Uint8Array(0)),
    stage: fc.constantFrom('dev', 'prod', '$default'),
    stageVariables: fc.constantFrom(null, {}, { a: '1', b: '2' }),
    binaryMediaTypes: fc.constantFrom([], ['image/*'], ['*/*'], ['application/json']),
    identity: fc.constantFrom(
      undefined,
      { apiKey: 'key-1', apiKeyId: 'kid' },
      {
        accessKey: 'AKIAEXAMPLE123456789',
        accountId: '123456789012',
        caller: 'AIDAEXAMPLE',
        user: 'AIDAEXAMPLE',
        userArn: 'arn:aws:iam::123456789012:user/alice',
        principalOrgId: null,
      },
    ),
    authorizer: fc.constantFrom(
      undefined,
      { tier: '2', principalId: 'user-1', integrationLatency: 0 },
      { claims: { sub: 'u', exp: '1700000000' }, scopes: null },
      { lambda: { tier: 2, roles: ['a'] } },
      { lambda: null },
      { jwt: { claims: { sub: 'u' }, scopes: ['pets/read'] } },
    ),
    requestId: fc.constantFrom('c0ffee00-0000-4000-8000-000000000001', 'req-2', 'apigw-testkit'),
    time: fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constant(1_713_712_101_067.7)),
    domainName: fc.constantFrom('abcd1234ef.execute-api.us-east-1.amazonaws.com', 'localhost:3000'),
  })
  .map((r) => ({
    payloadFormat: r.payloadFormat,
    apiType: r.payloadFormat === '2.0' ? 'HTTP' : r.apiType,
    method: r.method,
    path: r.route.path,
    query: r.query,
    headers: r.headers,
    body: r.body,
    resource: r.route.resource,
    routeKey:
      r.route.resource === '$default'
        ? '$default'
        : `${r.routeMethod === 'same' ? r.method.toUpperCase() : r.routeMethod} ${r.route.resource}`,
    stage: r.stage,
    stageVariables: r.stageVariables,
    apiId: 'abcd1234ef',
    accountId: '123456789012',
    region: 'us-east-1',
    domainName: r.domainName,
    requestId: r.requestId,
    extendedRequestId: 'Ab12Cd34Ef56Gh7=',
    resourceId: 'res123',
    deploymentId: 'dep456',
    time: r.time,
    binaryMediaTypes: r.binaryMediaTypes,
    identity: r.identity,
    authorizer: r.authorizer,
  }));

/** The event (or the error) the public builders give for a gateway request. */
function viaBuilders(input: GatewayEventInput): { event?: unknown; error?: unknown } {
  try {
    const event =
      input.payloadFormat === '2.0'
        ? buildProxyEventV2(gatewayOptionsV2(input))
        : buildProxyEventV1(gatewayOptionsV1(input));
    return { event };
  } catch (error) {
    return { error };
  }
}

describe("gateway's fast event path", () => {
  it('gives the exact event (same keys, same order, same values) or the exact error the public builders give', () => {
    let fast = 0;
    let total = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        total++;
        const reference = viaBuilders(structuredClone(input));
        const direct =
          input.payloadFormat === '2.0' ? gatewayProxyEventV2(input) : gatewayProxyEventV1(input);
        if (direct !== undefined) {
          fast++;
          expect(reference.error).toBeUndefined();
          expect(JSON.stringify(direct)).toBe(JSON.stringify(reference.event));
          expect(direct).toStrictEqual(reference.event);
        }
        if (reference.error === undefined) {
          expect(gatewayRequestToEvent(input)).toStrictEqual(reference.event);
        } else {
          expect(() => gatewayRequestToEvent(input)).toThrow(reference.error as Error);
          const { code } = reference.error as { code: string };
          expect(() => gatewayRequestToEvent(input)).toThrow(expect.objectContaining({ code }));
        }
      }),
      { numRuns: 3000, seed: 20240601 },
    );
    // The fast path must actually carry most requests, not hand them all back.
    expect(fast / total).toBeGreaterThan(0.3);
  });

  it('matches what a gateway actually sends: every plain request takes the fast path', () => {
    const input: GatewayEventInput = {
      payloadFormat: '1.0',
      apiType: 'REST',
      method: 'GET',
      path: '/pets/7',
      query: 'verbose=true',
      headers: [
        ['user-agent', 'bench'],
        ['X-Amzn-Trace-Id', 'Root=1-65920080-fc20979546f29ad28c969986'],
      ],
      body: null,
      resource: '/pets/{id}',
      routeKey: 'GET /pets/{id}',
      stage: 'dev',
      stageVariables: null,
      apiId: 'abcd1234ef',
      accountId: '123456789012',
      region: 'us-east-1',
      domainName: 'abcd1234ef.execute-api.us-east-1.amazonaws.com',
      requestId: 'req-1',
      extendedRequestId: 'Ab12Cd34Ef56Gh7=',
      resourceId: 'res123',
      deploymentId: 'dep456',
      time: 1_713_712_101_067,
      binaryMediaTypes: [],
      identity: undefined,
      authorizer: undefined,
    };
    const v1 = gatewayProxyEventV1(input);
    expect(v1?.pathParameters).toEqual({ id: '7' });
    expect(v1).toStrictEqual(buildProxyEventV1(gatewayOptionsV1(input)));
    const v2Input = { ...input, payloadFormat: '2.0' as const, apiType: 'HTTP' as const, stage: '$default' };
    const v2 = gatewayProxyEventV2(v2Input);
    expect(v2?.rawQueryString).toBe('verbose=true');
    expect(v2).toStrictEqual(buildProxyEventV2(gatewayOptionsV2(v2Input)));
  });
});

describe('one-pass resource matcher', () => {
  const resource = fc
    .array(fc.constantFrom('a', 'b', '{id}', '{p+}', '{x}', '', '{}', 'c{d}', '{bad name}', '{id}'), {
      maxLength: 4,
    })
    .map((parts) => `/${parts.join('/')}`);
  const path = fc
    .array(fc.constantFrom('a', 'b', '', '7', '%2F', 'c'), { maxLength: 5 })
    .chain((parts) =>
      fc.constantFrom(`/${parts.join('/')}`, `//${parts.join('/')}/`, `/${parts.join('/')}?q=1`),
    );

  it('answers only where the full matcher gives the same parameters (API Gateway path-matching rules)', () => {
    fc.assert(
      fc.property(resource, path, (r, p) => {
        const simple = matchSimpleResource(r, p);
        if (simple === undefined) return;
        expect(compileResourcePath(r).match(p)).toStrictEqual(simple);
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it.each([
    ['/pets/{id}', '/pets/7', { id: '7' }],
    ['/{proxy+}', '//a//b/', { proxy: 'a//b' }],
    ['/', '///', {}],
    ['/hardcoded', '//hardcoded', {}],
  ])('matches %s against %s like API Gateway', (r, p, expected) => {
    expect(matchSimpleResource(r, p)).toStrictEqual(expected);
  });

  it('keeps answering correctly after seeing more resources than it keeps split (its store is bounded)', () => {
    for (let i = 0; i < 600; i++)
      expect(matchSimpleResource(`/r${i}/{id}`, `/r${i}/${i}`)).toStrictEqual({ id: `${i}` });
    expect(matchSimpleResource('/r0/{id}', '/r0/x')).toStrictEqual({ id: 'x' });
    expect(matchSimpleResource('/r0/{id}', '/r1/x')).toBeUndefined();
  });

  it.each([
    ['/{proxy+}', '/'],
    ['/a/', '/a'],
    ['/{id}/{id}', '/1/2'],
    ['/pets/{id}', '/pets//'],
  ])('leaves %s against %s to the full matcher (no match or invalid template)', (r, p) => {
    expect(matchSimpleResource(r, p)).toBeUndefined();
  });
});
