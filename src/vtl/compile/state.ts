/** Mutable state of one render. */
export interface RenderState {
  /** Template variables (`$input`, `$util`, `$context`, `$stageVariables`, `#set` targets, loop variables). */
  readonly vars: Map<string, unknown>;
  /** Output so far. */
  out: string;
  /** 0 running; 1 `#break` out of the innermost loop; 2 `#stop`. */
  halt: number;
  /** Depth of `#foreach` nesting. */
  loops: number;
}

/** A compiled expression. */
export type Evaluate = (s: RenderState) => unknown;
/** A compiled statement: appends to `s.out`. */
export type Execute = (s: RenderState) => void;

/** Velocity's quota on #foreach iterations per loop on API Gateway. */
export const MAX_FOREACH_ITERATIONS = 1000;

/** Runs `run` with an empty output buffer and returns what it wrote, leaving the outer output as it was. */
export function captureOutput(run: Execute, s: RenderState): string {
  const saved = s.out;
  s.out = '';
  run(s);
  const text = s.out;
  s.out = saved;
  return text;
}
