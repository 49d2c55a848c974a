import type { CompiledTemplate, MappingContext, MappingParams } from '../../vtl/types.js';
import { parseMockStatus } from '../integrations/mock-status.js';
import type { ResolvedWsMockIntegration } from './resolve-websocket-mock.js';
import type { WebSocketIntegrationResult } from './websocket-integration.js';

/** What a WebSocket MOCK integration's templates can read. */
export interface WebSocketMockInput {
  /** The message body; `null` for `$connect` and `$disconnect`. */
  body: string | null;
  params: MappingParams;
  stageVariables: Readonly<Record<string, string>> | null;
  context: MappingContext;
}

/**
 * A WebSocket MOCK integration (behaviour.md §13; apigatewayv2 `RequestTemplates`, `TemplateSelectionExpression`,
 * integration responses keyed `$default` or `/regex/`): the chosen request template must render
 * `{"statusCode": N}`; `N` picks the integration response, whose chosen response template is the body a two-way
 * route sends back. Anything that would make AWS fail the call is a `failure` (`Internal server error`).
 */
export function runWebSocketMock(
  integration: ResolvedWsMockIntegration,
  input: WebSocketMockInput,
): WebSocketIntegrationResult {
  const body = input.body ?? '';
  const key = integration.templateSelection
    ? (integration.templateSelection.evaluate(body) ?? '$default')
    : integration.templates.has('application/json')
      ? 'application/json'
      : '$default';
  const template = integration.templates.get(key) ?? integration.templates.get('$default');
  let rendered = body;
  if (template) {
    const output = render(template, input, input.body);
    if (typeof output !== 'string') return output;
    rendered = output;
  } else {
    const passthrough =
      integration.templates.size === 0
        ? integration.passthroughBehavior !== 'NEVER'
        : integration.passthroughBehavior === 'WHEN_NO_MATCH';
    if (!passthrough) {
      return failure(
        `No request template for the template key ${JSON.stringify(key)} and passthroughBehavior ${integration.passthroughBehavior}`,
      );
    }
  }
  const status = parseMockStatus(rendered);
  if (status === undefined) {
    return failure(
      'Execution failed due to configuration error: Unable to parse statusCode. It should be an integer that is defined in the request template.',
    );
  }
  const responses = integration.integrationResponses;
  if (responses.length === 0) return { kind: 'response', statusCode: status, headers: [], body: '' };
  const code = String(status);
  const response = responses.find((r) => r.matches === null || r.matches(code));
  if (!response) {
    return failure(
      `MOCK returned status ${status}: No match for output mapping and no default output mapping configured`,
    );
  }
  const responseKey = response.templateSelection
    ? (response.templateSelection.evaluate(body, { 'integration.response.statuscode': code }) ?? '$default')
    : '$default';
  const responseTemplate = response.templates.get(responseKey) ?? response.templates.get('$default');
  if (!responseTemplate) return { kind: 'response', statusCode: status, headers: [], body: '' };
  const output = render(responseTemplate, input, null);
  if (typeof output !== 'string') return output;
  return { kind: 'response', statusCode: status, headers: [], body: output };
}

function render(
  template: CompiledTemplate,
  input: WebSocketMockInput,
  body: string | null,
): string | WebSocketIntegrationResult {
  try {
    return template.render({
      body,
      params: input.params,
      stageVariables: input.stageVariables,
      context: input.context,
    }).output;
  } catch (error) {
    return failure(
      `Execution failed due to configuration error: the template failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function failure(detail: string): WebSocketIntegrationResult {
  return { kind: 'failure', detail };
}
