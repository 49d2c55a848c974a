'use strict';
// Shipped as dist/code-cache-loader.cjs (copied by scripts/build.mjs, which stamps its build hash in; plain
// CommonJS because it is what loads the bundles). Why it exists, and the rules it keeps: docs/decisions/0008-code-cache-loader.md.
//
// Every ES module entry of the package (dist/**/*.js) is a thin wrapper that loads its CommonJS twin through
// `loadEntry` here, so ESM and CommonJS users share one instance of every module. The chunks are compiled with
// V8's code cache: compiling the ~650 KB the root entry loads costs ~20–30 ms in every fresh process (every
// vitest test file), reading the top-level code back from a cache is a fraction of that. Caches live in the
// project's node_modules/.cache, keyed by build, V8 version, file, size and modification time; anything unusual (source maps on, another realm, no writable
// cache directory, APIGW_TESTKIT_CODE_CACHE=0) falls back to plain loading with the same behaviour.
const Module = require('node:module');
const vm = require('node:vm');
const fs = require('node:fs');
const path = require('node:path');
const { fileURLToPath, pathToFileURL } = require('node:url');
const { debuglog } = require('node:util');
const { setImmediate } = require('node:timers');

const debug = debuglog('apigw-testkit');
// The parameters every chunk is compiled with: CommonJS's own five, plus the dynamic import() the build rewrote
// (see scripts/build.mjs: code compiled by vm.Script cannot run import() itself without an experimental flag).
const PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__apigwImport'];
const HEAD = `(function (${PARAMETERS.join(', ')}) {`;
const TAIL = '\n})';
/** Injected peer modules (`import * as` namespaces from the ESM wrapper), by specifier. */
const peers = new Map();
/** Files compiled in this process without a usable cache (their caches are written once, after loading). */
const compiled = [];
let fast;
let directory;
let writeQueued = false;

/** True when chunks may be compiled here with a code cache: nothing asks for Node's own handling. */
function fastPath() {
  if (fast !== undefined) return fast;
  const setting = process.env.APIGW_TESTKIT_CODE_CACHE;
  fast =
    setting !== '0' &&
    setting !== 'false' &&
    // Node registers source maps only for modules its own loader compiled (--enable-source-maps must map our
    // stack frames to src/).
    process.sourceMapsEnabled !== true &&
    // Code compiled here runs in the main realm: a test sandbox (Jest, vitest's vm pools) needs its own. vm.Script
    // was made in the main realm, so it is an instance of this code's Function only when this code runs there
    // (asking vm.runInThisContext for the main global compiled a script: ~0.4 ms of every process, measured).
    vm.Script instanceof globalThis.Function &&
    cacheDirectory() !== undefined;
  return fast;
}

/**
 * The content of this build, set by scripts/build.mjs (a hash of every CommonJS file it wrote). V8 checks a cache
 * only against the source's length, and npm gives every installed file the same modification time, so a cache
 * must be keyed by content: an upgrade whose entry file has the same length would otherwise run old bytecode.
 */
const BUILD = '__APIGW_TESTKIT_BUILD__';

/** node_modules/.cache/apigw-testkit/<build>-v8-<V8>-<arch> of the project this package is installed in. */
function cacheDirectory() {
  if (directory !== undefined) return directory || undefined;
  directory = '';
  const packageRoot = path.dirname(__dirname);
  const parts = packageRoot.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  const modules = at >= 0 ? parts.slice(0, at + 1).join(path.sep) : path.join(packageRoot, 'node_modules');
  const parent = path.join(modules, '.cache', 'apigw-testkit');
  const dir = path.join(parent, `${BUILD}-v8-${process.versions.v8}-${process.arch}`);
  try {
    const made = fs.mkdirSync(dir, { recursive: true }) !== undefined;
    fs.accessSync(dir, fs.constants.W_OK);
    directory = dir;
    // The first process of a build removes the caches of other builds (an upgrade, a rebuild).
    if (made) {
      for (const other of fs.readdirSync(parent)) {
        if (other !== path.basename(dir))
          fs.rmSync(path.join(parent, other), { recursive: true, force: true });
      }
    }
  } catch (error) {
    debug('code cache off: %s', error.message);
  }
  return directory || undefined;
}

/**
 * The cache file of one of our files; its size and modification time are in the name too, for a file changed in
 * place after the build (patch-package).
 */
function cacheFile(filename, stat) {
  const name = path.relative(path.dirname(__dirname), filename).replace(/[\\/]/g, '~');
  return path.join(directory, `${name}-${stat.size}-${Math.trunc(stat.mtimeMs)}.v8cache`);
}

function readCache(filename, stat) {
  try {
    return fs.readFileSync(cacheFile(filename, stat));
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache of every file compiled without one, each atomically (write, then rename). Only right after
 * loading, before the package's code has run: a cache written after a long run (a benchmark's warm-up) made the
 * gateway's request path up to 2× slower in every process that read it (measured: 25–29 µs of CPU per cached GET
 * miss against 9–17 without the cache; V8 keeps per-function state in what it serialises). The cache then holds the
 * top-level code only, which is most of the gain (import ~54 → ~38 ms of CPU, measured).
 */
function writeCaches() {
  for (const entry of compiled.splice(0)) {
    const target = cacheFile(entry.filename, entry.stat);
    const temporary = `${target}.${process.pid}-${process.hrtime.bigint()}.tmp`;
    try {
      fs.writeFileSync(temporary, entry.script.createCachedData());
      fs.renameSync(temporary, target);
      debug('code cache written: %s', entry.filename);
    } catch (error) {
      debug('code cache not written for %s: %s', entry.filename, error.message);
      fs.rmSync(temporary, { force: true });
    }
  }
}

/** `import()` for a chunk: resolved from the chunk's own location, run by this module (which Node compiled). */
function importFrom(filename) {
  return (specifier) =>
    import(specifier.startsWith('.') ? new URL(specifier, pathToFileURL(filename)).href : specifier);
}

/** The `require` a chunk sees: peers first, our own files through this loader, the rest through Node's. */
function requireFor(filename, outer) {
  const resolveFrom = Module.createRequire(filename);
  const chunkRequire = (specifier) => {
    if (peers.has(specifier)) return peers.get(specifier);
    if (specifier.startsWith('.')) return load(path.resolve(path.dirname(filename), specifier), outer);
    return resolveFrom(specifier);
  };
  chunkRequire.resolve = resolveFrom.resolve;
  chunkRequire.cache = resolveFrom.cache;
  chunkRequire.main = resolveFrom.main;
  return chunkRequire;
}

/**
 * Loads one of the package's CommonJS files (absolute `filename`) once per process. `outer` is the `require` of
 * the caller's module system, used whenever the fast path is off.
 */
function load(filename, outer) {
  filename = path.resolve(filename);
  const known = require.cache[filename];
  if (known !== undefined) return known.exports;
  const useCache = fastPath();
  let source;
  if (!useCache) {
    // Node's own loader (source maps, the caller's realm and module registry), unless the file requires a peer
    // that only the ES module wrapper could hand over.
    if (peers.size === 0) return outer(filename);
    source = fs.readFileSync(filename, 'utf8');
    if (![...peers.keys()].some((spec) => source.includes(`require(${JSON.stringify(spec)})`)))
      return outer(filename);
  }
  source ??= fs.readFileSync(filename, 'utf8');
  // Node drops a #! line of a CommonJS file; a comment keeps the line numbers.
  if (source.startsWith('#!')) source = `//${source.slice(2)}`;
  const mod = new Module(filename, module);
  mod.filename = filename;
  require.cache[filename] = mod;
  try {
    let run;
    if (useCache) {
      const stat = fs.statSync(filename);
      const data = readCache(filename, stat);
      const script = new vm.Script(HEAD + source + TAIL, { filename, cachedData: data });
      const rejected = data !== undefined && script.cachedDataRejected === true;
      if (rejected) debug('code cache rejected: %s', filename);
      else if (data !== undefined) debug('code cache hit: %s', filename);
      if (data === undefined || rejected) {
        compiled.push({ filename, stat, script });
        queueWrite();
      }
      run = script.runInThisContext();
    } else {
      // Compiled in the caller's realm (its Function constructor), without a cache.
      const RealmFunction = globalThis.Function;
      run = new RealmFunction(...PARAMETERS, `${source}\n//# sourceURL=${pathToFileURL(filename).href}`);
    }
    const dirname = path.dirname(filename);
    run.call(
      mod.exports,
      mod.exports,
      requireFor(filename, outer),
      mod,
      filename,
      dirname,
      importFrom(filename),
    );
  } catch (error) {
    delete require.cache[filename];
    throw error;
  }
  mod.loaded = true;
  return mod.exports;
}

/**
 * After the current task: the top-level code of every file loaded so far is compiled, so cache it. Not unref'd: a
 * short script would otherwise end before its cache is written (an immediate delays exit by one loop turn).
 */
function queueWrite() {
  if (writeQueued) return;
  writeQueued = true;
  setImmediate(() => {
    writeQueued = false;
    writeCaches();
  });
}

/**
 * Loads an entry (its file URL) for its ES module wrapper. `specifiers` and `namespaces` are the peers the entry's
 * code requires, as the wrapper imported them (an ES-module-only peer such as vitest cannot be require()d).
 */
function loadEntry(url, outer, specifiers, namespaces) {
  for (const [i, specifier] of specifiers.entries()) {
    if (!peers.has(specifier)) peers.set(specifier, namespaces[i]);
  }
  return load(fileURLToPath(url), outer);
}

module.exports = { loadEntry, load };
