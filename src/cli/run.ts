import { readFileSync } from 'node:fs';
import { isTestkitError } from '../errors/testkit-error.js';
import type { CliCommand, CliIo } from './command.js';
import { checkResultCommand } from './commands/check-result.js';
import { eventCommand } from './commands/event.js';
import { exportCommand } from './commands/export.js';
import { invokeCommand } from './commands/invoke.js';
import { renderCommand } from './commands/render.js';
import { routesCommand } from './commands/routes.js';
import { serveCommand } from './commands/serve.js';
import { formatCliError } from './format-error.js';

const COMMANDS: readonly CliCommand[] = [
  eventCommand,
  checkResultCommand,
  invokeCommand,
  renderCommand,
  serveCommand,
  routesCommand,
  exportCommand,
];

function mainHelp(): string {
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`).join('\n');
  return `Usage: apigw-testkit <command> [options]\n\nCommands:\n${rows}\n\nRun "apigw-testkit <command> --help" for a command's options; "apigw-testkit --version" prints the version.\n`;
}

/** The version of the installed package (its package.json sits two folders above this file, in src/ and dist/). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Runs the `apigw-testkit` command line in-process and returns its exit code: 0 success, 1 a check failed
 * (for example `check-result` found a 502), 2 a usage error.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`apigw-testkit: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isTestkitError(error)) {
      io.stderr(formatCliError(`apigw-testkit ${name}`, error));
      return error.code === 'CLI_USAGE' ? 2 : 1;
    }
    throw error;
  }
}
