import { TemplateRuntimeError } from '../errors.js';
import { JsonSyntaxError, parseJavaJson } from '../java/json.js';
import { toJsonText } from '../java/print.js';
import { HostObject, type HostSpec, NO_METHOD } from '../java/values.js';
import { type CompiledPath, compilePath, evaluatePath } from '../json-path.js';
import type { MappingParams } from '../types.js';

/** Per-render state of `$input`. */
export interface InputState {
  /** `$input.body`: the raw payload, `{}` when the request had none. */
  readonly body: string;
  readonly params: MappingParams | undefined;
  /** Caches shared by every render of one compiled template. */
  readonly cache: InputCache;
  /** Parsed body, computed on first use. */
  parsed?: { json: boolean; value: unknown };
  paramsMap?: Map<unknown, unknown>;
}

/** Caches one compiled template keeps across renders. */
export interface InputCache {
  readonly paths: Map<string, CompiledPath>;
  /** The template cannot modify a parsed body, so the last one can be reused for the same body text. */
  readonly reuseBody: boolean;
  last?: { body: string; parsed: { json: boolean; value: unknown } };
}

function compiled(state: InputState, path: string): CompiledPath {
  const paths = state.cache.paths;
  let c = paths.get(path);
  if (!c) {
    c = compilePath(path);
    if (paths.size < 256) paths.set(path, c);
  }
  return c;
}

/** The body as JSON: parsed when it starts with `{` or `[`, otherwise it counts as one JSON string. */
function document(state: InputState): { json: boolean; value: unknown } {
  if (state.parsed) return state.parsed;
  const text = state.body;
  const last = state.cache.last;
  if (last && last.body === text) {
    state.parsed = last.parsed;
    return last.parsed;
  }
  const first = text.trimStart().charAt(0);
  if (first !== '{' && first !== '[') {
    state.parsed = { json: false, value: text };
    return state.parsed;
  }
  try {
    state.parsed = { json: true, value: parseJavaJson(text) };
    if (state.cache.reuseBody) state.cache.last = { body: text, parsed: state.parsed };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new TemplateRuntimeError(
      'VTL_INVALID_JSON_BODY',
      `Could not parse request body into json: ${error.message}`,
      'Send a JSON body, or read it with $input.body; API Gateway answers 400 {"message": "Could not parse request body into json: …"}.',
      { body: text.length > 200 ? `${text.slice(0, 200)}…` : text },
    );
  }
  return state.parsed;
}

function evaluate(state: InputState, path: string): unknown {
  const doc = document(state);
  const c = compiled(state, path);
  if (!doc.json) return c.steps.length === 0 ? doc.value : c.definite ? null : evaluatePath(c, null);
  return evaluatePath(c, doc.value);
}

function paramsMap(state: InputState): Map<unknown, unknown> {
  if (!state.paramsMap) {
    const p = state.params;
    state.paramsMap = new Map<unknown, unknown>([
      ['path', toMap(p?.path)],
      ['querystring', toMap(p?.querystring)],
      ['header', toMap(p?.header)],
    ]);
  }
  return state.paramsMap;
}

function toMap(record: Readonly<Record<string, string>> | undefined): Map<unknown, unknown> {
  const map = new Map<unknown, unknown>();
  if (record) for (const key of Object.keys(record)) map.set(key, record[key]);
  return map;
}

/** `$input.params('x')`: path, then query string, then header (header names case-insensitively); `""` if absent. */
function param(state: InputState, name: string): string {
  const p = state.params;
  const hit = own(p?.path, name) ?? own(p?.querystring, name) ?? own(p?.header, name);
  if (hit !== undefined) return hit;
  const headers = p?.header;
  if (headers) {
    const lower = name.toLowerCase();
    for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) return headers[key]!;
  }
  return '';
}

function own(record: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  return record && Object.hasOwn(record, name) ? record[name] : undefined;
}

const str = (v: unknown): v is string => typeof v === 'string';

const INPUT_SPEC: HostSpec<InputState> = {
  name: '$input',
  properties: new Map([['body', (s: InputState) => s.body]]),
  methods: new Map<string, (s: InputState, args: readonly unknown[]) => unknown>([
    ['json', (s, [p]) => (str(p) ? jsonOf(evaluate(s, p)) : NO_METHOD)],
    ['path', (s, [p]) => (str(p) ? evaluate(s, p) : NO_METHOD)],
    [
      'params',
      (s, args) => (args.length === 0 ? paramsMap(s) : str(args[0]) ? param(s, args[0]) : NO_METHOD),
    ],
  ]),
};

/** `$input.json` of a miss is null (prints nothing); anything else is its JSON text. */
function jsonOf(value: unknown): string | null {
  return value === null ? null : toJsonText(value);
}

/** Creates `$input` for one render. */
export function createInput(
  body: string | null,
  params: MappingParams | undefined,
  cache: InputCache,
): HostObject<InputState> {
  // AWS: a request without a body (or with an empty one) reads as `{}`.
  return new HostObject(INPUT_SPEC, {
    body: body === null || body === undefined || body === '' ? '{}' : body,
    params,
    cache,
  });
}
