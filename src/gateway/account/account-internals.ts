import type { Clock } from '../../clock/clock.js';
import { GatewayConfigError } from '../../errors/families.js';
import type { BasePathMatch, GatewayRequest } from '../pipeline/gateway-request.js';
import type { TokenBucket } from '../throttling/index.js';
import type { GatewayAccount } from './account-types.js';

/** What an account knows of one of its APIs: enough to serve a request a custom domain mapped to it. */
export interface AccountApi {
  apiType: 'REST' | 'HTTP' | 'WEBSOCKET';
  /** Serves a request that came through a custom domain (the mapping already chosen). */
  serveMapped(request: GatewayRequest, mapping: BasePathMatch): Promise<Response>;
  /** Serves a request to the API's own execute-api host. */
  serveDirect(request: GatewayRequest): Promise<Response>;
  /** Whether the API has this stage (mappings must name an existing stage). */
  hasStage(stage: string): boolean;
}

/** The account as its gateways see it. */
export interface AccountInternals {
  readonly bucket: TokenBucket;
  readonly clock: Clock;
  /** Fills a gateway's clock, region, account id and API id from the account, refusing ones that disagree. */
  adopt(options: Record<string, unknown>): void;
  register(apiId: string, api: AccountApi): void;
}

/** Where an account keeps what its gateways need (a symbol, so a copy of the package from elsewhere finds it too). */
export const ACCOUNT_INTERNALS: unique symbol = Symbol.for('apigw-testkit.account') as never;

/** The internals of the `account` option, or `GATEWAY_INVALID_ACCOUNT` when it is no account. */
export function internalsOf(account: unknown): AccountInternals {
  const internals =
    typeof account === 'object' && account !== null
      ? (account as Record<symbol, AccountInternals | undefined>)[ACCOUNT_INTERNALS]
      : undefined;
  if (internals === undefined) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_ACCOUNT',
      'createGateway: account is not an account made by createAccount()',
      'Pass the object createAccount() returns (apigw-testkit/gateway).',
    );
  }
  return internals;
}

/** The `GatewayAccount` behind its internals (for messages). */
export type AccountWithInternals = GatewayAccount & { [ACCOUNT_INTERNALS]: AccountInternals };
