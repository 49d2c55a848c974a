import { formatValue } from '../errors/format-value.js';
import type { MappingInput } from '../vtl/index.js';

/**
 * Result of `checkTemplate` / `checkTemplateRendersJson`: `check` returns it, `assert` throws with it.
 *
 * @example
 * ```ts
 * const report = checkTemplateRendersJson(template);
 * if (!report.ok) console.log(report.failure?.input.body, report.failure?.output, report.seed, report.failure?.path);
 * ```
 */
export interface TemplateCheckReport {
  /** True when every generated input satisfied the property. */
  ok: boolean;
  /** The template that was checked. */
  template: string;
  /** Inputs tried (including the failing one). */
  numRuns: number;
  /** The seed of the run; pass it back as `seed` (with `path`) to replay. */
  seed: number;
  /** The shrunk counterexample, when `ok` is false. */
  failure?: TemplateCheckFailure;
}

/** The smallest failing input fast-check found, and what the template made of it. */
export interface TemplateCheckFailure {
  /** The shrunk input. */
  input: MappingInput;
  /** What the template rendered for it; `undefined` when rendering itself failed. */
  output: string | undefined;
  /** Why the property failed (its error message, or why the output was rejected). */
  reason: string;
  /** The error the property (or the renderer) threw. */
  error: unknown;
  /** The seed to replay with. */
  seed: number;
  /** fast-check's counterexample path: pass `{ seed, path }` to re-run exactly this case first. */
  path: string;
  /** How many times the failing input was shrunk. */
  numShrinks: number;
}

/** The problem sentence and the multi-line details of a failed report, for the thrown error. */
export function describeFailure(
  report: TemplateCheckReport,
  what: string,
): { problem: string; hint: string } {
  const f = report.failure;
  if (!f) return { problem: `${what} held`, hint: '' };
  const lines = [
    `${what} failed after ${report.numRuns} run${report.numRuns === 1 ? '' : 's'} (shrunk ${f.numShrinks} time${f.numShrinks === 1 ? '' : 's'}): ${f.reason}`,
    '',
    'Shrunk input:',
    ...describeInput(f.input).map((line) => `  ${line}`),
    '',
    f.output === undefined ? 'Rendered output: (rendering failed)' : 'Rendered output:',
    ...(f.output === undefined
      ? []
      : [...indent(f.output), `  (as a JSON string: ${formatValue(f.output)})`]),
    '',
    `Replay: { seed: ${f.seed}, path: ${formatValue(f.path)} }`,
  ];
  return {
    problem: lines.join('\n'),
    hint: "Pass the replay seed and path in the options to re-run exactly this case; JSON string values are safest written with $input.json('$.x') (it quotes and escapes) rather than \"$input.path('$.x')\"",
  };
}

/** One line per part of the input; strings shown as JSON literals so quotes and control characters are visible. */
function describeInput(input: MappingInput): string[] {
  const out = [`body: ${input.body === null ? 'null (no body)' : JSON.stringify(input.body)}`];
  if (input.params) out.push(`params: ${formatValue(input.params)}`);
  if (input.stageVariables !== undefined) out.push(`stageVariables: ${formatValue(input.stageVariables)}`);
  if (input.context) out.push(`context: ${formatValue(input.context)}`);
  return out;
}

function indent(text: string): string[] {
  const lines = text.split('\n');
  const shown = lines.length > 40 ? [...lines.slice(0, 40), `… (${lines.length - 40} more lines)`] : lines;
  return shown.map((line) => `  | ${line}`);
}
