import { TemplateError } from '../errors/families.js';

/**
 * A mapping template that does not parse. Carries the 1-based `line` and `column` of the problem and an
 * `excerpt` of that line with a caret under the column.
 *
 * @example
 * ```ts
 * try {
 *   compileTemplate('#if($a)\nyes');
 * } catch (error) {
 *   if (error instanceof TemplateSyntaxError) console.log(error.line, error.column, error.excerpt);
 * }
 * ```
 */
export class TemplateSyntaxError extends TemplateError {
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem. */
  readonly column: number;
  /** The offending line with a caret under the column. */
  readonly excerpt: string;

  constructor(code: string, problem: string, hint: string, source: string, offset: number) {
    const { line, column, excerpt } = locate(source, offset);
    super(code, `${problem} at line ${line}, column ${column}`, `${hint}\n${excerpt}`, {
      line,
      column,
      excerpt,
    });
    this.line = line;
    this.column = column;
    this.excerpt = excerpt;
  }
}

/**
 * A template failed while rendering where API Gateway fails the request too (for example `$util.parseJson`
 * of invalid JSON). `code` says which failure; the gateway turns it into the AWS error response.
 *
 * @example
 * ```ts
 * try {
 *   renderTemplate("$util.parseJson('{oops')", { body: null });
 * } catch (error) {
 *   if (error instanceof TemplateRuntimeError) console.log(error.code); // VTL_PARSE_JSON_FAILED
 * }
 * ```
 */
export class TemplateRuntimeError extends TemplateError {}

/** Line, column (1-based) and caret excerpt of `offset` in `source`. */
export function locate(source: string, offset: number): { line: number; column: number; excerpt: string } {
  const at = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = source.length;
  const column = at - lineStart + 1;
  let text = source.slice(lineStart, lineEnd).replace(/\r$/, '');
  let caretAt = column - 1;
  if (text.length > 100) {
    const from = Math.max(0, caretAt - 50);
    text = `${from > 0 ? '…' : ''}${text.slice(from, from + 100)}`;
    caretAt = caretAt - from + (from > 0 ? 1 : 0);
  }
  const gutter = `${line} | `;
  return { line, column, excerpt: `${gutter}${text}\n${' '.repeat(gutter.length + caretAt)}^` };
}
