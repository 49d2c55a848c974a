import { DefinitionError } from '../../../errors/families.js';
import { getAtPointer, isRecord } from '../source/pointer.js';

/** Follows internal `$ref`s of one OpenAPI document, naming the file and pointer of a reference to nothing. */
export interface RefResolver {
  /** `value` itself, or what its `$ref` (chain) points at. */
  deref(value: unknown, pointer: string): unknown;
  /** The component name of a `$ref` to a schema (`#/definitions/Pet`, `#/components/schemas/Pet`), else undefined. */
  modelName(schema: unknown): string | undefined;
}

/** Creates the resolver; every `$ref` in the document is checked first, so a dangling one fails the import. */
export function createRefResolver(document: Record<string, unknown>, file: string): RefResolver {
  checkAllRefs(document, file);
  const deref = (value: unknown, pointer: string): unknown => {
    let current = value;
    for (let hops = 0; isRecord(current) && typeof current.$ref === 'string'; hops++) {
      if (hops > 32) throw unresolved(file, pointer, String(current.$ref), 'the reference chain loops');
      current = getAtPointer(document, current.$ref);
    }
    return current;
  };
  return {
    deref,
    modelName(schema) {
      if (!isRecord(schema) || typeof schema.$ref !== 'string') return undefined;
      const match = /^#\/(?:definitions|components\/schemas)\/([^/]+)$/.exec(schema.$ref);
      return match ? decodeURIComponent(match[1]!).replaceAll('~1', '/').replaceAll('~0', '~') : undefined;
    },
  };
}

function checkAllRefs(document: Record<string, unknown>, file: string): void {
  // The path is kept as tokens and joined into a pointer only for an error: this walk sees every node.
  const path: string[] = [];
  const pointer = () => path.map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(String(i));
        visit(value[i]);
        path.pop();
      }
      return;
    }
    const ref = (value as Record<string, unknown>).$ref;
    if (typeof ref === 'string') {
      if (!ref.startsWith('#'))
        throw unresolved(file, pointer(), ref, 'external references must be bundled first');
      if (getAtPointer(document, ref) === undefined)
        throw unresolved(file, pointer(), ref, 'nothing is defined there');
    }
    for (const key in value) {
      path.push(key);
      visit((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(document);
}

function unresolved(file: string, pointer: string, ref: string, why: string): DefinitionError {
  return new DefinitionError(
    'DEFINITION_UNRESOLVED_REF',
    `${file}#${pointer}: $ref ${JSON.stringify(ref)} cannot be resolved (${why})`,
    'Point the $ref at a definition that exists (AWS refuses the import the same way), or add the missing component.',
    { file, pointer, ref },
  );
}

/** True when some `$ref` of the document points outside it (another file or a URL). */
export function hasExternalRefs(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasExternalRefs);
  if (!isRecord(value)) return false;
  if (typeof value.$ref === 'string' && !value.$ref.startsWith('#')) return true;
  return Object.values(value).some(hasExternalRefs);
}

/**
 * Inlines external `$ref`s (other files, relative to `baseDir`) with @apidevtools/swagger-parser's `bundle`,
 * loaded only when a document has such references.
 */
export async function bundleExternalRefs(
  document: Record<string, unknown>,
  file: string,
  baseDir: string,
): Promise<Record<string, unknown>> {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  const base = file === '<inline>' ? `${baseDir}/inline.json` : file;
  try {
    const parser = new SwaggerParser();
    return (await parser.bundle(base, structuredClone(document) as never, {})) as unknown as Record<
      string,
      unknown
    >;
  } catch (error) {
    throw new DefinitionError(
      'DEFINITION_UNRESOLVED_REF',
      `${file}: an external $ref cannot be resolved (${(error as Error).message.split('\n')[0]})`,
      'Check the referenced file exists relative to the document, or inline the definition.',
      { file },
    );
  }
}
