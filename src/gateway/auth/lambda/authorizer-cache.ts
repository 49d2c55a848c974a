import type { Clock } from '../../../clock/clock.js';
import type { CompiledPolicy } from '../policy/compile-policy.js';

/** What API Gateway keeps of one authorizer answer: the policy (re-evaluated per request) or the verdict. */
export interface AuthorizerVerdict {
  principalId: string | undefined;
  /** IAM-policy responses: evaluated against each request's method ARN, cached or not. */
  policy: CompiledPolicy | undefined;
  /** Simple responses (HTTP API 2.0): the verdict itself. */
  isAuthorized: boolean | undefined;
  /** The context as the integration receives it. */
  context: Readonly<Record<string, unknown>> | undefined;
  usageIdentifierKey: string | undefined;
}

/** Entries kept per authorizer before the oldest is dropped (AWS documents no limit). */
const MAX_ENTRIES = 10_000;

/**
 * The authorizer result cache of one stage (behaviour.md §2.4): per authorizer, keyed by the identity-source
 * values, expiring on the gateway clock. `flush()` is `FlushStageAuthorizersCache`.
 */
export class AuthorizerCache {
  readonly #clock: Clock;
  readonly #entries = new Map<string, Map<string, { expiresAt: number; verdict: AuthorizerVerdict }>>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  get(authorizer: string, key: string): AuthorizerVerdict | undefined {
    const bucket = this.#entries.get(authorizer);
    const entry = bucket?.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.#clock.now()) return entry.verdict;
    bucket!.delete(key);
    return undefined;
  }

  set(authorizer: string, key: string, verdict: AuthorizerVerdict, ttlMs: number): void {
    let bucket = this.#entries.get(authorizer);
    if (bucket === undefined) {
      bucket = new Map();
      this.#entries.set(authorizer, bucket);
    }
    bucket.delete(key);
    if (bucket.size >= MAX_ENTRIES) bucket.delete(bucket.keys().next().value as string);
    bucket.set(key, { expiresAt: this.#clock.now() + ttlMs, verdict });
  }

  /** Number of live entries (all authorizers). */
  size(): number {
    let n = 0;
    const now = this.#clock.now();
    for (const bucket of this.#entries.values())
      for (const entry of bucket.values()) if (entry.expiresAt > now) n++;
    return n;
  }

  flush(): void {
    this.#entries.clear();
  }
}
