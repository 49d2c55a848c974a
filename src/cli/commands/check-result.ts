import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidInputError } from '../../errors/families.js';
import { formatProxyResultReport } from '../../response/format-report.js';
import type { ApiType, PayloadFormat, ValidateProxyResultOptions } from '../../response/types.js';
import { validateProxyResult } from '../../response/validate-proxy-result.js';
import { type FlagSpec, formatHelp, parseArgs } from '../args.js';
import type { CliCommand, CliIo } from '../command.js';

const SPEC: Record<string, FlagSpec> = {
  'payload-format': { type: 'string', value: '1.0|2.0', description: 'Payload format version (default 1.0)' },
  'api-type': {
    type: 'string',
    value: 'REST|HTTP',
    description: 'API type (default REST for 1.0, HTTP for 2.0)',
  },
  accept: {
    type: 'string',
    value: 'media-range',
    description: "The request's Accept header (REST binary decoding)",
  },
  'binary-media-type': {
    type: 'string',
    multiple: true,
    value: 'type/subtype',
    description: "An entry of the REST API's binaryMediaTypes",
  },
  json: { type: 'boolean', description: 'Print the report as JSON instead of text' },
};

const SUMMARY =
  'Checks a Lambda proxy result (the JSON the function returned) the way API Gateway does: prints the issues ' +
  'and what the client would receive. Exit code 1 when API Gateway would reject it (502 REST / 500 HTTP API).';

/** `apigw-testkit check-result <file|-> [--payload-format 2.0] [--accept ...] [--binary-media-type ...]`. */
export const checkResultCommand: CliCommand = {
  name: 'check-result',
  summary: 'Say whether API Gateway accepts a Lambda proxy result, and what the client gets',
  help: formatHelp('apigw-testkit check-result <file|-> [options]', SUMMARY, SPEC),
  run: async (argv, io) => {
    const { positionals, flags } = parseArgs('check-result', argv, SPEC);
    if (positionals.length !== 1) {
      throw usage(
        `expects one file (or - for standard input), got ${positionals.length}`,
        'Write: apigw-testkit check-result result.json',
      );
    }
    const source = positionals[0]!;
    const text = await readSource(source, io);
    let result: unknown;
    try {
      result = JSON.parse(text);
    } catch (error) {
      throw usage(
        `${source === '-' ? 'standard input' : source} is not JSON (${(error as Error).message})`,
        'Give the exact JSON the function returned',
      );
    }
    const options: ValidateProxyResultOptions = {};
    if (typeof flags['payload-format'] === 'string')
      options.payloadFormat = flags['payload-format'] as PayloadFormat;
    if (typeof flags['api-type'] === 'string') options.apiType = flags['api-type'].toUpperCase() as ApiType;
    const binaryMediaTypes = flags['binary-media-type'] as string[] | undefined;
    if (typeof flags.accept === 'string' || binaryMediaTypes) {
      options.request = {
        ...(typeof flags.accept === 'string' ? { accept: flags.accept } : {}),
        ...(binaryMediaTypes ? { binaryMediaTypes } : {}),
      };
    }
    const report = validateProxyResultForCli(result, options);
    if (flags.json === true) {
      const { bodyBytes, ...response } = report.response;
      const shown = bodyBytes
        ? { ...response, bodyBase64: Buffer.from(bodyBytes).toString('base64') }
        : response;
      io.stdout(`${JSON.stringify({ ...report, response: shown }, null, 2)}\n`);
    } else {
      io.stdout(`${formatProxyResultReport(report)}\n`);
    }
    return report.ok ? 0 : 1;
  },
};

function validateProxyResultForCli(result: unknown, options: ValidateProxyResultOptions) {
  try {
    return validateProxyResult(result, options);
  } catch (error) {
    // Option mistakes are usage errors on the command line.
    if (error instanceof InvalidInputError) throw usage(error.message.replace(/\.$/, ''), 'Run with --help');
    throw error;
  }
}

async function readSource(source: string, io: CliIo): Promise<string> {
  if (source === '-') return io.readStdin();
  try {
    return await readFile(resolve(io.cwd, source), 'utf8');
  } catch (error) {
    throw usage(
      `cannot read ${source} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'Check the path',
    );
  }
}

function usage(problem: string, hint: string): InvalidInputError {
  return new InvalidInputError('CLI_USAGE', `apigw-testkit check-result: ${problem}`, `${hint}.`);
}
