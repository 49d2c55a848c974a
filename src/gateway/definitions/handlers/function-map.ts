import type { FunctionConfig } from '../../functions/function-options.js';
import type { LambdaHandler } from '../../types.js';

/** A function bound for the gateway's `functions`: its handler and the settings its template declares. */
export interface FunctionEntry {
  handler: LambdaHandler;
  functionTimeoutMs?: number | undefined;
  memoryLimitInMB?: number | undefined;
}

/** The `functions` option an import builds: one entry per key, the first binding wins. */
export class FunctionMap {
  readonly #entries = new Map<string, FunctionConfig>();

  get size(): number {
    return this.#entries.size;
  }

  /** Adds `key`; false when the key already names a different handler (the caller then binds inline). */
  add(key: string, entry: FunctionEntry): boolean {
    const existing = this.#entries.get(key);
    if (existing) return existing.handler === entry.handler;
    const config: FunctionConfig = { handler: entry.handler };
    if (entry.functionTimeoutMs !== undefined) config.functionTimeoutMs = entry.functionTimeoutMs;
    if (entry.memoryLimitInMB !== undefined) config.memoryLimitInMB = entry.memoryLimitInMB;
    this.#entries.set(key, config);
    return true;
  }

  toOptions(): Record<string, FunctionConfig> {
    return Object.fromEntries(this.#entries);
  }
}
