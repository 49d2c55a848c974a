import * as fc from 'fast-check';
import { anyLeaf } from './body-shape.js';
import { nastyString } from './nasty-string.js';

/** The body paths, parameter names and stage variables a template reads, found by scanning its text. */
export interface TemplateReferences {
  /** Tree of the JSONPaths given to `$input.path()` / `$input.json()`. */
  body: PathTree;
  /** Names given to `$input.params('x')` or read from `$input.params().<where>.get('x')`. */
  params: string[];
  /** Names read as `$stageVariables.x` or `$stageVariables['x']`. */
  stageVariables: string[];
}

/** One node of the body-path tree: object keys read below it, and the item node when it is indexed. */
export interface PathTree {
  keys: Map<string, PathTree>;
  items: PathTree | undefined;
}

const PATH_CALL = /\$!?\{?input\.(?:path|json)\(\s*(['"])(.*?)\1\s*\)/g;
const PARAM_CALL = /\$!?\{?input\.params\(\s*(['"])(.*?)\1\s*\)/g;
const PARAM_GET = /\.(?:header|querystring|path)\.get\(\s*(['"])(.*?)\1\s*\)/g;
const STAGE_VAR = /\$!?\{?stageVariables(?:\.([A-Za-z0-9_]+)|\[\s*(['"])(.*?)\2\s*\])/g;

/**
 * Scans a template for what it reads, so generated inputs hit those paths and names (random bodies
 * would almost never contain the key `name` a template picks). A heuristic: anything it misses is
 * still exercised by the random parts of the input.
 */
export function scanTemplate(template: string): TemplateReferences {
  const body: PathTree = { keys: new Map(), items: undefined };
  for (const match of template.matchAll(PATH_CALL)) addPath(body, match[2] ?? '');
  const params = new Set<string>();
  for (const match of template.matchAll(PARAM_CALL)) if (match[2]) params.add(match[2]);
  for (const match of template.matchAll(PARAM_GET)) if (match[2]) params.add(match[2]);
  const stageVariables = new Set<string>();
  for (const match of template.matchAll(STAGE_VAR)) {
    const name = match[1] ?? match[3];
    if (name) stageVariables.add(name);
  }
  return { body, params: [...params], stageVariables: [...stageVariables] };
}

/** Adds one JSONPath (`$.a.b[0]['c d'][*]`) to the tree; stops at anything it does not understand. */
function addPath(root: PathTree, path: string): void {
  if (!path.startsWith('$')) return;
  let node = root;
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m =
      /^\.([^.[\]]+)/.exec(rest) ?? /^\[\s*'([^']*)'\s*\]/.exec(rest) ?? /^\[\s*"([^"]*)"\s*\]/.exec(rest);
    if (m && m[1] !== '*' && !rest.startsWith('..')) {
      const key = m[1]!;
      let child = node.keys.get(key);
      if (!child) {
        child = { keys: new Map(), items: undefined };
        node.keys.set(key, child);
      }
      node = child;
      rest = rest.slice(m[0].length);
      continue;
    }
    const index = /^\[\s*(?:\d+|\*)\s*\]/.exec(rest) ?? /^\.\*/.exec(rest);
    if (!index) return;
    node.items ??= { keys: new Map(), items: undefined };
    node = node.items;
    rest = rest.slice(index[0].length);
  }
}

const ABSENT: unique symbol = Symbol('absent');

/** True when the template reads no body path at all. */
export function isEmptyTree(tree: PathTree): boolean {
  return tree.keys.size === 0 && tree.items === undefined;
}

/**
 * Values that contain every path of the tree most of the time (keys are sometimes absent, and
 * unrelated keys are mixed in), with nasty values at the leaves.
 */
export function treeArbitrary(tree: PathTree): fc.Arbitrary<unknown> {
  if (isEmptyTree(tree)) return anyLeaf();
  const options: fc.Arbitrary<unknown>[] = [];
  if (tree.keys.size > 0) {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    // Each key the template reads is present 7 times in 8: absent keys are a case worth trying, not the norm.
    for (const [key, child] of tree.keys) {
      record[key] = fc.oneof(
        { arbitrary: treeArbitrary(child), weight: 7 },
        { arbitrary: fc.constant(ABSENT), weight: 1 },
      );
    }
    const known = fc.record(record, { noNullPrototype: true }).map((r) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(r)) {
        if (value !== ABSENT)
          Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    });
    // Now and then an unrelated key too (with a nasty name), so templates cannot rely on the exact key set.
    const extra = fc.oneof(
      { arbitrary: fc.constant({}), weight: 3 },
      {
        arbitrary: fc.dictionary(nastyString({ maxPieces: 2 }), anyLeaf(), {
          maxKeys: 2,
          noNullPrototype: true,
        }),
        weight: 1,
      },
    );
    options.push(fc.tuple(known, extra).map(([k, e]) => ({ ...e, ...k })));
  }
  if (tree.items) options.push(fc.array(treeArbitrary(tree.items), { maxLength: 3 }));
  return options.length === 1 ? options[0]! : fc.oneof(...options);
}
