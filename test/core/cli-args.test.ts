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
    expect(parseArgs('x', ['v1', '--header', 'a:1', '--header=b:2', '--seed', '7', '--pretty', '--', '--raw'], spec)).toEqual({
      positionals: ['v1', '--raw'],
      flags: { header: ['a:1', 'b:2'], seed: '7', pretty: true },
    });
  });

  it.each([
    [['--nope'], 'apigw-testkit x: unknown flag --nope. Run "apigw-testkit x --help" to see the accepted flags.'],
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
    expect(() => splitPairs('x', 'query', ['novalue'], '=')).toThrow('--query expects name=value, got "novalue"');
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
      io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), readStdin: async () => '', cwd: process.cwd() },
    };
  };

  it('prints the command list for --help and exits 0', async () => {
    const { out, io: cliIo } = io();
    expect(await runCli(['--help'], cliIo)).toBe(0);
    expect(out.join('')).toMatch(/Commands:\n {2}event .*\n {2}check-result .*\n {2}render .*\n {2}serve /);
  });

  it('exits 2 with the command list for an unknown command', async () => {
    const { err, io: cliIo } = io();
    expect(await runCli(['frobnicate'], cliIo)).toBe(2);
    expect(err.join('')).toContain('unknown command "frobnicate"');
  });
});
