import { describe, expect, it } from 'vitest';
import {
  evaluateParameter,
  type ParameterSources,
  parseResponseParameter,
} from '../../../src/gateway/integrations/mapping/response-parameters.js';

const sources: ParameterSources = {
  headers: new Map([
    ['X-Backend', ['a', 'b']],
    ['Content-Type', ['application/json']],
  ]),
  body: '{"pet": {"id": 7, "name": "Rex", "tags": ["a", "b"]}}',
  stageVariables: { color: 'blue' },
  context: { requestId: 'r-1', identity: { sourceIp: '1.2.3.4' } },
};
const value = (expression: string) =>
  evaluateParameter(parseResponseParameter('w', 'method.response.header.X', expression)[1], sources);

describe('responseParameters mapping expressions (behaviour.md §4.6)', () => {
  it.each([
    ["'static value'", 'static value'],
    ["''", ''],
    ['integration.response.header.x-backend', 'b'],
    ['integration.response.multivalueheader.X-Backend', 'a,b'],
    ['integration.response.body', sources.body],
    ['integration.response.body.pet.name', 'Rex'],
    ['integration.response.body.pet.id', '7'],
    ['integration.response.body.pet.tags', '["a","b"]'],
    ['integration.response.body.pet', '{"id":7,"name":"Rex","tags":["a","b"]}'],
    ['integration.response.body.nope', undefined],
    ['integration.response.header.nope', undefined],
    ['stageVariables.color', 'blue'],
    ['stageVariables.nope', undefined],
    ['context.requestId', 'r-1'],
    ['context.identity.sourceIp', '1.2.3.4'],
  ])('%s → %j', (expression, expected) => {
    expect(value(expression)).toBe(expected);
  });

  it('the target name is kept as declared', () => {
    expect(parseResponseParameter('w', 'method.response.header.X-Id', "'1'")[0]).toBe('X-Id');
  });

  it.each([
    ['method.response.body', "'x'"],
    ['method.response.header.', "'x'"],
    ['method.response.header.X', 'method.request.header.x'],
    ['method.response.header.X', 'integration.response.body.[oops'],
  ])('refuses %s ← %s with GATEWAY_INVALID_INTEGRATION', (key, expression) => {
    expect(() => parseResponseParameter('w', key, expression)).toThrow(
      expect.objectContaining({ code: 'GATEWAY_INVALID_INTEGRATION' }),
    );
  });
});
