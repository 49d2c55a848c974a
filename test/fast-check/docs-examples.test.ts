// Every example of docs/fast-check.md, run as written (imports point at the sources instead of the package).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertTemplate,
  assertTemplateRendersJson,
  checkTemplate,
  checkTemplateRendersJson,
  jsonBody,
  mappingInput,
  proxyEventV1,
  proxyEventV2,
  proxyResultV1,
} from '../../src/fast-check/index.js';
import { validateProxyResult } from '../../src/response/index.js';
import { renderTemplate } from '../../src/vtl/index.js';

describe('docs/fast-check.md examples', () => {
  it('the request template always renders JSON', () => {
    assertTemplateRendersJson(`{"name": $input.json('$.name'), "stage": "$context.stage"}`, {
      bodyShape: { name: 'string' },
    });
  });

  it('the classic bug: a quote in name breaks "$input.path(\'$.name\')"', () => {
    const report = checkTemplateRendersJson(`{"name": "$input.path('$.name')"}`, { seed: 42 });
    expect(report.ok).toBe(false);
    expect(report.failure?.input.body).toBe('{"name":"\\""}');
    expect(report.failure?.output).toBe('{"name": """}');
  });

  it('the error message shows the shrunk input, the output and the replay', () => {
    expect(() => assertTemplateRendersJson(`{"name": "$input.path('$.name')"}`, { seed: 42 })).toThrow(
      /Shrunk input:\n {2}body: "\{\\"name\\":\\"\\\\\\"\\"\}"[\s\S]*Rendered output:\n {2}\| \{"name": """\}[\s\S]*Replay: \{ seed: 42, path: "[\d:]+" \}/,
    );
  });

  it('a missing field makes $input.json render nothing', () => {
    const missing = checkTemplateRendersJson(`{"name": $input.json('$.name')}`, { seed: 1 });
    expect(missing.failure?.output).toBe('{"name": }');
  });

  it('checkTemplate / assertTemplate examples', () => {
    assertTemplate(
      '{"stage": "$context.stage"}',
      ({ output }, input) => JSON.parse(output).stage === input.context?.stage,
    );
    assertTemplate(
      '#set($context.responseOverride.status = 201)done',
      ({ overrides }) => overrides.responseOverride.status === 201,
    );
    const report = checkTemplate("$input.params('id')", ({ output }) => !output.includes('$'), {
      seed: 2,
      numRuns: 300,
    });
    expect(report.ok).toBe(false);
  });

  it('jsonBody example', () => {
    fc.assert(fc.property(jsonBody(), (body) => typeof JSON.parse(body) === 'object'));
  });

  it('bodyShape example', () => {
    const inputs = mappingInput({
      bodyShape: { name: 'string', 'age?': 'integer', tags: ['string'], kind: fc.constantFrom('cat', 'dog') },
    });
    for (const input of fc.sample(inputs, { numRuns: 20, seed: 1 })) {
      if (input.body !== null) expect(['cat', 'dog']).toContain(JSON.parse(input.body).kind);
    }
  });

  it('mappingInput example', () => {
    const template = `{"name": $input.json('$.name')}`;
    fc.assert(
      fc.property(mappingInput({ template, bodyShape: { name: 'string' } }), (input) => {
        JSON.parse(renderTemplate(template, input).output);
      }),
    );
  });

  it('proxyEventV1 example', () => {
    fc.assert(
      fc.property(proxyEventV1(), (event) => {
        for (const [name, values] of Object.entries(event.multiValueHeaders)) {
          if (event.headers[name] !== values?.at(-1)) return false;
        }
        return event.requestContext.path.endsWith(event.path);
      }),
    );
  });

  it('proxy events for one route example', () => {
    fc.assert(
      fc.property(
        proxyEventV1({ resource: '/pets/{id}', method: ['GET', 'DELETE'] }),
        (event) => event.pathParameters?.id !== undefined,
      ),
    );
    fc.assert(
      fc.property(proxyEventV2({ routeKey: 'ANY /files/{proxy+}' }), (event) =>
        event.rawPath.includes('/files/'),
      ),
    );
  });

  it('proxyResultV1 example', () => {
    fc.assert(
      fc.property(proxyResultV1(), ({ result, expected, validateWith }) => {
        const report = validateProxyResult(result, validateWith);
        return report.ok === expected.ok && report.response.statusCode === expected.statusCode;
      }),
    );
  });
});
