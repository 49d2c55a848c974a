import type { PipelineDeps } from './deps.js';

/**
 * Where a request stands when `gateway.nextRequest()` resolves: `waiting` — its Lambda handler is running and the
 * timeouts are armed, so only moving time (fake timers, a manual clock) gets it further; `answered` — the gateway
 * produced its response (`status`).
 *
 * @example
 * ```ts
 * const answer = request(gateway).get('/dev/slow').then((res) => res);
 * const progress: RequestProgress = await gateway.nextRequest(); // { state: 'waiting' }
 * await vi.advanceTimersByTimeAsync(29_000);
 * ```
 */
export type RequestProgress = { state: 'waiting' } | { state: 'answered'; status: number };

/**
 * Wires `gateway.nextRequest()` into the pipeline: the hooks are set on `deps` (the object every stage runtime of
 * the gateway inherits them from) only while someone waits, so a gateway nobody waits on pays one field check per
 * request.
 */
export function createRequestProgress(
  deps: Pick<PipelineDeps, 'onIntegrationArmed' | 'onAnswered'>,
): () => Promise<RequestProgress> {
  let waiters: ((progress: RequestProgress) => void)[] = [];
  const settle = (progress: RequestProgress): void => {
    const ready = waiters;
    waiters = [];
    deps.onIntegrationArmed = undefined;
    deps.onAnswered = undefined;
    for (const resolve of ready) resolve(progress);
  };
  const armed = (): void => settle({ state: 'waiting' });
  const answered = (status: number): void => settle({ state: 'answered', status });
  return () =>
    new Promise<RequestProgress>((resolve) => {
      waiters.push(resolve);
      deps.onIntegrationArmed = armed;
      deps.onAnswered = answered;
    });
}
