import * as fc from 'fast-check';
import { InvalidInputError } from '../errors/index.js';
import { compileTemplate, type MappingInput, type RenderResult } from '../vtl/index.js';
import type { BodyShape } from './body-shape.js';
import { MAPPING_INPUT_KEYS, mappingInputFrom } from './mapping-input.js';
import { arbitraryOption, intOption, invalidOption, readOptions } from './options.js';
import { TemplateCheckError } from './template-check-error.js';
import { describeFailure, type TemplateCheckReport } from './template-check-report.js';

/**
 * Options of the template checks.
 *
 * @example
 * ```ts
 * assertTemplateRendersJson(template, { numRuns: 1000, seed: 42, bodyShape: { name: 'string' }, phase: 'response' });
 * ```
 */
export interface TemplateCheckOptions {
  /** How many generated inputs to try. Default 100. */
  numRuns?: number;
  /** fast-check seed (a 32-bit integer); default: fast-check picks one and the report gives it. */
  seed?: number;
  /** fast-check counterexample path from a failure report, to replay that case (use with `seed`). */
  path?: string;
  /** Inputs to use instead of the generated ones (then `body`, `bodyShape` and `phase` do not apply). */
  input?: fc.Arbitrary<MappingInput>;
  /** Bodies to use (see `mappingInput`). */
  body?: fc.Arbitrary<string | null>;
  /** Shape of the generated JSON bodies (see `mappingInput`). */
  bodyShape?: BodyShape;
  /** `'request'` (default) or `'response'` template (see `mappingInput`). */
  phase?: 'request' | 'response';
}

/**
 * A property of one render: return `false` or throw to fail (e.g. with vitest's `expect`); anything else passes.
 *
 * @example
 * ```ts
 * const echoesStage: TemplateProperty = ({ output }, input) => JSON.parse(output).stage === input.context?.stage;
 * ```
 */
export type TemplateProperty = (rendered: RenderResult, input: MappingInput) => unknown;

/** The option names every template check accepts. */
export const TEMPLATE_CHECK_KEYS: readonly string[] = [
  'numRuns',
  'seed',
  'path',
  'input',
  ...MAPPING_INPUT_KEYS.filter((k) => k !== 'template'),
];

/** Settings of a check with every default completed (the one place defaults are decided). */
interface CheckSettings {
  input: fc.Arbitrary<MappingInput>;
  params: fc.Parameters<[MappingInput]>;
}

function settings(where: string, template: string, options: unknown): CheckSettings {
  const o = readOptions(where, options, TEMPLATE_CHECK_KEYS);
  const numRuns = intOption(where, o, 'numRuns', 100, 1, 10_000_000);
  const params: fc.Parameters<[MappingInput]> = { numRuns };
  if (o.seed !== undefined) params.seed = intOption(where, o, 'seed', 0, -0x80000000, 0xffffffff);
  if (o.path !== undefined) {
    if (typeof o.path !== 'string' || !/^\d+(:\d+)*$/.test(o.path)) {
      throw invalidOption(where, 'path', o.path, 'Pass the path from a failure report, e.g. "3:1:0"');
    }
    params.path = o.path;
  }
  const given = arbitraryOption<MappingInput>(where, o, 'input');
  if (given !== undefined) {
    for (const key of ['body', 'bodyShape', 'phase']) {
      if (o[key] !== undefined)
        throw invalidOption(where, key, o[key], 'Drop it: a custom input arbitrary decides the whole input');
    }
    return { input: given, params };
  }
  const { numRuns: _n, seed: _s, path: _p, input: _i, ...inputOptions } = o;
  return { input: mappingInputFrom(where, { ...inputOptions, template }), params };
}

/**
 * Renders `template` (compiled once) for many generated inputs and checks `property` on every render.
 * Returns a report (never throws for a failing property); the failure carries the shrunk input, the
 * rendered output, the seed and the path to replay. A template that does not parse throws
 * `TemplateSyntaxError` at once.
 *
 * @example
 * ```ts
 * import { checkTemplate } from 'apigw-testkit/fast-check';
 * const report = checkTemplate('$input.params(\'id\')', ({ output }) => !output.includes('$'), { numRuns: 200 });
 * report.ok; // false: parameter values may contain '$' and are printed verbatim
 * ```
 */
export function checkTemplate(
  template: string,
  property: TemplateProperty,
  options?: TemplateCheckOptions,
): TemplateCheckReport {
  return runCheck('checkTemplate', template, property, options);
}

/**
 * Like {@link checkTemplate} but throws a {@link TemplateCheckError} (code `TEMPLATE_CHECK_FAILED`) whose
 * message shows the shrunk input, the rendered output, the seed and the path to replay.
 *
 * @example
 * ```ts
 * import { assertTemplate } from 'apigw-testkit/fast-check';
 * assertTemplate('$input.json(\'$.name\')', ({ output }) => output.length > 0);
 * ```
 */
export function assertTemplate(
  template: string,
  property: TemplateProperty,
  options?: TemplateCheckOptions,
): void {
  throwIfFailed(runCheck('assertTemplate', template, property, options), 'Template check');
}

/** Runs a check under the name of the public function that was called. */
export function runCheck(
  where: string,
  template: string,
  property: TemplateProperty,
  options: unknown,
): TemplateCheckReport {
  if (typeof template !== 'string')
    throw invalidOption(where, 'template', template, 'Pass the template text as a string');
  if (typeof property !== 'function')
    throw invalidOption(where, 'property', property, 'Pass a function (rendered, input) => boolean | void');
  const s = settings(where, template, options);
  const compiled = compileTemplate(template);
  const run = (input: MappingInput): void => {
    const rendered = compiled.render(input);
    const verdict: unknown = property(rendered, input);
    if (verdict === false) throw new PropertyFalse();
    if (verdict instanceof Promise) {
      throw new InvalidInputError(
        'TEMPLATE_CHECK_ASYNC_PROPERTY',
        `${where}: the property returned a Promise`,
        'Template properties are synchronous: check the rendered output directly, without await',
      );
    }
  };
  const details = fc.check(fc.property(s.input, run), s.params);
  if (!details.failed || details.counterexample === null) {
    return { ok: true, template, numRuns: details.numRuns, seed: details.seed };
  }
  const error = details.errorInstance;
  if (error instanceof InvalidInputError && error.code === 'TEMPLATE_CHECK_ASYNC_PROPERTY') throw error;
  const [input] = details.counterexample;
  let output: string | undefined;
  try {
    output = compiled.render(input).output;
  } catch {
    output = undefined;
  }
  return {
    ok: false,
    template,
    numRuns: details.numRuns,
    seed: details.seed,
    failure: {
      input,
      output,
      reason: reasonOf(error, output),
      error,
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      numShrinks: details.numShrinks,
    },
  };
}

/** Throws the {@link TemplateCheckError} of a failed report. */
export function throwIfFailed(report: TemplateCheckReport, what: string): void {
  if (report.ok) return;
  const { problem, hint } = describeFailure(report, what);
  throw new TemplateCheckError(problem, hint, report);
}

class PropertyFalse extends Error {
  constructor() {
    super('the property returned false');
  }
}

function reasonOf(error: unknown, output: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  if (output === undefined) return `rendering failed: ${message}`;
  return message;
}
