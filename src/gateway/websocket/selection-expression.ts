import { GatewayConfigError } from '../../errors/families.js';
import { JsonSyntaxError, parseJavaJson } from '../../vtl/java/json.js';
import { javaToString } from '../../vtl/java/print.js';
import { JsonList } from '../../vtl/java/values.js';
import { type CompiledPath, compilePath, evaluatePath } from '../../vtl/json-path.js';

/** One variable of an expression: `request.body.<JSONPath>` or a name the caller supplies (`integration.response.statuscode`). */
type Variable =
  | { kind: 'body'; path: CompiledPath; key: string | undefined }
  | { kind: 'named'; name: string };

/** A compiled selection expression (behaviour.md §13). */
export interface SelectionExpression {
  readonly source: string;
  /** True when a variable reads the message body (non-JSON bodies then select nothing). */
  readonly readsBody: boolean;
  /**
   * The key for a message body; `undefined` when the expression reads the body and the body is not JSON.
   * Named variables take their values from `values` (missing ones resolve to `""`).
   */
  evaluate(body: string, values?: Readonly<Record<string, string>>): string | undefined;
}

const NO_VALUES: Readonly<Record<string, string>> = Object.freeze({});
const UNWRAPPED = /[A-Za-z0-9_.\-[\]'"*]/;
const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Compiles a WebSocket selection expression as API Gateway evaluates it [DOC apigateway-websocket-api-selection-
 * expressions]: `$` starts a variable, `${…}` delimits one, `\$` is a literal dollar (`\$default`), everything else
 * is static text, and evaluation happens once (no recursion). `request.body` variables are JSONPath expressions
 * into the JSON message: a missing path resolves to `""`, strings are used as they are, other values are
 * stringified the Java way (`[item1, item2]`). `names` lists the other variables the expression may use.
 *
 * @example
 * ```ts
 * const e = compileSelectionExpression('routeSelectionExpression', '${request.body.service}/${request.body.action}');
 * e.evaluate('{"service":"chat","action":"join"}'); // 'chat/join'
 * e.evaluate('not json'); // undefined → the $default route
 * ```
 */
export function compileSelectionExpression(
  where: string,
  expression: unknown,
  names: readonly string[] = [],
): SelectionExpression {
  if (typeof expression !== 'string' || expression === '') {
    throw invalid(where, expression, 'it must be a non-empty string');
  }
  const parts: (string | Variable)[] = [];
  let text = '';
  for (let i = 0; i < expression.length; ) {
    const ch = expression[i]!;
    if (ch === '\\' && expression[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    if (ch !== '$') {
      text += ch;
      i += 1;
      continue;
    }
    let name: string;
    if (expression[i + 1] === '{') {
      const end = expression.indexOf('}', i + 2);
      if (end < 0) throw invalid(where, expression, `"\${" at ${i} has no closing "}"`);
      name = expression.slice(i + 2, end);
      i = end + 1;
    } else {
      let end = i + 1;
      while (end < expression.length && UNWRAPPED.test(expression[end]!)) end++;
      name = expression.slice(i + 1, end);
      i = end;
    }
    if (text !== '') parts.push(text);
    text = '';
    parts.push(variable(where, expression, name, names));
  }
  if (text !== '') parts.push(text);
  const readsBody = parts.some((p) => typeof p !== 'string' && p.kind === 'body');
  const single = parts.length === 1 ? parts[0] : undefined;
  const staticKey = parts.every((p) => typeof p === 'string') ? parts.join('') : undefined;
  return {
    source: expression,
    readsBody,
    evaluate(body, values = NO_VALUES) {
      if (staticKey !== undefined) return staticKey;
      let parsed: unknown;
      if (readsBody) {
        try {
          parsed = JSON.parse(body);
        } catch {
          return undefined;
        }
        // Hot path: `$request.body.action` naming a string member.
        if (single !== undefined && typeof single !== 'string' && single.kind === 'body' && single.key) {
          const value =
            typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
              ? (parsed as Record<string, unknown>)[single.key]
              : undefined;
          if (typeof value === 'string') return value;
          if (value === undefined || value === null) return '';
        }
      }
      let java: unknown;
      let out = '';
      for (const part of parts) {
        if (typeof part === 'string') out += part;
        else if (part.kind === 'named') out += values[part.name] ?? '';
        else {
          java ??= toJava(body);
          out += stringify(evaluatePath(part.path, java));
        }
      }
      return out;
    },
  };
}

function variable(where: string, expression: string, name: string, names: readonly string[]): Variable {
  if (name === 'request.body' || name.startsWith('request.body.') || name.startsWith('request.body[')) {
    const rest = name.slice('request.body'.length);
    let path: CompiledPath;
    try {
      path = compilePath(`$${rest}`);
    } catch (error) {
      throw invalid(
        where,
        expression,
        `${JSON.stringify(name)} is not a JSONPath: ${(error as Error).message}`,
      );
    }
    const member = rest.startsWith('.') ? rest.slice(1) : undefined;
    return { kind: 'body', path, key: member && SIMPLE_KEY.test(member) ? member : undefined };
  }
  const lower = name.toLowerCase();
  const known = names.find((n) => n.toLowerCase() === lower || lower.startsWith(`${n.toLowerCase()}.`));
  if (known !== undefined) return { kind: 'named', name: lower };
  const accepted = ['request.body.<JSONPath>', ...names].map((n) => `$${n}`).join(', ');
  throw invalid(where, expression, `$${name} is not a variable it may use (accepted: ${accepted})`);
}

function toJava(body: string): unknown {
  try {
    return parseJavaJson(body);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return null;
    throw error;
  }
}

function stringify(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return javaToString(value instanceof JsonList ? [...value] : value);
}

function invalid(where: string, expression: unknown, why: string): GatewayConfigError {
  return new GatewayConfigError(
    'GATEWAY_INVALID_SELECTION_EXPRESSION',
    `${where}: ${JSON.stringify(expression)} is not a selection expression API Gateway accepts: ${why}`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: AWS's own ${…} syntax, shown to the user.
    "Write '$request.body.action', '${request.body.service}/${request.body.action}' or a static key; escape a literal $ as \\$.",
    { expression },
  );
}
