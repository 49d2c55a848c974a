// Runs the CLI in-process and captures what it writes (shared by the CLI tests).
import { runCli } from '../src/cli/run.js';

/** `apigw-testkit <argv>` with buffers for stdout and stderr, from the repository root. */
export async function runCliCapture(
  argv: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => '',
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}
