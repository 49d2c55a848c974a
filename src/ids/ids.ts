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

const ALPHANUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SHORT_ID = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-';
const HEX = '0123456789abcdef';

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
  const next = options.random ? cryptoUint32 : sfc32(hashSeed(options.seed ?? 'apigw-testkit'));
  // Ids are written as char codes into one reusable buffer: string concatenation per character was the
  // largest cost of an id on the gateway's hot path. The drawn sequence is the same.
  const codes = new Array<number>(64);
  const pick = (alphabet: string, n: number): string => {
    const size = alphabet.length;
    for (let i = 0; i < n; i++) codes[i] = alphabet.charCodeAt(next() % size);
    codes.length = n;
    return String.fromCharCode.apply(null, codes);
  };
  return {
    uuid() {
      const h = pick(HEX, 32);
      const variant = HEX[8 + (next() % 4)];
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    shortId: () => `${pick(SHORT_ID.slice(0, 62), 15)}=`,
    alphanumeric: (n) => pick(ALPHANUM, n),
    hex: (n) => pick(HEX, n),
    traceId: (epochMs) =>
      `Root=1-${Math.floor(epochMs / 1000)
        .toString(16)
        .padStart(8, '0')}-${pick(HEX, 24)}`,
    float: () => next() / 0x1_0000_0000,
  };
}

// The Web Crypto global, read at call time: importing node:crypto would load Node's whole crypto and stream
// stack (~10 ms) for every user, most of whom never ask for random ids.
function cryptoUint32(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** FNV-1a over the seed's text, expanded to four 32-bit words. */
function hashSeed(seed: string | number): [number, number, number, number] {
  const text = String(seed);
  const words: [number, number, number, number] = [0, 0, 0, 0];
  for (let w = 0; w < 4; w++) {
    let h = (0x811c9dc5 ^ (w * 0x9e3779b9)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    words[w] = h;
  }
  return words;
}

/** The SFC32 generator: small, fast, and good enough for ids. */
function sfc32([a, b, c, d]: [number, number, number, number]): () => number {
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) step();
  return step;
}
