import { JavaDouble, parseIntegral } from '../java/values.js';
import type { BinaryOp, Expr, RefExpr, Segment, TemplateNode } from './ast.js';
import { type Cursor, isAlpha } from './cursor.js';

/** Parses the text of a double-quoted string literal that contains `$` or `#` (Velocity interpolates it). */
export type InterpolationParser = (text: string, source: string, base: number) => TemplateNode[];

const IDENTIFIER = /[a-zA-Z_][a-zA-Z0-9_-]*/y;
const INT_BEFORE_RANGE = /-?\d+(?=\.\.)/y;
const FLOAT = /-?(?:\d+\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)/y;
const INT = /-?\d+/y;
const WORD = /[a-zA-Z_@][a-zA-Z0-9_@]*/y;
const WORD_OPS: Record<string, BinaryOp | 'not'> = {
  and: '&&',
  or: '||',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  eq: '==',
  ne: '!=',
  not: 'not',
};
const LEVELS: readonly (readonly BinaryOp[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

/** Reads a full expression (`||` level) as inside `#if( … )` or `#set( $x = … )`. */
export function parseExpression(c: Cursor, interp: InterpolationParser): Expr {
  return parseLevel(c, interp, 0);
}

function parseLevel(c: Cursor, interp: InterpolationParser, level: number): Expr {
  if (level === LEVELS.length) return parseUnary(c, interp);
  let left = parseLevel(c, interp, level + 1);
  for (;;) {
    c.skipWs();
    const at = c.pos;
    const op = readOperator(c);
    if (op === null || op === 'not' || !LEVELS[level]!.includes(op)) {
      c.pos = at;
      return left;
    }
    const right = parseLevel(c, interp, level + 1);
    left = { kind: 'binary', op, left, right, at };
  }
}

function readOperator(c: Cursor): BinaryOp | 'not' | null {
  const two = c.text.slice(c.pos, c.pos + 2);
  if (two === '||' || two === '&&' || two === '==' || two === '!=' || two === '<=' || two === '>=') {
    c.pos += 2;
    return two;
  }
  const one = c.at();
  if (one === '<' || one === '>' || one === '+' || one === '*' || one === '/' || one === '%') {
    c.pos++;
    return one;
  }
  // `-` followed by a digit is a negative literal in Velocity (`$a -1` does not parse), like its lexer.
  if (one === '-' && !/[0-9.]/.test(c.at(1))) {
    c.pos++;
    return '-';
  }
  const word = c.match(WORD);
  if (word) {
    const op = WORD_OPS[word[0]];
    if (op) return op;
  }
  return null;
}

function parseUnary(c: Cursor, interp: InterpolationParser): Expr {
  c.skipWs();
  if (c.at() === '!' && c.at(1) !== '=') {
    c.pos++;
    return { kind: 'not', operand: parseUnary(c, interp) };
  }
  const at = c.pos;
  const word = c.match(WORD);
  if (word?.[0] === 'not') return { kind: 'not', operand: parseUnary(c, interp) };
  c.pos = at;
  if (c.at() === '(') {
    c.pos++;
    const inner = parseExpression(c, interp);
    c.skipWs();
    c.expect(')', 'Expected ")" to close the parenthesis', 'Balance the parentheses of the expression.');
    c.skipWs();
    return inner;
  }
  return parseParameter(c, interp, true);
}

/**
 * Reads one value the way Velocity's `Parameter` production does: string, number, range, list, map, boolean,
 * `null` or a reference. Method arguments, list items and map entries are parameters (no operators).
 */
export function parseParameter(c: Cursor, interp: InterpolationParser, allowFloat = true): Expr {
  c.skipWs();
  const start = c.pos;
  const ch = c.at();
  let expr: Expr;
  if (ch === '"' || ch === "'") expr = parseString(c, interp);
  else if (ch === '$') {
    const ref = parseReference(c, interp);
    if (!ref) c.fail('Expected a reference after "$"', 'Write a name after "$", e.g. $name.', start);
    expr = { kind: 'ref', ref: ref.ref };
  } else if (ch === '[') expr = parseListOrRange(c, interp);
  else if (ch === '{') expr = parseMap(c, interp);
  else if ((ch >= '0' && ch <= '9') || ch === '-' || ch === '.') expr = parseNumber(c, allowFloat);
  else {
    const word = c.match(WORD);
    if (word?.[0] === 'true') expr = { kind: 'literal', value: true };
    else if (word?.[0] === 'false') expr = { kind: 'literal', value: false };
    else if (word?.[0] === 'null') expr = { kind: 'literal', value: null };
    else {
      c.fail(
        `Expected a value ${c.eof() ? 'before the end of the template' : `but found "${c.text.slice(start, start + 12).split('\n')[0]}"`}`,
        'Values are strings, numbers, true/false, [lists], {maps}, [a..b] ranges or $references.',
        start,
      );
    }
  }
  c.skipWs();
  return expr;
}

function parseNumber(c: Cursor, allowFloat: boolean): Expr {
  const start = c.pos;
  const int = c.match(INT_BEFORE_RANGE);
  if (int) return { kind: 'literal', value: parseIntegral(int[0]) };
  const float = allowFloat ? c.match(FLOAT) : null;
  if (float) return { kind: 'literal', value: new JavaDouble(Number(float[0])) };
  const plain = c.match(INT);
  if (plain) return { kind: 'literal', value: parseIntegral(plain[0]) };
  return c.fail('Expected a number', 'Write digits, e.g. 42 or 1.5.', start);
}

function parseString(c: Cursor, interp: InterpolationParser): Expr {
  const quote = c.at();
  const start = c.pos;
  let text = '';
  let p = c.pos + 1;
  const t = c.text;
  for (;;) {
    const close = t.indexOf(quote, p);
    if (close === -1) c.fail('Unterminated string literal', `Close the string with ${quote}.`, start);
    text += t.slice(p, close);
    // No backslash escapes in AWS VTL string literals; a doubled quote is a literal quote.
    if (t.charAt(close + 1) === quote) {
      text += quote;
      p = close + 2;
      continue;
    }
    c.pos = close + 1;
    break;
  }
  if (quote === '"' && (text.includes('$') || text.includes('#'))) {
    return { kind: 'interpolated', body: interp(text, c.source, c.offset(start + 1)) };
  }
  return { kind: 'literal', value: text };
}

function parseListOrRange(c: Cursor, interp: InterpolationParser): Expr {
  const start = c.pos;
  c.pos++;
  c.skipWs();
  if (c.at() === ']') {
    c.pos++;
    return { kind: 'list', items: [] };
  }
  const first = parseParameter(c, interp, false);
  if (c.text.startsWith('..', c.pos) && (first.kind === 'ref' || first.kind === 'literal')) {
    c.pos += 2;
    const to = parseParameter(c, interp, false);
    c.expect(']', 'Expected "]" to close the range', 'Write a range as [from..to].');
    return { kind: 'range', from: first, to };
  }
  c.pos = start + 1;
  const items: Expr[] = [];
  for (;;) {
    items.push(parseParameter(c, interp));
    if (c.at() === ',') {
      c.pos++;
      continue;
    }
    c.expect(']', 'Expected "," or "]" in the list', 'Separate list items with commas and close with "]".');
    return { kind: 'list', items };
  }
}

function parseMap(c: Cursor, interp: InterpolationParser): Expr {
  c.pos++;
  c.skipWs();
  const entries: [Expr, Expr][] = [];
  if (c.at() === '}') {
    c.pos++;
    return { kind: 'map', entries };
  }
  for (;;) {
    const key = parseParameter(c, interp);
    c.expect(':', 'Expected ":" after the map key', 'Write map entries as {"key": value}.');
    entries.push([key, parseParameter(c, interp)]);
    if (c.at() === ',') {
      c.pos++;
      continue;
    }
    c.expect('}', 'Expected "," or "}" in the map', 'Separate entries with commas and close with "}".');
    return { kind: 'map', entries };
  }
}

/** A parsed `$reference` with its flags; `null` when the `$` does not start a reference (it is then text). */
export interface ParsedReference {
  ref: RefExpr;
  quiet: boolean;
}

/** Reads `$name`, `$!name`, `${name}` with `.prop`, `.method(args)` and `[index]` steps. */
export function parseReference(c: Cursor, interp: InterpolationParser): ParsedReference | null {
  const start = c.pos;
  let p = c.pos + 1;
  let quiet = false;
  if (c.text.charAt(p) === '!') {
    quiet = true;
    p++;
  }
  const formal = c.text.charAt(p) === '{';
  if (formal) p++;
  IDENTIFIER.lastIndex = p;
  const id = IDENTIFIER.exec(c.text);
  if (!id) return null;
  c.pos = p + id[0].length;
  const segments: Segment[] = [];
  for (;;) {
    const ch = c.at();
    if (ch === '[') {
      const at = c.pos;
      c.pos++;
      const arg = parseParameter(c, interp, false);
      c.expect(']', 'Expected "]" to close the index', 'Write an index as $list[0] or $map["key"].');
      segments.push({ kind: 'index', arg, at });
    } else if (ch === '.' && isAlpha(c.at(1))) {
      c.pos++;
      const name = c.match(IDENTIFIER)![0];
      if (c.at() === '(') {
        const at = c.pos;
        c.pos++;
        const args: Expr[] = [];
        c.skipWs();
        if (c.at() !== ')') {
          for (;;) {
            args.push(parseParameter(c, interp));
            if (c.at() !== ',') break;
            c.pos++;
          }
        }
        c.expect(')', `Expected "," or ")" in the arguments of ${name}()`, 'Close the method call with ")".');
        segments.push({ kind: 'call', name, args, at });
      } else {
        segments.push({ kind: 'prop', name });
      }
    } else break;
  }
  // biome-ignore lint/suspicious/noTemplateCurlyInString: VTL formal references, not JS
  if (formal) c.expect('}', 'Expected "}" to close ${…}', 'Close the formal reference with "}".');
  return { ref: { root: id[0], segments, at: start }, quiet };
}
