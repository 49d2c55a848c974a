import { CryptoWords, hashSeed, Sfc32, type WordSource } from './word-source.js';

/**
 * Source of the ids API Gateway and Lambda put in events and responses. Seeded by default, so the same seed
 * gives the same sequence of ids; `random: true` draws from the platform's CSPRNG instead.
 */
export interface IdSource {
  /** A lowercase RFC 4122 version-4 UUID (`requestId` of REST events, `awsRequestId`). */
  uuid(): string;
  /** 16 characters like `TWegAcC4EowCHnA=`: REST `extendedRequestId`, HTTP API `requestId`, WebSocket ids. */
  shortId(): string;
  /** `n` lowercase letters and digits (api ids, resource ids, deployment ids). */
  alphanumeric(n: number): string;
  /** `n` lowercase hex digits. */
  hex(n: number): string;
  /** An X-Ray trace header value `Root=1-<8 hex epoch seconds>-<24 hex>`. */
  traceId(epochMs: number): string;
  /** A float in [0, 1), for canary and sampling decisions. */
  float(): number;
}

/** Options of {@link createIdSource}. */
export interface IdSourceOptions {
  /** Seed of the deterministic sequence. Default `apigw-testkit`. */
  seed?: string | number;
  /** Draw ids from `crypto.getRandomValues` instead of the seeded sequence. */
  random?: boolean;
}

const codesOf = (alphabet: string): readonly number[] => Array.from(alphabet, (c) => c.charCodeAt(0));
const ALPHANUM = codesOf('abcdefghijklmnopqrstuvwxyz0123456789');
const SHORT_ID = codesOf('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const HEX = codesOf('0123456789abcdef');
const DASH = 45;
const FOUR = 52;
const EQUALS = 61;

/**
 * Creates an id source. The same `seed` always yields the same sequence of ids.
 *
 * @example
 * ```ts
 * const ids = createIdSource({ seed: 42 });
 * ids.uuid(); // the same UUID on every run
 * ```
 */
export function createIdSource(options: IdSourceOptions = {}): IdSource {
  const words: WordSource = options.random
    ? new CryptoWords()
    : new Sfc32(hashSeed(options.seed ?? 'apigw-testkit'));
  // Ids are written as char codes into reusable arrays and turned into text by one String.fromCharCode call
  // (with the arguments spelled out for the fixed-length ids the gateway draws per request: about half the
  // time of `apply`, measured). One word per character, in order, so the sequence is the one of the
  // original character-by-character draw.
  const codes: number[] = new Array<number>(64).fill(0);
  const pick = (alphabet: readonly number[], n: number): string => {
    if (n <= 0) return '';
    words.fill(codes, alphabet, n);
    return String.fromCharCode.apply(null, n === codes.length ? codes : codes.slice(0, n));
  };
  const c = codes;
  let traceSeconds = Number.NaN;
  let tracePrefix = '';
  /** Char codes of the trace id's 8 hex digits of seconds. */
  const sec: number[] = new Array<number>(8).fill(48);
  return {
    uuid() {
      // 32 hex digits are drawn; the 13th and 17th are replaced by the version (4) and the variant digit.
      words.fill(c, HEX, 32);
      const variant = HEX[8 + words.nextMod(4)]!;
      // biome-ignore format: the 36 characters of a UUID, dashes included
      return String.fromCharCode(
        c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, DASH,
        c[8]!, c[9]!, c[10]!, c[11]!, DASH,
        FOUR, c[13]!, c[14]!, c[15]!, DASH,
        variant, c[17]!, c[18]!, c[19]!, DASH,
        c[20]!, c[21]!, c[22]!, c[23]!, c[24]!, c[25]!, c[26]!, c[27]!, c[28]!, c[29]!, c[30]!, c[31]!,
      );
    },
    shortId() {
      words.fill(c, SHORT_ID, 15);
      // biome-ignore format: 15 characters and '='
      return String.fromCharCode(
        c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!, c[12]!, c[13]!, c[14]!,
        EQUALS,
      );
    },
    alphanumeric: (n) => pick(ALPHANUM, n),
    hex: (n) => pick(HEX, n),
    traceId(epochMs) {
      // The `Root=1-<8 hex epoch seconds>-` prefix changes once a second: its char codes are kept.
      const seconds = Math.floor(epochMs / 1000);
      if (seconds !== traceSeconds) {
        traceSeconds = seconds;
        tracePrefix = `Root=1-${seconds.toString(16).padStart(8, '0')}-`;
        for (let i = 0; i < 8; i++) sec[i] = tracePrefix.charCodeAt(7 + i);
      }
      words.fill(c, HEX, 24);
      // One flat string: `prefix + digits` made a concatenated (cons) string, and every header check that reads
      // it char by char (the event's header pass, the response's) walked the pair; 40 arguments when the
      // seconds have their usual 8 digits.
      if (tracePrefix.length !== 16) return tracePrefix + String.fromCharCode.apply(null, c.slice(0, 24));
      // biome-ignore format: `Root=1-`, 8 hex digits of seconds, `-`, 24 hex digits
      return String.fromCharCode(
        82, 111, 111, 116, 61, 49, 45, sec[0]!, sec[1]!, sec[2]!, sec[3]!, sec[4]!, sec[5]!, sec[6]!, sec[7]!, 45,
        c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!,
        c[12]!, c[13]!, c[14]!, c[15]!, c[16]!, c[17]!, c[18]!, c[19]!, c[20]!, c[21]!, c[22]!, c[23]!,
      );
    },
    float: () => words.next() / 0x1_0000_0000,
  };
}
