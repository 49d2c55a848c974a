import { DefinitionError } from '../../../errors/families.js';
import type { ApiType } from '../../types.js';
import type { WarningList } from '../model.js';
import { child, isRecord } from '../source/pointer.js';

const PREFIX = 'x-amazon-apigateway-';
/** Root extensions and the API types they apply to (behaviour.md §17.6). */
const ROOT: Readonly<Record<string, 'REST' | 'HTTP' | 'both'>> = {
  'api-key-source': 'REST',
  'binary-media-types': 'REST',
  'minimum-compression-size': 'REST',
  policy: 'REST',
  'endpoint-configuration': 'both',
  'request-validators': 'REST',
  'request-validator': 'REST',
  'gateway-responses': 'REST',
  documentation: 'REST',
  cors: 'HTTP',
  'importexport-version': 'HTTP',
};
const GATEWAY_RESPONSE_FIELDS = ['statusCode', 'responseParameters', 'responseTemplates'];

/** API-level options read from the document's root extensions, and the default request validator. */
export interface RootSettings {
  api: Record<string, unknown>;
  defaultValidator: string | undefined;
}

/** Maps every root `x-amazon-apigateway-*` extension; an unknown one is a `DEFINITION_UNKNOWN_EXTENSION`. */
export function readRootExtensions(
  document: Record<string, unknown>,
  apiType: ApiType,
  context: { file: string; region: string; accountId: string; apiId: string; warnings: WarningList },
): RootSettings {
  const { file, warnings } = context;
  const api: Record<string, unknown> = {};
  let defaultValidator: string | undefined;
  for (const [key, value] of Object.entries(document)) {
    if (!key.startsWith(PREFIX)) continue;
    const name = key.slice(PREFIX.length);
    const pointer = child('', key);
    const applies = ROOT[name];
    if (applies === undefined) throw unknownExtension(file, pointer, key, 'at the root of a document');
    if (applies !== 'both' && applies !== apiType) {
      warnings.info(
        'IGNORED_EXTENSION',
        pointer,
        `${key} applies to ${applies} APIs only and is ignored on ${apiType} APIs`,
      );
      continue;
    }
    switch (name) {
      case 'api-key-source':
        api.apiKeySource = String(value).toUpperCase();
        break;
      case 'binary-media-types':
        api.binaryMediaTypes = value;
        break;
      case 'minimum-compression-size':
        api.minimumCompressionSize = value;
        break;
      case 'policy':
        api.policy = expandPolicy(value, context);
        break;
      case 'endpoint-configuration':
        Object.assign(api, endpointConfiguration(value, pointer, file));
        break;
      case 'request-validators':
        api.requestValidators = value;
        break;
      case 'request-validator':
        defaultValidator = String(value);
        break;
      case 'gateway-responses':
        api.gatewayResponses = gatewayResponses(value, pointer, file);
        break;
      case 'documentation':
        warnings.info('IGNORED_EXTENSION', pointer, 'documentation parts have no effect on requests');
        break;
      case 'cors':
        api.corsConfiguration = value;
        break;
      case 'importexport-version':
        if (String(value) !== '1.0') {
          throw new DefinitionError(
            'DEFINITION_INVALID_EXTENSION',
            `${file}#${pointer}: x-amazon-apigateway-importexport-version must be "1.0", got ${JSON.stringify(value)}`,
            'Use "1.0", the only version HTTP APIs know.',
            { file, pointer },
          );
        }
        break;
    }
  }
  if (defaultValidator !== undefined)
    checkValidator(api, defaultValidator, child('', `${PREFIX}request-validator`), file);
  return { api, defaultValidator };
}

/** The `x-amazon-apigateway-endpoint-configuration` object of a 3.0 server, if any. */
export function serverEndpointConfiguration(
  document: Record<string, unknown>,
  file: string,
): Record<string, unknown> {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  for (const [i, server] of servers.entries()) {
    if (isRecord(server) && server[`${PREFIX}endpoint-configuration`] !== undefined) {
      return endpointConfiguration(
        server[`${PREFIX}endpoint-configuration`],
        child('/servers', i, `${PREFIX}endpoint-configuration`),
        file,
      );
    }
  }
  return {};
}

/** Throws when `name` is not a validator of `x-amazon-apigateway-request-validators`. */
export function checkValidator(
  api: Record<string, unknown>,
  name: string,
  pointer: string,
  file: string,
): void {
  const validators = isRecord(api.requestValidators) ? api.requestValidators : {};
  if (!Object.hasOwn(validators, name)) {
    throw new DefinitionError(
      'DEFINITION_UNKNOWN_VALIDATOR',
      `${file}#${pointer}: request validator "${name}" is not defined`,
      `Define it in x-amazon-apigateway-request-validators (defined: ${Object.keys(validators).join(', ') || 'none'}).`,
      { file, pointer },
    );
  }
}

/** An unknown `x-amazon-apigateway-*` extension. */
export function unknownExtension(file: string, pointer: string, key: string, where: string): DefinitionError {
  return new DefinitionError(
    'DEFINITION_UNKNOWN_EXTENSION',
    `${file}#${pointer}: ${key} is not an API Gateway extension ${where}`,
    'Fix its spelling or move it where it belongs (behaviour.md §17.6 lists the extensions and their places).',
    { file, pointer },
  );
}

function endpointConfiguration(value: unknown, pointer: string, file: string): Record<string, unknown> {
  if (!isRecord(value)) {
    throw new DefinitionError(
      'DEFINITION_INVALID_EXTENSION',
      `${file}#${pointer}: x-amazon-apigateway-endpoint-configuration must be an object`,
      'Write { disableExecuteApiEndpoint: true } and/or { vpcEndpointIds: [...] }.',
      { file, pointer },
    );
  }
  const out: Record<string, unknown> = {};
  if (value.disableExecuteApiEndpoint !== undefined)
    out.disableExecuteApiEndpoint = value.disableExecuteApiEndpoint;
  if (value.vpcEndpointIds !== undefined) out.vpcEndpointIds = value.vpcEndpointIds;
  return out;
}

function gatewayResponses(value: unknown, pointer: string, file: string): Record<string, unknown> {
  if (!isRecord(value)) return {};
  const out: Record<string, unknown> = {};
  for (const [type, response] of Object.entries(value)) {
    if (!isRecord(response)) continue;
    for (const key of Object.keys(response)) {
      if (!GATEWAY_RESPONSE_FIELDS.includes(key)) {
        throw new DefinitionError(
          'DEFINITION_UNKNOWN_FIELD',
          `${file}#${child(pointer, type, key)}: a gateway response has no field "${key}"`,
          `Use ${GATEWAY_RESPONSE_FIELDS.join(', ')}.`,
          { file, pointer: child(pointer, type, key) },
        );
      }
    }
    out[type] = response;
  }
  return out;
}

function expandPolicy(
  value: unknown,
  context: { region: string; accountId: string; apiId: string },
): unknown {
  const arn = `arn:aws:execute-api:${context.region}:${context.accountId}:${context.apiId}/`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.parse(text.replaceAll('"execute-api:/', `"${arn}`));
}
