// The account (behaviour.md §19.4): one Region's account throttle shared by REST, HTTP and WebSocket APIs.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock/index.js';
import { createAccount, createGateway } from '../../../src/gateway/index.js';
import { named, wire } from '../helpers.js';

describe('account-wide throttling', () => {
  it('once one API used the account bucket, the other APIs of the account are throttled (REST and HTTP)', async () => {
    const clock = createManualClock();
    const account = createAccount({ clock, throttle: { rateLimit: 1, burstLimit: 2 } });
    const rest = createGateway({ account, routes: { 'GET /a': named('a') } });
    const http = createGateway({ account, apiType: 'HTTP', routes: { 'GET /b': named('b') } });
    expect((await rest.fetch(rest.url('/a'))).status).toBe(200);
    expect((await rest.fetch(rest.url('/a'))).status).toBe(200);
    const restRefused = await wire(await rest.fetch(rest.url('/a')));
    const httpRefused = await wire(await http.fetch(http.url('/b')));
    expect([restRefused.status, restRefused.body]).toEqual([429, '{"message":"Too Many Requests"}']);
    expect([httpRefused.status, httpRefused.body]).toEqual([429, '{"message":"Too Many Requests"}']);
    clock.advance(1_000);
    expect((await http.fetch(http.url('/b'))).status).toBe(200);
  });

  it('WebSocket connections and messages draw from the same account bucket', async () => {
    const clock = createManualClock();
    // Three tokens: the REST request, the $connect, the message.
    const account = createAccount({ clock, throttle: { rateLimit: 1, burstLimit: 3 } });
    const chat = createGateway({
      account,
      apiType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
      routes: {
        $default: {
          integration: { type: 'AWS_PROXY', handler: async () => ({ statusCode: 200, body: 'ws' }) },
          routeResponseSelectionExpression: '$default',
        },
      },
    });
    const rest = createGateway({ account, routes: { 'GET /a': named('a') } });
    expect((await rest.fetch(rest.url('/a'))).status).toBe(200);
    const client = await chat.connect();
    await client.send('{"action":"x"}');
    expect(await client.nextMessage()).toBe('ws');
    expect((await rest.fetch(rest.url('/a'))).status).toBe(429);
    await chat.close();
  });

  it('a lone gateway keeps its own bucket; gateways of an account get their own API ids', () => {
    const account = createAccount();
    const a = createGateway({ account, routes: {} });
    const b = createGateway({ account, routes: {} });
    expect(a.info.apiId).not.toBe(b.info.apiId);
    expect(a.info.apiId).toMatch(/^[a-z0-9]{10}$/);
    expect(createGateway({ routes: {} }).info.apiId).toBe('abcd1234ef');
  });

  it.each([
    [
      'account limits on a gateway of an account',
      { throttle: { account: { rateLimit: 1, burstLimit: 1 } } },
      'THROTTLE_ACCOUNT_SHARED',
    ],
    ['another region', { region: 'eu-west-1' }, 'GATEWAY_INVALID_ACCOUNT'],
    ['another clock', { clock: createManualClock() }, 'GATEWAY_INVALID_ACCOUNT'],
    ['an API id the account already has', { apiId: 'taken00001' }, 'GATEWAY_DUPLICATE_API_ID'],
  ])('refuses %s', (_name, options, code) => {
    const account = createAccount();
    createGateway({ account, apiId: 'taken00001', routes: {} });
    expect(() => createGateway({ account, ...options, routes: {} } as never)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('an account option that is not an account is refused', () => {
    expect(() => createGateway({ account: {} as never, routes: {} })).toThrow(
      expect.objectContaining({ code: 'GATEWAY_INVALID_ACCOUNT' }),
    );
  });
});
