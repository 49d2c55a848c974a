import { assertKnownOptions, GatewayConfigError } from '../../errors/families.js';
import type { ResolvedIntegrationResponse } from '../integrations/mapping/types.js';

const RESPONSE_KEYS = ['statusCode', 'headers', 'body'] as const;

/**
 * Turns the `responses` shorthand (static integration responses keyed by status code or `'default'`) into
 * integration responses: key `'404'` selects status 404 exactly, `'default'` is the default response; headers and
 * body are sent as written and need no method response declaration.
 */
export function resolveMockShorthand(where: string, value: unknown): ResolvedIntegrationResponse[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidMock(where, 'responses must be an object keyed by status code or "default"');
  }
  const out: ResolvedIntegrationResponse[] = [];
  for (const [key, response] of Object.entries(value as Record<string, unknown>)) {
    const at = `${where}.responses[${JSON.stringify(key)}]`;
    if (key !== 'default' && !/^[1-5]\d\d$/.test(key))
      throw invalidMock(at, 'keys are status codes such as "200", or "default"');
    if (typeof response !== 'object' || response === null) throw invalidMock(at, 'must be an object');
    assertKnownOptions(at, response, RESPONSE_KEYS);
    const r = response as { statusCode?: unknown; headers?: unknown; body?: unknown };
    if (
      r.statusCode !== undefined &&
      !(
        typeof r.statusCode === 'number' &&
        Number.isInteger(r.statusCode) &&
        r.statusCode >= 100 &&
        r.statusCode <= 599
      )
    ) {
      throw invalidMock(at, `statusCode must be an integer from 100 to 599, got ${String(r.statusCode)}`);
    }
    if (r.body !== undefined && typeof r.body !== 'string') throw invalidMock(at, 'body must be a string');
    if (
      r.headers !== undefined &&
      (typeof r.headers !== 'object' ||
        r.headers === null ||
        Object.values(r.headers).some((v) => typeof v !== 'string'))
    ) {
      throw invalidMock(at, 'headers must map names to string values');
    }
    out.push({
      statusCode: (r.statusCode as number | undefined) ?? (key === 'default' ? 200 : Number(key)),
      selectionPattern: key === 'default' ? null : key,
      matches: key === 'default' ? null : (v) => v === key,
      responseTemplates: new Map(),
      responseParameters: [],
      staticBody: r.body ?? '',
      staticHeaders: Object.entries((r.headers ?? {}) as Record<string, string>),
    });
  }
  // Exact keys are tried before the default whatever the declaration order.
  return out;
}

/** `GATEWAY_INVALID_INTEGRATION` for a MOCK integration: `${where}: ${why}`. */
export function invalidMock(where: string, why: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_INTEGRATION',
    `${where}: ${why}`,
    'Fix the MOCK integration.',
  );
}
