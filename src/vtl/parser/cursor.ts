import { TemplateSyntaxError } from '../errors.js';

/** Read position in a template (or in the text of an interpolated string literal inside it). */
export class Cursor {
  pos: number;

  constructor(
    /** Text being read. */
    readonly text: string,
    /** The whole template, for error excerpts. */
    readonly source: string,
    /** Offset of `text` inside `source` (string literals map back to their opening quote). */
    readonly base: number,
    start = 0,
  ) {
    this.pos = start;
  }

  at(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  /** Source offset of a position in `text`. */
  offset(pos = this.pos): number {
    return this.base + Math.min(pos, this.text.length);
  }

  eof(): boolean {
    return this.pos >= this.text.length;
  }

  /** Skips spaces, tabs and newlines (whitespace inside directives). */
  skipWs(): void {
    const t = this.text;
    let p = this.pos;
    while (p < t.length) {
      const ch = t.charCodeAt(p);
      if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) break;
      p++;
    }
    this.pos = p;
  }

  /** Matches a sticky regex at the position; advances past it on success. */
  match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (m) this.pos += m[0].length;
    return m;
  }

  /** Velocity 1.7: a directive's `)` (and `#end`, `#else`) swallows trailing spaces/tabs and one newline. */
  eatLine(): void {
    EAT_LINE.lastIndex = this.pos;
    const m = EAT_LINE.exec(this.text);
    if (m) this.pos += m[0].length;
  }

  fail(problem: string, hint: string, pos = this.pos): never {
    throw new TemplateSyntaxError('VTL_SYNTAX_ERROR', problem, hint, this.source, this.offset(pos));
  }

  expect(ch: string, what: string, hint: string): void {
    if (this.at() !== ch) {
      this.fail(`${what}: found ${this.eof() ? 'the end of the template' : `"${this.at()}"`}`, hint);
    }
    this.pos++;
  }
}

const EAT_LINE = /[ \t]*(?:\r\n|\n|\r)/y;

/** True for `[a-zA-Z]`. */
export function isAlpha(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}
