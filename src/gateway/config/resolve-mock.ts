import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import { compileTemplate } from '../../vtl/compile-template.js';
import type { CompiledTemplate } from '../../vtl/types.js';
import type { MockIntegrationResponse } from '../types.js';

const RESPONSE_KEYS = ['statusCode', 'headers', 'body'] as const;

/**
 * Compiles MOCK request templates (VTL, behaviour.md §4) keyed by media type (lowercased). A template that
 * does not parse throws `TemplateSyntaxError` when the gateway is created.
 */
export function compileMockTemplates(
  templates: Readonly<Record<string, string>>,
): Record<string, CompiledTemplate> {
  const compiled: Record<string, CompiledTemplate> = {};
  for (const [type, template] of Object.entries(templates))
    compiled[type.toLowerCase()] = compileTemplate(template);
  return compiled;
}

/** Validates MOCK integration responses keyed by status code (`'200'`) or `'default'`. */
export function checkMockResponses(where: string, value: unknown): Record<string, MockIntegrationResponse> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(where, 'responses must be an object keyed by status code or "default"');
  }
  for (const [key, response] of Object.entries(value as Record<string, unknown>)) {
    const at = `${where}.responses[${JSON.stringify(key)}]`;
    if (key !== 'default' && !/^[1-5]\d\d$/.test(key))
      throw invalid(at, 'keys are status codes such as "200", or "default"');
    if (typeof response !== 'object' || response === null) throw invalid(at, 'must be an object');
    assertKnownOptions(at, response, RESPONSE_KEYS);
    const r = response as MockIntegrationResponse;
    if (
      r.statusCode !== undefined &&
      !(Number.isInteger(r.statusCode) && r.statusCode >= 200 && r.statusCode <= 599)
    ) {
      throw invalid(at, `statusCode must be an integer from 200 to 599, got ${String(r.statusCode)}`);
    }
    if (r.body !== undefined && typeof r.body !== 'string') throw invalid(at, 'body must be a string');
    if (r.headers !== undefined && Object.values(r.headers).some((v) => typeof v !== 'string')) {
      throw invalid(at, 'header values must be strings');
    }
  }
  return value as Record<string, MockIntegrationResponse>;
}

function invalid(where: string, why: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_INTEGRATION',
    `${where}: ${why}`,
    'Fix the MOCK integration.',
  );
}
