import { DefinitionError } from '../../../errors/families.js';
import { getAtPointer, isRecord } from '../source/pointer.js';

/** Follows internal `$ref`s of one OpenAPI document, naming the file and pointer of a reference to nothing. */
export interface RefResolver {
  /** `value` itself, or what its `$ref` (chain) points at; `pointer` (or a function making it) names it in errors. */
  deref(value: unknown, pointer: string | (() => string)): unknown;
  /** The component name of a `$ref` to a schema (`#/definitions/Pet`, `#/components/schemas/Pet`), else undefined. */
  modelName(schema: unknown): string | undefined;
}

/** What one walk over a document found: its `$ref`s (with where they are) and whether it needs more work. */
export interface DocumentScan {
  /** Internal references and the path tokens of the object holding each. */
  refs: { ref: string; path: string[] }[];
  /** Some `$ref` points outside the document (another file, a URL). */
  external: boolean;
  /** Some string holds `${AWS::…}` (a pseudo parameter to substitute). */
  pseudo: boolean;
}

/**
 * Walks a document once (the import's only full walk): collects the `$ref`s and notes external references and
 * pseudo parameters, so a document without them costs nothing more.
 */
export function scanDocument(document: unknown): DocumentScan {
  const scan: DocumentScan = { refs: [], external: false, pseudo: false };
  // The path is kept as tokens and copied only for a reference.
  const path: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!scan.pseudo && value.includes('${AWS::')) scan.pseudo = true;
      return;
    }
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
      if (ref.startsWith('#')) scan.refs.push({ ref, path: [...path] });
      else scan.external = true;
    }
    for (const key in value) {
      path.push(key);
      visit((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(document);
  return scan;
}

/**
 * Creates the resolver; every `$ref` of the scan is checked first (each distinct target looked up once), so a
 * dangling one fails the import naming where it is.
 */
export function createRefResolver(
  document: Record<string, unknown>,
  file: string,
  scan: DocumentScan,
): RefResolver {
  const targets = new Map<string, unknown>();
  const target = (ref: string): unknown => {
    if (!targets.has(ref)) targets.set(ref, getAtPointer(document, ref));
    return targets.get(ref);
  };
  for (const { ref, path } of scan.refs) {
    if (target(ref) === undefined) {
      const pointer = path.map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
      throw unresolved(file, pointer, ref, 'nothing is defined there');
    }
  }
  const deref = (value: unknown, pointer: string | (() => string)): unknown => {
    let current = value;
    for (let hops = 0; isRecord(current) && typeof current.$ref === 'string'; hops++) {
      if (hops > 32) {
        const where = typeof pointer === 'string' ? pointer : pointer();
        throw unresolved(file, where, String(current.$ref), 'the reference chain loops');
      }
      current = target(current.$ref);
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

function unresolved(file: string, pointer: string, ref: string, why: string): DefinitionError {
  return new DefinitionError(
    'DEFINITION_UNRESOLVED_REF',
    `${file}#${pointer}: $ref ${JSON.stringify(ref)} cannot be resolved (${why})`,
    'Point the $ref at a definition that exists (AWS refuses the import the same way), or add the missing component.',
    { file, pointer, ref },
  );
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
