import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionError } from '../../../errors/families.js';
import type { LambdaHandler } from '../../types.js';
import { loadInEnvironment } from './function-environment.js';
import type { FunctionInfo } from './function-info.js';

/**
 * Counts handler loads so every import gets fresh module instances (a cold start), even for a file already
 * imported: the only module-level state of the importers, and it holds no data.
 */
let generation = 0;

/** Extensions tried for a handler module: the Node.js runtime's order, then TypeScript. */
const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

/**
 * Loads a function's handler like `sam local` does: `Handler: app.lambdaHandler` under `CodeUri` is the export
 * `lambdaHandler` of `app.js` / `.mjs` / `.cjs` (or `.ts` where Node can strip types). Each function gets its own
 * module instance (two functions sharing a file do not share module state), imported inside its environment.
 */
export async function loadHandler(
  fn: FunctionInfo,
  environment: Record<string, string>,
): Promise<LambdaHandler> {
  const fail = (code: string, problem: string, hint: string) =>
    new DefinitionError(code, `${fn.file}#${fn.pointer}: ${problem}`, hint, {
      file: fn.file,
      pointer: fn.pointer,
    });
  const explicit = `or pass handlers: { ${fn.logicalId}: handler } to the import`;
  if (fn.notLocal !== undefined) {
    throw fail(
      'DEFINITION_CODE_NOT_LOCAL',
      `function ${fn.logicalId} has ${fn.notLocal}`,
      `Point CodeUri at a local directory, ${explicit}.`,
    );
  }
  if (fn.runtime !== undefined && !fn.runtime.startsWith('nodejs')) {
    throw fail(
      'DEFINITION_RUNTIME_NOT_NODE',
      `function ${fn.logicalId} runs on ${fn.runtime}, which this Node.js process cannot load`,
      `Give a JavaScript stand-in ${explicit.replace('or ', '')}.`,
    );
  }
  if (fn.handler === undefined || fn.codeDir === undefined) {
    throw fail(
      'DEFINITION_HANDLER_NOT_FOUND',
      `function ${fn.logicalId} has no Handler or no code location`,
      `Set Handler and CodeUri, ${explicit}.`,
    );
  }
  const slash = fn.handler.lastIndexOf('/');
  const dot = fn.handler.indexOf('.', slash + 1);
  if (dot < 0) {
    throw fail(
      'DEFINITION_HANDLER_NOT_FOUND',
      `Handler ${JSON.stringify(fn.handler)} is not file.export`,
      'Write Handler: app.lambdaHandler.',
    );
  }
  const base = join(fn.codeDir, fn.handler.slice(0, dot));
  const exportPath = fn.handler.slice(dot + 1).split('.');
  const file = EXTENSIONS.map((ext) => `${base}${ext}`).find((candidate) => existsSync(candidate));
  if (file === undefined) {
    throw fail(
      'DEFINITION_HANDLER_NOT_FOUND',
      `function ${fn.logicalId}: no ${EXTENSIONS.map((e) => `${base}${e}`).join(', ')}`,
      `Build the function first (sam build writes .aws-sam/build), fix CodeUri/Handler, ${explicit}.`,
    );
  }
  let module: Record<string, unknown>;
  try {
    generation += 1;
    const url = `${pathToFileURL(file).href}?function=${encodeURIComponent(fn.logicalId)}&load=${generation}`;
    module = await loadInEnvironment(environment, () => import(url) as Promise<Record<string, unknown>>);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && /\.[mc]?ts$/.test(file)) {
      throw fail(
        'DEFINITION_TYPESCRIPT_HANDLER',
        `function ${fn.logicalId}: ${file} is TypeScript and this Node.js (${process.version}) cannot strip types`,
        `Run on Node.js ≥ 22.6 with --experimental-strip-types (default from 23.6), build the function to JavaScript (sam build / esbuild) and point CodeUri at the output, ${explicit}.`,
      );
    }
    throw fail(
      'DEFINITION_HANDLER_LOAD_FAILED',
      `function ${fn.logicalId}: importing ${file} failed: ${(error as Error).message}`,
      `Fix the module, ${explicit}.`,
    );
  }
  let value: unknown = module;
  for (const key of exportPath) value = (value as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'function' && exportPath.length === 1) {
    value = (module.default as Record<string, unknown> | undefined)?.[exportPath[0]!];
  }
  if (typeof value !== 'function') {
    throw fail(
      'DEFINITION_HANDLER_NOT_FOUND',
      `function ${fn.logicalId}: ${file} exports no function "${exportPath.join('.')}"`,
      `Export it (export const ${exportPath.at(-1)} = async (event) => …), fix Handler, ${explicit}.`,
    );
  }
  return value as LambdaHandler;
}
