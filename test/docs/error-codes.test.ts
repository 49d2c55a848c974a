// docs/errors.md lists every code src/ throws, every TestkitError class, and the validator's issue and warning
// codes; this test reads src/ so the page cannot fall behind the code.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanErrorCodes } from './scan-error-codes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const page = readFileSync(`${root}docs/errors.md`, 'utf8');
const { codes, families } = scanErrorCodes(`${root}src`);

/** Codes in the first cell of the page's table rows (`| \`CODE\` | …`). */
const documentedRows = new Set(
  [...page.matchAll(/^\| `([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)` \|/gm)].map((m) => m[1] as string),
);

function unionMembers(typeName: string): string[] {
  const source = readFileSync(`${root}src/response/types.ts`, 'utf8');
  const start = source.indexOf(`export type ${typeName} =`);
  const body = source.slice(start, source.indexOf(';', start));
  return [...body.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1] as string);
}
const issueCodes = unionMembers('ProxyResultIssueCode');
const warningCodes = unionMembers('ProxyResultWarningCode');

describe('the scanner finds the codes thrown by src/', () => {
  it.each([
    'EVENT_PATH_MISMATCH', // new EventInputError('…')
    'PROXY_RESULT_INVALID', // super('…') in a family class
    'ACCESS_LOG_FORMAT_EMPTY', // a local helper error(code, …)
    'CACHE_INVALID_ROUTE_KEY', // passed to an imported helper, third argument
    'THROTTLE_INVALID_ROUTE_KEY', // a helper's default parameter
    'USAGE_NO_PLAN', // either side of a ternary
    'USAGE_AMBIGUOUS_PLAN',
    'FAST_CHECK_INVALID_OPTION', // held in a constant
    'VTL_SYNTAX_ERROR',
  ])('finds %s', (code) => {
    expect(codes.has(code)).toBe(true);
  });

  it.each(['UNKNOWN_KEY', 'INVALID_API_KEY', 'QUOTA_EXCEEDED', 'AWS_PROXY'])(
    'does not take %s (a validator issue, gateway response type or integration type) for a thrown code',
    (code) => {
      expect(codes.has(code)).toBe(false);
    },
  );

  it('finds every TestkitError class', () => {
    expect([...families].sort()).toEqual(
      expect.arrayContaining([
        'EventInputError',
        'GatewayConfigError',
        'InvalidInputError',
        'ProxyResultError',
        'TemplateCheckError',
        'TemplateError',
        'TemplateRuntimeError',
        'TemplateSyntaxError',
        'TestkitError',
      ]),
    );
  });
});

describe('docs/errors.md', () => {
  it('has a row for every code thrown by src/', () => {
    const missing = [...codes.keys()]
      .filter((code) => !documentedRows.has(code))
      .map((code) => `${code} (thrown in ${[...(codes.get(code) ?? [])].join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('names every TestkitError class', () => {
    expect([...families].filter((name) => !page.includes(`\`${name}\``))).toEqual([]);
  });

  it('has a row for every validator issue and warning code of src/response/types.ts', () => {
    expect(issueCodes.length).toBeGreaterThan(10);
    expect(warningCodes.length).toBeGreaterThan(3);
    expect([...issueCodes, ...warningCodes].filter((code) => !documentedRows.has(code))).toEqual([]);
  });

  it('documents no code that src/ no longer has', () => {
    const known = new Set([...codes.keys(), ...issueCodes, ...warningCodes]);
    expect([...documentedRows].filter((code) => !known.has(code))).toEqual([]);
  });

  it('lists each code in one row only', () => {
    const rows = [...page.matchAll(/^\| `([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)` \|/gm)].map((m) => m[1] as string);
    expect(rows.filter((code, i) => rows.indexOf(code) !== i)).toEqual([]);
  });
});
