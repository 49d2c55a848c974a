import { formatValue } from '../../errors/format-value.js';
import { JavaDouble, type JavaIntegral, JsonList, parseIntegral } from './values.js';

/** Thrown by {@link parseJavaJson} on text that is not JSON; callers turn it into the AWS failure. */
export class JsonSyntaxError extends Error {}

/**
 * Parses JSON into the Java values API Gateway's JSON library builds: objects → LinkedHashMap (`Map`, insertion
 * order), arrays → JSONArray ({@link JsonList}), integers → Integer/Long (number), numbers written with a
 * fraction or exponent → Double ({@link JavaDouble}, so `1.0` prints `1.0`). One pass, no intermediate objects.
 */
export function parseJavaJson(text: string): unknown {
  const r = new JsonReader(text);
  r.ws();
  const value = r.value();
  r.ws();
  if (r.pos < text.length) r.fail('Unexpected content after the JSON value');
  return value;
}

class JsonReader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new JsonSyntaxError(`${message} at position ${this.pos}`);
  }

  ws(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      p++;
    }
    this.pos = p;
  }

  value(): unknown {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 123: // {
        return this.object();
      case 91: // [
        return this.array();
      case 34: // "
        return this.string();
      case 116: // t
        return this.word('true', true);
      case 102: // f
        return this.word('false', false);
      case 110: // n
        return this.word('null', null);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.number();
        return this.fail(
          Number.isNaN(c)
            ? 'Unexpected end of JSON'
            : `Unexpected character ${formatValue(this.text.charAt(this.pos))}`,
        );
    }
  }

  word(word: string, value: unknown): unknown {
    if (!this.text.startsWith(word, this.pos)) this.fail(`Unexpected token, expected ${word}`);
    this.pos += word.length;
    return value;
  }

  number(): JavaIntegral | JavaDouble {
    const t = this.text;
    const start = this.pos;
    let p = start;
    const negative = t.charCodeAt(p) === 45;
    if (negative) p++;
    // The integer part, accumulated as it is read: most JSON numbers are short integers, which then need no
    // slice and no second parse (15 digits always fit a double exactly).
    let value = 0;
    const first = p;
    if (t.charCodeAt(p) === 48) p++;
    else {
      for (let c = t.charCodeAt(p); c >= 48 && c <= 57; c = t.charCodeAt(++p)) value = value * 10 + (c - 48);
      if (p === first) this.invalidNumber(p);
    }
    const c = t.charCodeAt(p);
    if (c !== 46 && c !== 101 && c !== 69) {
      this.pos = p;
      if (p - first <= 15) return negative ? 0 - value : value;
      return parseIntegral(t.slice(start, p));
    }
    if (c === 46) p = this.digits(p + 1);
    const e = t.charCodeAt(p);
    if (e === 101 || e === 69) {
      p++;
      const sign = t.charCodeAt(p);
      if (sign === 43 || sign === 45) p++;
      p = this.digits(p);
    }
    this.pos = p;
    return new JavaDouble(Number(t.slice(start, p)));
  }

  /** Reads one or more digits from `p`; returns the position after them. */
  digits(p: number): number {
    const t = this.text;
    const from = p;
    while (t.charCodeAt(p) >= 48 && t.charCodeAt(p) <= 57) p++;
    if (p === from) this.invalidNumber(p);
    return p;
  }

  invalidNumber(p: number): never {
    this.pos = p;
    return this.fail('Invalid number');
  }

  string(): string {
    const t = this.text;
    const start = this.pos + 1;
    let p = start;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 34) {
        this.pos = p + 1;
        return t.slice(start, p);
      }
      if (c === 92) return this.escapedString(start);
      if (c < 32 || Number.isNaN(c)) {
        this.pos = p;
        this.fail(Number.isNaN(c) ? 'Unterminated string' : 'Control character in string');
      }
      p++;
    }
  }

  escapedString(start: number): string {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: JSON forbids raw control characters in strings
    const re = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
    re.lastIndex = start - 1;
    const found = re.exec(this.text);
    if (!found) {
      this.pos = start;
      this.fail('Invalid string escape');
    }
    this.pos = start - 1 + found[0].length;
    return JSON.parse(found[0]) as string;
  }

  // Whitespace is skipped only where there is some: every whitespace character is ≤ 32, and text written by
  // JSON.stringify has none, so the common case is one comparison instead of a call.
  array(): JsonList {
    const t = this.text;
    const list = new JsonList();
    this.pos++;
    if (t.charCodeAt(this.pos) <= 32) this.ws();
    if (t.charCodeAt(this.pos) === 93) {
      this.pos++;
      return list;
    }
    for (;;) {
      if (t.charCodeAt(this.pos) <= 32) this.ws();
      list.push(this.value());
      if (t.charCodeAt(this.pos) <= 32) this.ws();
      const c = t.charCodeAt(this.pos++);
      if (c === 93) return list;
      if (c !== 44) {
        this.pos--;
        this.fail('Expected "," or "]"');
      }
    }
  }

  object(): Map<unknown, unknown> {
    const t = this.text;
    const map = new Map<unknown, unknown>();
    this.pos++;
    if (t.charCodeAt(this.pos) <= 32) this.ws();
    if (t.charCodeAt(this.pos) === 125) {
      this.pos++;
      return map;
    }
    for (;;) {
      if (t.charCodeAt(this.pos) <= 32) this.ws();
      if (t.charCodeAt(this.pos) !== 34) this.fail('Expected a property name');
      const key = this.string();
      if (t.charCodeAt(this.pos) <= 32) this.ws();
      if (t.charCodeAt(this.pos) !== 58) this.fail('Expected ":"');
      this.pos++;
      if (t.charCodeAt(this.pos) <= 32) this.ws();
      map.set(key, this.value());
      if (t.charCodeAt(this.pos) <= 32) this.ws();
      const c = t.charCodeAt(this.pos++);
      if (c === 125) return map;
      if (c !== 44) {
        this.pos--;
        this.fail('Expected "," or "}"');
      }
    }
  }
}
