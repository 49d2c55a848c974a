import { InvalidInputError, TemplateError } from '../errors/families.js';
import { isTestkitError } from '../errors/testkit-error.js';
import { analyze, type TemplateFacts } from './compile/analyze.js';
import { compileBody } from './compile/compile-statements.js';
import type { RenderState } from './compile/state.js';
import { TemplateRuntimeError } from './errors.js';
import type { SilentMap } from './java/values.js';
import type { CompiledPath } from './json-path.js';
import { parseTemplate } from './parser/template-parser.js';
import { buildContext, type ContextMemo, readOverrides } from './runtime/context.js';
import { createInput, type InputCache } from './runtime/input.js';
import { toJava } from './runtime/to-java.js';
import { createUtil } from './runtime/util.js';
import type { CompiledTemplate, MappingInput, RenderResult } from './types.js';

/** API Gateway's mapping template size quota: 300 KB. */
export const MAX_TEMPLATE_BYTES = 300 * 1024;
const INPUT_KEYS = new Set(['body', 'params', 'stageVariables', 'context']);

function byteLength(s: string): number {
  if (s.length * 3 <= MAX_TEMPLATE_BYTES) return s.length;
  return new TextEncoder().encode(s).length;
}

/**
 * Parses a mapping template once and returns a compiled template that renders any number of inputs the way
 * API Gateway (Velocity 1.7 with AWS's null handling and `$input`/`$util`/`$context`) does.
 *
 * @example
 * ```ts
 * import { compileTemplate } from 'apigw-testkit/vtl';
 * const template = compileTemplate('{"name": "$input.path(\'$.name\')"}');
 * template.render({ body: '{"name":"Rex"}' }).output; // {"name": "Rex"}
 * ```
 */
export function compileTemplate(template: string): CompiledTemplate {
  if (typeof template !== 'string') {
    throw new InvalidInputError(
      'VTL_TEMPLATE_NOT_STRING',
      `compileTemplate: the template must be a string, got ${typeof template}`,
      'Pass the template text.',
    );
  }
  const bytes = byteLength(template);
  if (bytes > MAX_TEMPLATE_BYTES) {
    throw new TemplateError(
      'VTL_TEMPLATE_TOO_LARGE',
      `Mapping template is ${bytes} bytes, over API Gateway's 300 KB (${MAX_TEMPLATE_BYTES} bytes) quota`,
      'Split the template or move logic into the integration; API Gateway refuses templates over 300 KB.',
      { bytes },
    );
  }
  let run: (s: RenderState) => void;
  let facts: TemplateFacts;
  try {
    const ast = parseTemplate(template);
    facts = analyze(ast);
    run = compileBody(ast, template, facts.roots.has('velocityCount') || facts.roots.has('velocityHasNext'));
  } catch (error) {
    if (error instanceof RangeError) {
      throw new TemplateError(
        'VTL_TEMPLATE_TOO_DEEP',
        'Mapping template nests too deeply to parse',
        'Reduce the nesting of directives and parentheses.',
      );
    }
    throw error;
  }
  const usesInput = facts.roots.has('input');
  const usesUtil = facts.roots.has('util');
  const usesContext = facts.roots.has('context');
  // Only the $context entries the template names are built; the override maps always, as the render's
  // overrides are read back from them.
  const contextKeys =
    facts.contextKeys === null
      ? null
      : new Set([...facts.contextKeys, 'requestOverride', 'responseOverride']);
  const contextMemo: ContextMemo = {};
  const usesStage = facts.roots.has('stageVariables');
  const util = createUtil();
  // Per-template caches: compiled JSONPaths, and the last parsed body when the template cannot change it.
  const cache: InputCache = { paths: new Map<string, CompiledPath>(), reuseBody: !facts.mayMutate };
  return {
    source: template,
    render(input: MappingInput): RenderResult {
      checkInput(input);
      const vars = new Map<string, unknown>();
      if (usesInput) vars.set('input', createInput(input.body, input.params, cache));
      if (usesUtil) vars.set('util', util);
      let context: SilentMap | undefined;
      if (usesContext) {
        context = buildContext(input, contextMemo, contextKeys);
        vars.set('context', context);
      }
      if (usesStage) vars.set('stageVariables', toJava(input.stageVariables ?? {}));
      const s: RenderState = { vars, out: '', halt: 0, loops: 0 };
      try {
        run(s);
      } catch (error) {
        if (isTestkitError(error)) throw error;
        throw new TemplateRuntimeError(
          'VTL_RENDER_FAILED',
          `Mapping template failed while rendering: ${error instanceof Error ? error.message : String(error)}`,
          'Simplify the template around the failing expression.',
        );
      }
      return { output: s.out, overrides: readOverrides(context, input) };
    },
  };
}

function checkInput(input: MappingInput): void {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidInputError(
      'VTL_INVALID_INPUT',
      'render: the input must be an object like { body: string | null }',
      'Pass { body, params?, stageVariables?, context? }.',
    );
  }
  for (const key in input) {
    if (!INPUT_KEYS.has(key)) {
      throw new InvalidInputError(
        'UNKNOWN_OPTION',
        `render: unknown input key "${key}"`,
        'Accepted keys: body, params, stageVariables, context.',
        { option: key },
      );
    }
  }
  if (input.body !== null && input.body !== undefined && typeof input.body !== 'string') {
    throw new InvalidInputError(
      'VTL_INVALID_INPUT',
      `render: body must be a string or null, got ${typeof input.body}`,
      'Pass the raw payload text (JSON.stringify objects first).',
    );
  }
}

const CACHE_LIMIT = 500;
// A memo of compiled templates keyed by their text. It holds no state a render can observe (a compiled
// template is a pure function of its text), so it is the one module-level cache we allow ourselves.
const cache = new Map<string, CompiledTemplate>();

/**
 * Renders a template against one input, compiling it on first use (compiled templates are cached by text).
 *
 * @example
 * ```ts
 * import { renderTemplate } from 'apigw-testkit/vtl';
 * renderTemplate('$input.params(\'id\')', { body: null, params: { path: { id: '7' } } }).output; // '7'
 * ```
 */
export function renderTemplate(template: string, input: MappingInput): RenderResult {
  let compiled = cache.get(template);
  if (!compiled) {
    compiled = compileTemplate(template);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(template, compiled);
  }
  return compiled.render(input);
}
