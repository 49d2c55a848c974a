import { isAbsolute, resolve } from 'node:path';
import { InvalidInputError } from '../../errors/families.js';
import type { ImportedApi, ImportOptions } from '../../gateway/definitions/types.js';
import type { LambdaHandler } from '../../gateway/types.js';
import { type FlagSpec, splitPairs } from '../args.js';
import { importUserModule } from '../load-module.js';

/** Flags of the commands that read a definition (`serve`, `export`). */
export const DEFINITION_FLAGS: Record<string, FlagSpec> = {
  handlers: {
    type: 'string',
    value: 'module',
    description:
      'Definitions: a module whose exports (or default export object) are handlers keyed by function name, logical id or operationId',
  },
  api: {
    type: 'string',
    value: 'name',
    description: 'Definitions: the API to use when the file holds several',
  },
  stage: {
    type: 'string',
    value: 'name',
    description: 'Definitions: the declared stage to serve (default: the first)',
  },
  'api-type': {
    type: 'string',
    value: 'REST|HTTP',
    description: 'OpenAPI only: import into a REST (default) or HTTP API',
  },
  parameter: {
    type: 'string',
    multiple: true,
    value: 'Name=value',
    description: 'Template parameter override',
  },
  region: { type: 'string', value: 'region', description: 'AWS::Region (default us-east-1)' },
};

/** True for the files `serve` and `export` read as definitions rather than modules. */
export function isDefinitionFile(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}

/** Import options from the flags; `--handlers` is loaded like any user module (TypeScript too). */
export async function importOptionsOf(
  command: string,
  flags: Record<string, string | boolean | string[] | undefined>,
  cwd: string,
): Promise<ImportOptions> {
  const options: ImportOptions = {};
  const apiType = flags['api-type'];
  if (typeof apiType === 'string') {
    const upper = apiType.toUpperCase();
    if (upper !== 'REST' && upper !== 'HTTP')
      throw usage(command, `--api-type is REST or HTTP, got "${apiType}"`);
    options.apiType = upper;
  }
  if (typeof flags.region === 'string') options.region = flags.region;
  if (typeof flags.stage === 'string') options.stage = flags.stage;
  const parameters = flags.parameter as string[] | undefined;
  if (parameters) options.parameters = Object.fromEntries(splitPairs(command, 'parameter', parameters, '='));
  if (typeof flags.handlers === 'string') {
    const file = isAbsolute(flags.handlers) ? flags.handlers : resolve(cwd, flags.handlers);
    const mod = await importUserModule(command, file, cwd);
    const source = typeof mod.default === 'object' && mod.default !== null ? mod.default : mod;
    const handlers = Object.fromEntries(
      Object.entries(source as Record<string, unknown>).filter(([, value]) => typeof value === 'function'),
    ) as Record<string, LambdaHandler>;
    if (Object.keys(handlers).length === 0) {
      throw new InvalidInputError(
        'CLI_USAGE',
        `apigw-testkit ${command}: ${file} exports no handler functions`,
        'Export each handler under its function name (export const getPet = async (event) => …) or default-export an object of them.',
      );
    }
    options.handlers = handlers;
  }
  return options;
}

/** The API to serve or export: `--api`, else the only REST/HTTP API (a WebSocket API when there is no other). */
export function pickApi(
  command: string,
  apis: readonly ImportedApi[],
  wanted: string | undefined,
): ImportedApi {
  if (wanted !== undefined) {
    const found = apis.find((a) => a.logicalId === wanted || a.name === wanted);
    if (found) return found;
  } else {
    const http = apis.filter((a) => a.apiType !== 'WEBSOCKET');
    if (http.length === 1) return http[0]!;
    if (http.length === 0 && apis.length === 1) return apis[0]!;
  }
  throw new InvalidInputError(
    'CLI_USAGE',
    `apigw-testkit ${command}: ${wanted === undefined ? `the definition holds ${apis.length} APIs` : `no API named ${JSON.stringify(wanted)}`}`,
    `Choose one with --api: ${apis.map((a) => `${a.logicalId ?? a.name} (${a.apiType})`).join(', ') || '(none)'}.`,
  );
}

function usage(command: string, problem: string): InvalidInputError {
  return new InvalidInputError(
    'CLI_USAGE',
    `apigw-testkit ${command}: ${problem}`,
    `Run "apigw-testkit ${command} --help".`,
  );
}
