import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MappingInput } from '../../src/vtl/index.js';
import { renderTemplate } from '../../src/vtl/index.js';

interface Case {
  id: string;
  template: string;
  phase: 'request' | 'response';
  input: {
    body: string | null;
    headers?: Record<string, string>;
    query?: Record<string, string>;
    path?: Record<string, string>;
    stageVariables?: Record<string, string>;
    context?: Record<string, unknown>;
  };
  expected: string;
  compare: 'exact' | 'json' | 'normalized-whitespace' | 'overrides';
  expected_overrides?: Record<string, unknown>;
}

const cases = JSON.parse(
  readFileSync(new URL('../fixtures/conformance/vtl-sample.json', import.meta.url), 'utf8'),
) as Case[];

function toInput(c: Case): MappingInput {
  return {
    body: c.input.body ?? null,
    params: { path: c.input.path ?? {}, querystring: c.input.query ?? {}, header: c.input.headers ?? {} },
    stageVariables: c.input.stageVariables ?? {},
    context: c.input.context ?? {},
  };
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('conformance: every recorded AWS VTL case renders as AWS rendered it', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = renderTemplate(c.template, toInput(c));
    switch (c.compare) {
      case 'exact':
        expect(result.output).toBe(c.expected);
        break;
      case 'json':
        expect(JSON.parse(result.output)).toEqual(JSON.parse(c.expected));
        break;
      case 'normalized-whitespace':
        expect(squash(result.output)).toBe(squash(c.expected));
        break;
      case 'overrides':
        break;
    }
    if (c.expected_overrides) expect(result.overrides).toMatchObject(c.expected_overrides);
  });
});
