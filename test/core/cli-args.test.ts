import { describe, expect, it } from 'vitest';
import { formatHelp, parseArgs, splitPairs } from '../../src/cli/args.js';
import { runCli } from '../../src/cli/run.js';

const spec = {
  header: { type: 'string', multiple: true, description: 'A header', value: 'k:v' },
  seed: { type: 'string', description: 'Seed' },
  pretty: { type: 'boolean', description: 'Pretty' },
} as const;

describe('parseArgs', () => {
  it('collects positionals, repeated flags, --k=v and booleans', () => {
    expect(
      parseArgs(
        'x',
        ['v1', '--header', 'a:1', '--header=b:2', '--seed', '7', '--pretty', '--', '--raw'],
        spec,
      ),
    ).toEqual({
      positionals: ['v1', '--raw'],
      flags: { header: ['a:1', 'b:2'], seed: '7', pretty: true },
    });
  });

  it.each([
    [
      ['--nope'],
      'apigw-testkit x: unknown flag --nope. Run "apigw-testkit x --help" to see the accepted flags.',
    ],
    [['--seed'], 'apigw-testkit x: --seed needs a value. Write --seed <value>.'],
    [['--pretty=1'], 'apigw-testkit x: --pretty takes no value. Write --pretty alone.'],
  ])('refuses %j with a CLI_USAGE error', (argv, message) => {
    expect(() => parseArgs('x', argv, spec)).toThrow(message);
  });

  it('splitPairs splits on the first separator and refuses a pair without one', () => {
    expect(splitPairs('x', 'header', ['a: b:c', 'd:e'], ':')).toEqual([
      ['a', 'b:c'],
      ['d', 'e'],
    ]);
    expect(() => splitPairs('x', 'query', ['novalue'], '=')).toThrow(
      '--query expects name=value, got "novalue"',
    );
  });

  it('formatHelp lists every flag', () => {
    const help = formatHelp('apigw-testkit x [options]', 'Does x.', spec);
    expect(help).toContain('--header <k:v>');
    expect(help).toContain('(repeatable)');
    expect(help).toContain('--pretty ');
  });
});

describe('runCli', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        stdout: (t: string) => out.push(t),
        stderr: (t: string) => err.push(t),
        readStdin: async () => '',
        cwd: process.cwd(),
      },
    };
  };

  it('prints the command list for --help and exits 0', async () => {
    const { out, io: cliIo } = io();
    expect(await runCli(['--help'], cliIo)).toBe(0);
    expect(out.join('')).toMatch(
      /Commands:\n {2}event .*\n {2}check-result .*\n {2}invoke .*\n {2}render .*\n {2}serve /,
    );
  });

  it('exits 2 with the command list for an unknown command', async () => {
    const { err, io: cliIo } = io();
    expect(await runCli(['frobnicate'], cliIo)).toBe(2);
    expect(err.join('')).toContain('unknown command "frobnicate"');
  });
});

describe('CLI error lines', () => {
  const run = async (argv: string[]) => {
    const err: string[] = [];
    const code = await runCli(argv, {
      stdout: () => {},
      stderr: (t: string) => err.push(t),
      readStdin: async () => '',
      cwd: process.cwd(),
    });
    return { code, err: err.join('') };
  };

  it('names the command once and ends the sentence before the code', async () => {
    expect(await run(['event', 'rest', '--bogus'])).toEqual({
      code: 2,
      err: 'apigw-testkit event: unknown flag --bogus. Run "apigw-testkit event --help" to see the accepted flags. [CLI_USAGE]\n',
    });
  });

  it('shows a template syntax error with its file, position and caret excerpt', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'apigw-cli-')), 't.vtl');
    writeFileSync(file, 'a #if($x) b');
    const { code, err } = await run(['render', file]);
    expect(code).toBe(1);
    const [first, ...excerpt] = err.trimEnd().split('\n');
    expect(first).toMatch(/t\.vtl:1:\d+: [^\n]*\. \[VTL_SYNTAX_ERROR\]$/);
    expect(first).not.toContain('at line');
    expect(excerpt.join('\n')).toContain('^');
  });
});
