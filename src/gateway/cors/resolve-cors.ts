import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import type { CorsConfiguration } from '../auth/auth-options.js';

/** HTTP API CORS, validated and ready to answer. */
export interface CompiledCors {
  allowsOrigin(origin: string): boolean;
  /** `*` when every origin is allowed and credentials are not (the origin is echoed otherwise). */
  anyOrigin: boolean;
  allowMethods: readonly string[];
  allowHeaders: readonly string[];
  exposeHeaders: readonly string[];
  maxAge: number | undefined;
  allowCredentials: boolean;
}

const KEYS = ['allowOrigins', 'allowMethods', 'allowHeaders', 'exposeHeaders', 'maxAge', 'allowCredentials'];
const METHODS = ['*', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+$/i;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Validates an HTTP API `corsConfiguration` as `CreateApi`/`UpdateApi` do (behaviour.md §9.2): origins are
 * `*`, `http://*`, `https://*` or `scheme://host[:port]` without a path; methods are HTTP verbs or `*`; header
 * names are tokens or `*`; `maxAge` is -1..86400; credentials cannot be allowed for every origin (`*`).
 */
export function resolveCors(value: unknown): CompiledCors {
  const where = 'createGateway: corsConfiguration';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad(
      where,
      'must be an object',
      "Write corsConfiguration: { allowOrigins: ['https://app.example.com'] }.",
    );
  }
  assertKnownOptions(where, value, KEYS);
  const config = value as CorsConfiguration;
  const origins = list(
    where,
    'allowOrigins',
    config.allowOrigins,
    (o) => o === '*' || o === 'http://*' || o === 'https://*' || ORIGIN.test(o),
    'an origin like https://app.example.com (no path), *, http://* or https://*',
  );
  const methods = list(
    where,
    'allowMethods',
    config.allowMethods,
    (m) => METHODS.includes(m.toUpperCase()),
    `one of ${METHODS.join(', ')}`,
  ).map((m) => m.toUpperCase());
  const headers = list(
    where,
    'allowHeaders',
    config.allowHeaders,
    (h) => TOKEN.test(h),
    'a header name or *',
  );
  const expose = list(
    where,
    'exposeHeaders',
    config.exposeHeaders,
    (h) => TOKEN.test(h),
    'a header name or *',
  );
  const maxAge = config.maxAge;
  if (maxAge !== undefined && (!Number.isInteger(maxAge) || maxAge < -1 || maxAge > 86_400)) {
    throw bad(
      where,
      `maxAge ${JSON.stringify(maxAge)} is out of range`,
      'Use whole seconds from -1 to 86400.',
    );
  }
  const credentials = config.allowCredentials ?? false;
  if (typeof credentials !== 'boolean')
    throw bad(where, 'allowCredentials must be a boolean', 'Pass true or false.');
  if (credentials && origins.includes('*')) {
    throw bad(
      where,
      'allowCredentials is true with allowOrigins *',
      'Browsers refuse credentials for a wildcard origin and API Gateway rejects the configuration: list the origins.',
    );
  }
  const exact = new Set(origins.filter((o) => !o.endsWith('*')).map((o) => o.toLowerCase()));
  const any = origins.includes('*');
  const anyHttps = origins.includes('https://*');
  const anyHttp = origins.includes('http://*');
  return {
    allowsOrigin: (origin) => {
      const lower = origin.toLowerCase();
      return (
        any ||
        exact.has(lower) ||
        (anyHttps && lower.startsWith('https://')) ||
        (anyHttp && lower.startsWith('http://'))
      );
    },
    anyOrigin: any,
    allowMethods: methods,
    allowHeaders: headers.map((h) => h.toLowerCase()),
    exposeHeaders: expose.map((h) => h.toLowerCase()),
    maxAge,
    allowCredentials: credentials,
  };
}

function list(
  where: string,
  name: string,
  value: unknown,
  ok: (item: string) => boolean,
  expected: string,
): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw bad(where, `${name} must be an array`, `Write ${name}: ['…'].`);
  for (const item of value) {
    if (typeof item !== 'string' || !ok(item))
      throw bad(where, `${name} entry ${JSON.stringify(item)} is not valid`, `Use ${expected}.`);
  }
  return [...value];
}

function bad(where: string, what: string, fix: string): GatewayConfigError {
  return new GatewayConfigError('GATEWAY_INVALID_CORS', `${where}: ${what}`, fix);
}
