import { DefinitionError } from '../../../errors/families.js';
import { isRecord } from '../source/pointer.js';

const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/**
 * Adds SAM's CORS preflight to every path without `options` (behaviour.md §21.2): a MOCK integration answering
 * 200 with the `Access-Control-*` headers, `Allow-Methods` = the path's methods + OPTIONS (ANY = all).
 */
export function addSamCors(
  paths: Record<string, Record<string, unknown>>,
  cors: unknown,
  preflightSecurity: Record<string, unknown>[] | undefined,
  file: string,
  pointer: string,
): void {
  const settings = isRecord(cors) ? cors : { AllowOrigin: cors };
  const origin = settings.AllowOrigin ?? "'*'";
  if (settings.AllowCredentials === true && origin === "'*'") {
    throw new DefinitionError(
      'DEFINITION_INVALID_CORS',
      `${file}#${pointer}: AllowCredentials true cannot be used with AllowOrigin '*'`,
      'Name the origin ("\'https://example.com\'"), as SAM requires.',
      { file, pointer },
    );
  }
  for (const item of Object.values(paths)) {
    if (item.options !== undefined) continue;
    const methods = Object.keys(item).map((m) =>
      m === 'x-amazon-apigateway-any-method' ? 'ANY' : m.toUpperCase(),
    );
    const allow =
      settings.AllowMethods ??
      `'${(methods.includes('ANY') ? ALL_METHODS : [...new Set([...methods, 'OPTIONS'])].sort()).join(',')}'`;
    const parameters: Record<string, unknown> = {
      'method.response.header.Access-Control-Allow-Origin': origin,
      'method.response.header.Access-Control-Allow-Methods': allow,
    };
    if (settings.AllowHeaders !== undefined)
      parameters['method.response.header.Access-Control-Allow-Headers'] = settings.AllowHeaders;
    if (settings.MaxAge !== undefined)
      parameters['method.response.header.Access-Control-Max-Age'] = settings.MaxAge;
    if (settings.AllowCredentials === true)
      parameters['method.response.header.Access-Control-Allow-Credentials'] = "'true'";
    item.options = {
      summary: 'CORS support',
      consumes: ['application/json'],
      produces: ['application/json'],
      'x-amazon-apigateway-integration': {
        type: 'mock',
        requestTemplates: { 'application/json': '{\n  "statusCode" : 200\n}\n' },
        responses: {
          default: {
            statusCode: '200',
            responseParameters: parameters,
            responseTemplates: { 'application/json': '{}\n' },
          },
        },
      },
      responses: {
        '200': {
          description: 'Default response for CORS method',
          headers: Object.fromEntries(
            Object.keys(parameters).map((k) => [
              k.slice('method.response.header.'.length),
              { type: 'string' },
            ]),
          ),
        },
      },
      ...(preflightSecurity === undefined ? {} : { security: preflightSecurity }),
    };
  }
}

/** HttpApi `CorsConfiguration`: `true` ⇒ `allowOrigins: ['*']`, a map ⇒ `x-amazon-apigateway-cors` (lower camel). */
export function httpCors(value: unknown): Record<string, unknown> | undefined {
  if (value === true) return { allowOrigins: ['*'] };
  if (!isRecord(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v]),
  );
}
