import { writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InvalidInputError } from '../../errors/families.js';
import { createGateway } from '../../gateway/create-gateway.js';
import type { GatewayOptions } from '../../gateway/types.js';
import { type FlagSpec, formatHelp, parseArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { DEFINITION_FLAGS, importOptionsOf, pickApi } from './definition-flags.js';

const SPEC: Record<string, FlagSpec> = {
  format: { type: 'string', value: 'oas30|swagger', description: 'OpenAPI 3.0 (default) or Swagger 2.0' },
  extensions: {
    type: 'string',
    value: 'none|integrations|apigateway',
    description:
      'Which x-amazon-apigateway-* extensions to write (REST default none, HTTP default apigateway)',
  },
  output: { type: 'string', value: 'json|yaml', description: 'Serialisation (default json)' },
  out: { type: 'string', value: 'file', description: 'Write to this file instead of standard output' },
  ...DEFINITION_FLAGS,
};

const SUMMARY =
  'Exports the API of a definition (OpenAPI, SAM, CloudFormation, CDK) the way API Gateway exports a deployed stage: ' +
  'OpenAPI 3.0 or Swagger 2.0 with the extensions asked for. No handler is loaded or called.';

/** `apigw-testkit export <definition> [--format swagger] [--extensions apigateway] [--output yaml] [--out file]`. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export a definition’s API as OpenAPI 3.0 or Swagger 2.0, as API Gateway exports a stage',
  help: formatHelp('apigw-testkit export <definition> [options]', SUMMARY, SPEC),
  run: async (argv, io) => {
    const { positionals, flags } = parseArgs('export', argv, SPEC);
    if (positionals.length !== 1) {
      throw usage(
        `expects one definition file, got ${positionals.length}`,
        'Write: apigw-testkit export template.yaml',
      );
    }
    const format = flags.format ?? 'oas30';
    const extensions = flags.extensions;
    const output = flags.output ?? 'json';
    if (format !== 'oas30' && format !== 'swagger')
      throw usage(`--format is oas30 or swagger, got "${String(format)}"`);
    if (extensions !== undefined && !['none', 'integrations', 'apigateway'].includes(String(extensions))) {
      throw usage(`--extensions is none, integrations or apigateway, got "${String(extensions)}"`);
    }
    if (output !== 'json' && output !== 'yaml')
      throw usage(`--output is json or yaml, got "${String(output)}"`);
    const options = await importOptionsOf('export', flags, io.cwd);
    const { exportOpenApi, importDefinition } = await import('../../gateway/definitions/index.js');
    // Export never calls a function: every one gets a stand-in instead of its code.
    const imported = await importDefinition(positionals[0]!, {
      ...options,
      baseDir: io.cwd,
      loadHandlers: false,
      defaultHandler: async () => ({ statusCode: 501 }),
    });
    const api = pickApi('export', imported.apis, typeof flags.api === 'string' ? flags.api : undefined);
    if (api.apiType === 'WEBSOCKET') throw usage('WebSocket APIs have no OpenAPI export (as on AWS)');
    const spec = exportOpenApi(createGateway(api.options as GatewayOptions), {
      format,
      ...(extensions === undefined
        ? {}
        : { extensions: extensions as 'none' | 'integrations' | 'apigateway' }),
    });
    const text =
      output === 'yaml' ? (await import('yaml')).stringify(spec) : `${JSON.stringify(spec, null, 2)}\n`;
    if (typeof flags.out === 'string') {
      writeFileSync(isAbsolute(flags.out) ? flags.out : resolve(io.cwd, flags.out), text);
    } else io.stdout(text);
    return 0;
  },
};

function usage(problem: string, hint = 'Run "apigw-testkit export --help".'): InvalidInputError {
  return new InvalidInputError('CLI_USAGE', `apigw-testkit export: ${problem}`, hint);
}
