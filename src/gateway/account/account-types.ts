import type { Clock } from '../../clock/clock.js';
import type { GatewayFetchInput } from '../pipeline/gateway-request.js';
import type { ThrottleLimit } from '../throttling/index.js';

/**
 * Options of `createAccount`: one AWS account in one Region, shared by the gateways created with `{ account }`.
 *
 * @example
 * ```ts
 * const options: AccountOptions = { clock, throttle: { rateLimit: 10_000, burstLimit: 5_000 } };
 * ```
 */
export interface AccountOptions {
  /** Default `123456789012`. */
  accountId?: string;
  /** Default `us-east-1`. */
  region?: string;
  /** The clock of every gateway of the account (their throttling draws from one bucket). Default `systemClock`. */
  clock?: Clock;
  /** The Region's account throttle (behaviour.md §19.4). Default 10 000 rps / 5 000 burst. */
  throttle?: ThrottleLimit;
  /** Seed of the API ids the account gives gateways created without `apiId`. */
  seed?: string | number;
}

/**
 * A custom domain name (`CreateDomainName`).
 *
 * @example
 * ```ts
 * const domain: DomainNameOptions = { domainName: 'api.example.com', endpointConfiguration: { types: ['REGIONAL'] } };
 * ```
 */
export interface DomainNameOptions {
  /** `api.example.com`, or a wildcard `*.example.com`. */
  domainName: string;
  /** `EDGE` (default for REST, as on AWS: requests go through CloudFront) or `REGIONAL`. */
  endpointConfiguration?: { types: readonly ('EDGE' | 'REGIONAL')[] };
  /** `TLS_1_0` or `TLS_1_2` (multi-level base paths and HTTP APIs need a regional TLS 1.2 domain). Default `TLS_1_2`. */
  securityPolicy?: 'TLS_1_0' | 'TLS_1_2';
}

/**
 * A REST base path mapping (`CreateBasePathMapping`): `basePath` `(none)` (or left out) is the catch-all; without
 * `stage`, callers name the stage in the path after the base path.
 *
 * @example
 * ```ts
 * const mapping: BasePathMappingOptions = { domainName: 'api.example.com', basePath: 'orders', restApiId: orders.info.apiId, stage: 'prod' };
 * ```
 */
export interface BasePathMappingOptions {
  domainName: string;
  basePath?: string;
  restApiId: string;
  stage?: string;
}

/**
 * An API mapping (`CreateApiMapping`, apigatewayv2): REST, HTTP and WebSocket APIs, multi-level keys.
 *
 * @example
 * ```ts
 * const mapping: ApiMappingOptions = { domainName: 'api.example.com', apiMappingKey: 'orders/v2', apiId: http.info.apiId, stage: '$default' };
 * ```
 */
export interface ApiMappingOptions {
  domainName: string;
  /** `''` (or left out) is the catch-all. */
  apiMappingKey?: string;
  apiId: string;
  stage: string;
}

/**
 * An AWS account for gateways: the Region's account throttle shared by every API (REST, HTTP, WebSocket), custom
 * domain names with base path mappings, and a `fetch` that routes by host like DNS would.
 *
 * @example
 * ```ts
 * const account = createAccount({ throttle: { rateLimit: 10, burstLimit: 5 } });
 * const pets = createGateway({ account, routes });
 * account.createDomainName({ domainName: 'api.example.com' });
 * account.createBasePathMapping({ domainName: 'api.example.com', basePath: 'pets', restApiId: pets.info.apiId, stage: 'dev' });
 * await account.fetch('https://api.example.com/pets/7');
 * ```
 */
export interface GatewayAccount {
  readonly accountId: string;
  readonly region: string;
  readonly clock: Clock;
  /** Serves a request by its host: a custom domain name of the account, or the execute-api host of one of its APIs. */
  fetch(input: GatewayFetchInput, init?: RequestInit): Promise<Response>;
  createDomainName(options: DomainNameOptions): void;
  createBasePathMapping(options: BasePathMappingOptions): void;
  createApiMapping(options: ApiMappingOptions): void;
  /** Removes a mapping (`DeleteBasePathMapping`); `basePath` `(none)` or left out for the catch-all. */
  deleteBasePathMapping(domainName: string, basePath?: string): void;
}
