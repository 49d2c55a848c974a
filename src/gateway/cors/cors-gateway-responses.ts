import { GatewayConfigError } from '../../errors/families.js';
import { GATEWAY_RESPONSE_TYPES } from '../responses/resolve-gateway-responses.js';
import type { GatewayResponseConfig, GatewayResponseType } from '../responses/types.js';

/** The console's default `Access-Control-Allow-Headers` (behaviour.md §9.1). */
export const CONSOLE_ALLOW_HEADERS = [
  'Content-Type',
  'X-Amz-Date',
  'Authorization',
  'X-Api-Key',
  'X-Amz-Security-Token',
];

/**
 * The `Access-Control-*` values the REST console's "Enable CORS" form asks for.
 *
 * @example
 * ```ts
 * const headers: CorsHeaderOptions = { allowOrigin: 'https://app.example.com', maxAge: 600 };
 * ```
 */
export interface CorsHeaderOptions {
  /** `Access-Control-Allow-Origin`. Default `*`. */
  allowOrigin?: string;
  /** Default the console's `Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token`. */
  allowHeaders?: readonly string[];
  /** Default: the resource's methods and OPTIONS. */
  allowMethods?: readonly string[];
  exposeHeaders?: readonly string[];
  maxAge?: number;
  allowCredentials?: boolean;
}

/**
 * The static header mappings "Enable CORS" writes, under `prefix` (`method.response.header.` for the OPTIONS
 * method's integration response, `gatewayresponse.header.` for gateway responses): `Allow-Headers`,
 * `Allow-Methods` (the options', else `methods`), `Allow-Origin`, then `Expose-Headers`, `Max-Age` and
 * `Allow-Credentials` when asked for.
 */
export function corsHeaderMappings(
  prefix: string,
  options: CorsHeaderOptions,
  methods: readonly string[],
): Record<string, string> {
  const quoted = (value: string) => `'${value}'`;
  const mapped: Record<string, string> = {
    [`${prefix}Access-Control-Allow-Headers`]: quoted(
      (options.allowHeaders ?? CONSOLE_ALLOW_HEADERS).join(','),
    ),
    [`${prefix}Access-Control-Allow-Methods`]: quoted((options.allowMethods ?? methods).join(',')),
    [`${prefix}Access-Control-Allow-Origin`]: quoted(options.allowOrigin ?? '*'),
  };
  if (options.exposeHeaders)
    mapped[`${prefix}Access-Control-Expose-Headers`] = quoted(options.exposeHeaders.join(','));
  if (options.maxAge !== undefined)
    mapped[`${prefix}Access-Control-Max-Age`] = quoted(String(options.maxAge));
  if (options.allowCredentials) mapped[`${prefix}Access-Control-Allow-Credentials`] = quoted('true');
  return mapped;
}

/**
 * `gatewayResponses` with the CORS header mappings added to each of `types` (the console's "Default 4XX" /
 * "Default 5XX" boxes, or the custom responses it lists): an existing entry keeps its status, templates and other
 * headers; its `Access-Control-*` mappings are replaced, as the console replaces them.
 */
export function withCorsGatewayResponses(
  existing: Partial<Record<GatewayResponseType, GatewayResponseConfig>> | undefined,
  types: readonly GatewayResponseType[],
  mappings: Readonly<Record<string, string>>,
): Partial<Record<GatewayResponseType, GatewayResponseConfig>> {
  if (!Array.isArray(types as unknown) || types.length === 0) {
    throw new GatewayConfigError(
      'GATEWAY_INVALID_CORS',
      `enableCors: gatewayResponses must be true or a non-empty list of gateway response types, got ${JSON.stringify(types)}`,
      "Write gatewayResponses: true (DEFAULT_4XX and DEFAULT_5XX) or ['DEFAULT_4XX', 'UNAUTHORIZED'].",
    );
  }
  const out: Partial<Record<GatewayResponseType, GatewayResponseConfig>> = { ...existing };
  for (const type of types) {
    if (!GATEWAY_RESPONSE_TYPES.includes(type)) {
      throw new GatewayConfigError(
        'GATEWAY_INVALID_CORS',
        `enableCors: gatewayResponses names ${JSON.stringify(type)}, which is not a gateway response type`,
        `Use DEFAULT_4XX, DEFAULT_5XX or one of ${GATEWAY_RESPONSE_TYPES.slice(2).join(', ')}.`,
      );
    }
    const entry = out[type] ?? {};
    out[type] = { ...entry, responseParameters: { ...entry.responseParameters, ...mappings } };
  }
  return out;
}
