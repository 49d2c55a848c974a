import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PENDING_CASES } from './pending.js';

const TEST_ROOT = new URL('..', import.meta.url).pathname;
const FIXTURES = ['gateway-sample.json', 'gateway-sample-2.json'];

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const ids = FIXTURES.flatMap((file) =>
  (JSON.parse(readFileSync(join(TEST_ROOT, 'fixtures/conformance', file), 'utf8')) as { id: string }[]).map(
    (c) => c.id,
  ),
);
const sources = testFiles(TEST_ROOT)
  .filter((path) => !path.endsWith('conformance/coverage.test.ts'))
  .map((path) => ({ path: relative(TEST_ROOT, path), text: readFileSync(path, 'utf8') }));

describe('recorded AWS gateway cases are all accounted for', () => {
  it.each(ids.map((id) => [id]))('%s is run by a test or listed as pending', (id) => {
    const runners = sources.filter((s) => s.text.includes(`'${id}'`)).map((s) => s.path);
    expect(runners.length > 0 || PENDING_CASES[id] !== undefined).toBe(true);
  });

  it('the pending list names only recorded cases', () => {
    expect(Object.keys(PENDING_CASES).filter((id) => !ids.includes(id))).toEqual([]);
  });
});
