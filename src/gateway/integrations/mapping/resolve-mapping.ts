import { assertKnownOptions, GatewayConfigError } from '../../../errors/families.js';
import { isTestkitError } from '../../../errors/testkit-error.js';
import { compileTemplate } from '../../../vtl/compile-template.js';
import type { CompiledTemplate } from '../../../vtl/types.js';
import { compileSelectionPattern } from './java-regex.js';
import { parseResponseParameter } from './response-parameters.js';
import type { ParameterSource, PassthroughBehavior, ResolvedIntegrationResponse } from './types.js';

const PASSTHROUGH: readonly PassthroughBehavior[] = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'];
const RESPONSE_KEYS = [
  'statusCode',
  'selectionPattern',
  'responseTemplates',
  'responseParameters',
  'contentHandling',
] as const;
const METHOD_RESPONSE_KEYS = ['statusCode', 'responseParameters', 'responseModels'] as const;
const STATUS = /^[1-5]\d\d$/;

/** Declared method responses: status code → declared header names. */
export type MethodResponses = ReadonlyMap<string, ReadonlySet<string>>;

/** Validates `passthroughBehavior` (default `WHEN_NO_MATCH`). */
export function resolvePassthrough(where: string, value: unknown): PassthroughBehavior {
  if (value === undefined) return 'WHEN_NO_MATCH';
  if (!PASSTHROUGH.includes(value as PassthroughBehavior)) {
    throw invalid(
      where,
      `passthroughBehavior must be one of ${PASSTHROUGH.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return value as PassthroughBehavior;
}

/** Validates `contentHandling` (`CONVERT_TO_TEXT` | `CONVERT_TO_BINARY`; absent: passthrough). */
export function resolveContentHandling(
  where: string,
  value: unknown,
): 'CONVERT_TO_TEXT' | 'CONVERT_TO_BINARY' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'CONVERT_TO_TEXT' && value !== 'CONVERT_TO_BINARY') {
    throw invalid(
      where,
      `contentHandling must be CONVERT_TO_TEXT or CONVERT_TO_BINARY, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Compiles templates keyed by media type (keys lower-cased, declaration order kept). */
export function compileTemplates(where: string, value: unknown): Map<string, CompiledTemplate> {
  const out = new Map<string, CompiledTemplate>();
  if (value === undefined) return out;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(
      where,
      `must map media types to template strings, e.g. { 'application/json': '{"statusCode": 200}' }`,
    );
  }
  for (const [type, template] of Object.entries(value)) {
    if (typeof template !== 'string')
      throw invalid(where, `the template for ${JSON.stringify(type)} must be a string`);
    out.set(type.toLowerCase(), compileNamed(`${where}[${JSON.stringify(type)}]`, template));
  }
  return out;
}

/** Compiles one template; one that does not parse is refused naming where it is (AWS refuses it at deploy). */
function compileNamed(where: string, template: string): CompiledTemplate {
  try {
    return compileTemplate(template);
  } catch (error) {
    if (!isTestkitError(error)) throw error;
    throw new GatewayConfigError(
      'GATEWAY_INVALID_TEMPLATE',
      `${where}: the mapping template does not compile: ${error.message}`,
      'Fix the template (docs/vtl.md); API Gateway refuses a template that does not parse when the API is deployed.',
      { cause: error.code },
    );
  }
}

/**
 * Validates a route's `methodResponses` (`{ '200': { responseParameters: { 'method.response.header.X': true } } }`).
 * `undefined` when the route declares none.
 */
export function resolveMethodResponses(where: string, value: unknown): MethodResponses | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(where, 'methodResponses must be an object keyed by status code');
  }
  const out = new Map<string, Set<string>>();
  for (const [key, response] of Object.entries(value as Record<string, unknown>)) {
    const at = `${where}.methodResponses[${JSON.stringify(key)}]`;
    if (!STATUS.test(key)) throw invalid(at, 'keys are status codes from 100 to 599, such as "200"');
    if (typeof response !== 'object' || response === null) throw invalid(at, 'must be an object');
    assertKnownOptions(at, response, METHOD_RESPONSE_KEYS);
    const r = response as Record<string, unknown>;
    if (r.statusCode !== undefined && String(r.statusCode) !== key)
      throw invalid(at, `statusCode must be ${key}`);
    const names = new Set<string>();
    for (const [param, flag] of Object.entries((r.responseParameters ?? {}) as Record<string, unknown>)) {
      if (!param.startsWith('method.response.header.') || param.length === 23 || typeof flag !== 'boolean') {
        throw invalid(
          at,
          `responseParameters entries are 'method.response.header.<Name>': true|false, got ${JSON.stringify(param)}`,
        );
      }
      names.add(param.slice(23));
    }
    const models = r.responseModels;
    if (
      models !== undefined &&
      (typeof models !== 'object' ||
        models === null ||
        Object.values(models).some((name) => typeof name !== 'string' || name === ''))
    ) {
      throw invalid(at, "responseModels maps content types to model names: { 'application/json': 'Pet' }");
    }
    out.set(key, names);
  }
  return out;
}

/**
 * Validates `integrationResponses` (an array, or an object keyed by status code as AWS's GetIntegration returns
 * it). Each status must be a declared method response and each mapped header declared there; at most one
 * default (no `selectionPattern`); one response per status code.
 */
export function resolveIntegrationResponses(
  where: string,
  value: unknown,
  methods: MethodResponses | undefined,
): ResolvedIntegrationResponse[] {
  if (typeof value !== 'object' || value === null)
    throw invalid(where, 'integrationResponses must be an array or an object keyed by status code');
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((r, i) => [`${where}.integrationResponses[${i}]`, r])
    : Object.entries(value).map(([k, r]) => [
        `${where}.integrationResponses[${JSON.stringify(k)}]`,
        keyed(k, r),
      ]);
  const out: ResolvedIntegrationResponse[] = [];
  for (const [at, raw] of entries) {
    if (typeof raw !== 'object' || raw === null) throw invalid(at, 'must be an object');
    assertKnownOptions(at, raw, RESPONSE_KEYS);
    const r = raw as Record<string, unknown>;
    const status = String(r.statusCode);
    if (!STATUS.test(status))
      throw invalid(
        at,
        `statusCode must be a status code such as "200", got ${JSON.stringify(r.statusCode)}`,
      );
    if (out.some((o) => String(o.statusCode) === status))
      throw invalid(at, `a second integration response for status ${status}`);
    const declared = methods?.get(status);
    if (!declared) {
      throw new GatewayConfigError(
        'GATEWAY_INVALID_INTEGRATION',
        `${at}: status ${status} is not a method response of this route (AWS: "Invalid Response status code specified")`,
        `Declare it on the route: methodResponses: { '${status}': {} }.`,
      );
    }
    const pattern = r.selectionPattern;
    if (pattern !== undefined && typeof pattern !== 'string')
      throw invalid(at, 'selectionPattern must be a string');
    const isDefault = pattern === undefined || pattern === '';
    if (isDefault && out.some((o) => o.matches === null))
      throw invalid(at, 'a second default integration response (no selectionPattern)');
    const parameters: (readonly [string, ParameterSource])[] = [];
    for (const [key, expression] of Object.entries((r.responseParameters ?? {}) as Record<string, unknown>)) {
      const parsed = parseResponseParameter(at, key, expression);
      if (!declared.has(parsed[0])) {
        throw new GatewayConfigError(
          'GATEWAY_INVALID_INTEGRATION',
          `${at}: ${key} is not declared in method response ${status} (AWS: "Invalid mapping expression specified")`,
          `Declare it: methodResponses: { '${status}': { responseParameters: { '${key}': true } } }.`,
        );
      }
      parameters.push(parsed);
    }
    const handling = resolveContentHandling(at, r.contentHandling);
    out.push({
      statusCode: Number(status),
      selectionPattern: isDefault ? null : pattern,
      matches: isDefault ? null : compileSelectionPattern(at, pattern),
      responseTemplates: compileTemplates(`${at}.responseTemplates`, r.responseTemplates),
      responseParameters: parameters,
      ...(handling ? { contentHandling: handling } : {}),
    });
  }
  return out;
}

function keyed(key: string, response: unknown): unknown {
  if (typeof response !== 'object' || response === null) return response;
  const r = response as Record<string, unknown>;
  if (r.statusCode !== undefined && String(r.statusCode) !== key) {
    throw invalid(
      `integrationResponses[${JSON.stringify(key)}]`,
      `statusCode ${JSON.stringify(r.statusCode)} differs from its key`,
    );
  }
  return { ...r, statusCode: key };
}

function invalid(where: string, why: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_INTEGRATION',
    `${where}: ${why}`,
    'Fix the integration mapping.',
  );
}
