/**
 * Replaces `${AWS::AccountId}`, `${AWS::Partition}` and `${AWS::Region}` in every string of a document, as API
 * Gateway does on import (behaviour.md §17.1). Other `${…}` text is left alone (stage variables, placeholders).
 */
export function substitutePseudoParameters(
  value: unknown,
  settings: { region: string; accountId: string },
): unknown {
  const pseudo: Record<string, string> = {
    'AWS::AccountId': settings.accountId,
    'AWS::Partition': 'aws',
    'AWS::Region': settings.region,
  };
  // Copies only the branches that hold a pseudo parameter; everything else is shared with the input.
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return v.includes('${AWS::')
        ? v.replace(/\$\{(AWS::[A-Za-z]+)\}/g, (m, n: string) => pseudo[n] ?? m)
        : v;
    }
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      v.forEach((item, i) => {
        const next = walk(item);
        if (next === item) return;
        copy = copy ?? [...v];
        copy[i] = next;
      });
      return copy ?? v;
    }
    let copy: Record<string, unknown> | undefined;
    for (const key in v) {
      const item = (v as Record<string, unknown>)[key];
      const next = walk(item);
      if (next === item) continue;
      copy = copy ?? { ...(v as Record<string, unknown>) };
      copy[key] = next;
    }
    return copy ?? v;
  };
  return walk(value);
}
