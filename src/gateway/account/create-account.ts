import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { createIdSource } from '../../ids/ids.js';
import { resolveApiIdentity } from '../config/resolve-options.js';
import { createDomainRegistry } from '../domains/domain-registry.js';
import { toGatewayRequest } from '../pipeline/gateway-request.js';
import { createTokenBucket, DEFAULT_ACCOUNT_THROTTLE, validateThrottleLimit } from '../throttling/index.js';
import { ACCOUNT_INTERNALS, type AccountApi, type AccountInternals } from './account-internals.js';
import type { AccountOptions, GatewayAccount } from './account-types.js';

const KNOWN = ['accountId', 'region', 'clock', 'throttle', 'seed'];

/**
 * Creates an AWS account (one Region) for gateways: pass it as `createGateway({ account })` and every API of the
 * account — REST, HTTP and WebSocket — draws from one account throttle bucket (10 000 rps / 5 000 burst by default,
 * behaviour.md §19.4), so "once an API is overloaded, all other APIs are throttled" can be tested; custom domain
 * names with base path mappings route requests to its APIs by host and path (`account.fetch`).
 *
 * @example
 * ```ts
 * import { createAccount, createGateway } from 'apigw-testkit/gateway';
 * const account = createAccount({ throttle: { rateLimit: 1, burstLimit: 1 } });
 * const a = createGateway({ account, routes: { 'GET /a': handler } });
 * const b = createGateway({ account, routes: { 'GET /b': handler } });
 * await a.fetch(a.url('/a')); // 200: the account's one token
 * await b.fetch(b.url('/b')); // 429: the other API drew from the same account bucket
 * ```
 */
export function createAccount(options: AccountOptions = {}): GatewayAccount {
  assertKnownOptions('createAccount', options, KNOWN);
  const { region, accountId, clock } = resolveApiIdentity(options);
  const limit =
    options.throttle === undefined
      ? DEFAULT_ACCOUNT_THROTTLE
      : validateThrottleLimit('createAccount: throttle', options.throttle);
  const bucket = createTokenBucket(limit, clock.now());
  const apiIds = createIdSource({ seed: `${String(options.seed ?? 'apigw-testkit')}/account-apis` });
  const apis = new Map<string, AccountApi>();
  const domains = createDomainRegistry({ apis, region, clock, seed: options.seed ?? 'apigw-testkit' });
  const internals: AccountInternals = {
    bucket,
    clock,
    adopt(environment) {
      for (const [key, own] of [
        ['clock', clock],
        ['region', region],
        ['accountId', accountId],
      ] as const) {
        if (environment[key] === undefined) environment[key] = own;
        else if (environment[key] !== own) {
          throw new GatewayConfigError(
            'GATEWAY_INVALID_ACCOUNT',
            `createGateway: ${key} differs from the account's (${key === 'clock' ? 'another clock' : JSON.stringify(environment[key])})`,
            `Leave ${key} out: a gateway of an account uses the account's${key === 'clock' ? ' clock (its throttle bucket is the account’s)' : ''}.`,
            { option: key },
          );
        }
      }
      if (environment.apiId === undefined) {
        let id: string;
        do id = apiIds.alphanumeric(10);
        while (apis.has(id));
        environment.apiId = id;
      } else if (apis.has(String(environment.apiId))) {
        throw new GatewayConfigError(
          'GATEWAY_DUPLICATE_API_ID',
          `createGateway: the account already has an API ${JSON.stringify(environment.apiId)}`,
          'Leave apiId out (the account gives each API its own), or pick another one.',
          { apiId: environment.apiId },
        );
      }
    },
    register(apiId, api) {
      apis.set(apiId, api);
    },
  };
  const account = {
    accountId,
    region,
    clock,
    async fetch(input: Parameters<GatewayAccount['fetch']>[0], init?: RequestInit) {
      const request = await toGatewayRequest(input, init, domains.defaultHost());
      return domains.serve(request);
    },
    createDomainName: domains.createDomainName,
    createBasePathMapping: domains.createBasePathMapping,
    createApiMapping: domains.createApiMapping,
    deleteBasePathMapping: domains.deleteBasePathMapping,
    [ACCOUNT_INTERNALS]: internals,
  };
  return Object.freeze(account);
}
