// Every TypeScript example of README.md and docs/*.md compiles under the strict settings this project uses, against
// the built package imported by name (its published types). See extract-ts-examples.ts for how a page's blocks
// are read; a page added later is checked with no change here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { declaredNames, extractTsExamples, importedNames } from './extract-ts-examples.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, '.docs-examples');
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('the example extractor', () => {
  it('reads the names an import binds', () => {
    expect(importedNames("import { a, type B, c as d } from 'x';")).toEqual(['a', 'B', 'd']);
    expect(importedNames("import e, * as f from 'x';")).toEqual(['e', 'f']);
    expect(importedNames("import 'x';")).toEqual([]);
  });

  it('reads the names a block declares', () => {
    expect([
      ...declaredNames(
        "const gateway = 1;\nconst { response, trace } = x;\nasync function go() {}\nimport { y } from 'y';",
      ),
    ]).toEqual(['gateway', 'go', 'response', 'trace', 'y']);
  });

  it('gives each block the imports of the blocks above it, skips no-check blocks, reads the prelude', () => {
    const page = [
      '<!-- ts-check prelude',
      "import type { LambdaHandler } from 'apigw-testkit/gateway';",
      'declare const listPets: LambdaHandler;',
      '-->',
      '```ts',
      "import { createGateway } from 'apigw-testkit/gateway';",
      '```',
      '```ts no-check',
      'interface Sketch { handler; ... }',
      '```',
      '```ts',
      'const gateway = createGateway({ routes: { "GET /pets": listPets } });',
      '```',
      '```sh',
      'npm test',
      '```',
    ].join('\n');
    const { examples, prelude } = extractTsExamples(page);
    expect(examples.map((e) => e.line)).toEqual([5, 11]);
    expect(examples[1]!.module).toBe(
      `import { createGateway } from 'apigw-testkit/gateway';\nconst gateway = createGateway({ routes: { "GET /pets": listPets } });\nexport {};\n`,
    );
    expect(prelude).toBe(
      "import type { LambdaHandler } from 'apigw-testkit/gateway';\ndeclare global {\nconst listPets: LambdaHandler;\n}\nexport {};\n",
    );
  });
});

describe('docs examples type-check', () => {
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('every ```ts block of README.md and docs/*.md compiles (tsc, strict, exactOptionalPropertyTypes)', () => {
    rmSync(out, { recursive: true, force: true });
    const files: string[] = [];
    const sources = new Map<string, string>();
    for (const page of pages) {
      const { examples, prelude } = extractTsExamples(readFileSync(join(root, page), 'utf8'));
      const dir = join(out, page.replace(/[/.]/g, '_'));
      mkdirSync(dir, { recursive: true });
      if (prelude) {
        writeFileSync(join(dir, 'prelude.d.ts'), prelude);
        files.push(join(dir, 'prelude.d.ts'));
      }
      for (const example of examples) {
        const file = join(dir, example.file ?? `line-${example.line}.ts`);
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, example.module);
        files.push(file);
        sources.set(file.slice(root.length), `${page}:${example.line}`);
      }
    }
    expect(files.length).toBeGreaterThan(40);
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        verbatimModuleSyntax: false,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
      },
      files,
    };
    writeFileSync(join(out, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(out, 'tsconfig.json')],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    // Each error names the page and the line of the block's fence.
    const errors = (run.stdout + run.stderr)
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const m = /^(\.docs-examples\/[^(]+)\((\d+),(\d+)\)(.*)$/.exec(l);
        return m ? `${sources.get(m[1]!) ?? m[1]} (block line ${m[2]})${m[4]}` : l;
      });
    expect(errors).toEqual([]);
  }, 120_000);
});
