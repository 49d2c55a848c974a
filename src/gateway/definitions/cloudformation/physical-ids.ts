/** A deterministic 10-character lowercase id (`[a-z0-9]`) for a name: the same template gives the same API ids. */
export function apiIdFor(name: string): string {
  return hashId(name, 10);
}

/** The id `Fn::GetAtt [Api, RootResourceId]` resolves to. */
export function rootResourceIdFor(apiLogicalId: string): string {
  return hashId(`${apiLogicalId}/`, 10);
}

function hashId(text: string, length: number): string {
  // FNV-1a, 32 bit, twice with different offsets: enough spread for ids, no randomness.
  let out = '';
  for (let round = 0; out.length < length; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(36).padStart(7, '0');
  }
  return out.slice(0, length);
}
