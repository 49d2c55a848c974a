import { setIndex, setProperty } from '../java/members.js';
import { isTruthy } from '../java/operators.js';
import { printValue } from '../java/print.js';
import { DefinedBlock, HostObject, type HostSpec } from '../java/values.js';
import type { TemplateNode } from '../parser/ast.js';
import { compileExpression, compileReference, located } from './compile-expression.js';
import {
  captureOutput,
  type Evaluate,
  type Execute,
  MAX_FOREACH_ITERATIONS,
  type RenderState,
} from './state.js';

interface LoopScope {
  index: number;
  hasNext: boolean;
  parent: unknown;
}

const FOREACH_SPEC: HostSpec<LoopScope> = {
  name: '$foreach',
  properties: new Map<string, (s: LoopScope) => unknown>([
    ['index', (s) => s.index],
    ['count', (s) => s.index + 1],
    ['hasNext', (s) => s.hasNext],
    ['first', (s) => s.index === 0],
    ['last', (s) => !s.hasNext],
    ['parent', (s) => s.parent],
  ]),
  methods: new Map<string, (s: LoopScope, args: readonly unknown[]) => unknown>([
    ['hasNext', (s) => s.hasNext],
    ['isFirst', (s) => s.index === 0],
    ['isLast', (s) => !s.hasNext],
  ]),
};

/** Compiles a list of statements into one closure that appends their output to `s.out`. */
export function compileBody(nodes: readonly TemplateNode[], source: string, counters = true): Execute {
  const body = (inner: TemplateNode[]): Execute => compileBody(inner, source, counters);
  const parts = nodes.map((node) => compileNode(node, source, body, counters));
  if (parts.length === 0) return () => {};
  if (parts.length === 1) return parts[0]!;
  return (s) => {
    for (let i = 0; i < parts.length; i++) {
      parts[i]!(s);
      if (s.halt !== 0) return;
    }
  };
}

function compileNode(
  node: TemplateNode,
  source: string,
  body: (n: TemplateNode[]) => Execute,
  counters: boolean,
): Execute {
  switch (node.kind) {
    case 'text': {
      const text = node.text;
      return (s) => {
        s.out += text;
      };
    }
    case 'ref': {
      const value = compileReference(node.ref, source, body);
      const { prefix, literal } = node;
      if (node.escaped) {
        // Velocity: an escaped reference prints itself; an escaped null reference keeps its backslash.
        return (s) => {
          s.out += value(s) === null ? `${prefix}\\${literal}` : prefix + literal;
        };
      }
      if (prefix) {
        return (s) => {
          s.out += prefix + printValue(value(s));
        };
      }
      return (s) => {
        const v = value(s);
        s.out += typeof v === 'string' ? v : printValue(v);
      };
    }
    case 'set':
      return compileSet(node, source, body);
    case 'if': {
      const branches = node.branches.map((b) => ({
        cond: compileExpression(b.cond, source, body),
        run: body(b.body),
      }));
      const otherwise = node.otherwise ? body(node.otherwise) : null;
      return (s) => {
        for (const b of branches) {
          if (isTruthy(b.cond(s))) {
            b.run(s);
            return;
          }
        }
        if (otherwise) otherwise(s);
      };
    }
    case 'foreach':
      return compileForeach(node, source, body, counters);
    case 'define': {
      const name = node.name;
      const run = body(node.body);
      return (s) => {
        s.vars.set(name, new DefinedBlock(() => captureOutput(run, s)));
      };
    }
    case 'stop':
      return (s) => {
        s.halt = 2;
      };
    case 'break':
      return (s) => {
        s.halt = s.loops > 0 ? 1 : 2;
      };
  }
}

function compileSet(
  node: Extract<TemplateNode, { kind: 'set' }>,
  source: string,
  body: (n: TemplateNode[]) => Execute,
): Execute {
  const value = compileExpression(node.value, source, body);
  const { root, segments } = node.target;
  // Velocity 1.7 (directive.set.null.allowed=false): a null right-hand side leaves the target unchanged.
  if (segments.length === 0) {
    return (s) => {
      const v = value(s);
      if (v !== null) s.vars.set(root, v);
    };
  }
  const target = compileReference(
    { root, segments: segments.slice(0, -1), at: node.target.at },
    source,
    body,
  );
  const last = segments[segments.length - 1]!;
  if (last.kind === 'prop') {
    const name = last.name;
    return (s) => {
      const t = target(s);
      const v = value(s);
      if (v !== null) setProperty(t, name, v);
    };
  }
  if (last.kind === 'index') {
    const index: Evaluate = compileExpression(last.arg, source, body);
    const at = last.at;
    return (s) => {
      const t = target(s);
      const k = index(s);
      const v = value(s);
      if (v === null) return;
      try {
        setIndex(t, k, v);
      } catch (error) {
        throw located(error, source, at);
      }
    };
  }
  return (s) => {
    value(s);
  };
}

function restore(vars: Map<string, unknown>, name: string, previous: unknown): void {
  if (previous === undefined) vars.delete(name);
  else vars.set(name, previous);
}

/** `counters`: whether the template reads $velocityCount / $velocityHasNext (set per iteration only then). */
function compileForeach(
  node: Extract<TemplateNode, { kind: 'foreach' }>,
  source: string,
  body: (n: TemplateNode[]) => Execute,
  counters: boolean,
): Execute {
  const iterable = compileExpression(node.iterable, source, body);
  const run = body(node.body);
  const name = node.variable;
  return (s: RenderState) => {
    const collection = iterable(s);
    // Lists iterate their items, maps their values; null, strings and numbers do nothing.
    const items = Array.isArray(collection)
      ? collection
      : collection instanceof Map
        ? [...collection.values()]
        : null;
    if (items === null) return;
    const vars = s.vars;
    const previous = vars.get(name);
    const previousScope = vars.get('foreach');
    const previousCount = vars.get('velocityCount');
    const previousHasNext = vars.get('velocityHasNext');
    const scope: LoopScope = { index: 0, hasNext: false, parent: previousScope ?? null };
    vars.set('foreach', new HostObject(FOREACH_SPEC, scope));
    s.loops++;
    // API Gateway caps #foreach at 1,000 iterations per loop; like Velocity's maxloops, the loop just ends.
    for (let i = 0; i < items.length && i < MAX_FOREACH_ITERATIONS; i++) {
      const item = items[i];
      scope.index = i;
      scope.hasNext = i + 1 < items.length;
      vars.set(name, item === undefined ? null : item);
      if (counters) {
        vars.set('velocityCount', i + 1);
        vars.set('velocityHasNext', scope.hasNext);
      }
      run(s);
      if (s.halt !== 0) {
        if (s.halt === 1) s.halt = 0;
        break;
      }
    }
    s.loops--;
    restore(vars, name, previous);
    restore(vars, 'foreach', previousScope);
    restore(vars, 'velocityCount', previousCount);
    restore(vars, 'velocityHasNext', previousHasNext);
  };
}
