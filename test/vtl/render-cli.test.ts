import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

function setup(files: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'vtl-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  const out = { stdout: '', stderr: '' };
  const io = {
    cwd,
    stdout: (t: string) => {
      out.stdout += t;
    },
    stderr: (t: string) => {
      out.stderr += t;
    },
    readStdin: async () => '',
  };
  return { io, out };
}

describe('apigw-testkit render', () => {
  it('renders a template with body, header, query, path, stage variables and context', async () => {
    const { io, out } = setup({
      't.vm': `{"name": "$input.path('$.name')", "id": "$input.params('id')", "q": "$input.params('q')", "h": "$input.params('X-H')", "v": "$stageVariables.v", "s": "$context.stage"}`,
    });
    const code = await runCli(
      [
        'render',
        't.vm',
        '--body',
        '{"name":"Rex"}',
        '--path',
        'id=7',
        '--query',
        'q=dogs',
        '--header',
        'X-H: yes',
        '--stage-var',
        'v=2',
        '--context',
        'stage=prod',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(out.stdout).toBe('{"name": "Rex", "id": "7", "q": "dogs", "h": "yes", "v": "2", "s": "prod"}');
    expect(out.stderr).toBe('');
  });

  it('takes the request from a REST proxy event', async () => {
    const event = {
      body: 'a=b',
      pathParameters: { id: '9' },
      queryStringParameters: null,
      headers: {},
      stageVariables: null,
      requestContext: { stage: 'dev' },
    };
    const { io, out } = setup({
      't.vm': "$input.json('$') $input.params('id') $context.stage",
      'e.json': JSON.stringify(event),
    });
    expect(await runCli(['render', 't.vm', '--event', 'e.json'], io)).toBe(0);
    expect(out.stdout).toBe('"a=b" 9 dev');
  });

  it('prints the overrides the template set', async () => {
    const { io, out } = setup({ 't.vm': '#set($context.responseOverride.status = 201)ok' });
    expect(await runCli(['render', 't.vm'], io)).toBe(0);
    expect(out.stdout).toBe('ok');
    expect(out.stderr).toBe(
      'overrides: {"requestOverride":{"header":{},"path":{},"querystring":{}},"responseOverride":{"status":201,"header":{}}}\n',
    );
  });

  it('a syntax error points at the file, line and column with a caret', async () => {
    const { io, out } = setup({ 'bad.vm': 'ok\n#if($a == )x#end' });
    expect(await runCli(['render', 'bad.vm'], io)).toBe(1);
    expect(out.stderr).toBe(
      'bad.vm:2:11: Expected a value but found ")x#end". Values are strings, numbers, true/false, [lists], {maps}, [a..b] ranges or $references. [VTL_SYNTAX_ERROR]\n2 | #if($a == )x#end\n              ^\n',
    );
  });

  it('a broken #if( gets a hint naming what the template has where ")" belongs', async () => {
    const { io, out } = setup({ 'if.vm': '#if($input.path(\'$.n\') > 1\n{"big": true}\n#end' });
    expect(await runCli(['render', 'if.vm'], io)).toBe(1);
    expect(out.stderr).toBe(
      'if.vm:2:1: Expected ")" to close #if: found "{". "{" cannot continue the condition: end #if( … ) with ")" right after it. [VTL_SYNTAX_ERROR]\n2 | {"big": true}\n    ^\n',
    );
  });

  it('--event cannot be combined with --body (usage error, exit 2)', async () => {
    const { io, out } = setup({ 't.vm': 'x', 'e.json': '{}' });
    expect(await runCli(['render', 't.vm', '--event', 'e.json', '--body', 'x'], io)).toBe(2);
    expect(out.stderr).toContain('[CLI_USAGE]');
  });
});
