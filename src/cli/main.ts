#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runCli } from './run.js';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => readFileSync(0, 'utf8'),
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
    // Like `sam local invoke`, one invocation ends the process even when the handler left connections open.
    if (process.argv[2] === 'invoke') process.stdout.write('', () => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(
      `apigw-testkit: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
