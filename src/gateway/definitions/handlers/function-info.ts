/** A Lambda function declared in a template, as far as a local run needs it. */
export interface FunctionInfo {
  logicalId: string;
  /** `FunctionName`, else the logical id (the name the Lambda context reports). */
  name: string;
  file: string;
  pointer: string;
  runtime: string | undefined;
  /** `Handler`: `app.lambdaHandler`, `src/index.handler`. */
  handler: string | undefined;
  /** Absolute directory of the code (`CodeUri`, CDK asset), when it is on this machine. */
  codeDir: string | undefined;
  /** Why the code cannot be loaded locally (code in S3, inline code), when it cannot. */
  notLocal: string | undefined;
  /** `Timeout` (seconds, default 3) in milliseconds. */
  timeoutMs: number;
  /** `MemorySize`, default 128. */
  memory: number;
  /** `Environment.Variables` after `Globals` and overrides. */
  environment: Record<string, string>;
  /** `AutoPublishAlias` (SAM): `${Fn.Alias}` names this alias. */
  alias: string | undefined;
}
