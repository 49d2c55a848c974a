// The header list behind BufferedHeaders, kept the way undici's HeadersList keeps it (Node 20's fetch), so every
// observable matches: one entry per lowercased name holding the first name's case (the last `set`'s case) and the
// values joined with ", " ("; " for cookie), set-cookie values also listed one by one, and a sorted view built
// on demand and dropped on every change (iterators read it afresh on each step).

/** A header line: name, value. */
export type HeaderPair = readonly [string, string];

interface Entry {
  readonly name: string;
  readonly value: string;
}

export class HeaderList {
  readonly #map = new Map<string, Entry>();
  #cookies: string[] | null = null;
  #sorted: HeaderPair[] | null = null;

  /** A list of valid pairs (names are tokens, values normalised): each appended in order. */
  static of(pairs: readonly HeaderPair[]): HeaderList {
    const list = new HeaderList();
    for (const [name, value] of pairs) list.append(name, value);
    return list;
  }

  /** An independent copy (what a clone gets). */
  copy(): HeaderList {
    const list = new HeaderList();
    for (const [key, entry] of this.#map) list.#map.set(key, entry);
    list.#cookies = this.#cookies === null ? null : [...this.#cookies];
    list.#sorted = this.#sorted;
    return list;
  }

  has(name: string): boolean {
    return this.#map.has(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.#map.get(name.toLowerCase())?.value ?? null;
  }

  append(name: string, value: string): void {
    this.#sorted = null;
    const key = name.toLowerCase();
    const exists = this.#map.get(key);
    if (exists) {
      const delimiter = key === 'cookie' ? '; ' : ', ';
      this.#map.set(key, { name: exists.name, value: `${exists.value}${delimiter}${value}` });
    } else {
      this.#map.set(key, { name, value });
    }
    if (key !== 'set-cookie') return;
    if (this.#cookies === null) this.#cookies = [value];
    else this.#cookies.push(value);
  }

  set(name: string, value: string): void {
    this.#sorted = null;
    const key = name.toLowerCase();
    if (key === 'set-cookie') this.#cookies = [value];
    this.#map.set(key, { name, value });
  }

  delete(name: string): void {
    const key = name.toLowerCase();
    if (!this.#map.has(key)) return;
    this.#sorted = null;
    if (key === 'set-cookie') this.#cookies = null;
    this.#map.delete(key);
  }

  /** The set-cookie values, one by one (a fresh array). */
  cookies(): string[] {
    return this.#cookies === null ? [] : [...this.#cookies];
  }

  /** Names lowercased and sorted, values combined, set-cookie values one by one: what iteration yields. */
  sorted(): readonly HeaderPair[] {
    if (this.#sorted !== null) return this.#sorted;
    const names = [...this.#map].map(([key, entry]): HeaderPair => [key, entry.value]);
    names.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const cookies = this.#cookies;
    if (cookies === null || cookies.length === 1) {
      this.#sorted = names;
      return names;
    }
    const lines: HeaderPair[] = [];
    for (const pair of names) {
      if (pair[0] === 'set-cookie') for (const cookie of cookies) lines.push(['set-cookie', cookie]);
      else lines.push(pair);
    }
    this.#sorted = lines;
    return lines;
  }

  /** `{ Name: value }` in insertion order, names in their kept case: what `util.inspect` shows. */
  shown(): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const { name, value } of this.#map.values()) headers[name] = value;
    return headers;
  }

  /** Lines in insertion order, names in their kept case, set-cookie values one by one: a faithful copy's input. */
  lines(): [string, string][] {
    const lines: [string, string][] = [];
    for (const [key, { name, value }] of this.#map) {
      if (key === 'set-cookie') for (const cookie of this.#cookies ?? []) lines.push([name, cookie]);
      else lines.push([name, value]);
    }
    return lines;
  }
}
