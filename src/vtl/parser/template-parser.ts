import type { Expr, TemplateNode } from './ast.js';
import { closeParenHint } from './close-paren-hint.js';
import { Cursor } from './cursor.js';
import { readBackslashes, readDirectiveName, SET_OPEN } from './escapes.js';
import { parseExpression, parseParameter, parseReference } from './expression-parser.js';

type Terminator = 'end' | 'else' | 'elseif' | 'eof';
interface Body {
  nodes: TemplateNode[];
  term: Terminator;
  termAt: number;
}

const SPECIAL = /[$#\\]/g;

/** Parses a whole template into its AST, the way AWS's Velocity 1.7 parser reads it. */
export function parseTemplate(source: string): TemplateNode[] {
  return parseSource(source, source, 0);
}

function parseSource(text: string, source: string, base: number): TemplateNode[] {
  const c = new Cursor(text, source, base);
  const body = parseBody(c);
  if (body.term !== 'eof') {
    c.fail(
      `#${body.term} without an open #if, #foreach or #define`,
      `Remove the #${body.term} or open a block before it.`,
      body.termAt,
    );
  }
  return body.nodes;
}

const interpolate = (text: string, source: string, base: number): TemplateNode[] =>
  parseSource(text, source, base);

function parseBody(c: Cursor): Body {
  const nodes: TemplateNode[] = [];
  let text = '';
  /** Where in `c.text` the plain text run ends that `text` ends with (for #set's leading-space gobbling). */
  let plainEnd = -1;
  const flush = (): void => {
    if (text) nodes.push({ kind: 'text', text });
    text = '';
  };
  const push = (node: TemplateNode): void => {
    flush();
    nodes.push(node);
  };
  const t = c.text;
  while (c.pos < t.length) {
    SPECIAL.lastIndex = c.pos;
    const found = SPECIAL.exec(t);
    const next = found ? found.index : t.length;
    if (next > c.pos) {
      text += t.slice(c.pos, next);
      plainEnd = next;
      c.pos = next;
      continue;
    }
    const ch = t.charAt(c.pos);
    if (ch === '\\') {
      const piece = readBackslashes(c, push, interpolate); // may flush `text`, so read it only afterwards
      text += piece;
      continue;
    }
    if (ch === '$') {
      const start = c.pos;
      const ref = parseReference(c, interpolate);
      if (ref) {
        push({ kind: 'ref', ref: ref.ref, literal: t.slice(start, c.pos), escaped: false, prefix: '' });
      } else {
        text += '$';
        c.pos++;
      }
      continue;
    }
    // '#'
    const hashAt = c.pos;
    const next2 = t.charAt(c.pos + 1);
    if (next2 === '#') {
      skipLineComment(c);
      continue;
    }
    if (next2 === '*') {
      const close = t.indexOf('*#', c.pos + 2);
      if (close === -1) c.fail('Unclosed comment', 'Close the #* comment with *#.');
      c.pos = close + 2;
      continue;
    }
    if (next2 === '[' && t.charAt(c.pos + 2) === '[') {
      const close = t.indexOf(']]#', c.pos + 3);
      if (close === -1) c.fail('Unclosed #[[ text block', 'Close the text block with ]]#.');
      text += t.slice(c.pos + 3, close);
      c.pos = close + 3;
      continue;
    }
    const name = readDirectiveName(c);
    if (name === null) {
      text += '#';
      c.pos++;
      continue;
    }
    if (name === 'end' || name === 'else' || name === 'elseif') {
      if (name !== 'elseif') c.eatLine();
      flush();
      return { nodes, term: name, termAt: hashAt };
    }
    if (name === 'set') {
      SET_OPEN.lastIndex = c.pos;
      if (SET_OPEN.test(t)) {
        // Velocity's #set token takes the spaces and tabs before it, so indentation never prints.
        if (plainEnd === hashAt) text = text.replace(/[ \t]+$/, '');
        push(parseSet(c, hashAt));
        continue;
      }
    }
    const node = parseDirective(c, name, hashAt);
    if (typeof node === 'string') text += node;
    else if (node) push(node);
  }
  flush();
  return { nodes, term: 'eof', termAt: c.pos };
}

function skipLineComment(c: Cursor): void {
  const nl = c.text.indexOf('\n', c.pos);
  const cr = c.text.indexOf('\r', c.pos);
  const end = cr !== -1 && (nl === -1 || cr < nl) ? cr : nl;
  if (end === -1) c.pos = c.text.length;
  else c.pos = end + (c.text.charAt(end) === '\r' && c.text.charAt(end + 1) === '\n' ? 2 : 1);
}

function parseSet(c: Cursor, at: number): TemplateNode {
  c.match(SET_OPEN);
  c.skipWs();
  const target = parseReference(c, interpolate);
  if (!target) c.fail('#set needs a $reference on the left', 'Write #set($name = value).');
  c.skipWs();
  c.expect('=', 'Expected "=" in #set', 'Write #set($name = value).');
  const value = parseExpression(c, interpolate);
  c.skipWs();
  c.expect(')', 'Expected ")" to close #set', closeParenHint(c, 'set'));
  c.eatLine();
  return { kind: 'set', target: target.ref, value, at };
}

function openParen(c: Cursor, name: string): void {
  c.skipWs();
  c.expect('(', `#${name} needs "("`, `Write #${name}( … ).`);
}

function closeParen(c: Cursor, name: string): void {
  c.skipWs();
  c.expect(')', `Expected ")" to close #${name}`, closeParenHint(c, name));
  c.eatLine();
}

function parseDirective(c: Cursor, name: string, at: number): TemplateNode | string | null {
  switch (name) {
    case 'if':
      return parseIf(c, at);
    case 'foreach':
      return parseForeach(c, at);
    case 'define': {
      openParen(c, name);
      c.skipWs();
      const ref = parseReference(c, interpolate);
      if (!ref || ref.ref.segments.length > 0)
        c.fail('#define needs a plain $name', 'Write #define($name)…#end.');
      closeParen(c, name);
      return { kind: 'define', name: ref.ref.root, body: parseBlock(c, name, at) };
    }
    case 'macro':
      // AWS removed #macro: the definition renders nothing (its calls print literally).
      openParen(c, name);
      skipDirectiveArgs(c, name);
      parseBlock(c, name, at);
      return null;
    case 'stop':
    case 'break':
      if (hasParen(c)) {
        openParen(c, name);
        skipDirectiveArgs(c, name);
      }
      return { kind: name };
    default:
      // Unsupported (#evaluate, #include, #parse, macro calls…): Velocity prints the directive as written.
      if (hasParen(c)) {
        openParen(c, name);
        skipDirectiveArgs(c, name);
      }
      return c.text.slice(at, c.pos);
  }
}

function hasParen(c: Cursor): boolean {
  const save = c.pos;
  c.skipWs();
  const yes = c.at() === '(';
  c.pos = save;
  return yes;
}

/** Reads directive arguments (values or bare words) up to and including ")" and its line ending. */
function skipDirectiveArgs(c: Cursor, name: string): void {
  for (;;) {
    c.skipWs();
    if (c.at() === ')' || c.eof()) break;
    if (c.at() === ',') {
      c.pos++;
      continue;
    }
    if (!c.match(/[a-zA-Z_@][a-zA-Z0-9_@]*/y)) parseParameter(c, interpolate);
  }
  closeParen(c, name);
}

function parseBlock(c: Cursor, name: string, at: number): TemplateNode[] {
  const body = parseBody(c);
  if (body.term === 'end') return body.nodes;
  if (body.term === 'eof') c.fail(`#${name} without #end`, `Close the #${name} block with #end.`, at);
  return c.fail(`#${body.term} inside #${name}`, `Only #if blocks take #${body.term}.`, body.termAt);
}

function parseIf(c: Cursor, at: number): TemplateNode {
  const branches: { cond: Expr; body: TemplateNode[] }[] = [];
  let cond = parseCondition(c, 'if');
  for (;;) {
    const body = parseBody(c);
    branches.push({ cond, body: body.nodes });
    if (body.term === 'end') return { kind: 'if', branches, otherwise: null };
    if (body.term === 'eof') c.fail('#if without #end', 'Close the #if block with #end.', at);
    if (body.term === 'elseif') {
      cond = parseCondition(c, 'elseif');
      continue;
    }
    return { kind: 'if', branches, otherwise: parseBlock(c, 'else', body.termAt) };
  }
}

function parseCondition(c: Cursor, name: string): Expr {
  openParen(c, name);
  const cond = parseExpression(c, interpolate);
  closeParen(c, name);
  return cond;
}

function parseForeach(c: Cursor, at: number): TemplateNode {
  openParen(c, 'foreach');
  c.skipWs();
  const variable = parseReference(c, interpolate);
  if (!variable || variable.ref.segments.length > 0) {
    c.fail('#foreach needs a plain $name before "in"', 'Write #foreach($item in $list).');
  }
  c.skipWs();
  if (!c.match(/in(?![a-zA-Z0-9_@])/y))
    c.fail('Expected "in" in #foreach', 'Write #foreach($item in $list).');
  const iterable = parseParameter(c, interpolate);
  closeParen(c, 'foreach');
  return { kind: 'foreach', variable: variable.ref.root, iterable, body: parseBlock(c, 'foreach', at), at };
}
