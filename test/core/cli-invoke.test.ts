// `apigw-testkit invoke`: one handler run with an event and a Lambda context, the result, and the client's view.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'apigw-invoke-'));
writeFileSync(
  join(dir, 'h.mjs'),
  `export const handler = async (event, context) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ id: event.pathParameters?.id ?? null, v: event.version ?? 'rest', left: context.getRemainingTimeInMillis() > 0 }),
});
export const bad = async () => ({ statusCode: 'x', body: {} });
export const boom = async () => { throw new TypeError('kaput'); };
export const slow = () => new Promise(() => {});
`,
);
writeFileSync(join(dir, 'event.json'), JSON.stringify({ version: '2.0', pathParameters: { id: '9' } }));

async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['invoke', ...argv], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => stdin,
    cwd: dir,
  });
  return { code, stdout, stderr };
}

describe('apigw-testkit invoke', () => {
  it('builds the event like `event` does (kind and flags), runs the handler, prints the result and the client view', async () => {
    const { code, stdout } = await run(['h.mjs', 'v1', '--resource', '/pets/{id}', '--path', '/pets/7']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^apigw-testkit invoke: h\.mjs \(handler\), payload 1\.0 event \(REST API\)\nDuration: \d+ ms \(timeout 3000 ms\)\n\n/,
    );
    expect(stdout).toContain(
      'Result:\n{\n  "statusCode": 200,\n  "headers": {\n    "content-type": "application/json"\n  },\n  "body": "{\\"id\\":\\"7\\",\\"v\\":\\"rest\\",\\"left\\":true}"\n}\n\n' +
        'payload 1.0 result (REST API): accepted by API Gateway\nThe client receives:\n  HTTP 200\n  content-type: application/json\n\n  {"id":"7","v":"rest","left":true}\n',
    );
  });

  it('--event takes a JSON file (or - for stdin) and judges the result by its payload format', async () => {
    const fromFile = await run(['h.mjs', '--event', 'event.json']);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toContain('payload 2.0 event (HTTP API)');
    expect(fromFile.stdout).toContain('  {"id":"9","v":"2.0","left":true}\n');
    const fromStdin = await run(['h.mjs', '--event', '-'], '{"version":"1.0"}');
    expect(fromStdin.stdout).toContain('payload 1.0 event (HTTP API)');
  });

  it('a result API Gateway rejects exits 1 with the issues and the 502/500 the client gets', async () => {
    const { code, stdout } = await run(['h.mjs', '--handler', 'bad', '--event', 'event.json']);
    expect(code).toBe(1);
    expect(stdout).toContain('payload 2.0 result (HTTP API): rejected by API Gateway (2 issues)');
    expect(stdout).toContain(
      'The client receives:\n  HTTP 500\n  content-type: application/json\n\n  {"message":"Internal Server Error"}\n',
    );
  });

  it('a handler that throws exits 1 with the Lambda error object and REST 502', async () => {
    const { code, stdout } = await run(['h.mjs', '--handler', 'boom']);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'The function failed:\n{\n  "errorType": "TypeError",\n  "errorMessage": "kaput",',
    );
    expect(stdout).toContain(
      '  HTTP 502\n  Content-Type: application/json\n  x-amzn-ErrorType: InternalServerErrorException\n\n  {"message": "Internal server error"}\n',
    );
  });

  it('a handler that outlives --timeout fails with Sandbox.Timedout, as Lambda reports it', async () => {
    const { code, stdout } = await run(['h.mjs', '--handler', 'slow', '--timeout', '1000']);
    expect(code).toBe(1);
    expect(stdout).toContain('"errorType": "Sandbox.Timedout"');
    expect(stdout).toMatch(
      /"errorMessage": "RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds"/,
    );
  });

  it.each([
    [
      ['h.mjs', '--handler', 'nope'],
      1,
      'INVOKE_NO_HANDLER',
      'Name one of its functions with --handler: handler, bad, boom, slow',
    ],
    [['missing.mjs'], 1, 'INVOKE_MODULE_NOT_FOUND', 'no module at'],
    [
      ['h.mjs', '--event', 'event.json', 'v2'],
      2,
      'CLI_USAGE',
      '--event and an event kind or event options both give the event',
    ],
    [
      ['h.mjs', '--timeout', '50'],
      2,
      'CLI_USAGE',
      "--timeout must be 1000 to 900000 milliseconds (Lambda's 1 s to 15 min)",
    ],
    [
      ['h.mjs', 'v2', '--resource', '/x'],
      2,
      'CLI_USAGE',
      'apigw-testkit invoke: --resource does not apply to v2 events',
    ],
    [['h.mjs', '--event', 'nope.json'], 2, 'CLI_USAGE', 'cannot read --event nope.json (ENOENT)'],
  ])('%j exits %i with %s', async (argv, exit, code, text) => {
    const result = await run(argv);
    expect(result.code).toBe(exit);
    expect(result.stderr).toContain(`[${code}]`);
    expect(result.stderr).toContain(text);
  });
});
