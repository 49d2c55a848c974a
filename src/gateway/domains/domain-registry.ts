import type { Clock } from '../../clock/clock.js';
import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { BufferedResponse } from '../../http/buffered-response.js';
import { createIdSource } from '../../ids/ids.js';
import type { AccountApi } from '../account/account-internals.js';
import type {
  ApiMappingOptions,
  BasePathMappingOptions,
  DomainNameOptions,
} from '../account/account-types.js';
import { gatewayResponse } from '../gateway-responses.js';
import { apiError } from '../lifecycle/api-errors.js';
import type { GatewayRequest } from '../pipeline/gateway-request.js';
import { BASE_PATH, type Mapping, matchMapping } from './base-path-mappings.js';
import { addCloudFrontHeaders } from './cloudfront-headers.js';

interface Domain {
  name: string;
  edge: boolean;
  securityPolicy: 'TLS_1_0' | 'TLS_1_2';
  mappings: Map<string, Mapping>;
}

const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EXECUTE_API = /^([a-z0-9]+)\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/;

/**
 * The custom domain names of an account and their mappings (behaviour.md §19): REST base path mappings (one level,
 * `(none)` the catch-all, stage optional) and v2 API mappings (multi-level keys on a regional TLS 1.2 domain, REST
 * and HTTP APIs); requests are routed by host, then by the longest matching base path.
 */
export function createDomainRegistry(context: {
  apis: ReadonlyMap<string, AccountApi>;
  region: string;
  clock: Clock;
  seed: string | number;
}) {
  const domains = new Map<string, Domain>();
  const edgeIds = createIdSource({ seed: `${String(context.seed)}/cloudfront` });
  const ids = createIdSource({ seed: `${String(context.seed)}/domains` });

  const domainOf = (where: string, name: unknown): Domain => {
    const found = typeof name === 'string' ? domains.get(name.toLowerCase()) : undefined;
    if (!found) {
      throw apiError(
        where,
        'NotFoundException',
        'Invalid domain name identifier specified',
        `Create it first: account.createDomainName({ domainName: ${JSON.stringify(name)} }).`,
      );
    }
    return found;
  };
  const apiOf = (where: string, id: unknown): AccountApi => {
    const api = typeof id === 'string' ? context.apis.get(id) : undefined;
    if (!api) {
      throw apiError(
        where,
        'NotFoundException',
        'Invalid API identifier specified',
        'Name an API of this account: gateway.info.apiId of a gateway created with { account }.',
      );
    }
    return api;
  };
  const addMapping = (
    where: string,
    domain: Domain,
    key: string,
    apiId: string,
    stage: string | undefined,
  ) => {
    if (domain.mappings.has(key)) {
      throw apiError(
        where,
        'ConflictException',
        'Base path already exists for this domain name',
        'Delete the existing mapping first, or pick another base path.',
      );
    }
    domain.mappings.set(key, { key, apiId, stage });
  };

  return {
    createDomainName(options: DomainNameOptions): void {
      const where = 'account.createDomainName';
      assertKnownOptions(where, options, ['domainName', 'endpointConfiguration', 'securityPolicy']);
      const name = String(options.domainName ?? '').toLowerCase();
      if (!HOST.test(name)) {
        throw new GatewayConfigError(
          'GATEWAY_INVALID_DOMAIN',
          `${where}: ${JSON.stringify(options.domainName)} is not a domain name`,
          'Give a host name such as api.example.com, or a wildcard such as *.example.com.',
        );
      }
      if (domains.has(name)) {
        throw apiError(
          where,
          'ConflictException',
          'The domain name you provided already exists.',
          'Use the existing one.',
        );
      }
      const types = options.endpointConfiguration?.types ?? ['EDGE'];
      const policy = options.securityPolicy ?? 'TLS_1_2';
      if (
        types.length !== 1 ||
        !['EDGE', 'REGIONAL'].includes(types[0]!) ||
        !['TLS_1_0', 'TLS_1_2'].includes(policy)
      ) {
        throw new GatewayConfigError(
          'GATEWAY_INVALID_DOMAIN',
          `${where}: endpoint type ${JSON.stringify(types)} / security policy ${JSON.stringify(policy)} is not one AWS offers`,
          "Use endpointConfiguration: { types: ['EDGE'] } or ['REGIONAL'] and securityPolicy TLS_1_0 or TLS_1_2.",
        );
      }
      domains.set(name, { name, edge: types[0] === 'EDGE', securityPolicy: policy, mappings: new Map() });
    },
    createBasePathMapping(options: BasePathMappingOptions): void {
      const where = 'account.createBasePathMapping';
      assertKnownOptions(where, options, ['domainName', 'basePath', 'restApiId', 'stage']);
      const domain = domainOf(where, options.domainName);
      const api = apiOf(where, options.restApiId);
      const key = options.basePath === undefined || options.basePath === '(none)' ? '' : options.basePath;
      if (api.apiType !== 'REST') {
        throw apiError(
          where,
          'BadRequestException',
          'Only REST APIs can have base path mappings',
          'Map HTTP APIs with account.createApiMapping.',
        );
      }
      if (key !== '' && (!BASE_PATH.test(key) || key.includes('/'))) {
        throw apiError(
          where,
          'BadRequestException',
          `Invalid base path: ${key}`,
          "One level of letters, digits and $-_.+!*'() (multi-level paths need account.createApiMapping on a regional TLS 1.2 domain).",
        );
      }
      if (options.stage !== undefined && !api.hasStage(options.stage)) {
        throw apiError(
          where,
          'BadRequestException',
          'Invalid stage identifier specified',
          'Name a stage of the API, or leave stage out.',
        );
      }
      addMapping(where, domain, key, options.restApiId, options.stage);
    },
    createApiMapping(options: ApiMappingOptions): void {
      const where = 'account.createApiMapping';
      assertKnownOptions(where, options, ['domainName', 'apiMappingKey', 'apiId', 'stage']);
      const domain = domainOf(where, options.domainName);
      const api = apiOf(where, options.apiId);
      const key = options.apiMappingKey ?? '';
      if (api.apiType === 'WEBSOCKET') {
        throw new GatewayConfigError(
          'GATEWAY_UNSUPPORTED_FEATURE',
          `${where}: custom domain names of WebSocket APIs are not simulated`,
          'Connect to the WebSocket API itself (gateway.connect, its wss:// URL).',
          { option: 'apiId', feature: 'custom domain names for WebSocket APIs' },
        );
      }
      if (key !== '' && !BASE_PATH.test(key)) {
        throw apiError(
          where,
          'BadRequestException',
          `Invalid API mapping key: ${key}`,
          "Use letters, digits and $-_.+!*'()/, at most 300 characters.",
        );
      }
      const regional12 = !domain.edge && domain.securityPolicy === 'TLS_1_2';
      if ((key.includes('/') || api.apiType === 'HTTP') && !regional12) {
        throw apiError(
          where,
          'BadRequestException',
          key.includes('/')
            ? 'Multi-level base paths are only supported on regional domain names with the TLS 1.2 security policy'
            : 'HTTP APIs can only be mapped to regional domain names with the TLS 1.2 security policy',
          "Create the domain with endpointConfiguration: { types: ['REGIONAL'] } and securityPolicy TLS_1_2 (the default).",
        );
      }
      if (!api.hasStage(options.stage)) {
        throw apiError(
          where,
          'BadRequestException',
          'Invalid stage identifier specified',
          'Name a stage of the API.',
        );
      }
      addMapping(where, domain, key, options.apiId, options.stage);
    },
    deleteBasePathMapping(domainName: string, basePath?: string): void {
      const where = 'account.deleteBasePathMapping';
      const domain = domainOf(where, domainName);
      const key = basePath === undefined || basePath === '(none)' ? '' : basePath;
      if (!domain.mappings.delete(key)) {
        throw apiError(
          where,
          'NotFoundException',
          'Invalid base path mapping identifier specified',
          'Name an existing base path.',
        );
      }
    },
    defaultHost(): string {
      const first = domains.keys().next().value;
      return first === undefined || first.startsWith('*.') ? 'localhost' : first;
    },
    async serve(request: GatewayRequest): Promise<Response> {
      const host = request.host.replace(/:\d+$/, '').toLowerCase();
      const domain = domains.get(host) ?? wildcardFor(domains, host);
      if (domain === undefined) {
        const direct = EXECUTE_API.exec(host);
        const api = direct ? context.apis.get(direct[1]!) : undefined;
        if (api) return api.serveDirect(request);
        throw new GatewayConfigError(
          'ACCOUNT_UNKNOWN_HOST',
          `account.fetch: no custom domain name or API of this account answers for ${JSON.stringify(request.host)}`,
          `Create the domain (account.createDomainName), or use an API's own URL (gateway.url()); domains: ${[...domains.keys()].join(', ') || '(none)'}.`,
        );
      }
      const found = matchMapping(domain.mappings, request.pathname);
      const api = found && context.apis.get(found.mapping.apiId);
      if (!found || !api) {
        // No mapping takes the path and there is no (none) mapping: 403 Forbidden (UNCONFIRMED, behaviour.md §19.1).
        const id = ids.uuid();
        const refused = gatewayResponse('REST', 'NO_STAGE', { requestId: id, extendedRequestId: id });
        return new BufferedResponse(refused.body, { status: refused.statusCode, headers: refused.headers });
      }
      if (domain.edge) addCloudFrontHeaders(request, edgeIds);
      request.mapping = found.match;
      return api.serveMapped(request, found.match);
    },
  };
}

function wildcardFor(domains: ReadonlyMap<string, Domain>, host: string): Domain | undefined {
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    const found = domains.get(`*${host.slice(dot)}`);
    if (found) return found;
  }
  return undefined;
}
