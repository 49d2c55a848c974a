import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidInputError } from '../../errors/families.js';
import { compileTemplate } from '../../vtl/compile-template.js';
import { TemplateSyntaxError } from '../../vtl/errors.js';
import { mappingInputFromEvent } from '../../vtl/mapping-input.js';
import type { MappingContext, MappingInput } from '../../vtl/types.js';
import { type FlagSpec, formatHelp, parseArgs, splitPairs } from '../args.js';
import type { CliCommand, CliIo } from '../command.js';

const USAGE =
  'apigw-testkit render <template-file> [--event event.json | --body <text> --header k:v --query k=v --path k=v] [--stage-var k=v] [--context k=v]';
const SUMMARY = 'Render a REST mapping template (VTL) the way API Gateway does and print the output.';
const SPEC: Record<string, FlagSpec> = {
  event: {
    type: 'string',
    value: 'file',
    description: 'REST proxy event (payload 1.0) JSON to take the request from ("-" = stdin)',
  },
  body: { type: 'string', value: 'text', description: 'Request body text' },
  header: { type: 'string', multiple: true, value: 'k:v', description: 'Request header' },
  query: { type: 'string', multiple: true, value: 'k=v', description: 'Query string parameter' },
  path: { type: 'string', multiple: true, value: 'k=v', description: 'Path parameter' },
  'stage-var': { type: 'string', multiple: true, value: 'k=v', description: 'Stage variable' },
  context: {
    type: 'string',
    multiple: true,
    value: 'k=v',
    description: '$context value; dotted keys nest (identity.sourceIp=…)',
  },
  json: { type: 'boolean', description: 'Print {"output", "overrides"} as JSON instead of the bare output' },
};

async function readText(io: CliIo, file: string): Promise<string> {
  if (file === '-') return io.readStdin();
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      'CLI_USAGE',
      `apigw-testkit render: cannot read ${file}: ${(error as Error).message}`,
      'Check the path.',
    );
  }
}

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
const record = (pairs: [string, string][]): Record<string, string> => Object.fromEntries(pairs);

function contextOf(pairs: [string, string][]): MappingContext {
  const context: Record<string, unknown> = {};
  for (const [key, raw] of pairs) {
    const value: unknown =
      key === 'requestTimeEpoch' ? Number(raw) : key === 'isCanaryRequest' ? raw === 'true' : raw;
    const parts = key.split('.');
    let node = context;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = value;
  }
  return context as MappingContext;
}

async function buildInput(
  io: CliIo,
  flags: Record<string, string | boolean | string[]>,
): Promise<MappingInput> {
  const extra = {
    stageVariables: record(splitPairs('render', 'stage-var', list(flags['stage-var']), '=')),
    context: contextOf(splitPairs('render', 'context', list(flags.context), '=')),
  };
  if (typeof flags.event === 'string') {
    for (const f of ['body', 'header', 'query', 'path']) {
      if (flags[f] !== undefined)
        throw new InvalidInputError(
          'CLI_USAGE',
          `apigw-testkit render: --event and --${f} cannot be combined`,
          'Put the request in the event file, or drop --event.',
        );
    }
    const text = await readText(io, flags.event);
    let event: Parameters<typeof mappingInputFromEvent>[0];
    try {
      event = JSON.parse(text);
    } catch (error) {
      throw new InvalidInputError(
        'CLI_USAGE',
        `apigw-testkit render: ${flags.event} is not JSON (${(error as Error).message})`,
        'Pass a proxy event JSON file, e.g. from "apigw-testkit event".',
      );
    }
    const input = mappingInputFromEvent(event);
    return {
      ...input,
      stageVariables: { ...input.stageVariables, ...extra.stageVariables },
      context: { ...input.context, ...extra.context },
    };
  }
  return {
    body: typeof flags.body === 'string' ? flags.body : null,
    params: {
      header: record(splitPairs('render', 'header', list(flags.header), ':')),
      querystring: record(splitPairs('render', 'query', list(flags.query), '=')),
      path: record(splitPairs('render', 'path', list(flags.path), '=')),
    },
    ...extra,
  };
}

function hasOverrides(o: ReturnType<ReturnType<typeof compileTemplate>['render']>['overrides']): boolean {
  const { requestOverride: q, responseOverride: r } = o;
  return (
    r.status !== undefined ||
    [q.header, q.path, q.querystring, r.header].some((m) => Object.keys(m).length > 0)
  );
}

/** `apigw-testkit render`: renders a mapping template from the command line. */
export const renderCommand: CliCommand = {
  name: 'render',
  summary: SUMMARY,
  help: formatHelp(USAGE, SUMMARY, SPEC),
  run: async (argv, io) => {
    const { positionals, flags } = parseArgs('render', argv, SPEC);
    const [file, ...rest] = positionals;
    if (file === undefined || rest.length > 0) {
      throw new InvalidInputError(
        'CLI_USAGE',
        'apigw-testkit render: expected exactly one template file',
        `Usage: ${USAGE}`,
      );
    }
    const source = await readText(io, file);
    let template: ReturnType<typeof compileTemplate>;
    try {
      template = compileTemplate(source);
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      // Compiler style (file:line:column:) so editors and terminals can jump to the spot.
      const [first = '', ...excerpt] = error.message.split('\n');
      const problem = first.replace(/ at line \d+, column \d+/, '');
      io.stderr(`${file}:${error.line}:${error.column}: ${problem} [${error.code}]\n${excerpt.join('\n')}\n`);
      return 1;
    }
    const result = template.render(await buildInput(io, flags));
    if (flags.json === true) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      io.stdout(result.output);
      if (hasOverrides(result.overrides)) io.stderr(`overrides: ${JSON.stringify(result.overrides)}\n`);
    }
    return 0;
  },
};
