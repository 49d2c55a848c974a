// Builds dist/: one bundle per package.json `exports` entry (and the bin), as ESM (.js) and CommonJS (.cjs)
// with shared chunks, plus declarations from `tsc` for both module systems (.d.ts and .d.cts).
// Why bundling and how entries are found: docs/decisions/0006-bundled-dual-build.md.
//
//   node scripts/build.mjs
//
// Adding a subpath needs no edit here: add the entry to package.json `exports` in the same shape as the
// others (import → ./dist/<dir>/index.js, require → ./dist/<dir>/index.cjs) with its source at
// src/<dir>/index.ts.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { parseAst } from 'rolldown/parseAst';
import { bundleEntries } from './entries.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(dist, { recursive: true, force: true });

// Shared chunks: what every entry needs, the event/HTTP/result layer, the VTL engine, the gateway. An entry
// loads only the groups it uses (apigw-testkit/clock: core; /events: core + events; the root: all four).
const CHUNKS = [
  ['core', /src[\\/](errors|clock|ids)[\\/]/],
  ['events', /src[\\/](events|http|response)[\\/]/],
  ['vtl', /src[\\/]vtl[\\/]/],
  // The gateway parts the leaf entries use (apigw-testkit/definitions: routers, route keys, Lambda URIs, model URLs;
  // /auth: the IAM policy engine), so those entries do not load the whole gateway chunk.
  [
    'gateway-shared',
    /src[\\/]gateway[\\/](routing[\\/]|auth[\\/]policy[\\/]|functions[\\/]lambda-uri\.|validation[\\/]model-url\.)/,
  ],
  ['gateway', /src[\\/]gateway[\\/]/],
];

const { esm, cjs } = bundleEntries(pkg, root);
// Only modules the core entries load eagerly are grouped: the root and the capability entries of the grouped
// folders (apigw-testkit/events, /gateway, …), by static imports. A module loaded lazily (`import()`, e.g. the
// JWT engine and the jose it imports) or only by a leaf subpath (apigw-testkit/definitions, /auth, /vitest)
// is left to rolldown's own chunking, so importing the root never loads it. Earlier groups win a module.
const GROUPED = new RegExp(
  `^(index|(${['errors', 'clock', 'ids', 'events', 'http', 'response', 'vtl', 'gateway'].join('|')})/index)$`,
);
const coreSources = Object.entries(esm)
  .filter(([name]) => GROUPED.test(name))
  .map(([, source]) => join(root, source));
let eager;
function eagerModules(ctx) {
  const seen = new Set();
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const next of ctx.getModuleInfo(id)?.importedIds ?? []) visit(next);
  };
  for (const source of coreSources) visit(source);
  return seen;
}
const groups = CHUNKS.map(([name, test], i) => ({
  debugName: name,
  name: (id, ctx) => {
    eager ??= eagerModules(ctx);
    return eager.has(id) && test.test(id) ? name : null;
  },
  priority: CHUNKS.length - i,
}));
// A runtime dependency that ships only ES modules (jose) cannot be require()d where `require` is not Node's own:
// Jest's CommonJS runtime refuses ESM syntax. The build bundles those (into the lazy chunks that use them).
const esmOnly = Object.keys(pkg.dependencies ?? {}).filter((name) => isEsmOnly(name));
const packageOf = (id) =>
  id
    .split('/')
    .slice(0, id.startsWith('@') ? 2 : 1)
    .join('/');
// Every other bare specifier stays a require: node builtins, runtime dependencies, optional peers.
const external = (id) =>
  !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !esmOnly.includes(packageOf(id));

async function write(input) {
  const bundle = await rolldown({
    input,
    cwd: root,
    platform: 'node',
    external,
    logLevel: 'warn',
    // Importing a module runs nothing but declarations, except where the package promises an effect (the
    // vitest setup registers matchers, the CLI runs): entries then load only the chunks whose bindings they use.
    treeshake: { moduleSideEffects: (id) => /src[\\/](vitest[\\/]setup|cli[\\/]main)\.ts$/.test(id) },
  });
  const { output } = await bundle.write({
    dir: dist,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: 'chunks/[name]-[hash].cjs',
    sourcemap: true,
    // JSDoc stays in the declarations (editors read those) and in the shipped src/; in the bundles it only made
    // V8 scan ~40 % more text on every import (licence and bundler annotations are kept).
    comments: { legal: true, annotation: true, jsdoc: false },
    // Non-ASCII characters (…, –, ≤ in messages) escaped: one such character makes V8 hold and scan the whole chunk
    // as a two-byte string, and makes Node decode the file on the slow path.
    charset: 'ascii',
    // The maps name the TypeScript sources, which the package ships under src/ (see package.json files).
    sourcemapExcludeSources: true,
    // A bundled dependency (see esmOnly) is named where it is installed: beside this package (node_modules/jose
    // next to node_modules/apigw-testkit, hoisted by npm, a sibling in pnpm's store).
    sourcemapPathTransform: (source) => source.replace(/^(?:\.\.\/)+node_modules\//, '../../../'),
    // Node's ESM loader pays ~1–2 ms per module file, so shared code is grouped by capability into a few
    // chunks rather than one per module cluster (see CHUNKS).
    codeSplitting: { groups },
  });
  await bundle.close();
  return output;
}

// One build, CommonJS, for both module systems: every ES module entry is a wrapper that loads its CommonJS twin
// through dist/code-cache-loader.cjs (V8 code cache; one instance of every module for ESM and CommonJS users).
// Why: docs/decisions/0008-code-cache-loader.md.
// `esm` names every exports entry and the bin (`cjs`, the entries with a `require` condition, is a subset).
const cjsOutput = await write(esm);
rewriteDynamicImports(cjsOutput);
plainChunkExports(cjsOutput);
loadChunksThroughLoader(cjsOutput);
writeLoader();
writeEsmWrappers(cjsOutput);

const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// CommonJS consumers resolve `require` to .d.cts: the same declarations, with relative specifiers pointing
// at the .cjs twins so TypeScript reads the whole tree as CommonJS.
let declarations = 0;
for (const file of walk(dist)) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8').replace(
    /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.js(['"])/g,
    '$1$2.cjs$3',
  );
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), text);
  declarations++;
}
console.log(
  `built ${Object.keys(esm).length} entries (CommonJS, each with its ES module wrapper; ${Object.keys(cjs).length} with a require condition), ${declarations} declaration files → ${relative(root, dist)}/`,
);

/** The installed package's type and the export conditions it names (`import`, `require`). */
function moduleKinds(name) {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
  const conditions = JSON.stringify(manifest.exports ?? {});
  return {
    module: manifest.type === 'module',
    import: conditions.includes('"import"'),
    require: conditions.includes('"require"'),
  };
}

/** True when the installed package has no CommonJS entry: `"type": "module"` and no `require` export condition. */
function isEsmOnly(name) {
  const kinds = moduleKinds(name);
  return kinds.module && !kinds.require;
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/**
 * `import(x)` in a chunk becomes `__apigwImport(x)`: code compiled by vm.Script (the code-cache loader) cannot run
 * import() in Node 20 without an experimental flag, so the loader passes an import function of its own. A file
 * loaded by Node itself (the loader's fallback) defines the same name as plain import(), on its first line so no
 * line moves in the source map.
 */
function rewriteDynamicImports(output) {
  for (const chunk of output) {
    if (chunk.type !== 'chunk' || !chunk.code.includes('import(')) continue;
    rewrite(chunk, (code) => {
      const starts = [];
      visit(parseAst(code), (node) => {
        if (node.type === 'ImportExpression') starts.push(node.start);
      });
      if (starts.length === 0) return code;
      let out = code;
      for (const start of starts.sort((a, b) => b - a)) {
        if (out.slice(start, start + 6) !== 'import')
          throw new Error(`${chunk.fileName}: no import( at ${start}`);
        out = `${out.slice(0, start)}__apigwImport${out.slice(start + 6)}`;
      }
      const fallback =
        'var __apigwImport = typeof __apigwImport === "function" ? __apigwImport : (s) => import(s);';
      const strict = /^(#![^\n]*\n)?("use strict";)?/.exec(out)[0];
      return `${strict}${fallback}${out.slice(strict.length)}`;
    });
  }
}

function visit(node, fn) {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) visit(child, fn);
    return;
  }
  if (typeof node.type === 'string') fn(node);
  for (const key of Object.keys(node)) if (key !== 'parent') visit(node[key], fn);
}

/**
 * dist/<entry>.js for every ES module entry (and the bin): loads dist/<entry>.cjs through the code-cache loader and
 * re-exports its names. A peer the entry's code requires and that ships ES modules (vitest, msw, fast-check,
 * faker) is imported here and handed over, so the entry shares the user's instance of it (and an ES-module-only
 * peer, which require() cannot load on Node 20, works at all).
 */
function writeEsmWrappers(output) {
  const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const peerNames = Object.keys(pkg.peerDependencies ?? {});
  for (const name of Object.keys(esm)) {
    const entry = chunks.get(`${name}.cjs`);
    if (entry === undefined) throw new Error(`no CommonJS build of ${name}`);
    const seen = new Set();
    const peers = new Set();
    const walkChunk = (chunk) => {
      if (seen.has(chunk.fileName)) return;
      seen.add(chunk.fileName);
      for (const [, spec] of chunk.code.matchAll(/\brequire\("([^".][^"]*)"\)/g)) {
        if (peerNames.includes(packageOf(spec)) && shipsEsm(packageOf(spec))) peers.add(spec);
      }
      for (const imported of chunk.imports) if (chunks.has(imported)) walkChunk(chunks.get(imported));
    };
    walkChunk(entry);
    const up = relative(dirname(join(dist, name)), dist) || '.';
    const specs = [...peers].sort();
    const lines = [];
    if (pkg.bin !== undefined && Object.values(pkg.bin).includes(`./dist/${name}.js`))
      lines.push('#!/usr/bin/env node');
    lines.push(
      `// The ES module face of ./${name.split('/').pop()}.cjs (see docs/decisions/0008-code-cache-loader.md).`,
    );
    lines.push('import { createRequire } from "node:module";');
    for (const [i, spec] of specs.entries()) lines.push(`import * as peer${i} from ${JSON.stringify(spec)};`);
    lines.push('const require = createRequire(import.meta.url);');
    const load = `require(${JSON.stringify(`${up}/code-cache-loader.cjs`)}).loadEntry(new URL(${JSON.stringify(`./${name.split('/').pop()}.cjs`)}, import.meta.url).href, require, ${JSON.stringify(specs)}, [${specs.map((_, i) => `peer${i}`).join(', ')}])`;
    const names = entry.exports.filter((n) => n !== 'default' && n !== '__esModule');
    if (names.length === 0) lines.push(`${load};`);
    else {
      lines.push(`const entry = ${load};`);
      lines.push(`export const { ${names.join(', ')} } = entry;`);
    }
    writeFileSync(join(dist, `${name}.js`), `${lines.join('\n')}\n`);
  }
}

/** True when the installed package has an ES module build (`"type": "module"` or an `import` export condition). */
function shipsEsm(name) {
  const kinds = moduleKinds(name);
  return kinds.module || kinds.import;
}

/**
 * In the CommonJS entry files, `require("./chunks/x.cjs")` becomes a load through the code-cache loader, so a
 * CommonJS user (node --test, mocha: a process per file too) gets the cache as well. Chunks need no change: the
 * loader gives the code it compiles a `require` that does the same.
 */
function loadChunksThroughLoader(output) {
  for (const chunk of output) {
    if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
    const up = relative(dirname(join(dist, chunk.fileName)), dist) || '.';
    const loader = JSON.stringify(`${up}/code-cache-loader.cjs`);
    rewrite(chunk, (code) =>
      code.replace(
        /\brequire\("((?:\.\.?\/)+chunks\/[^"]+\.cjs)"\)/g,
        (_, spec) =>
          `require(${loader}).load(require("node:path").resolve(__dirname, ${JSON.stringify(spec)}), require)`,
      ),
    );
  }
}

/**
 * rolldown exports every binding of a CommonJS chunk through a getter (a live binding), so each call across chunks
 * (`require_events.toFetchResponse(…)`, many per gateway request) is a getter call until the optimiser inlines it.
 * A binding that can never change (a function or class declaration, a `const`) is exported as a plain value:
 * `exports.x = x`, at the same place, so what a chunk sees during loading is unchanged.
 */
function plainChunkExports(output) {
  for (const chunk of output) {
    if (chunk.type !== 'chunk' || chunk.isEntry) continue;
    rewrite(chunk, (code) => {
      const fixed = new Set();
      for (const node of parseAst(code).body) {
        if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id)
          fixed.add(node.id.name);
        if (node.type === 'VariableDeclaration' && node.kind === 'const')
          for (const declaration of node.declarations)
            if (declaration.id.type === 'Identifier') fixed.add(declaration.id.name);
      }
      const getter =
        /Object\.defineProperty\(exports, "([\w$]+)", \{\n\tenumerable: true,\n\tget: function\(\) \{\n\t\treturn ([\w$]+);\n\t\}\n\}\);/g;
      return code.replace(getter, (whole, name, local) =>
        fixed.has(local) ? `exports.${name} = ${local};` : whole,
      );
    });
  }
}

/** Rewrites one written chunk file of the build (as on disk: earlier passes may have changed it). */
function rewrite(chunk, transform) {
  const file = join(dist, chunk.fileName);
  writeFileSync(file, transform(readFileSync(file, 'utf8')));
}

/** dist/code-cache-loader.cjs, stamped with a hash of every CommonJS file of this build (its caches' key). */
function writeLoader() {
  const hash = createHash('sha256');
  for (const file of [...walk(dist)].filter((f) => f.endsWith('.cjs')).sort()) {
    hash.update(relative(dist, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  const build = hash.digest('hex').slice(0, 16);
  const source = readFileSync(join(root, 'scripts/runtime/code-cache-loader.cjs'), 'utf8');
  if (!source.includes("'__APIGW_TESTKIT_BUILD__'"))
    throw new Error('code-cache-loader.cjs: no build id placeholder');
  writeFileSync(
    join(dist, 'code-cache-loader.cjs'),
    source.replace("'__APIGW_TESTKIT_BUILD__'", `'${build}'`),
  );
}
