import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { systemClock } from '../../clock/clock.js';
import { InvalidInputError } from '../../errors/families.js';
import { buildLambdaContext } from '../../events/lambda-context.js';
import { invokeLambda } from '../../gateway/integrations/invoke-lambda.js';
import type { LambdaHandler } from '../../gateway/types.js';
import { proxyFailureResponse } from '../../response/error-responses.js';
import { formatClientResponse, formatProxyResultReport } from '../../response/format-report.js';
import type { ApiType, PayloadFormat } from '../../response/types.js';
import { validateProxyResult } from '../../response/validate-proxy-result.js';
import { type FlagSpec, formatHelp, parseArgs } from '../args.js';
import type { CliCommand, CliIo } from '../command.js';
import { importUserModule } from '../load-module.js';
import { buildEventFromFlags, EVENT_FLAGS } from './event.js';
import { resolveKind } from './event-kinds.js';

const { compact: _compact, ...EVENT_OPTIONS } = EVENT_FLAGS;

const SPEC: Record<string, FlagSpec> = {
  event: {
    type: 'string',
    value: 'file|-',
    description: 'The event as JSON (a file, or - for standard input)',
  },
  handler: {
    type: 'string',
    value: 'name',
    description: 'The exported handler (default handler, else default)',
  },
  timeout: {
    type: 'string',
    value: 'ms',
    description: "The function's timeout in milliseconds (default 3000, Lambda's default)",
  },
  ...EVENT_OPTIONS,
};

const USAGE = 'apigw-testkit invoke <module> [--event file.json | <kind> [event options]] [--handler name]';
const SUMMARY = `Runs a Lambda handler once, like sam local invoke but in-process and in milliseconds: with the event from
--event, or one built like \`apigw-testkit event <kind>\` does (default kind v1), and a Lambda context. Prints the
result and what the client would receive through API Gateway. Exit code 1 when the handler fails or API Gateway
would reject its result.`;

const DEFAULT_TIMEOUT_MS = 3000;

/** `apigw-testkit invoke <module> [--event file.json | <kind> [event options]]`. */
export const invokeCommand: CliCommand = {
  name: 'invoke',
  summary: 'Run a Lambda handler once with an event and print its result and the client’s view',
  help: `${formatHelp(USAGE, SUMMARY, SPEC)}
Examples:
  apigw-testkit invoke ./src/get-pet.ts --event event.json
  apigw-testkit invoke ./handler.mjs v2 --route-key 'GET /pets/{id}' --path /pets/7
  apigw-testkit event v1 --path /pets | apigw-testkit invoke ./handler.mjs --event -
`,
  run: async (argv, io) => {
    const { positionals, flags } = parseArgs('invoke', argv, SPEC);
    const [path, kindName, ...extra] = positionals;
    if (path === undefined || extra.length > 0) {
      throw usage(
        path === undefined ? 'missing the handler module' : `unexpected arguments: ${extra.join(' ')}`,
        'Write apigw-testkit invoke ./handler.mjs --event event.json',
      );
    }
    const { event: eventFile, handler: handlerName, timeout, ...eventFlags } = flags;
    if (typeof eventFile === 'string' && (kindName !== undefined || Object.keys(eventFlags).length > 0)) {
      throw usage('--event and an event kind or event options both give the event', 'Keep one of them.');
    }
    const timeoutMs = parseTimeout(timeout);
    const event =
      typeof eventFile === 'string'
        ? await readEvent(eventFile, io)
        : await buildEventFromFlags('invoke', resolveKind(kindName ?? 'v1'), eventFlags, io);
    const file = isAbsolute(path) ? path : resolve(io.cwd, path);
    if (!existsSync(file)) {
      throw new InvalidInputError(
        'INVOKE_MODULE_NOT_FOUND',
        `apigw-testkit invoke: no module at ${file}`,
        'Pass the path of the handler module (.js, .mjs or .ts) relative to the current directory',
      );
    }
    const handler = pickHandler(await importUserModule('invoke', file, io.cwd), file, handlerName);
    const { payloadFormat, apiType } = formatOf(event);
    const context = buildLambdaContext({ functionName: 'apigw-testkit-invoke', timeoutMs, randomIds: true });
    const started = systemClock.now();
    const outcome = await invokeLambda({
      handler,
      event,
      context,
      clock: systemClock,
      integrationTimeoutMs: apiType === 'REST' ? 29_000 : 30_000,
      functionTimeoutMs: timeoutMs,
    });
    const took = systemClock.now() - started;
    const shown = relative(io.cwd, file);
    io.stdout(
      `apigw-testkit invoke: ${shown.startsWith('..') ? file : shown} (${handlerName ?? 'handler'}), payload ${payloadFormat} event (${apiType} API)\n` +
        `Duration: ${took} ms (timeout ${timeoutMs} ms)\n\n`,
    );
    if (outcome.kind !== 'result') {
      const error =
        outcome.kind === 'error'
          ? outcome.error
          : { errorType: 'Timeout', errorMessage: `timed out after ${outcome.timeoutMs} ms`, trace: [] };
      io.stdout(
        `The function failed:\n${JSON.stringify(error, null, 2)}\n\nThe client receives:\n${formatClientResponse(proxyFailureResponse(apiType), '  ')}\n`,
      );
      return 1;
    }
    const report = validateProxyResult(outcome.value, { payloadFormat, apiType });
    io.stdout(
      `Result:\n${JSON.stringify(outcome.value, null, 2)}\n${outcome.note ? `(${outcome.note})\n` : ''}\n${formatProxyResultReport(report)}\n`,
    );
    return report.ok ? 0 : 1;
  },
};

function pickHandler(
  mod: Record<string, unknown>,
  file: string,
  name: string | boolean | string[] | undefined,
) {
  const wanted = typeof name === 'string' ? [name] : ['handler', 'default'];
  for (const key of wanted) {
    if (typeof mod[key] === 'function') return mod[key] as LambdaHandler;
  }
  const functions = Object.keys(mod).filter((key) => typeof mod[key] === 'function');
  throw new InvalidInputError(
    'INVOKE_NO_HANDLER',
    `apigw-testkit invoke: ${file} exports no function named ${wanted.join(' or ')}`,
    functions.length > 0
      ? `Name one of its functions with --handler: ${functions.join(', ')}`
      : 'Export the handler: export const handler = async (event) => ({ statusCode: 200 })',
  );
}

/** Payload format and API type of an event: 2.0 has `version: '2.0'`, HTTP API 1.0 `version: '1.0'`, REST none. */
function formatOf(event: unknown): { payloadFormat: PayloadFormat; apiType: ApiType } {
  const version = (event as { version?: unknown } | null)?.version;
  if (version === '2.0') return { payloadFormat: '2.0', apiType: 'HTTP' };
  return { payloadFormat: '1.0', apiType: version === '1.0' ? 'HTTP' : 'REST' };
}

async function readEvent(source: string, io: CliIo): Promise<unknown> {
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : await readFile(resolve(io.cwd, source), 'utf8');
  } catch (error) {
    throw usage(
      `cannot read --event ${source} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'Check the path',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw usage(
      `--event ${source} is not JSON (${(error as Error).message})`,
      'Give an event as JSON, e.g. from apigw-testkit event',
    );
  }
}

function parseTimeout(value: string | boolean | string[] | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = /^\d{1,6}$/.test(String(value)) ? Number(value) : Number.NaN;
  if (!(ms >= 1000 && ms <= 900_000)) {
    throw usage(
      `--timeout must be 1000 to 900000 milliseconds (Lambda's 1 s to 15 min), got "${String(value)}"`,
      'Write --timeout 3000',
    );
  }
  return ms;
}

function usage(problem: string, hint: string): InvalidInputError {
  return new InvalidInputError('CLI_USAGE', `apigw-testkit invoke: ${problem}`, `${hint}.`);
}
