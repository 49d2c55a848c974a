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
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return v.includes('${AWS::')
        ? v.replace(/\$\{(AWS::[A-Za-z]+)\}/g, (m, n: string) => pseudo[n] ?? m)
        : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item)]));
    }
    return v;
  };
  return walk(value);
}
