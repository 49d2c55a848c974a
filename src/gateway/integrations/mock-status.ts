// `"statusCode": 200`, `'statusCode': 200` or `statusCode: 200` as a top-level member of an object.
const LENIENT =
  /^\s*\{(?:[^{}]*?[,\s])?\s*(?:"statusCode"|'statusCode'|statusCode)\s*:\s*(-?\d+)\s*(?:[,}]|$)/;

/**
 * Reads the status code a MOCK integration answers from its integration request body (the rendered request
 * template, or the passed-through request body). The body must be an object whose `statusCode` is an integer:
 * `{"statusCode": 200}`. Like AWS, unquoted and single-quoted member names are accepted (CDK's CORS preflight
 * template is `{ statusCode: 200 }`). A string (`"200"`), a missing member, an empty body or text that is not an
 * object gives `undefined`: AWS answers 500, "Unable to parse statusCode. It should be an integer that is defined
 * in the request template." (behaviour.md has no record; LocalStack's MOCK and a field report agree).
 *
 * @example
 * ```ts
 * parseMockStatus('{"statusCode": 404}'); // 404
 * parseMockStatus('{ statusCode: 200 }'); // 200
 * parseMockStatus(''); // undefined
 * ```
 */
export function parseMockStatus(text: string): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const m = LENIENT.exec(text);
    return m ? Number(m[1]) : undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const value = (parsed as Record<string, unknown>).statusCode;
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}
