import { describe, expect, it } from 'vitest';
import { compileSelectionPattern } from '../../../src/gateway/integrations/mapping/java-regex.js';
import { selectIntegrationResponse } from '../../../src/gateway/integrations/mapping/select-integration-response.js';
import { selectRequestTemplate } from '../../../src/gateway/integrations/mapping/select-request-template.js';
import { selectResponseTemplate } from '../../../src/gateway/integrations/mapping/select-response-template.js';
import type { ResolvedIntegrationResponse } from '../../../src/gateway/integrations/mapping/types.js';
import { parseMockStatus } from '../../../src/gateway/integrations/mock-status.js';
import { compileTemplate } from '../../../src/vtl/index.js';

const t = (s: string) => compileTemplate(s);

describe('selectionPattern: Java regex with whole-string matches() semantics (behaviour.md §4.5)', () => {
  it.each([
    ['2\\d{2}', '200', true],
    ['2\\d{2}', '2000', false],
    ['4\\d{2}', 'x404', false],
    ['.*', '', true],
    ['.*Not Found.*', 'Pet Not Found here', true],
    ['(?i)not found', 'NOT FOUND', true],
    ['\\Q1.0\\E', '1.0', true],
    ['\\Q1.0\\E', '1x0', false],
    ['a|b', 'b', true],
  ])('%s against %j → %s', (pattern, value, expected) => {
    expect(compileSelectionPattern('where', pattern)(value)).toBe(expected);
  });

  it('a pattern that does not compile is GATEWAY_INVALID_INTEGRATION', () => {
    expect(() => compileSelectionPattern('where', '([')).toThrow(
      expect.objectContaining({ code: 'GATEWAY_INVALID_INTEGRATION' }),
    );
  });
});

const response = (statusCode: number, pattern: string | null): ResolvedIntegrationResponse => ({
  statusCode,
  selectionPattern: pattern,
  matches: pattern === null ? null : compileSelectionPattern('w', pattern),
  responseTemplates: new Map(),
  responseParameters: [],
});

describe('selectIntegrationResponse', () => {
  const rs = [response(200, null), response(400, '4\\d{2}'), response(404, '404')];
  it('the first matching pattern in declaration order wins over later ones and over the default', () => {
    expect(selectIntegrationResponse(rs, '404')?.statusCode).toBe(400);
  });
  it('no pattern matching falls back to the default', () => {
    expect(selectIntegrationResponse(rs, '302')?.statusCode).toBe(200);
  });
  it('a null selection value (successful Lambda) matches only the default or .*', () => {
    expect(selectIntegrationResponse([response(500, '.*')], null)?.statusCode).toBe(500);
    expect(selectIntegrationResponse([response(400, '4\\d{2}')], null)).toBeUndefined();
  });
});

describe('selectRequestTemplate: the passthrough matrix (behaviour.md §4.4)', () => {
  const some = new Map([['application/json', t('{}')]]);
  it.each([
    [some, 'application/json; charset=UTF-8', 'NEVER', 'template'],
    [some, null, 'NEVER', 'template'],
    [some, 'text/plain', 'WHEN_NO_MATCH', 'passthrough'],
    [some, 'text/plain', 'WHEN_NO_TEMPLATES', 'unsupported'],
    [some, 'text/plain', 'NEVER', 'unsupported'],
    [new Map(), 'text/plain', 'WHEN_NO_MATCH', 'passthrough'],
    [new Map(), 'text/plain', 'WHEN_NO_TEMPLATES', 'passthrough'],
    [new Map(), 'text/plain', 'NEVER', 'unsupported'],
  ] as const)('%#: Content-Type %s with %s → %s', (templates, contentType, behaviour, kind) => {
    expect(selectRequestTemplate(templates, contentType, behaviour).kind).toBe(kind);
  });
});

describe('selectResponseTemplate: first Accept media type, then application/json, then the first template', () => {
  const templates = new Map([
    ['text/plain', t('plain')],
    ['application/json', t('json')],
  ]);
  it.each([
    ['text/plain;q=0.5, application/json', 'text/plain'],
    ['application/json, text/plain', 'application/json'],
    ['*/*', 'application/json'],
    [null, 'application/json'],
  ])('Accept %j → %s', (accept, mediaType) => {
    expect(selectResponseTemplate(templates, accept)?.mediaType).toBe(mediaType);
  });
  it('no templates → undefined (the body passes through)', () => {
    expect(selectResponseTemplate(new Map(), 'text/plain')).toBeUndefined();
  });
});

describe('parseMockStatus', () => {
  it.each([
    ['{"statusCode": 200}', 200],
    ['{ statusCode: 204 }', 204],
    ["{'statusCode': 500, 'a': 'b'}", 500],
    ['{"a": 1, "statusCode": 302}', 302],
    ['{"statusCode": "200"}', undefined],
    ['{"statusCode": 200.5}', undefined],
    ['[200]', undefined],
    ['', undefined],
    ['statusCode: 200', undefined],
  ])('%j → %s', (text, status) => {
    expect(parseMockStatus(text)).toBe(status);
  });
});
