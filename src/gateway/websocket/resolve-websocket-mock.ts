import { assertKnownOptions } from '../../errors/families.js';
import { compileTemplate } from '../../vtl/compile-template.js';
import type { CompiledTemplate } from '../../vtl/types.js';
import { invalidMock } from '../config/resolve-mock.js';
import { compileSelectionPattern } from '../integrations/mapping/java-regex.js';
import { resolvePassthrough } from '../integrations/mapping/resolve-mapping.js';
import type { PassthroughBehavior } from '../integrations/mapping/types.js';
import { compileSelectionExpression, type SelectionExpression } from './selection-expression.js';

/** A WebSocket integration response, ready to be selected. */
export interface ResolvedWsIntegrationResponse {
  key: string;
  /** Whole-string matcher of the status code; `null` for `$default`. */
  matches: ((status: string) => boolean) | null;
  templates: ReadonlyMap<string, CompiledTemplate>;
  templateSelection: SelectionExpression | undefined;
}

/** A WebSocket MOCK integration with defaults filled in. */
export interface ResolvedWsMockIntegration {
  type: 'MOCK';
  templates: ReadonlyMap<string, CompiledTemplate>;
  templateSelection: SelectionExpression | undefined;
  passthroughBehavior: PassthroughBehavior;
  /** Pattern keys first (declaration order), `$default` last. */
  integrationResponses: readonly ResolvedWsIntegrationResponse[];
  timeoutMs: number;
}

const MOCK_KEYS = [
  'type',
  'requestTemplates',
  'templateSelectionExpression',
  'passthroughBehavior',
  'integrationResponses',
  'timeoutInMillis',
] as const;
const RESPONSE_KEYS = ['responseTemplates', 'templateSelectionExpression'] as const;
const RESPONSE_VARIABLES = ['integration.response.statuscode', 'integration.response.header'];

/**
 * Validates a WebSocket MOCK integration (apigatewayv2 names: `requestTemplates`, `templateSelectionExpression`,
 * `integrationResponses` keyed by `integrationResponseKey` — `$default` or a `/regex/` over the status code).
 */
export function resolveWsMock(
  where: string,
  integration: Record<string, unknown>,
  timeoutMs: number,
): ResolvedWsMockIntegration {
  assertKnownOptions(where, integration, MOCK_KEYS);
  const responses: ResolvedWsIntegrationResponse[] = [];
  let fallback: ResolvedWsIntegrationResponse | undefined;
  const declared = integration.integrationResponses ?? {};
  if (typeof declared !== 'object' || declared === null || Array.isArray(declared)) {
    throw invalidMock(where, "integrationResponses must be an object keyed by '$default' or '/pattern/'");
  }
  for (const [key, value] of Object.entries(declared as Record<string, unknown>)) {
    const at = `${where}.integrationResponses[${JSON.stringify(key)}]`;
    if (typeof value !== 'object' || value === null) throw invalidMock(at, 'must be an object');
    assertKnownOptions(at, value, RESPONSE_KEYS);
    const r = value as Record<string, unknown>;
    let matches: ((status: string) => boolean) | null = null;
    if (key !== '$default') {
      if (!(key.length > 2 && key.startsWith('/') && key.endsWith('/'))) {
        throw invalidMock(
          at,
          "an integration response key is '$default' or a pattern in slashes such as '/2\\d\\d/'",
        );
      }
      matches = compileSelectionPattern(at, key.slice(1, -1));
    }
    const response: ResolvedWsIntegrationResponse = {
      key,
      matches,
      templates: compileKeyed(`${at}.responseTemplates`, r.responseTemplates),
      templateSelection:
        r.templateSelectionExpression === undefined
          ? undefined
          : compileSelectionExpression(
              `${at}.templateSelectionExpression`,
              r.templateSelectionExpression,
              RESPONSE_VARIABLES,
            ),
    };
    if (matches === null) fallback = response;
    else responses.push(response);
  }
  if (fallback) responses.push(fallback);
  return {
    type: 'MOCK',
    templates: compileKeyed(`${where}.requestTemplates`, integration.requestTemplates),
    templateSelection:
      integration.templateSelectionExpression === undefined
        ? undefined
        : compileSelectionExpression(
            `${where}.templateSelectionExpression`,
            integration.templateSelectionExpression,
          ),
    passthroughBehavior: resolvePassthrough(where, integration.passthroughBehavior),
    integrationResponses: responses,
    timeoutMs,
  };
}

function compileKeyed(where: string, value: unknown): Map<string, CompiledTemplate> {
  const out = new Map<string, CompiledTemplate>();
  if (value === undefined) return out;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidMock(
      where,
      `must map template keys to template strings, e.g. { $default: '{"statusCode": 200}' }`,
    );
  }
  for (const [key, template] of Object.entries(value)) {
    if (typeof template !== 'string')
      throw invalidMock(where, `the template for ${JSON.stringify(key)} must be a string`);
    out.set(key, compileTemplate(template));
  }
  return out;
}
