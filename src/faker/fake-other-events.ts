import type {
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
} from 'aws-lambda';
import { assertKnownOptions } from '../errors/families.js';
import {
  buildRequestAuthorizerEvent,
  buildRequestAuthorizerEventV2,
  buildTokenAuthorizerEvent,
  buildWebSocketEvent,
  type RequestAuthorizerEventOptions,
  type RequestAuthorizerEventV2Options,
  type TokenAuthorizerEventOptions,
  type WebSocketEvent,
  type WebSocketEventOptions,
} from '../events/index.js';
import { fakeIp, fakeRoute, fakeUserAgent } from './realistic.js';
import { type FakeOptions, seededFaker } from './seeded-faker.js';

const DEFAULT_SEED = 'apigw-testkit';
const REF_TIME = Date.UTC(2024, 0, 1);

function start(where: string, options: FakeOptions) {
  assertKnownOptions(where, options, ['seed']);
  const seed = options.seed ?? DEFAULT_SEED;
  return { faker: seededFaker(seed), seed };
}

/** A JWT-looking bearer token (three base64url parts); not signed by anything. */
function fakeJwt(faker: ReturnType<typeof seededFaker>): string {
  const part = (n: number): string => faker.string.alphanumeric(n);
  return `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${part(48)}.${part(43)}`;
}

/**
 * A realistic WebSocket event (default MESSAGE with a chat-like JSON frame), drawn from `seed`.
 *
 * @example
 * ```ts
 * const event = fakeWebSocketEvent({ eventType: 'CONNECT' }, { seed: 1 });
 * ```
 */
export function fakeWebSocketEvent(
  overrides: WebSocketEventOptions = {},
  options: FakeOptions = {},
): WebSocketEvent {
  const { faker, seed } = start('fakeWebSocketEvent', options);
  const eventType = overrides.eventType ?? 'MESSAGE';
  const time = REF_TIME - faker.number.int(86_400_000);
  const generated: WebSocketEventOptions = {
    eventType,
    sourceIp: fakeIp(faker),
    userAgent: fakeUserAgent(faker),
    connectedAt: time - faker.number.int(600_000),
    time,
    seed,
  };
  if (eventType === 'MESSAGE') {
    generated.body = { action: 'sendMessage', room: faker.lorem.word(), text: faker.lorem.sentence(6) };
  }
  if (eventType === 'CONNECT') generated.query = { token: faker.string.alphanumeric(20) };
  return buildWebSocketEvent(Object.assign(generated, overrides));
}

/**
 * A realistic REST TOKEN authorizer event with a JWT-looking bearer token.
 *
 * @example
 * ```ts
 * fakeTokenAuthorizerEvent({}, { seed: 3 }).authorizationToken; // 'Bearer eyJ…'
 * ```
 */
export function fakeTokenAuthorizerEvent(
  overrides: TokenAuthorizerEventOptions = {},
  options: FakeOptions = {},
): APIGatewayTokenAuthorizerEvent {
  const { faker } = start('fakeTokenAuthorizerEvent', options);
  const route = fakeRoute(faker);
  const path = route.pathParameters
    ? route.resource.replace(/\{(\w+)\}/g, (_m, name: string) => route.pathParameters![name]!)
    : route.resource;
  return buildTokenAuthorizerEvent({
    token: `Bearer ${fakeJwt(faker)}`,
    method: route.method,
    path,
    ...overrides,
  });
}

/**
 * A realistic REST REQUEST authorizer event (headers, client IP, user agent, bearer token).
 *
 * @example
 * ```ts
 * fakeRequestAuthorizerEvent({ resource: '/pets/{id}', path: '/pets/1' }, { seed: 3 });
 * ```
 */
export function fakeRequestAuthorizerEvent(
  overrides: RequestAuthorizerEventOptions = {},
  options: FakeOptions = {},
): APIGatewayRequestAuthorizerEvent {
  const { faker, seed } = start('fakeRequestAuthorizerEvent', options);
  return buildRequestAuthorizerEvent({
    headers: { Authorization: `Bearer ${fakeJwt(faker)}`, 'User-Agent': fakeUserAgent(faker) },
    sourceIp: fakeIp(faker),
    seed,
    ...overrides,
  });
}

/**
 * A realistic HTTP API payload 2.0 authorizer event.
 *
 * @example
 * ```ts
 * fakeRequestAuthorizerEventV2({ routeKey: 'GET /pets/{id}', path: '/pets/1' }, { seed: 3 }).identitySource;
 * ```
 */
export function fakeRequestAuthorizerEventV2(
  overrides: RequestAuthorizerEventV2Options = {},
  options: FakeOptions = {},
): APIGatewayRequestAuthorizerEventV2 {
  const { faker, seed } = start('fakeRequestAuthorizerEventV2', options);
  return buildRequestAuthorizerEventV2({
    headers: { authorization: `Bearer ${fakeJwt(faker)}`, 'user-agent': fakeUserAgent(faker) },
    sourceIp: fakeIp(faker),
    seed,
    ...overrides,
  });
}
