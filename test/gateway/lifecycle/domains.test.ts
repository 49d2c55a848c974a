// Custom domain names and base path mappings (behaviour.md §19.1–§19.3).
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createAccount, createGateway, type LambdaHandler } from '../../../src/gateway/index.js';
import { named, wire } from '../helpers.js';

/** Answers with the parts of its event a custom domain changes. */
const reporter =
  (name: string): LambdaHandler =>
  async (event) => {
    const e = event as APIGatewayProxyEvent & APIGatewayProxyEventV2;
    return {
      statusCode: 200,
      body: JSON.stringify({
        name,
        path: e.path ?? e.rawPath,
        resource: e.resource ?? e.routeKey,
        pathParameters: e.pathParameters ?? null,
        stage: e.requestContext.stage,
        domainName: e.requestContext.domainName,
        domainPrefix: e.requestContext.domainPrefix,
        requestPath: (e.requestContext as { path?: string }).path ?? e.requestContext.http?.path,
      }),
    };
  };

function setup() {
  const account = createAccount();
  const shop = createGateway({
    account,
    stage: { name: 'prod' },
    routes: { 'GET /{proxy+}': reporter('shop') },
  });
  const orders = createGateway({
    account,
    stage: { name: 'test' },
    routes: { 'GET /hats': reporter('orders') },
  });
  const items = createGateway({ account, routes: { 'GET /items/{id}': reporter('items') } });
  account.createDomainName({ domainName: 'api.example.com', endpointConfiguration: { types: ['REGIONAL'] } });
  account.createBasePathMapping({ domainName: 'api.example.com', restApiId: shop.info.apiId, stage: 'prod' });
  account.createApiMapping({
    domainName: 'api.example.com',
    apiMappingKey: 'orders/shop/5',
    apiId: orders.info.apiId,
    stage: 'test',
  });
  account.createBasePathMapping({
    domainName: 'api.example.com',
    basePath: 'inventory',
    restApiId: items.info.apiId,
  });
  return { account, shop, orders, items };
}

const json = async (response: Response) => [response.status, JSON.parse(await response.text())] as const;

describe('base path mappings', () => {
  it('the longest matching base path wins; its base path is stripped for routing but kept in path', async () => {
    const { account } = setup();
    expect(await json(await account.fetch('https://api.example.com/orders/shop/5/hats'))).toEqual([
      200,
      {
        name: 'orders',
        path: '/orders/shop/5/hats',
        resource: '/hats',
        pathParameters: null,
        stage: 'test',
        domainName: 'api.example.com',
        domainPrefix: 'api',
        requestPath: '/orders/shop/5/hats',
      },
    ]);
  });

  it('(none) is the catch-all: paths no mapping takes go to it, matched segment by segment', async () => {
    const { account } = setup();
    expect(await json(await account.fetch('https://api.example.com/ordersX/1'))).toEqual([
      200,
      {
        name: 'shop',
        path: '/ordersX/1',
        resource: '/{proxy+}',
        pathParameters: { proxy: 'ordersX/1' },
        stage: 'prod',
        domainName: 'api.example.com',
        domainPrefix: 'api',
        requestPath: '/ordersX/1',
      },
    ]);
  });

  it('a mapping without a stage takes the stage from the path after the base path', async () => {
    const { account } = setup();
    const [status, body] = await json(await account.fetch('https://api.example.com/inventory/dev/items/7'));
    expect([status, body.name, body.stage, body.resource, body.pathParameters]).toEqual([
      200,
      'items',
      'dev',
      '/items/{id}',
      { id: '7' },
    ]);
    const missing = await wire(await account.fetch('https://api.example.com/inventory/prod/items/7'));
    expect([missing.status, missing.body]).toEqual([403, '{"message":"Forbidden"}']);
  });

  it('without a (none) mapping, a path no mapping takes is 403 Forbidden', async () => {
    const account = createAccount();
    const api = createGateway({ account, routes: { 'GET /x': named('x') } });
    account.createDomainName({ domainName: 'only.example.com' });
    account.createBasePathMapping({
      domainName: 'only.example.com',
      basePath: 'v1',
      restApiId: api.info.apiId,
      stage: 'dev',
    });
    const sent = await wire(await account.fetch('https://only.example.com/v2/x'));
    expect([sent.status, sent.body]).toEqual([403, '{"message":"Forbidden"}']);
    expect((await account.fetch('https://only.example.com/v1/x')).status).toBe(200);
  });

  it('an HTTP API behind the domain sees the mapping key in rawPath, not in routeKey', async () => {
    const account = createAccount();
    const http = createGateway({ account, apiType: 'HTTP', routes: { 'GET /pets': reporter('http') } });
    account.createDomainName({
      domainName: 'api.example.com',
      endpointConfiguration: { types: ['REGIONAL'] },
    });
    account.createApiMapping({
      domainName: 'api.example.com',
      apiMappingKey: 'v1',
      apiId: http.info.apiId,
      stage: '$default',
    });
    const [status, body] = await json(await account.fetch('https://api.example.com/v1/pets'));
    expect([status, body.path, body.resource, body.requestPath]).toEqual([
      200,
      '/v1/pets',
      'GET /pets',
      '/v1/pets',
    ]);
  });

  it('$context.customDomain.basePathMatched names the mapping in access logs', async () => {
    const account = createAccount();
    const api = createGateway({
      account,
      accessLog: { format: '$context.requestId $context.customDomain.basePathMatched $context.domainName' },
      routes: { 'GET /x': named('x') },
    });
    account.createDomainName({
      domainName: 'api.example.com',
      endpointConfiguration: { types: ['REGIONAL'] },
    });
    account.createBasePathMapping({
      domainName: 'api.example.com',
      basePath: 'v1',
      restApiId: api.info.apiId,
      stage: 'dev',
    });
    await account.fetch('https://api.example.com/v1/x');
    expect(api.accessLog.map((line) => line.split(' ').slice(1).join(' '))).toEqual(['v1 api.example.com']);
  });
});

describe('edge-optimized endpoints and the execute-api switch', () => {
  it('an edge-optimized domain adds CloudFront’s headers; a regional one does not', async () => {
    const account = createAccount();
    const seen: Record<string, string | undefined>[] = [];
    const api = createGateway({
      account,
      routes: {
        'GET /h': async (event) => {
          seen.push(event.headers);
          return { statusCode: 200 };
        },
      },
    });
    account.createDomainName({ domainName: 'edge.example.com' });
    account.createDomainName({
      domainName: 'regional.example.com',
      endpointConfiguration: { types: ['REGIONAL'] },
    });
    for (const domainName of ['edge.example.com', 'regional.example.com']) {
      account.createBasePathMapping({ domainName, restApiId: api.info.apiId, stage: 'dev' });
      await account.fetch(`https://${domainName}/h`, { headers: { 'X-Forwarded-For': '198.51.100.7' } });
    }
    const [edge, regional] = seen;
    expect(edge!.Via).toMatch(/^1\.1 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/);
    expect(edge!['X-Amz-Cf-Id']).toMatch(/^[A-Za-z0-9_-]{54}==$/);
    expect([
      edge!['CloudFront-Forwarded-Proto'],
      edge!['CloudFront-Is-Desktop-Viewer'],
      edge!['CloudFront-Is-Mobile-Viewer'],
      edge!['CloudFront-Viewer-Country'],
      edge!['X-Forwarded-For'],
    ]).toEqual(['https', 'true', 'false', 'US', '198.51.100.7, 130.176.118.57']);
    expect(regional!.Via).toBeUndefined();
    expect(regional!['X-Forwarded-For']).toBe('198.51.100.7');
  });

  it('an EDGE REST API adds them on its execute-api URL too', async () => {
    let headers: Record<string, string | undefined> = {};
    const api = createGateway({
      endpointConfiguration: { types: ['EDGE'] },
      routes: {
        'GET /h': async (event) => {
          headers = event.headers;
          return { statusCode: 200 };
        },
      },
    });
    await api.fetch('/dev/h');
    expect(headers['CloudFront-Viewer-Country']).toBe('US');
  });

  it.each([
    ['REST', 403, '{"message":"Forbidden"}', '/dev/x'],
    ['HTTP', 404, '{"message":"Not Found"}', '/x'],
  ] as const)(
    'disableExecuteApiEndpoint: a %s API answers %s on execute-api, and serves through its domain',
    async (apiType, status, body, path) => {
      const account = createAccount();
      const api = createGateway({
        account,
        apiType,
        disableExecuteApiEndpoint: true,
        routes: { 'GET /x': named('x') },
      });
      const direct = await wire(await api.fetch(path));
      expect([direct.status, direct.body]).toEqual([status, body]);
      const viaAccount = await wire(await account.fetch(api.url('/x')));
      expect(viaAccount.status).toBe(status);
      account.createDomainName({
        domainName: 'api.example.com',
        endpointConfiguration: { types: ['REGIONAL'] },
      });
      account.createApiMapping({
        domainName: 'api.example.com',
        apiId: api.info.apiId,
        stage: api.info.stage,
      });
      expect(await (await account.fetch('https://api.example.com/x')).text()).toBe('x');
    },
  );
});

describe('mapping rules AWS enforces', () => {
  it.each([
    [
      'a multi-level base path on a REST base path mapping',
      (a: ReturnType<typeof setup>) =>
        a.account.createBasePathMapping({
          domainName: 'api.example.com',
          basePath: 'a/b',
          restApiId: a.shop.info.apiId,
        }),
      'GATEWAY_BAD_REQUEST',
    ],
    [
      'a multi-level key on an edge domain',
      (a: ReturnType<typeof setup>) => {
        a.account.createDomainName({ domainName: 'edge.example.com' });
        a.account.createApiMapping({
          domainName: 'edge.example.com',
          apiMappingKey: 'a/b',
          apiId: a.shop.info.apiId,
          stage: 'prod',
        });
      },
      'GATEWAY_BAD_REQUEST',
    ],
    [
      'a base path used twice',
      (a: ReturnType<typeof setup>) =>
        a.account.createBasePathMapping({ domainName: 'api.example.com', restApiId: a.items.info.apiId }),
      'GATEWAY_CONFLICT',
    ],
    [
      'a stage the API does not have',
      (a: ReturnType<typeof setup>) =>
        a.account.createBasePathMapping({
          domainName: 'api.example.com',
          basePath: 'x',
          restApiId: a.shop.info.apiId,
          stage: 'nope',
        }),
      'GATEWAY_BAD_REQUEST',
    ],
    [
      'a domain that does not exist',
      (a: ReturnType<typeof setup>) =>
        a.account.createBasePathMapping({ domainName: 'nope.example.com', restApiId: a.shop.info.apiId }),
      'GATEWAY_NOT_FOUND',
    ],
    [
      'an API of no one',
      (a: ReturnType<typeof setup>) =>
        a.account.createBasePathMapping({
          domainName: 'api.example.com',
          basePath: 'y',
          restApiId: 'zzzzzzzzzz',
        }),
      'GATEWAY_NOT_FOUND',
    ],
  ])('refuses %s', (_name, call, code) => {
    expect(() => call(setup())).toThrow(expect.objectContaining({ code }));
  });

  it('a host the account does not know is a typed error', async () => {
    await expect(createAccount().fetch('https://nowhere.example.com/')).rejects.toMatchObject({
      code: 'ACCOUNT_UNKNOWN_HOST',
    });
  });

  it('a wildcard domain takes every subdomain', async () => {
    const account = createAccount();
    const api = createGateway({ account, routes: { 'GET /x': reporter('w') } });
    account.createDomainName({ domainName: '*.example.com', endpointConfiguration: { types: ['REGIONAL'] } });
    account.createBasePathMapping({ domainName: '*.example.com', restApiId: api.info.apiId, stage: 'dev' });
    const [, body] = await json(await account.fetch('https://tenant-a.example.com/x'));
    expect([body.domainName, body.domainPrefix]).toEqual(['tenant-a.example.com', 'tenant-a']);
  });
});
