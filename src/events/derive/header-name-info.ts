import { isHeaderName, nameShape } from './headers.js';

/** What the event builders' header pass needs to know of one header name; the same for every request. */
export interface HeaderNameInfo {
  /** The name in lowercase: for a name of `known`, that constant itself (a `switch` on it compares pointers). */
  readonly lower: string;
  /** True when the lowercase name is one the caller asked about (see {@link headerNameInfos}). */
  readonly known: boolean;
  /** {@link nameShape} of the name. */
  readonly shape: number;
}

/** Looks up the {@link HeaderNameInfo} of a name; `undefined` when it is not a valid header name. */
export type HeaderNameInfos = (name: string) => HeaderNameInfo | undefined;

/** Names remembered at most; a suite sends a few dozen, so the table is cleared when full and stays bounded. */
const MAX_NAMES = 1024;

/**
 * A lookup of header names' {@link HeaderNameInfo}, `known` naming the lowercase names the caller tells apart. Each
 * name is checked (an RFC 9110 token) and lowercased once, then found by one `Map` lookup: requests send the same
 * few names over and over, and the char-code check plus `toLowerCase` (which allocates for every capitalised
 * name) per line were a third of the gateway's header pass (CPU-profiled on the gateway bench's GET).
 *
 * @example
 * ```ts
 * const infoOf = headerNameInfos(['user-agent']);
 * infoOf('User-Agent'); // { lower: 'user-agent', known: true, shape: … }
 * infoOf('Bad Name'); // undefined
 * ```
 */
export function headerNameInfos(known: Iterable<string>): HeaderNameInfos {
  const constants = new Map<string, string>();
  for (const name of known) constants.set(name, name);
  const infos = new Map<string, HeaderNameInfo>();
  return (name) => {
    const cached = infos.get(name);
    if (cached !== undefined) return cached;
    if (!isHeaderName(name)) return undefined;
    const lowered = name.toLowerCase();
    const constant = constants.get(lowered);
    const info: HeaderNameInfo = {
      lower: constant ?? lowered,
      known: constant !== undefined,
      shape: nameShape(name),
    };
    if (infos.size >= MAX_NAMES) infos.clear();
    infos.set(name, info);
    return info;
  };
}
