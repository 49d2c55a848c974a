import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type MappingInput, renderTemplate } from '../../src/vtl/index.js';

const doc = readFileSync(new URL('../../docs/vtl.md', import.meta.url), 'utf8');
const examples = [...doc.matchAll(/```vtl\n([\s\S]*?)\n```\n```text\n([\s\S]*?)\n```/g)].map(
  (m) => [m[1]!, m[2]!] as const,
);

function inputOf(template: string): MappingInput {
  const input: MappingInput = { body: null };
  for (const [, key, json] of template.matchAll(/^## (body|params|stage|context): (.*)$/gm)) {
    const value = JSON.parse(json!);
    if (key === 'body') input.body = value;
    else if (key === 'params') input.params = value;
    else if (key === 'stage') input.stageVariables = value;
    else input.context = value;
  }
  return input;
}

describe('docs/vtl.md examples render exactly as documented', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(20);
  });
  it.each(examples)('%s', (template, expected) => {
    expect(renderTemplate(template, inputOf(template)).output).toBe(expected);
  });
});
