import { formatValue } from '../errors/format-value.js';
import { TemplateRuntimeError } from './errors.js';
import { isNumber, JavaDouble, JsonList, numberValue } from './java/values.js';

// JSONPath as Jayway JsonPath reads it (behaviour.md §4.7): `$`, `.a`, `['a b']`, `["a"]`, `['a','b']`, `[n]`,
// `[-n]`, `[n,m]`, `[a:b]`, `[*]`, `.*`, recursive descent `..a` / `..*` / `..[n]`, and a trailing function
// (`.length()`, `.sum()`, …). A definite path yields its
// value or null when missing; a path with wildcards, slices, unions or `..` yields a list of what matched.

type Step =
  | { kind: 'prop'; names: string[] }
  | { kind: 'index'; indexes: number[] }
  | { kind: 'slice'; from: number | null; to: number | null }
  | { kind: 'wildcard' }
  | { kind: 'scan'; step: Step };

/** A compiled JSONPath. */
export interface CompiledPath {
  readonly steps: readonly Step[];
  /** True when the path can only ever match one value. */
  readonly definite: boolean;
  /** A trailing Jayway function (`length()`, `sum()`, …) applied to what the steps select. */
  readonly fn?: PathFunction;
}

type PathFunction = 'length' | 'size' | 'sum' | 'avg' | 'min' | 'max' | 'stddev' | 'first' | 'last';
const FUNCTION = /\.(length|size|sum|avg|min|max|stddev|first|last)\(\s*\)$/;

function invalid(path: string, why: string): TemplateRuntimeError {
  return new TemplateRuntimeError(
    'VTL_INVALID_JSONPATH',
    `Invalid JSONPath ${formatValue(path)}: ${why}`,
    "Write paths like '$.a.b', \"$['a b'][0]\", '$.items[*].id' or '$..id' (filters ?() are not simulated).",
    { path },
  );
}

const NAME = /[^.[\]\s]+/y;
const BRACKET_STRINGS = /\[\s*(?:'[^']*'|"[^"]*")(?:\s*,\s*(?:'[^']*'|"[^"]*"))*\s*\]/y;
const BRACKET_INDEXES = /\[\s*-?\d+(?:\s*,\s*-?\d+)*\s*\]/y;
const BRACKET_SLICE = /\[\s*(-?\d+)?\s*:\s*(-?\d+)?\s*\]/y;
const BRACKET_STAR = /\[\s*\*\s*\]/y;

/** Compiles a JSONPath; throws `VTL_INVALID_JSONPATH` for what does not parse. */
export function compilePath(path: string): CompiledPath {
  let text = path.startsWith('$') ? path.slice(1) : path.startsWith('[') ? path : `.${path}`;
  const fnMatch = FUNCTION.exec(text);
  if (fnMatch) text = text.slice(0, fnMatch.index);
  const steps: Step[] = [];
  let pos = 0;
  const sticky = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m) pos += m[0].length;
    return m;
  };
  const bracketOrName = (afterDot: boolean): Step => {
    let m = sticky(BRACKET_STAR);
    if (m) return { kind: 'wildcard' };
    m = sticky(BRACKET_STRINGS);
    if (m)
      return {
        kind: 'prop',
        names: [...m[0].matchAll(/'([^']*)'|"([^"]*)"/g)].map((x) => x[1] ?? x[2] ?? ''),
      };
    m = sticky(BRACKET_SLICE);
    if (m) return { kind: 'slice', from: m[1] ? Number(m[1]) : null, to: m[2] ? Number(m[2]) : null };
    m = sticky(BRACKET_INDEXES);
    if (m)
      return {
        kind: 'index',
        indexes: m[0]
          .slice(1, -1)
          .split(',')
          .map((x) => Number(x.trim())),
      };
    if (text.charAt(pos) === '[')
      throw invalid(path, `cannot read ${formatValue(text.slice(pos, pos + 12))}`);
    if (!afterDot) throw invalid(path, `expected "." or "[" at ${formatValue(text.slice(pos, pos + 12))}`);
    if (text.charAt(pos) === '*') {
      pos++;
      return { kind: 'wildcard' };
    }
    m = sticky(NAME);
    if (!m) throw invalid(path, 'a "." must be followed by a name');
    return { kind: 'prop', names: [m[0]] };
  };
  while (pos < text.length) {
    if (text.startsWith('..', pos)) {
      pos += 2;
      steps.push({ kind: 'scan', step: bracketOrName(true) });
    } else if (text.charAt(pos) === '.') {
      pos++;
      steps.push(bracketOrName(true));
    } else {
      steps.push(bracketOrName(false));
    }
  }
  if (fnMatch) return { steps, definite: true, fn: fnMatch[1] as PathFunction };
  return { steps, definite: isDefinite(steps) };
}

/** Evaluates a compiled path on a parsed JSON document (Maps and lists). */
export function evaluatePath(compiled: CompiledPath, root: unknown): unknown {
  if (compiled.fn) {
    return applyFunction(
      compiled.fn,
      selectPath({ steps: compiled.steps, definite: isDefinite(compiled.steps) }, root),
    );
  }
  return selectPath(compiled, root);
}

function isDefinite(steps: readonly Step[]): boolean {
  return steps.every(
    (s) => (s.kind === 'prop' && s.names.length === 1) || (s.kind === 'index' && s.indexes.length === 1),
  );
}

/**
 * Jayway functions at the end of a path: `length()`/`size()` count a list's items or a map's keys (Integer);
 * `sum() avg() min() max() stddev()` read the numbers in a list and return a Double; `first()`/`last()` pick
 * an item. A function that has nothing to work on (no list, or no numbers) yields null.
 */
function applyFunction(fn: PathFunction, value: unknown): unknown {
  if (fn === 'length' || fn === 'size') {
    if (Array.isArray(value)) return value.length;
    if (value instanceof Map) return value.size;
    return null;
  }
  if (!Array.isArray(value) || value.length === 0) return null;
  if (fn === 'first') return value[0] ?? null;
  if (fn === 'last') return value[value.length - 1] ?? null;
  const numbers: number[] = [];
  for (const v of value) if (isNumber(v)) numbers.push(numberValue(v));
  if (numbers.length === 0) return null;
  let sum = 0;
  for (const n of numbers) sum += n;
  switch (fn) {
    case 'sum':
      return new JavaDouble(sum);
    case 'avg':
      return new JavaDouble(sum / numbers.length);
    case 'min':
      return new JavaDouble(Math.min(...numbers));
    case 'max':
      return new JavaDouble(Math.max(...numbers));
    default: {
      const count = numbers.length;
      let squares = 0;
      for (const n of numbers) squares += n * n;
      return new JavaDouble(Math.sqrt(squares / count - (sum * sum) / count / count));
    }
  }
}

function selectPath(compiled: CompiledPath, root: unknown): unknown {
  if (compiled.definite) {
    let node = root;
    for (const step of compiled.steps) {
      if (step.kind === 'prop') {
        if (!(node instanceof Map) || !node.has(step.names[0])) return null;
        node = node.get(step.names[0]);
      } else if (step.kind === 'index') {
        if (!Array.isArray(node)) return null;
        const i = step.indexes[0]! < 0 ? node.length + step.indexes[0]! : step.indexes[0]!;
        if (i < 0 || i >= node.length) return null;
        node = node[i];
      }
    }
    return node === undefined ? null : node;
  }
  let nodes: unknown[] = [root];
  for (const step of compiled.steps) {
    const next: unknown[] = [];
    for (const node of nodes) applyStep(step, node, next);
    nodes = next;
  }
  const out = new JsonList();
  for (const n of nodes) out.push(n);
  return out;
}

function applyStep(step: Step, node: unknown, out: unknown[]): void {
  switch (step.kind) {
    case 'prop':
      if (node instanceof Map) {
        for (const name of step.names) if (node.has(name)) out.push(node.get(name));
      }
      return;
    case 'index':
      if (Array.isArray(node)) {
        for (const raw of step.indexes) {
          const i = raw < 0 ? node.length + raw : raw;
          if (i >= 0 && i < node.length) out.push(node[i]);
        }
      }
      return;
    case 'slice':
      if (Array.isArray(node)) {
        const len = node.length;
        const norm = (v: number | null, dflt: number): number =>
          v === null ? dflt : v < 0 ? Math.max(0, len + v) : Math.min(len, v);
        for (let i = norm(step.from, 0); i < norm(step.to, len); i++) out.push(node[i]);
      }
      return;
    case 'wildcard':
      if (Array.isArray(node)) out.push(...node);
      else if (node instanceof Map) out.push(...node.values());
      return;
    case 'scan':
      scan(step.step, node, out);
      return;
  }
}

function scan(step: Step, node: unknown, out: unknown[]): void {
  applyStep(step, node, out);
  if (Array.isArray(node)) for (const child of node) scan(step, child, out);
  else if (node instanceof Map) for (const child of node.values()) scan(step, child, out);
}
