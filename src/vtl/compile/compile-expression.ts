import { isTestkitError } from '../../errors/testkit-error.js';
import { locate, TemplateRuntimeError } from '../errors.js';
import { callMethod, getIndex, getProperty } from '../java/members.js';
import { isTruthy, velocityArithmetic, velocityCompare, velocityEquals } from '../java/operators.js';
import { isNumber, numberValue } from '../java/values.js';
import type { Expr, RefExpr, Segment } from '../parser/ast.js';
import { captureOutput, type Evaluate, type Execute, type RenderState } from './state.js';

/** Compiles a template body; supplied by compile-template to compile interpolated strings. */
export type BodyCompiler = (nodes: import('../parser/ast.js').TemplateNode[]) => Execute;

type Step = (value: unknown, s: RenderState) => unknown;

/** Velocity ranges list every integer from `from` to `to`, ascending or descending; non-numbers give null. */
function range(from: unknown, to: unknown): unknown {
  if (!isNumber(from) || !isNumber(to)) return null;
  const a = Math.trunc(numberValue(from));
  const b = Math.trunc(numberValue(to));
  if (Math.abs(b - a) >= 1_000_000) {
    throw new TemplateRuntimeError(
      'VTL_RANGE_TOO_LARGE',
      `Range [${a}..${b}] has ${Math.abs(b - a) + 1} elements`,
      'Keep ranges under a million elements; #foreach stops after 1,000 iterations anyway.',
    );
  }
  const out: number[] = [];
  if (a <= b) for (let i = a; i <= b; i++) out.push(i);
  else for (let i = a; i >= b; i--) out.push(i);
  return out;
}

/** Re-throws a method failure with the template position of the call. */
export function located(error: unknown, source: string, at: number): unknown {
  if (!isTestkitError(error) || !(error instanceof TemplateRuntimeError) || 'line' in error.details)
    return error;
  const { line, column } = locate(source, at);
  const problem =
    error.hint && error.message.endsWith(`. ${error.hint}`)
      ? error.message.slice(0, -error.hint.length - 2)
      : error.message;
  return new TemplateRuntimeError(error.code, `${problem} (line ${line}, column ${column})`, error.hint, {
    ...error.details,
    line,
    column,
  });
}

function compileStep(seg: Segment, source: string, body: BodyCompiler): Step {
  switch (seg.kind) {
    case 'prop': {
      const name = seg.name;
      return (v) => getProperty(v, name);
    }
    case 'index': {
      const arg = compileExpression(seg.arg, source, body);
      const at = seg.at;
      return (v, s) => {
        const index = arg(s);
        try {
          return getIndex(v, index);
        } catch (error) {
          throw located(error, source, at);
        }
      };
    }
    case 'call': {
      const name = seg.name;
      const args = seg.args.map((a) => compileExpression(a, source, body));
      const at = seg.at;
      return (v, s) => {
        const values = new Array<unknown>(args.length);
        for (let i = 0; i < args.length; i++) values[i] = args[i]!(s);
        try {
          return callMethod(v, name, values);
        } catch (error) {
          throw located(error, source, at);
        }
      };
    }
  }
}

/** Compiles `$root.steps…` into a closure; evaluation stops at the first null, like Velocity. */
export function compileReference(ref: RefExpr, source: string, body: BodyCompiler): Evaluate {
  const root = ref.root;
  const steps = ref.segments.map((seg) => compileStep(seg, source, body));
  if (steps.length === 0) {
    return (s) => {
      const v = s.vars.get(root);
      return v === undefined ? null : v;
    };
  }
  if (steps.length === 1) {
    const step = steps[0]!;
    return (s) => {
      const v = s.vars.get(root);
      return v === undefined || v === null ? null : step(v, s);
    };
  }
  return (s) => {
    let v = s.vars.get(root);
    for (let i = 0; i < steps.length; i++) {
      if (v === undefined || v === null) return null;
      v = steps[i]!(v, s);
    }
    return v === undefined ? null : v;
  };
}

/** Compiles an expression into a closure. */
export function compileExpression(expr: Expr, source: string, body: BodyCompiler): Evaluate {
  switch (expr.kind) {
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'interpolated': {
      const run = body(expr.body);
      return (s) => captureOutput(run, s);
    }
    case 'ref':
      return compileReference(expr.ref, source, body);
    case 'list': {
      const items = expr.items.map((e) => compileExpression(e, source, body));
      return (s) => {
        const list = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) list[i] = items[i]!(s);
        return list;
      };
    }
    case 'map': {
      const entries = expr.entries.map(
        ([k, v]) => [compileExpression(k, source, body), compileExpression(v, source, body)] as const,
      );
      return (s) => {
        const map = new Map<unknown, unknown>();
        for (const [k, v] of entries) map.set(k(s), v(s));
        return map;
      };
    }
    case 'range': {
      const from = compileExpression(expr.from, source, body);
      const to = compileExpression(expr.to, source, body);
      return (s) => range(from(s), to(s));
    }
    case 'not': {
      const operand = compileExpression(expr.operand, source, body);
      return (s) => !isTruthy(operand(s));
    }
    case 'binary':
      return compileBinary(expr, source, body);
  }
}

function compileBinary(
  expr: Extract<Expr, { kind: 'binary' }>,
  source: string,
  body: BodyCompiler,
): Evaluate {
  const l = compileExpression(expr.left, source, body);
  const r = compileExpression(expr.right, source, body);
  const op = expr.op;
  switch (op) {
    case '||':
      return (s) => isTruthy(l(s)) || isTruthy(r(s));
    case '&&':
      return (s) => isTruthy(l(s)) && isTruthy(r(s));
    case '==':
      return (s) => velocityEquals(l(s), r(s));
    case '!=':
      return (s) => !velocityEquals(l(s), r(s));
    case '<':
    case '<=':
    case '>':
    case '>=':
      return (s) => velocityCompare(op, l(s), r(s));
    default:
      return (s) => velocityArithmetic(op, l(s), r(s));
  }
}
