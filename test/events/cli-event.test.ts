import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProxyEventV1, buildProxyEventV2, buildWebSocketEvent } from '../../src/events/index.js';
import { runCliCapture } from '../run-cli.js';

const run = (...argv: string[]) => runCliCapture(argv);

describe('apigw-testkit event', () => {
  it('prints the same REST event the builder gives for the same options', async () => {
    const { code, stdout } = await run(
      'event',
      'v1',
      '--method',
      'POST',
      '--resource',
      '/pets/{id}',
      '--path',
      '/pets/7?x=1',
      '--header',
      'Content-Type: application/json',
      '--header',
      'X-Id:a',
      '--header',
      'X-Id:b',
      '--query',
      'y=2',
      '--body',
      '{"name":"Rex"}',
      '--stage',
      'prod',
      '--stage-var',
      'backend=v2',
      '--seed',
      '42',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(
      JSON.parse(
        JSON.stringify(
          buildProxyEventV1({
            method: 'POST',
            resource: '/pets/{id}',
            path: '/pets/7?x=1',
            headers: [
              ['Content-Type', 'application/json'],
              ['X-Id', 'a'],
              ['X-Id', 'b'],
            ],
            query: [['y', '2']],
            body: '{"name":"Rex"}',
            stage: 'prod',
            stageVariables: { backend: 'v2' },
            seed: 42,
          }),
        ),
      ),
    );
    const event = JSON.parse(stdout);
    expect(event.multiValueHeaders['X-Id']).toEqual(['a', 'b']);
    expect(event.queryStringParameters).toEqual({ x: '1', y: '2' });
    expect(event.requestContext.path).toBe('/prod/pets/7');
  });

  it('prints an HTTP API 2.0 event with cookies split out', async () => {
    const { code, stdout } = await run(
      'event',
      'v2',
      '--route-key',
      'GET /pets/{id}',
      '--path',
      '/pets/7',
      '--cookie',
      'a=1',
      '--compact',
    );
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual(
      JSON.parse(
        JSON.stringify(buildProxyEventV2({ routeKey: 'GET /pets/{id}', path: '/pets/7', cookies: ['a=1'] })),
      ),
    );
  });

  it.each([
    ['websocket-connect', 'CONNECT'],
    ['ws-message', 'MESSAGE'],
    ['websocket-disconnect', 'DISCONNECT'],
  ])('prints a WebSocket %s event', async (kind, eventType) => {
    const { code, stdout } = await run('event', kind);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(
      JSON.parse(
        JSON.stringify(buildWebSocketEvent({ eventType: eventType as 'CONNECT' | 'MESSAGE' | 'DISCONNECT' })),
      ),
    );
  });

  it('prints authorizer events', async () => {
    const token = await run(
      'event',
      'token-authorizer',
      '--token',
      'Bearer abc',
      '--path',
      '/pets/7',
      '--method',
      'DELETE',
    );
    expect(JSON.parse(token.stdout)).toEqual({
      type: 'TOKEN',
      authorizationToken: 'Bearer abc',
      methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abcd1234ef/dev/DELETE/pets/7',
    });
    expect(JSON.parse((await run('event', 'request-authorizer', '--path', '/x')).stdout).type).toBe(
      'REQUEST',
    );
    expect(JSON.parse((await run('event', 'request-authorizer-v2', '--path', '/x')).stdout).version).toBe(
      '2.0',
    );
  });

  it('the same --seed prints the same event; --random-ids changes the ids', async () => {
    expect((await run('event', 'v1', '--seed', 's')).stdout).toBe(
      (await run('event', 'v1', '--seed', 's')).stdout,
    );
    expect((await run('event', 'v1', '--random-ids')).stdout).not.toBe(
      (await run('event', 'v1', '--random-ids')).stdout,
    );
  });

  it('--fake prints a realistic, seeded event', async () => {
    const a = await run('event', 'v1', '--fake', '--seed', '7');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe((await run('event', 'v1', '--fake', '--seed', '7')).stdout);
    expect(JSON.parse(a.stdout).requestContext.identity.userAgent).toEqual(expect.any(String));
  });

  it('--help lists the kinds and flags', async () => {
    const { code, stdout } = await run('event', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: apigw-testkit event <kind> [options]');
    expect(stdout).toContain('--stage-var <key=value>');
    expect(stdout).toContain('websocket-connect');
  });

  it.each([
    [['event'], 'missing the event kind'],
    [['event', 'v3'], 'unknown event kind "v3"'],
    [['event', 'v2', '--resource', '/x'], '--resource does not apply to v2 events'],
    [['event', 'v1', '--header', 'novalue'], '--header expects name:value'],
    [['event', 'v1', '--time', 'yesterday'], '--time is not a date'],
    [['event', 'v1', '--bogus'], 'unknown flag --bogus'],
  ])('%j is a usage error (exit 2)', async (argv, text) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(text);
    expect(stderr).toContain('[CLI_USAGE]');
  });

  it('inconsistent input exits 1 with the builder error code', async () => {
    const { code, stderr } = await run('event', 'v1', '--resource', '/pets/{id}', '--path', '/owners/1');
    expect(code).toBe(1);
    expect(stderr).toContain('[EVENT_PATH_MISMATCH]');
  });

  it('--body-file reads the body from a file: text stays text, other bytes are sent as bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-body-'));
    writeFileSync(join(dir, 'pet.json'), '{"name":"Rex"}');
    writeFileSync(join(dir, 'dot.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]));
    const text = await run(
      'event',
      'v2',
      '--method',
      'POST',
      '--header',
      'content-type:application/json',
      '--body-file',
      join(dir, 'pet.json'),
    );
    expect(text.code).toBe(0);
    expect(JSON.parse(text.stdout)).toMatchObject({ body: '{"name":"Rex"}', isBase64Encoded: false });
    const binary = await run(
      'event',
      'v1',
      '--method',
      'POST',
      '--header',
      'content-type:image/png',
      '--binary-media-type',
      'image/png',
      '--body-file',
      join(dir, 'dot.png'),
    );
    expect(JSON.parse(binary.stdout)).toMatchObject({ body: 'iVBOR/8A', isBase64Encoded: true });
    expect(readFileSync(join(dir, 'dot.png')).toString('base64')).toBe('iVBOR/8A');
  });

  it.each([
    [['event', 'v1', '--body', 'x', '--body-file', 'a.json'], '--body and --body-file both give the body'],
    [
      ['event', 'v1', '--body-file', 'does-not-exist.json'],
      'cannot read --body-file does-not-exist.json (ENOENT)',
    ],
    [['event', 'token', '--body-file', 'a.json'], '--body-file does not apply to token-authorizer events'],
  ])('%j is a usage error (exit 2)', async (argv, text) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(text);
  });
});

describe('apigw-testkit --version', () => {
  it.each([['--version'], ['-v'], ['version']])('%s prints the package version', async (flag) => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await run(flag)).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});
