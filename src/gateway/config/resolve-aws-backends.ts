import { GatewayConfigError } from '../../errors/families.js';
import type { ServiceUri } from '../integrations/aws/service-uri.js';
import type { AwsCredentials, AwsServiceResponder } from '../integrations/aws/types.js';
import type { AwsBackend } from './resolve-non-proxy.js';

/** The gateway's AWS service backends: responders, endpoints and signing credentials. */
export interface AwsBackends {
  /** The backend of one integration; throws naming service and action when there is none. */
  backendFor(where: string, uri: ServiceUri): AwsBackend;
  credentials: AwsCredentials;
}

const TEST_CREDENTIALS: AwsCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * Validates `services` (responders per service or per action), `awsEndpoint` (one URL, or URLs per service) and
 * `awsCredentials`. A responder wins over an endpoint; with neither, the integration is refused at `createGateway`
 * (`GATEWAY_NO_AWS_BACKEND`) naming the service and action.
 *
 * @example
 * ```ts
 * resolveAwsBackends({ awsEndpoint: 'http://127.0.0.1:4567' }).backendFor('where', uri); // { kind: 'endpoint', … }
 * ```
 */
export function resolveAwsBackends(options: {
  services?: unknown;
  awsEndpoint?: unknown;
  awsCredentials?: unknown;
}): AwsBackends {
  const services = options.services ?? {};
  if (typeof services !== 'object' || services === null || Array.isArray(services)) {
    throw invalid('services', 'must map service names to a responder function or to { Action: responder }');
  }
  for (const [service, value] of Object.entries(services)) {
    const ok =
      typeof value === 'function' ||
      (typeof value === 'object' &&
        value !== null &&
        Object.values(value).every((fn) => typeof fn === 'function'));
    if (!ok)
      throw invalid(
        `services.${service}`,
        'must be a responder function or an object of responders by action',
      );
  }
  const endpoint = options.awsEndpoint;
  const endpoints = new Map<string, string>();
  let anyService: string | undefined;
  if (typeof endpoint === 'string') anyService = checkUrl('awsEndpoint', endpoint);
  else if (typeof endpoint === 'object' && endpoint !== null && !Array.isArray(endpoint)) {
    for (const [service, url] of Object.entries(endpoint))
      endpoints.set(service, checkUrl(`awsEndpoint.${service}`, url));
  } else if (endpoint !== undefined) {
    throw invalid(
      'awsEndpoint',
      "must be a URL ('http://127.0.0.1:4567') or URLs by service ({ dynamodb: '…', s3: '…' })",
    );
  }
  const credentials = options.awsCredentials ?? TEST_CREDENTIALS;
  const c = credentials as Record<string, unknown>;
  if (
    typeof c !== 'object' ||
    c === null ||
    typeof c.accessKeyId !== 'string' ||
    typeof c.secretAccessKey !== 'string'
  ) {
    throw invalid('awsCredentials', 'must be { accessKeyId, secretAccessKey, sessionToken? }');
  }
  const table = services as Record<string, AwsServiceResponder | Record<string, AwsServiceResponder>>;
  return {
    credentials: credentials as AwsCredentials,
    backendFor(where, uri) {
      const entry = table[uri.service];
      if (typeof entry === 'function') return { kind: 'responder', responder: entry };
      if (entry && uri.action && typeof entry[uri.action] === 'function') {
        return { kind: 'responder', responder: entry[uri.action]! };
      }
      const url = endpoints.get(uri.service) ?? anyService;
      if (url) return { kind: 'endpoint', url };
      const name = uri.action ? `${uri.service} ${uri.action}` : `${uri.service} path/${uri.path}`;
      throw new GatewayConfigError(
        'GATEWAY_NO_AWS_BACKEND',
        `${where}: nothing answers ${name}: no services.${uri.service}${uri.action ? ` (or services.${uri.service}.${uri.action})` : ''} responder and no awsEndpoint for ${uri.service}`,
        `Add services: { ${uri.service}: (call) => ({ statusCode: 200, body: … }) }, or awsEndpoint: 'http://127.0.0.1:<port>' of an AWS-compatible server (dynalite, s3rver, LocalStack).`,
        { service: uri.service, action: uri.action },
      );
    },
  };
}

function checkUrl(where: string, value: unknown): string {
  try {
    const url = new URL(String(value));
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href.replace(/\/$/, '');
  } catch {
    // refused below
  }
  throw invalid(where, `${JSON.stringify(value)} is not an http(s) URL`);
}

function invalid(where: string, why: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_OPTION',
    `createGateway: ${where} ${why}`,
    'See docs/integrations.md (AWS service integrations).',
  );
}
