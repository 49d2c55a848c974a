import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefinitionError } from '../../../errors/families.js';
import type { DefinitionSource } from '../types.js';
import { isRecord } from './pointer.js';

/** A parsed definition and where it came from. */
export interface LoadedSource {
  document: Record<string, unknown>;
  /** Path of the file, or `<inline>`. */
  file: string;
  /** Directory relative references resolve against. */
  baseDir: string;
}

/** Reads and parses a JSON or YAML definition (YAML with CloudFormation's short tags). */
export async function loadSource(source: DefinitionSource, baseDir?: string): Promise<LoadedSource> {
  if (isRecord(source) && !(source instanceof URL)) {
    return { document: source, file: '<inline>', baseDir: resolve(baseDir ?? '.') };
  }
  const file = source instanceof URL ? fileURLToPath(source) : resolve(baseDir ?? '.', source);
  return { document: await parseFile(file), file, baseDir: dirname(file) };
}

/** Reads and parses one JSON or YAML file into an object; a typed error names the file otherwise. */
export async function parseFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    // Synchronous: definition files are small, and the promise-based read cost more than the parse of one.
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DefinitionError(
      'DEFINITION_NOT_FOUND',
      `${file}: cannot read the definition (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      'Check the path; relative paths resolve against the current directory (or the including file).',
      { file },
    );
  }
  return parseText(text, file);
}

let loader: Promise<(text: string, file: string) => unknown> | undefined;

/**
 * js-yaml with CloudFormation's short tags, loaded on the first YAML file: several times faster than the `yaml`
 * package on large documents (docs/decisions/0007), duplicate keys refused as before.
 */
function yamlLoader(): Promise<(text: string, file: string) => unknown> {
  loader ??= Promise.all([import('js-yaml'), import('./cfn-yaml-tags.js')]).then(
    ([mod, { cfnYamlTypes }]) => {
      const yaml = (mod as unknown as { default?: typeof mod }).default ?? mod;
      const schema = yaml.DEFAULT_SCHEMA.extend(cfnYamlTypes(yaml.Type));
      return (text, file) => yaml.load(text, { schema, filename: file });
    },
  );
  return loader;
}

/** Parses JSON or YAML text; JSON is tried first when the text starts with `{`. */
export async function parseText(text: string, file: string): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    if (/^\s*\{/.test(text)) value = JSON.parse(text);
    else value = (await yamlLoader())(text, file);
  } catch (error) {
    throw new DefinitionError(
      'DEFINITION_INVALID',
      `${file}: Invalid OpenAPI input. The file is not valid JSON or YAML: ${(error as Error).message.split('\n')[0]}`,
      'Fix the syntax (AWS answers 400 "Invalid OpenAPI input." to the same file).',
      { file },
    );
  }
  if (!isRecord(value)) {
    throw new DefinitionError(
      'DEFINITION_INVALID',
      `${file}: Invalid OpenAPI input. The document is ${Array.isArray(value) ? 'an array' : typeof value}, not an object`,
      'Give an OpenAPI/Swagger document or a CloudFormation/SAM template.',
      { file },
    );
  }
  return value;
}
