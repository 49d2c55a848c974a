import { InvalidInputError } from '../errors/families.js';

/** How a command declares one of its flags. */
export interface FlagSpec {
  /** `string` takes a value; `boolean` does not. */
  type: 'string' | 'boolean';
  /** May be given several times; the values are collected in order. */
  multiple?: boolean;
  /** One line for `--help`. */
  description: string;
  /** Placeholder shown in `--help`, e.g. `k:v`. */
  value?: string;
}

/** The parsed command line of one command. */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | string[]>;
}

/**
 * Parses `argv` against `spec`: `--name value`, `--name=value`, repeated `--name` for `multiple` flags, `--`
 * ends flags. An unknown flag or a missing value throws a `CLI_USAGE` error that names the flag.
 */
export function parseArgs(
  command: string,
  argv: readonly string[],
  spec: Record<string, FlagSpec>,
): ParsedArgs {
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const def = spec[name];
    if (!def) {
      throw new InvalidInputError(
        'CLI_USAGE',
        `apigw-testkit ${command}: unknown flag --${name}`,
        `Run "apigw-testkit ${command} --help" to see the accepted flags.`,
      );
    }
    let value: string | boolean;
    if (def.type === 'boolean') {
      if (eq !== -1) {
        throw new InvalidInputError(
          'CLI_USAGE',
          `apigw-testkit ${command}: --${name} takes no value`,
          `Write --${name} alone.`,
        );
      }
      value = true;
    } else if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const nextArg = argv[i + 1];
      if (nextArg === undefined) {
        throw new InvalidInputError(
          'CLI_USAGE',
          `apigw-testkit ${command}: --${name} needs a value`,
          `Write --${name} <${def.value ?? 'value'}>.`,
        );
      }
      value = nextArg;
      i++;
    }
    if (def.multiple) {
      const list = (flags[name] as string[] | undefined) ?? [];
      list.push(value as string);
      flags[name] = list;
    } else {
      flags[name] = value;
    }
  }
  return { positionals, flags };
}

/** Splits `k:v` / `k=v` pairs of a repeated flag; a pair without the separator throws `CLI_USAGE`. */
export function splitPairs(
  command: string,
  flag: string,
  values: readonly string[],
  separator: ':' | '=',
): [string, string][] {
  return values.map((pair) => {
    const at = pair.indexOf(separator);
    if (at <= 0) {
      throw new InvalidInputError(
        'CLI_USAGE',
        `apigw-testkit ${command}: --${flag} expects name${separator}value, got "${pair}"`,
        `Write --${flag} name${separator}value.`,
      );
    }
    return [pair.slice(0, at).trim(), pair.slice(at + 1).replace(/^ /, '')];
  });
}

/** Renders the `--help` text of a command from its spec. */
export function formatHelp(usage: string, summary: string, spec: Record<string, FlagSpec>): string {
  const rows = Object.entries(spec).map(([name, def]) => {
    const left = `  --${name}${def.type === 'string' ? ` <${def.value ?? 'value'}>` : ''}`;
    return `${left.padEnd(30)} ${def.description}${def.multiple ? ' (repeatable)' : ''}`;
  });
  return `Usage: ${usage}\n\n${summary}\n\nOptions:\n${rows.join('\n')}\n  --help                       Show this help\n`;
}
