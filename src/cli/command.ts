/** Where a command reads and writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `-` file arguments). */
  readStdin: () => Promise<string>;
  /** Working directory relative paths resolve against. */
  cwd: string;
  /** The port `serve` tries when no --port is given (3000; tests pass a port they hold). */
  defaultPort?: number;
  /** Resolves when a long-running command (serve) should stop; never resolves in the binary. */
  signal?: AbortSignal;
}

/** One `apigw-testkit <name>` command. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full `--help` text. */
  help: string;
  /** Runs the command and returns the process exit code. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
