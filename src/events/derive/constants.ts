/** Defaults every builder shares. Fixed values so that the same options always give the same event. */
export const DEFAULT_TIME = Date.UTC(2024, 0, 1);
export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_API_ID = 'abcd1234ef';
/** A TEST-NET-3 address (RFC 5737), never routable. */
export const DEFAULT_SOURCE_IP = '203.0.113.9';
export const DEFAULT_SEED = 'apigw-testkit';

/**
 * Request headers API Gateway removes before a template or a Lambda function sees them, on every endpoint
 * type (behaviour.md §0, §1.1; conformance case rest-reserved-request-headers-stripped). `Content-Length`
 * is not forwarded by REST APIs either; HTTP APIs set their own.
 */
export const DROPPED_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'content-md5',
  'expect',
  'max-forwards',
  'proxy-authenticate',
  'server',
  'te',
  'transfer-encoding',
  'trailer',
  'upgrade',
  'www-authenticate',
  'content-length',
]);

/** The verbs a REST API method or an HTTP API route can be defined for (`ANY` is a route method, not a verb). */
export const HTTP_METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Domain API Gateway gives an API: `{apiId}.execute-api.{region}.amazonaws.com`. */
export function defaultDomainName(apiId: string, region: string): string {
  // Nearly every event has the same API and Region: the last name is kept (one string instead of one per event).
  if (lastDomain === undefined || apiId !== lastDomain.apiId || region !== lastDomain.region) {
    lastDomain = { apiId, region, name: `${apiId}.execute-api.${region}.amazonaws.com` };
  }
  return lastDomain.name;
}

let lastDomain: { apiId: string; region: string; name: string } | undefined;

/** First label of a domain name (`requestContext.domainPrefix`). */
export function domainPrefixOf(domainName: string): string {
  if (domainName === lastPrefix.domainName) return lastPrefix.prefix;
  const dot = domainName.indexOf('.');
  const prefix = dot === -1 ? domainName : domainName.slice(0, dot);
  lastPrefix = { domainName, prefix };
  return prefix;
}

let lastPrefix = { domainName: '', prefix: '' };
