// The builder options that reproduce each canonical fixture under fixtures/events/<kind>/<scenario>.json.
import {
  buildProxyEventV1,
  buildProxyEventV2,
  buildRequestAuthorizerEvent,
  buildRequestAuthorizerEventV2,
  buildTokenAuthorizerEvent,
  buildWebSocketEvent,
  type EventFixtureKind,
} from '../../../src/events/index.js';

export interface FixtureScenario {
  kind: EventFixtureKind;
  scenario: string;
  build: () => unknown;
}

const time = Date.UTC(2024, 3, 21, 15, 8, 21, 67);
const browser =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

export const FIXTURE_SCENARIOS: readonly FixtureScenario[] = [
  {
    kind: 'proxy-v1',
    scenario: 'get-no-auth',
    build: () =>
      buildProxyEventV1({
        resource: '/pets/{id}',
        path: '/pets/7',
        headers: { Accept: 'application/json', 'User-Agent': 'curl/8.4.0' },
        time,
      }),
  },
  {
    kind: 'proxy-v1',
    scenario: 'post-json',
    build: () =>
      buildProxyEventV1({
        method: 'POST',
        resource: '/pets',
        path: '/pets',
        headers: { Accept: '*/*', 'User-Agent': 'curl/8.4.0' },
        body: { name: 'Rex', species: 'dog' },
        time,
      }),
  },
  {
    kind: 'proxy-v1',
    scenario: 'binary-body',
    build: () =>
      buildProxyEventV1({
        method: 'PUT',
        resource: '/pets/{id}/photo',
        path: '/pets/7/photo',
        headers: { 'Content-Type': 'image/png', 'User-Agent': 'curl/8.4.0' },
        body: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]),
        binaryMediaTypes: ['image/png', 'application/octet-stream'],
        time,
      }),
  },
  {
    kind: 'proxy-v1',
    scenario: 'greedy-proxy',
    build: () =>
      buildProxyEventV1({
        resource: '/{proxy+}',
        path: '/files/docs//report%2B2024.pdf/?download=1&download=true&q=a+b',
        headers: [
          ['accept', 'application/pdf'],
          ['X-Custom', 'one'],
          ['X-Custom', 'two'],
          ['User-Agent', browser],
        ],
        stage: 'prod',
        stageVariables: { backend: 'files-v2' },
        time,
      }),
  },
  {
    kind: 'proxy-v1',
    scenario: 'cognito-claims',
    build: () =>
      buildProxyEventV1({
        resource: '/me',
        path: '/me',
        headers: {
          authorization: 'eyJraWQiOiJleGFtcGxlIn0.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl',
          'User-Agent': browser,
        },
        authorizer: {
          cognito: {
            claims: {
              sub: '7d3f9a2e-0c4b-4a51-9d1e-2b6f3c8e4a10',
              'cognito:username': 'jdoe',
              email: 'jdoe@example.com',
              email_verified: true,
              auth_time: 1713712000,
              token_use: 'id',
            },
          },
        },
        time,
      }),
  },
  {
    kind: 'proxy-v1',
    scenario: 'lambda-authorizer',
    build: () =>
      buildProxyEventV1({
        method: 'DELETE',
        resource: '/orders/{orderId}',
        path: '/orders/o-123',
        headers: { Authorization: 'Bearer allow', 'User-Agent': 'curl/8.4.0' },
        authorizer: {
          lambda: {
            principalId: 'user-123',
            context: { tenant: 'acme', tier: 2, admin: false },
            integrationLatency: 41,
          },
        },
        time,
      }),
  },
  {
    kind: 'proxy-v2',
    scenario: 'get-cookies',
    build: () =>
      buildProxyEventV2({
        routeKey: 'GET /pets/{id}',
        path: '/pets/7?fields=name&fields=age',
        headers: {
          accept: 'application/json',
          cookie: 'session=abc123; theme=dark',
          'user-agent': 'curl/8.4.0',
        },
        time,
      }),
  },
  {
    kind: 'proxy-v2',
    scenario: 'jwt',
    build: () =>
      buildProxyEventV2({
        routeKey: 'POST /orders',
        path: '/orders',
        stage: 'prod',
        headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'user-agent': 'curl/8.4.0' },
        body: { sku: 'A-1', quantity: 2 },
        authorizer: {
          jwt: {
            claims: {
              sub: 'user-123',
              iss: 'https://issuer.example.com',
              aud: 'pets-api',
              exp: '1713715701',
            },
            scopes: ['orders:write'],
          },
        },
        time,
      }),
  },
  {
    kind: 'proxy-v2',
    scenario: 'lambda-authorizer',
    build: () =>
      buildProxyEventV2({
        routeKey: 'ANY /{proxy+}',
        method: 'PATCH',
        path: '/accounts/42/settings',
        headers: { authorization: 'allow', 'content-type': 'application/json', 'user-agent': browser },
        body: '{"theme":"dark"}',
        authorizer: { lambda: { userId: '42', roles: ['admin'], plan: { name: 'pro' } } },
        time,
      }),
  },
  {
    kind: 'proxy-v2',
    scenario: 'iam',
    build: () =>
      buildProxyEventV2({
        routeKey: 'GET /reports',
        path: '/reports?year=2024',
        headers: { 'user-agent': 'aws-sdk-js/3.540.0' },
        authorizer: { iam: { accountId: '210987654321' } },
        time,
      }),
  },
  {
    kind: 'websocket',
    scenario: 'connect',
    build: () =>
      buildWebSocketEvent({
        eventType: 'CONNECT',
        query: { room: 'lobby' },
        headers: { Origin: 'https://chat.example.com', 'User-Agent': browser },
        stage: 'prod',
        time,
      }),
  },
  {
    kind: 'websocket',
    scenario: 'message',
    build: () =>
      buildWebSocketEvent({
        eventType: 'MESSAGE',
        routeKey: 'sendMessage',
        body: { action: 'sendMessage', text: 'hello' },
        userAgent: browser,
        stage: 'prod',
        connectedAt: time - 30_000,
        time,
      }),
  },
  {
    kind: 'websocket',
    scenario: 'disconnect',
    build: () =>
      buildWebSocketEvent({
        eventType: 'DISCONNECT',
        userAgent: browser,
        stage: 'prod',
        connectedAt: time - 60_000,
        time,
      }),
  },
  {
    kind: 'token-authorizer',
    scenario: 'token',
    build: () => buildTokenAuthorizerEvent({ token: 'Bearer allow', method: 'GET', path: '/pets/7' }),
  },
  {
    kind: 'request-authorizer-v1',
    scenario: 'request',
    build: () =>
      buildRequestAuthorizerEvent({
        resource: '/pets/{id}',
        path: '/pets/7?expand=owner',
        headers: { Authorization: 'Bearer allow', 'User-Agent': 'curl/8.4.0' },
        time,
      }),
  },
  {
    kind: 'token-authorizer',
    scenario: 'deny-token',
    build: () =>
      buildTokenAuthorizerEvent({
        token: 'Bearer deny',
        method: 'DELETE',
        path: '/orders/o-123',
        stage: 'prod',
      }),
  },
  {
    kind: 'request-authorizer-v1',
    scenario: 'no-query-cached',
    // A REQUEST authorizer keyed (and cached) on a header and a stage variable; a request without a query
    // string still gets {} maps (recorded).
    build: () =>
      buildRequestAuthorizerEvent({
        resource: '/reports',
        path: '/reports',
        headers: { 'X-Tenant-Token': 't-42', 'User-Agent': 'curl/8.4.0' },
        stageVariables: { tenantTable: 'tenants-dev' },
        time,
      }),
  },
  {
    kind: 'proxy-v1',
    scenario: 'iam-identity',
    build: () =>
      buildProxyEventV1({
        resource: '/admin',
        path: '/admin',
        headers: { 'User-Agent': 'aws-sdk-js/3.600.0' },
        authorizer: {
          iam: {
            accessKey: 'AKIAIOSFODNN7EXAMPLE',
            caller: 'AIDAJQABLZS4A3QDU576Q',
            user: 'AIDAJQABLZS4A3QDU576Q',
            userArn: 'arn:aws:iam::123456789012:user/alice',
          },
        },
        time,
      }),
  },
  {
    kind: 'request-authorizer-v2',
    scenario: 'request',
    build: () =>
      buildRequestAuthorizerEventV2({
        routeKey: 'GET /pets/{id}',
        path: '/pets/7',
        headers: { authorization: 'Bearer allow', 'user-agent': 'curl/8.4.0' },
        cookies: ['session=abc123'],
        time,
      }),
  },
];
