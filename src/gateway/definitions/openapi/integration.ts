import { DefinitionError } from '../../../errors/families.js';
import type { ApiType } from '../../types.js';
import type { FunctionTarget, WarningList } from '../model.js';
import { child, isRecord } from '../source/pointer.js';
import { lambdaTarget, targetLabel } from './function-target.js';

/** The fields of `x-amazon-apigateway-integration` (behaviour.md §17.6). */
const FIELDS = new Set([
  'type',
  'uri',
  'httpMethod',
  'credentials',
  'requestTemplates',
  'requestParameters',
  'responses',
  'passthroughBehavior',
  'timeoutInMillis',
  'cacheKeyParameters',
  'cacheNamespace',
  'contentHandling',
  'connectionType',
  'connectionId',
  'payloadFormatVersion',
  'integrationSubtype',
  'tlsConfig',
  'responseTransferMode',
]);
const TYPES = new Set(['AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK']);

/** What an integration extension compiles to. */
export interface ConvertedIntegration {
  integration: Record<string, unknown> | undefined;
  target: FunctionTarget | undefined;
  /** Route cache settings taken from `cacheKeyParameters` / `cacheNamespace`. */
  caching: Record<string, unknown> | undefined;
  label: string;
}

/** Where the integration is, for messages. */
export interface IntegrationPlace {
  file: string;
  pointer: string;
  apiType: ApiType;
  resource: string;
  method: string;
  warnings: WarningList;
}

/** Converts an `x-amazon-apigateway-integration` object into `createGateway` integration options. */
export function convertIntegration(value: unknown, at: IntegrationPlace): ConvertedIntegration {
  const { file, pointer, warnings } = at;
  if (!isRecord(value)) throw invalid(at, pointer, 'the integration must be an object');
  for (const key of Object.keys(value)) {
    if (!FIELDS.has(key)) {
      throw new DefinitionError(
        'DEFINITION_UNKNOWN_FIELD',
        `${file}#${child(pointer, key)}: x-amazon-apigateway-integration has no field "${key}"`,
        `Remove it or fix its spelling; the fields are ${[...FIELDS].join(', ')}.`,
        { file, pointer: child(pointer, key) },
      );
    }
  }
  if (typeof value.type !== 'string' || value.type === '') {
    throw invalid(at, child(pointer, 'type'), 'the integration has no "type"');
  }
  const type = value.type.toUpperCase();
  if (!TYPES.has(type)) {
    throw invalid(
      at,
      child(pointer, 'type'),
      `integration type ${JSON.stringify(value.type)} does not exist`,
    );
  }
  const out: Record<string, unknown> = { type };
  const uri = value.uri;
  const isLambda =
    typeof uri === 'string' &&
    (type === 'AWS_PROXY' || type === 'AWS') &&
    value.integrationSubtype === undefined;
  const target = isLambda ? lambdaTarget(uri, child(pointer, 'uri'), at.apiType === 'HTTP') : undefined;
  if (type === 'AWS_PROXY' && value.integrationSubtype === undefined && typeof uri === 'string' && !target) {
    throw invalid(at, child(pointer, 'uri'), `AWS_PROXY uri ${JSON.stringify(uri)} names no Lambda function`);
  }
  const caching: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    const where = child(pointer, key);
    if (key === 'type' || (key === 'uri' && target)) continue;
    if (key === 'cacheKeyParameters' || key === 'cacheNamespace') {
      if (!(Array.isArray(raw) && raw.length === 0)) caching[key] = raw;
    } else if (key === 'credentials' && (target || type === 'MOCK')) {
      warnings.info(
        'CREDENTIALS_NOT_EVALUATED',
        where,
        'integration credentials (an IAM role) are not evaluated locally',
      );
    } else if (type === 'MOCK' && (key === 'httpMethod' || key === 'uri' || key === 'connectionType')) {
      warnings.info('IGNORED_FIELD', where, `${key} has no effect on a MOCK integration`);
    } else if (key === 'connectionType' && raw === 'INTERNET') {
      // The default connection type.
    } else if (key === 'responses') {
      if (type === 'AWS_PROXY' || type === 'HTTP_PROXY') {
        if (at.apiType === 'HTTP') out.responseParameters = raw;
        else
          warnings.info('IGNORED_FIELD', where, `integration responses are not used by ${type} integrations`);
      } else out.integrationResponses = integrationResponses(raw, where, at);
    } else if (key === 'requestParameters') {
      const params = requestParameters(raw, where, at);
      if (params) out.requestParameters = params;
    } else if (
      (key === 'requestTemplates' || key === 'passthroughBehavior' || key === 'contentHandling') &&
      type.endsWith('_PROXY')
    ) {
      warnings.info('IGNORED_FIELD', where, `${key} is not used by proxy integrations`);
    } else if (key === 'passthroughBehavior' || key === 'contentHandling') {
      out[key] = String(raw).toUpperCase();
    } else if (key === 'payloadFormatVersion') {
      out[key] = typeof raw === 'number' ? raw.toFixed(1) : raw;
    } else if (key === 'timeoutInMillis') {
      out[key] = typeof raw === 'string' ? Number(raw) : raw;
    } else out[key] = raw;
  }
  if (at.apiType === 'REST' && out.payloadFormatVersion !== undefined) {
    warnings.info(
      'IGNORED_FIELD',
      child(pointer, 'payloadFormatVersion'),
      'REST APIs always send payload 1.0',
    );
    delete out.payloadFormatVersion;
  }
  const label = target
    ? `${type} ${targetLabel(target)}`
    : type === 'MOCK'
      ? 'MOCK'
      : `${type}${value.integrationSubtype ? ` ${String(value.integrationSubtype)}` : ''}${typeof uri === 'string' ? ` ${uri}` : ''}`;
  return { integration: out, target, caching: Object.keys(caching).length > 0 ? caching : undefined, label };
}

function integrationResponses(value: unknown, pointer: string, at: IntegrationPlace): unknown[] {
  if (!isRecord(value)) throw invalid(at, pointer, 'responses must map selection patterns to responses');
  return Object.entries(value).map(([pattern, response]) => {
    const where = child(pointer, pattern);
    if (!isRecord(response)) throw invalid(at, where, 'an integration response must be an object');
    const out: Record<string, unknown> = {
      statusCode: response.statusCode === undefined ? undefined : String(response.statusCode),
    };
    if (pattern !== 'default') out.selectionPattern = pattern;
    for (const [key, raw] of Object.entries(response)) {
      if (key === 'statusCode') continue;
      if (!['responseTemplates', 'responseParameters', 'contentHandling'].includes(key)) {
        throw new DefinitionError(
          'DEFINITION_UNKNOWN_FIELD',
          `${at.file}#${child(where, key)}: an integration response has no field "${key}"`,
          'Use statusCode, responseTemplates, responseParameters or contentHandling.',
          { file: at.file, pointer: child(where, key) },
        );
      }
      out[key] = key === 'contentHandling' ? String(raw).toUpperCase() : raw;
    }
    if (out.statusCode === undefined) throw invalid(at, where, 'the integration response has no statusCode');
    return out;
  });
}

function requestParameters(value: unknown, pointer: string, at: IntegrationPlace): unknown {
  if (!isRecord(value)) throw invalid(at, pointer, 'requestParameters must be an object');
  if (at.apiType === 'HTTP') return value;
  const kept: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (typeof raw === 'string') kept[key] = raw;
    else {
      // Recorded on AWS (behaviour.md §17.2): a warning, and the entry is dropped.
      at.warnings.warn(
        'INVALID_REQUEST_PARAMETER',
        child(pointer, key),
        `Invalid format for 'requestParameters'. Expected type string for property '${key}' of resource '${at.resource}' and method '${at.method}' but got '${String(raw)}'`,
      );
    }
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function invalid(at: IntegrationPlace, pointer: string, why: string): DefinitionError {
  return new DefinitionError(
    'DEFINITION_INVALID_INTEGRATION',
    `${at.file}#${pointer}: ${why}`,
    'Give type (aws, aws_proxy, http, http_proxy or mock) and the fields it needs, as x-amazon-apigateway-integration documents.',
    { file: at.file, pointer },
  );
}
