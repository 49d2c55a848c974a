import { CryptoWords, hashSeed, Sfc32, type WordSource } from '../../ids/word-source.js';
import { DEFAULT_SEED } from './constants.js';

/**
 * The ids of one event, formatted from sixteen 32-bit words drawn from the id source's generator: the same
 * seed always gives the same ids, and drawing them costs one generator step per word instead of one per
 * character. Each builder reads fixed fields, so adding an id elsewhere never shifts another.
 */
export interface EventIds {
  /** UUID from words 0–3 (REST `requestId`, Lambda `awsRequestId`). */
  readonly uuid: string;
  /** Short ids (`TWegAcC4EowCHnA=`) from words 0–2, 4–6 and 12–14. */
  readonly short0: string;
  readonly short4: string;
  readonly short12: string;
  /** Six base-36 characters from word 7 and word 8 (resource and deployment ids). */
  readonly alnum7: string;
  readonly alnum8: string;
  /** 32 hex digits from words 0–3 and 4–7. */
  readonly hex0: string;
  readonly hex4: string;
  /** 24 hex digits from words 9–11 (the random part of an X-Ray trace id). */
  readonly trace: string;
}

const WORDS = 16;
const HEX_DIGITS = '0123456789abcdef';
const HEX_BYTE: string[] = new Array(256);
for (let i = 0; i < 256; i++) HEX_BYTE[i] = HEX_DIGITS[i >>> 4]! + HEX_DIGITS[i & 15]!;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Eight hex digits of a 32-bit word, by table (Number#toString(16) is slow on non-Smi numbers). */
export const hex8 = (w: number): string =>
  HEX_BYTE[w >>> 24]! + HEX_BYTE[(w >>> 16) & 255]! + HEX_BYTE[(w >>> 8) & 255]! + HEX_BYTE[w & 255]!;

// Two base-62 digits per entry, least significant first: a word's five digits take three appends, not five
// (~0.46 → ~0.27 µs per id; the short ids were the largest cost of a seeded event, measured). Made on first use:
// the 3,844 entries cost ~1 ms at import (measured), which a process that never formats a short id would pay.
let base62Pairs: string[] | undefined;

function makeBase62Pairs(): string[] {
  const pairs: string[] = new Array(62 * 62);
  for (let high = 0; high < 62; high++) {
    for (let low = 0; low < 62; low++) pairs[high * 62 + low] = BASE62[low]! + BASE62[high]!;
  }
  return pairs;
}

/** Fifteen base-62 digits (five per word, least significant first) of words `at`…`at + 2`, then `=`. */
function short(words: readonly number[], at: number): string {
  base62Pairs ??= makeBase62Pairs();
  const pairs = base62Pairs;
  let out = '';
  for (let i = at; i < at + 3; i++) {
    const w = words[i]!;
    const high = Math.floor(w / 3844);
    out += pairs[w % 3844]! + pairs[high % 3844]! + BASE62[Math.floor(high / 3844) % 62]!;
  }
  return `${out}=`;
}

function alnum6(w: number): string {
  const s = (w % 2_176_782_336).toString(36);
  return s.length === 6 ? s : '000000'.slice(s.length) + s;
}

function uuid(words: readonly number[]): string {
  const a = hex8(words[0]!);
  const b = hex8(words[1]!);
  const c = hex8(words[2]!);
  const variant = '89ab'[words[2]! >>> 30]!;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${hex8(words[3]!)}`;
}

function draw(options: { seed?: string | number; random?: boolean }): number[] {
  // The words of `createIdSource(options)`, straight from its generator (an id source per event cost more than
  // the event's ids, measured).
  const source: WordSource = options.random
    ? new CryptoWords()
    : new Sfc32(hashSeed(options.seed ?? DEFAULT_SEED));
  const words: number[] = new Array(WORDS);
  for (let i = 0; i < WORDS; i++) words[i] = source.next();
  return words;
}

/**
 * Lazily drawn and formatted ids: the words are drawn on the first read, so a caller that passes its own
 * ids (the gateway does) pays nothing for the ones it does not use.
 */
class WordIds implements EventIds {
  readonly #options: { seed?: string | number; random?: boolean };
  #drawn: readonly number[] | undefined;
  constructor(options: { seed?: string | number; random?: boolean }) {
    this.#options = options;
  }
  get #words(): readonly number[] {
    this.#drawn ??= draw(this.#options);
    return this.#drawn;
  }
  get uuid(): string {
    return uuid(this.#words);
  }
  get short0(): string {
    return short(this.#words, 0);
  }
  get short4(): string {
    return short(this.#words, 4);
  }
  get short12(): string {
    return short(this.#words, 12);
  }
  get alnum7(): string {
    return alnum6(this.#words[7]!);
  }
  get alnum8(): string {
    return alnum6(this.#words[8]!);
  }
  get hex0(): string {
    const w = this.#words;
    return hex8(w[0]!) + hex8(w[1]!) + hex8(w[2]!) + hex8(w[3]!);
  }
  get hex4(): string {
    const w = this.#words;
    return hex8(w[4]!) + hex8(w[5]!) + hex8(w[6]!) + hex8(w[7]!);
  }
  get trace(): string {
    const w = this.#words;
    return hex8(w[9]!) + hex8(w[10]!) + hex8(w[11]!);
  }
}

// The ids of the default seed are constants: formatting them once changes nothing observable. Made on first use,
// not at import: drawing and formatting them compiles the id functions, ~2 ms of every process that imports the
// package (measured), which a test file that never builds an event with the default seed would pay for nothing.
let defaultIds: EventIds | undefined;

function makeDefaultIds(): EventIds {
  const ids = new WordIds({ seed: DEFAULT_SEED });
  return Object.freeze({
    uuid: ids.uuid,
    short0: ids.short0,
    short4: ids.short4,
    short12: ids.short12,
    alnum7: ids.alnum7,
    alnum8: ids.alnum8,
    hex0: ids.hex0,
    hex4: ids.hex4,
    trace: ids.trace,
  });
}

/** The ids of an event: seeded (default seed `apigw-testkit`) or, with `randomIds`, random. */
export function eventIds(seed: string | number | undefined, randomIds: boolean | undefined): EventIds {
  if (randomIds) return new WordIds({ random: true });
  if (seed === undefined || seed === DEFAULT_SEED) {
    defaultIds ??= makeDefaultIds();
    return defaultIds;
  }
  return new WordIds({ seed });
}

/** An X-Ray trace header value `Root=1-<8 hex epoch seconds>-<24 hex>`. */
export function traceHeader(ids: EventIds, epochMs: number): string {
  const seconds = Math.floor(epochMs / 1000);
  // Builders with the default seed and time ask for the same header every time: the last one is kept.
  if (ids === lastTrace.ids && seconds === lastTrace.seconds) return lastTrace.text;
  const text = `Root=1-${hex8(seconds)}-${ids.trace}`;
  lastTrace = { ids, seconds, text };
  return text;
}

let lastTrace: { ids: EventIds | undefined; seconds: number; text: string } = {
  ids: undefined,
  seconds: Number.NaN,
  text: '',
};
