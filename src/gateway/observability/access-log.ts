import { formatValue } from '../../errors/format-value.js';
import { GatewayConfigError } from '../../errors/index.js';
import { isDocumentedContextVariable } from './context-variables.js';

/** A value of a `$context` variable; null, undefined and '' render as `-`. */
export type AccessLogValue = string | number | boolean | null | undefined;

/** `$context` values of one request, keyed without the prefix: `{ requestId: 'abc', 'identity.sourceIp': '1.2.3.4' }`. */
export type AccessLogValues = Readonly<Record<string, AccessLogValue>>;

/** A validated access-log format, ready to render one line per request. */
export interface CompiledAccessLogFormat {
  readonly format: string;
  readonly apiType: 'REST' | 'HTTP' | 'WEBSOCKET';
  /** Variable names used, in order of first use, without `$context.`. */
  readonly variables: readonly string[];
  /** Used names that are not documented for this API type (they render `-` unless given). */
  readonly unknownVariables: readonly string[];
  /** The line for one request. */
  render(values: AccessLogValues): string;
}

/** HTTP API `Format` is 1–1024 characters in the service model. */
export const MAX_HTTP_ACCESS_LOG_FORMAT_LENGTH = 1024;

// `$context.` followed by dotted identifier segments; a trailing dot is literal text.
const VARIABLE = /\$context\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)/y;

/**
 * Validates an access-log format like API Gateway does (behaviour.md §12.2) and compiles it: one line, at least
 * `$context.requestId` (REST also accepts `$context.extendedRequestId`), no variables other than `$context.*`
 * (so `$input`, `$stageVariables` and the `${...}` form are refused), at most 1024 characters for HTTP APIs.
 * A `$` not followed by a letter or `{` is literal text.
 *
 * @example
 * ```ts
 * const log = compileAccessLogFormat('$context.requestId $context.httpMethod $context.status', 'REST');
 * log.render({ requestId: 'r-1', httpMethod: 'GET' }); // 'r-1 GET -'
 * ```
 */
export function compileAccessLogFormat(
  format: string,
  apiType: 'REST' | 'HTTP' | 'WEBSOCKET',
): CompiledAccessLogFormat {
  if (apiType !== 'REST' && apiType !== 'HTTP' && apiType !== 'WEBSOCKET') {
    throw error(
      'ACCESS_LOG_INVALID_API_TYPE',
      `compileAccessLogFormat: apiType must be REST, HTTP or WEBSOCKET, got ${formatValue(apiType)}`,
      "Pass 'REST', 'HTTP' or 'WEBSOCKET'.",
    );
  }
  if (typeof format !== 'string' || format.length === 0) {
    throw error(
      'ACCESS_LOG_FORMAT_EMPTY',
      'compileAccessLogFormat: the format is empty',
      'Give a one-line format containing $context.requestId.',
    );
  }
  if (/[\r\n]/.test(format)) {
    throw error(
      'ACCESS_LOG_FORMAT_MULTILINE',
      'compileAccessLogFormat: the format spans several lines',
      'Access-log formats are one line: remove the line breaks (JSON formats too).',
    );
  }
  // The apigatewayv2 model (HTTP and WebSocket APIs) types Format as 1–1024 characters.
  if (apiType !== 'REST' && format.length > MAX_HTTP_ACCESS_LOG_FORMAT_LENGTH) {
    throw error(
      'ACCESS_LOG_FORMAT_TOO_LONG',
      `compileAccessLogFormat: the format has ${format.length} characters`,
      `${apiType === 'HTTP' ? 'HTTP API' : 'WebSocket API'} access-log formats are at most ${MAX_HTTP_ACCESS_LOG_FORMAT_LENGTH} characters.`,
    );
  }
  const literals: string[] = [];
  const names: string[] = [];
  let text = '';
  for (let i = 0; i < format.length; ) {
    const ch = format[i]!;
    if (ch !== '$') {
      text += ch;
      i += 1;
      continue;
    }
    VARIABLE.lastIndex = i;
    const match = VARIABLE.exec(format);
    if (match) {
      literals.push(text);
      text = '';
      names.push(match[1]!);
      i += match[0].length;
      continue;
    }
    const next = format[i + 1] ?? '';
    if (/[A-Za-z{]/.test(next)) {
      const shown = format.slice(i, i + 24).split(/[\s"',]/)[0];
      throw error(
        'ACCESS_LOG_FORMAT_NON_CONTEXT_VARIABLE',
        `compileAccessLogFormat: ${formatValue(shown)} is not a $context variable`,
        'Access logs may only use $context variables, written $context.name.',
      );
    }
    text += ch;
    i += 1;
  }
  literals.push(text);
  const hasId = names.includes('requestId') || (apiType === 'REST' && names.includes('extendedRequestId'));
  if (!hasId) {
    throw error(
      'ACCESS_LOG_FORMAT_MISSING_REQUEST_ID',
      'compileAccessLogFormat: the format does not contain $context.requestId',
      apiType === 'REST'
        ? 'Add $context.requestId or $context.extendedRequestId.'
        : 'Add $context.requestId.',
    );
  }
  const variables = [...new Set(names)];
  const compiled: CompiledAccessLogFormat = Object.freeze({
    format,
    apiType,
    variables: Object.freeze(variables),
    unknownVariables: Object.freeze(variables.filter((n) => !isDocumentedContextVariable(n, apiType))),
    render(values: AccessLogValues): string {
      const pieces = [literals[0]!];
      for (let k = 0; k < names.length; k++) pieces.push(show(values[names[k]!]), literals[k + 1]!);
      return pieces.join('');
    },
  });
  // Each use of a variable, as its index in `variables`: the gateway renders from a list of values. A line built
  // with `+` is a tree of string pieces, and the log keeps thousands of lines alive, which made every
  // young-generation GC copy those trees (measured: a third of the gateway's GC time with an access log on).
  // Array#join writes one flat string; its piece list is this format's own, reused (rendering is synchronous), so
  // a line allocates only itself: ~0.64 KB of pieces and flattening per line before, about the same CPU time as
  // `+` and a flattening read (0.58 against 0.59 µs for a nine-variable line, best of five under load).
  const slots = names.map((name) => variables.indexOf(name));
  const pieces: string[] = new Array(2 * slots.length + 1).fill('');
  pieces[0] = literals[0]!;
  for (let k = 0; k < slots.length; k++) pieces[2 * k + 2] = literals[k + 1]!;
  positional.set(compiled, (values) => {
    for (let k = 0; k < slots.length; k++) pieces[2 * k + 1] = show(values[slots[k]!]);
    return pieces.join('');
  });
  return compiled;
}

const positional = new WeakMap<CompiledAccessLogFormat, (values: readonly AccessLogValue[]) => string>();

/**
 * `format.render` for the values of `format.variables` given in that order (the gateway's hot path builds no
 * record). Internal: not exported from the package.
 */
export function renderAccessLogValues(
  format: CompiledAccessLogFormat,
  values: readonly AccessLogValue[],
): string {
  const render = positional.get(format);
  if (render !== undefined) return render(values);
  const record: Record<string, AccessLogValue> = {};
  format.variables.forEach((name, i) => {
    record[name] = values[i];
  });
  return format.render(record);
}

function show(value: AccessLogValue): string {
  if (value === undefined || value === null || value === '') return '-';
  return typeof value === 'string' ? value : String(value);
}

function error(code: string, problem: string, hint: string): GatewayConfigError {
  return new GatewayConfigError(code, problem, hint);
}
