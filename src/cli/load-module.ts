import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidInputError } from '../errors/families.js';

const TYPESCRIPT = /\.(?:ts|mts|cts|tsx)$/i;

/** How TypeScript modules can be loaded on this machine (injectable for tests). */
export interface TypeScriptSupport {
  /** Node strips types itself (`process.features.typescript`, Node 22.18+/23.6+, or 22.6+ with the flag). */
  nodeStripsTypes: boolean;
  /** Node's own `import()`. */
  importNative(url: string): Promise<unknown>;
  /** Loads `tsx/esm/api` from the user's project (or next to apigw-testkit); `undefined` when not installed. */
  loadTsx(cwd: string): Promise<TsxApi | undefined>;
}

/** The part of tsx's API we use. */
export interface TsxApi {
  tsImport(specifier: string, options: { parentURL: string }): Promise<unknown>;
}

/** What this Node.js offers. */
export const runtimeTypeScriptSupport: TypeScriptSupport = {
  nodeStripsTypes: Boolean((process.features as { typescript?: unknown }).typescript),
  importNative: (url) => import(url),
  async loadTsx(cwd) {
    for (const from of [join(cwd, 'package.json'), import.meta.url]) {
      const entry = tsxEsmApi(from);
      if (entry === undefined) continue;
      const api = (await import(pathToFileURL(entry).href)) as Partial<TsxApi>;
      if (typeof api.tsImport === 'function') return api as TsxApi;
    }
    return undefined;
  },
};

/**
 * Imports a user's module for a command (`serve`, `invoke`): JavaScript with `import()`; TypeScript with Node's
 * own type stripping where it has it, else with tsx when the project has it installed, else a coded refusal
 * (`CLI_TYPESCRIPT_UNAVAILABLE`) that says how to load it, instead of Node's `ERR_UNKNOWN_FILE_EXTENSION`.
 */
export async function importUserModule(
  command: string,
  file: string,
  cwd: string,
  support: TypeScriptSupport = runtimeTypeScriptSupport,
): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  if (!TYPESCRIPT.test(file)) return (await import(url)) as Record<string, unknown>;
  let nodeError: unknown;
  if (support.nodeStripsTypes) {
    try {
      return (await support.importNative(url)) as Record<string, unknown>;
    } catch (error) {
      // Type stripping refuses syntax it cannot erase (enums, namespaces …) and files under node_modules: tsx can.
      if (!isTypeScriptRefusal(error)) throw error;
      nodeError = error;
    }
  }
  const tsx = await support.loadTsx(cwd);
  if (tsx) {
    const mod = (await tsx.tsImport(url, { parentURL: pathToFileURL(join(cwd, 'index.js')).href })) as Record<
      string,
      unknown
    >;
    // A .ts file outside an ESM package is compiled to CommonJS: its exports sit on `default`, marked __esModule.
    const inner = mod.default as { __esModule?: unknown } | null | undefined;
    return typeof inner === 'object' && inner !== null && inner.__esModule === true
      ? (inner as Record<string, unknown>)
      : mod;
  }
  const why = nodeError
    ? `Node.js ${process.version} could not strip its types (${(nodeError as Error).message.split('\n')[0]}) and tsx is not installed`
    : `Node.js ${process.version} does not run TypeScript by itself and tsx is not installed`;
  throw new InvalidInputError(
    'CLI_TYPESCRIPT_UNAVAILABLE',
    `apigw-testkit ${command}: cannot load ${file}: ${why}`,
    'Install tsx in your project (npm install --save-dev tsx) and run the command again, use Node.js 22.18 or later (it strips types), or compile the module to .js/.mjs',
    { file },
  );
}

// The ESM entry of `tsx/esm/api` as the package's exports name it (require.resolve would give the CommonJS one).
function tsxEsmApi(from: string): string | undefined {
  let manifest: string;
  try {
    manifest = createRequire(from).resolve('tsx/package.json');
  } catch {
    return undefined;
  }
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports?: Record<string, { import?: { default?: string } | string }>;
  };
  const target = pkg.exports?.['./esm/api']?.import;
  const file = typeof target === 'string' ? target : target?.default;
  return file === undefined ? undefined : join(dirname(manifest), file);
}

function isTypeScriptRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'ERR_UNKNOWN_FILE_EXTENSION' ||
    code === 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX' ||
    code === 'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING' ||
    code === 'ERR_INVALID_TYPESCRIPT_SYNTAX'
  );
}
