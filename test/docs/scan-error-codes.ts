// Finds, by reading src/, every stable `code` a TestkitError (or a subclass) can be thrown with.
//
// A code counts when it is the first argument of `new <Family>(…)` or of `super(…)` inside a family class, or
// when it is passed to a helper: a function with a `code` parameter that builds a family error from it (directly
// or through another helper). Codes held in a constant (`const X = 'CODE'`), chosen by a ternary or given as a
// helper's default parameter are found too. Validator issue codes and gateway response types are not TestkitError
// codes and are not picked up: they never reach a family constructor.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Where a code is thrown: `src/…` file paths, relative to the repository root. */
export type ErrorCodeSites = Map<string, Set<string>>;

const CODE = /'([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)'/g;

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTs(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The text between the parenthesis at `open` and its match (strings are skipped). */
function argumentText(source: string, open: number): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return source.slice(open + 1, i);
    }
  }
  return source.slice(open + 1);
}

/** The first top-level argument of an argument list. */
function firstArgument(args: string): string {
  let depth = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) return args.slice(0, i);
  }
  return args;
}

function literals(text: string): string[] {
  return [...text.matchAll(CODE)].map((m) => m[1] as string);
}

/** Top-level declarations with a `code` parameter: name → { params, body window }. */
function codeParameterFunctions(source: string): Map<string, { params: string; body: string }> {
  const found = new Map<string, { params: string; body: string }>();
  const decl = /(?:function\s+(\w+)\s*\(|const\s+(\w+)\s*=\s*\()/g;
  for (const m of source.matchAll(decl)) {
    const name = (m[1] ?? m[2]) as string;
    const open = (m.index ?? 0) + m[0].length - 1;
    const params = argumentText(source, open);
    if (!/\bcode\b/.test(params)) continue;
    const rest = source.slice(open + params.length + 2);
    const next = rest.search(/\n(?:export\s+)?(?:async\s+)?(?:function|const|class|interface|type)\s/);
    found.set(name, { params, body: next < 0 ? rest : rest.slice(0, next) });
  }
  return found;
}

/** Imported names of a file, mapped to the absolute path of the module they come from. */
function importsOf(file: string, source: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(\.[^']+)'/g)) {
    const from = resolve(dirname(file), (m[2] as string).replace(/\.js$/, '.ts'));
    for (const part of (m[1] as string).split(',')) {
      const name = part
        .replace(/^\s*type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.set(name, from);
    }
  }
  return names;
}

/** Every TestkitError code thrown by the `.ts` files under `srcDir`, with the files that throw it. */
export function scanErrorCodes(srcDir: string): { codes: ErrorCodeSites; families: Set<string> } {
  const root = resolve(srcDir, '..');
  const files = listTs(resolve(srcDir)).map((file) => ({ file, source: readFileSync(file, 'utf8') }));

  const families = new Set(['TestkitError']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { source } of files) {
      for (const m of source.matchAll(/class\s+(\w+)\s+extends\s+(\w+)/g)) {
        if (families.has(m[2] as string) && !families.has(m[1] as string)) {
          families.add(m[1] as string);
          grew = true;
        }
      }
    }
  }
  const familyCall = new RegExp(`new\\s+(?:${[...families].join('|')})\\s*\\(`, 'g');

  // Helpers: file → names; a function is a helper when its body builds a family error from `code`.
  const helpers = new Map<string, Map<string, string>>(); // file → name → params
  const candidates = files.map(({ file, source }) => ({ file, fns: codeParameterFunctions(source) }));
  for (let grew = true; grew; ) {
    grew = false;
    for (const { file, fns } of candidates) {
      const own = helpers.get(file) ?? new Map<string, string>();
      for (const [name, { params, body }] of fns) {
        if (own.has(name)) continue;
        const builds = new RegExp(`new\\s+(?:${[...families].join('|')})\\s*\\(\\s*code\\b`).test(body);
        const forwards = [...own.keys()].some((h) => new RegExp(`\\b${h}\\([^)]*\\bcode\\b`).test(body));
        if (builds || forwards) {
          own.set(name, params);
          grew = true;
        }
      }
      helpers.set(file, own);
    }
  }

  const codes: ErrorCodeSites = new Map();
  const add = (code: string, file: string) => {
    const sites = codes.get(code) ?? new Set<string>();
    sites.add(relative(root, file));
    codes.set(code, sites);
  };

  for (const { file, source } of files) {
    const constants = new Map(
      [...source.matchAll(/const\s+([A-Z][A-Z0-9_]*)\s*=\s*'([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)'/g)].map((m) => [
        m[1] as string,
        m[2] as string,
      ]),
    );
    const firstArgCodes = (first: string) => {
      const direct = literals(first);
      if (direct.length > 0) return direct;
      const constant = constants.get(first.trim());
      return constant ? [constant] : [];
    };

    for (const m of source.matchAll(familyCall)) {
      const open = (m.index ?? 0) + m[0].length - 1;
      for (const code of firstArgCodes(firstArgument(argumentText(source, open)))) add(code, file);
    }
    if ([...source.matchAll(/class\s+\w+\s+extends\s+(\w+)/g)].some((m) => families.has(m[1] as string))) {
      for (const m of source.matchAll(/\bsuper\s*\(/g)) {
        const open = (m.index ?? 0) + m[0].length - 1;
        for (const code of firstArgCodes(firstArgument(argumentText(source, open)))) add(code, file);
      }
    }

    const usable = new Map<string, string>(); // helper name → params, visible in this file
    for (const [name, params] of helpers.get(file) ?? []) usable.set(name, params);
    for (const [name, from] of importsOf(file, source)) {
      const params = helpers.get(from)?.get(name);
      if (params !== undefined) usable.set(name, params);
    }
    for (const [name, params] of usable) {
      for (const code of literals(params)) add(code, file); // default parameter values
      for (const m of source.matchAll(new RegExp(`(?<![\\w.])${name}\\s*\\(`, 'g'))) {
        const open = (m.index ?? 0) + m[0].length - 1;
        for (const code of literals(argumentText(source, open))) add(code, file);
      }
    }
  }
  return { codes, families };
}
