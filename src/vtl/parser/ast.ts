// AST of a Velocity 1.7 template as AWS runs it. Offsets (`at`) index the template source, for error messages.

/** One statement of a template body. */
export type TemplateNode =
  | { kind: 'text'; text: string }
  | {
      kind: 'ref';
      ref: RefExpr;
      /** The reference exactly as written (without leading backslashes), printed when escaped. */
      literal: string;
      /** Odd number of backslashes before `$`: prints the literal instead of the value. */
      escaped: boolean;
      /** Half of the leading backslashes, printed before the reference. */
      prefix: string;
    }
  | { kind: 'set'; target: RefExpr; value: Expr; at: number }
  | { kind: 'if'; branches: { cond: Expr; body: TemplateNode[] }[]; otherwise: TemplateNode[] | null }
  | { kind: 'foreach'; variable: string; iterable: Expr; body: TemplateNode[]; at: number }
  | { kind: 'define'; name: string; body: TemplateNode[] }
  | { kind: 'stop' }
  | { kind: 'break' };

/** A reference: `$root` followed by properties, method calls and indexes. */
export interface RefExpr {
  root: string;
  segments: Segment[];
  at: number;
}

/** One step of a reference after its root. */
export type Segment =
  | { kind: 'prop'; name: string }
  | { kind: 'call'; name: string; args: Expr[]; at: number }
  | { kind: 'index'; arg: Expr; at: number };

/** An expression inside a directive, an index or a method argument. */
export type Expr =
  | { kind: 'literal'; value: unknown }
  | { kind: 'interpolated'; body: TemplateNode[] }
  | { kind: 'ref'; ref: RefExpr }
  | { kind: 'list'; items: Expr[] }
  | { kind: 'map'; entries: [Expr, Expr][] }
  | { kind: 'range'; from: Expr; to: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; at: number }
  | { kind: 'not'; operand: Expr };

/** Binary operators, word forms normalised (`gt` → `>`). */
export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';
