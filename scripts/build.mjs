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
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
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
// Every bare specifier stays an import: node builtins, optional peers and the package's own subpaths (so a
// leaf such as apigw-testkit/vitest shares the events module with apigw-testkit/events at run time).
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
// A runtime dependency that ships only ES modules (jose) cannot be require()d where `require` is not Node's own:
// Jest's CommonJS runtime refuses ESM syntax. The CommonJS build bundles those (into the lazy chunks that use
// them); the ESM build imports them.
const esmOnly = Object.keys(pkg.dependencies ?? {}).filter((name) => isEsmOnly(name));
const packageOf = (id) =>
  id
    .split('/')
    .slice(0, id.startsWith('@') ? 2 : 1)
    .join('/');
const cjsExternal = (id) => external(id) && !esmOnly.includes(packageOf(id));

async function write(input, format, ext) {
  const bundle = await rolldown({
    input,
    cwd: root,
    platform: 'node',
    external: format === 'cjs' ? cjsExternal : external,
    logLevel: 'warn',
    // Importing a module runs nothing but declarations, except where the package promises an effect (the
    // vitest setup registers matchers, the CLI runs): entries then load only the chunks whose bindings they use.
    treeshake: { moduleSideEffects: (id) => /src[\\/](vitest[\\/]setup|cli[\\/]main)\.ts$/.test(id) },
  });
  await bundle.write({
    dir: dist,
    format,
    entryFileNames: `[name].${ext}`,
    chunkFileNames: `chunks/[name]-[hash].${ext}`,
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
}

await write(esm, 'esm', 'js');
await write(cjs, 'cjs', 'cjs');

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
  `built ${Object.keys(esm).length} ESM and ${Object.keys(cjs).length} CommonJS entries, ${declarations} declaration files → ${relative(root, dist)}/`,
);

/** True when the installed package has no CommonJS entry: `"type": "module"` and no `require` export condition. */
function isEsmOnly(name) {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
  if (manifest.type !== 'module') return false;
  return !JSON.stringify(manifest.exports ?? {}).includes('"require"');
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}
