import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

function io(stdin = '', cwd = process.cwd()) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (t: string) => {
        out.stdout += t;
      },
      stderr: (t: string) => {
        out.stderr += t;
      },
      readStdin: async () => stdin,
      cwd,
    },
  };
}

describe('apigw-testkit check-result', () => {
  it('exits 1 and prints the issues and the 502 the client gets', async () => {
    const { out, io: cli } = io('{"statusCode":200,"multiValueHeaders":{"x":"value1"}}');
    expect(await runCli(['check-result', '-'], cli)).toBe(1);
    expect(out.stdout).toBe(
      [
        'payload 1.0 result (REST API): rejected by API Gateway (1 issue)',
        'Issues:',
        '  - $.multiValueHeaders.x MULTI_VALUE_NOT_ARRAY: multiValueHeaders value is the string "value1", not an array; API Gateway answers 502 {"message": "Internal server error"}',
        'The client receives:',
        '  HTTP 502',
        '  Content-Type: application/json',
        '  x-amzn-ErrorType: InternalServerErrorException',
        '',
        '  {"message": "Internal server error"}',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 for an accepted result read from a file, with --payload-format 2.0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-check-'));
    writeFileSync(join(dir, 'result.json'), '"Hello from Lambda!"');
    const { out, io: cli } = io('', dir);
    expect(await runCli(['check-result', 'result.json', '--payload-format', '2.0'], cli)).toBe(0);
    expect(out.stdout).toBe(
      [
        'payload 2.0 result (HTTP API): accepted by API Gateway',
        'The client receives:',
        '  HTTP 200',
        '  content-type: application/json',
        '',
        '  Hello from Lambda!',
        '',
      ].join('\n'),
    );
  });

  it('decodes base64 when --accept matches a --binary-media-type', async () => {
    const { out, io: cli } = io('{"body":"aGk=","isBase64Encoded":true}');
    expect(
      await runCli(
        ['check-result', '-', '--accept', 'image/png', '--binary-media-type', 'image/*', '--json'],
        cli,
      ),
    ).toBe(0);
    expect(JSON.parse(out.stdout).response).toEqual({
      statusCode: 200,
      headers: [['Content-Type', 'application/json']],
      cookies: [],
      body: 'hi',
      isBase64Decoded: true,
      bodyBase64: 'aGk=',
    });
  });

  it('--help describes the flags', async () => {
    const { out, io: cli } = io();
    expect(await runCli(['check-result', '--help'], cli)).toBe(0);
    expect(out.stdout).toContain('Usage: apigw-testkit check-result <file|-> [options]');
    expect(out.stdout).toContain('--binary-media-type <type/subtype>');
  });

  it.each([
    [['check-result'], 'expects one file'],
    [['check-result', '-', '--payload-format', '3.0'], 'option payloadFormat is "3.0"'],
    [['check-result', 'missing.json'], 'cannot read missing.json (ENOENT)'],
  ])('usage errors exit 2: %j', async (argv, text) => {
    const { out, io: cli } = io('{}');
    expect(await runCli(argv, cli)).toBe(2);
    expect(out.stderr).toContain(text);
    expect(out.stderr).toContain('[CLI_USAGE]');
  });

  it('input that is not JSON is a usage error', async () => {
    const { out, io: cli } = io('justAString');
    expect(await runCli(['check-result', '-'], cli)).toBe(2);
    expect(out.stderr).toContain('standard input is not JSON');
  });
});
