// Turns the TypeScript examples of a markdown page into modules tsc can check, the way a reader reads them:
//
// - every ```ts (or ```typescript) block is one module; ```ts no-check marks a sketch that is not code;
// - a block whose first line is a file name comment (`// src/pets.ts`) is that file of a small project: blocks
//   named so import each other by relative path (docs/getting-started.md);
// - a block sees the imports of the blocks above it on the same page (pages import once, then show fragments);
// - names a page uses without defining them (a handler the prose talks about) are declared in an HTML comment
//   anywhere on the page, typed like in a .d.ts:
//
//     <!-- ts-check prelude
//     import type { LambdaHandler } from 'apigw-testkit/gateway';
//     declare const listPets: LambdaHandler;
//     -->
//
//   The prelude's declarations are global to the checked examples of that page.

/** One code block of a page, ready to compile. */
export interface TsExample {
  /** 1-based line of the opening fence. */
  line: number;
  /**
   * The file the block is, when its first line names one (`// src/pets.ts`): such blocks are whole files of a
   * small project — they import each other by relative path and inherit nothing.
   */
  file: string | undefined;
  /** The block as written. */
  code: string;
  /** The module to compile: imports seen above, then the block, then `export {}`. */
  module: string;
}

/** The checkable examples of a page and its prelude (a .d.ts module, or `undefined`). */
export interface PageExamples {
  examples: TsExample[];
  prelude: string | undefined;
}

const FENCE = /^(`{3,}|~{3,})[ \t]*([\w-]*)[ \t]*([^\n]*)$/;
const IMPORT = /^import\s+(?:[\s\S]*?\s+from\s+)?['"][^'"]+['"];?[ \t]*$/gm;
const PRELUDE = /<!--\s*ts-check prelude[^\n]*\n([\s\S]*?)-->/;

/** Names an import statement binds (`import { a, b as c }`, `import d`, `import * as e`). */
export function importedNames(statement: string): string[] {
  const head = statement.replace(/\s+from\s+['"][^'"]+['"];?\s*$/, '').replace(/^import\s+(type\s+)?/, '');
  if (/^['"]/.test(head)) return [];
  const names: string[] = [];
  const braces = /\{([^}]*)\}/.exec(head);
  if (braces) {
    for (const part of braces[1]!.split(',')) {
      const name = part
        .replace(/^\s*type\s+/, '')
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (name) names.push(name);
    }
  }
  const outside = head.replace(/\{[^}]*\}/, '').split(',');
  for (const part of outside) {
    const name = part.replace(/^\s*\*\s*as\s+/, '').trim();
    if (/^[A-Za-z_$][\w$]*$/.test(name)) names.push(name);
  }
  return names;
}

/** Names a block declares at its top level (roughly: const/let/var/function/class and destructuring). */
export function declaredNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/\b(?:const|let|var|function\*?|class)\s+([A-Za-z_$][\w$]*)/g))
    names.add(m[1]!);
  for (const m of code.matchAll(/\b(?:const|let|var)\s+[{[]([^}\]=]*)[}\]]\s*=/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.split(':').pop()!.trim();
      if (/^[A-Za-z_$][\w$]*$/.test(name)) names.add(name);
    }
  }
  for (const statement of code.match(IMPORT) ?? [])
    for (const name of importedNames(statement)) names.add(name);
  return names;
}

/** Extracts the TypeScript examples of a markdown page. */
export function extractTsExamples(markdown: string): PageExamples {
  const lines = markdown.split('\n');
  const examples: TsExample[] = [];
  const seenImports: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, fence, lang, meta] = open;
    const end = lines.findIndex((l, j) => j > i && l.trimEnd() === fence);
    const stop = end === -1 ? lines.length : end;
    const code = lines.slice(i + 1, stop).join('\n');
    const line = i + 1;
    i = stop;
    if (lang !== 'ts' && lang !== 'typescript') continue;
    if (/\bno-check\b/.test(meta ?? '')) continue;
    const file = /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.(?:ts|mts|cts))\s*$/.exec(code.split('\n')[0] ?? '')?.[1];
    if (file !== undefined) {
      const isModule = /^(?:import|export)\s/m.test(code);
      examples.push({ line, file, code, module: isModule ? `${code}\n` : `${code}\nexport {};\n` });
      continue;
    }
    const inherited = inheritImports(seenImports, declaredNames(code));
    examples.push({ line, file, code, module: `${inherited.join('\n')}\n${code}\nexport {};\n` });
    seenImports.push(...(code.match(IMPORT) ?? []));
  }
  const prelude = PRELUDE.exec(markdown)?.[1];
  return { examples, prelude: prelude === undefined ? undefined : toGlobalDeclarations(prelude) };
}

/**
 * The imports a block inherits: the latest import of each name wins, names the block binds itself are left out,
 * and a named import keeps only its names that are still free.
 */
export function inheritImports(statements: readonly string[], own: ReadonlySet<string>): string[] {
  const bound = new Set(own);
  const out: string[] = [];
  for (const statement of [...statements].reverse()) {
    const names = importedNames(statement);
    if (names.length === 0) {
      if (!out.includes(statement)) out.unshift(statement);
      continue;
    }
    const named = /^import\s+(type\s+)?\{([^}]*)\}(\s+from\s+['"][^'"]+['"];?)\s*$/.exec(statement);
    if (named) {
      const parts = named[2]!
        .split(',')
        .map((part) => part.trim())
        .filter(
          (part) =>
            part !== '' &&
            !bound.has(
              part
                .replace(/^type\s+/, '')
                .split(/\s+as\s+/)
                .pop()!,
            ),
        );
      if (parts.length > 0) out.unshift(`import ${named[1] ?? ''}{ ${parts.join(', ')} }${named[3]}`);
    } else if (names.every((name) => !bound.has(name))) {
      out.unshift(statement);
    }
    for (const name of names) bound.add(name);
  }
  return out;
}

// `declare const x: T;` lines become globals of the checked program; imports stay module imports.
function toGlobalDeclarations(prelude: string): string {
  const imports = prelude.match(IMPORT) ?? [];
  const rest = prelude.replace(IMPORT, '').trim();
  return `${imports.join('\n')}\ndeclare global {\n${rest.replace(/\bdeclare\s+/g, '')}\n}\nexport {};\n`;
}
