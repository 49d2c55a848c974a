import { InvalidInputError } from '../../errors/families.js';
import type { ImportOptions } from '../../gateway/definitions/types.js';
import { type FlagSpec, formatHelp, parseArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { DEFINITION_FLAGS, importOptionsOf } from './definition-flags.js';

const SPEC: Record<string, FlagSpec> = {
  'api-type': DEFINITION_FLAGS['api-type']!,
  basepath: {
    type: 'string',
    value: 'ignore|prepend|split',
    description: 'OpenAPI only: base path mode (default ignore)',
  },
  parameter: DEFINITION_FLAGS.parameter!,
  region: DEFINITION_FLAGS.region!,
  json: { type: 'boolean', description: 'Print the route tables and warnings as JSON' },
};

const SUMMARY =
  'Prints the route table an OpenAPI/Swagger document or a SAM/CloudFormation/CDK template imports to: method, path, ' +
  'integration, authorizer and API key per route, then the import warnings. No code is loaded. Exit code 1 when ' +
  'the definition would be refused.';

/** `apigw-testkit routes <definition> [--api-type HTTP] [--basepath split] [--parameter Name=value] [--json]`. */
export const routesCommand: CliCommand = {
  name: 'routes',
  summary: 'Print the route table a definition (OpenAPI, SAM, CloudFormation, CDK) imports to',
  help: formatHelp('apigw-testkit routes <definition> [options]', SUMMARY, SPEC),
  run: async (argv, io) => {
    const { positionals, flags } = parseArgs('routes', argv, SPEC);
    if (positionals.length !== 1) {
      throw new InvalidInputError(
        'CLI_USAGE',
        `apigw-testkit routes: expects one definition file, got ${positionals.length}`,
        'Write: apigw-testkit routes template.yaml',
      );
    }
    const options: ImportOptions = { ...(await importOptionsOf('routes', flags, io.cwd)), baseDir: io.cwd };
    const basepath = flags.basepath;
    if (typeof basepath === 'string') {
      if (basepath !== 'ignore' && basepath !== 'prepend' && basepath !== 'split') {
        throw usage('--basepath is ignore, prepend or split', basepath);
      }
      options.basepath = basepath;
    }
    const { describeDefinition, formatRouteTable } = await import('../../gateway/definitions/index.js');
    const description = await describeDefinition(positionals[0]!, options);
    io.stdout(
      flags.json === true ? `${JSON.stringify(description, null, 2)}\n` : formatRouteTable(description),
    );
    return 0;
  },
};

function usage(what: string, value: string): InvalidInputError {
  return new InvalidInputError(
    'CLI_USAGE',
    `apigw-testkit routes: ${what}, got "${value}"`,
    'Run "apigw-testkit routes --help".',
  );
}
