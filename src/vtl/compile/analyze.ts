import type { Expr, RefExpr, TemplateNode } from '../parser/ast.js';

/** What a template can touch, found once at compile time. */
export interface TemplateFacts {
  /** Root names referenced (`input`, `context`, …). */
  readonly roots: ReadonlySet<string>;
  /**
   * True when the template may change a map or list it did not create (a mutating method call, or a #set
   * into a property or index outside `$context`). When false, a parsed body can be reused across renders.
   */
  readonly mayMutate: boolean;
  /**
   * The `$context` keys the template reads or writes as `$context.<key>…`, or null when it uses `$context`
   * in any other way (bare, a method call, an index, a loop variable named `context`): then it needs all.
   */
  readonly contextKeys: ReadonlySet<string> | null;
}

const MUTATORS = new Set(['put', 'putAll', 'putIfAbsent', 'remove', 'clear', 'add', 'addAll', 'set']);

/** Walks the AST once to collect {@link TemplateFacts}. */
export function analyze(nodes: readonly TemplateNode[]): TemplateFacts {
  const roots = new Set<string>();
  let mayMutate = false;
  let contextKeys: Set<string> | null = new Set<string>();
  const ref = (r: RefExpr): void => {
    roots.add(r.root);
    if (r.root === 'context' && contextKeys !== null) {
      const first = r.segments[0];
      if (first?.kind === 'prop') contextKeys.add(first.name);
      else contextKeys = null;
    }
    for (const seg of r.segments) {
      if (seg.kind === 'call') {
        if (MUTATORS.has(seg.name)) mayMutate = true;
        for (const a of seg.args) expr(a);
      } else if (seg.kind === 'index') expr(seg.arg);
    }
  };
  const expr = (e: Expr): void => {
    switch (e.kind) {
      case 'ref':
        ref(e.ref);
        return;
      case 'interpolated':
        body(e.body);
        return;
      case 'list':
        for (const i of e.items) expr(i);
        return;
      case 'map':
        for (const [k, v] of e.entries) {
          expr(k);
          expr(v);
        }
        return;
      case 'range':
        expr(e.from);
        expr(e.to);
        return;
      case 'binary':
        expr(e.left);
        expr(e.right);
        return;
      case 'not':
        expr(e.operand);
        return;
      case 'literal':
        return;
    }
  };
  const body = (list: readonly TemplateNode[]): void => {
    for (const n of list) {
      switch (n.kind) {
        case 'ref':
          ref(n.ref);
          break;
        case 'set':
          ref(n.target);
          if (n.target.segments.length > 0 && n.target.root !== 'context') mayMutate = true;
          expr(n.value);
          break;
        case 'if':
          for (const b of n.branches) {
            expr(b.cond);
            body(b.body);
          }
          if (n.otherwise) body(n.otherwise);
          break;
        case 'foreach':
          roots.add(n.variable);
          if (n.variable === 'context') contextKeys = null;
          expr(n.iterable);
          body(n.body);
          break;
        case 'define':
          if (n.name === 'context') contextKeys = null;
          body(n.body);
          break;
        default:
          break;
      }
    }
  };
  body(nodes);
  return { roots, mayMutate, contextKeys };
}
