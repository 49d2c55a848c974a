import { describe, expect, it } from 'vitest';
import { headerValueKind, LATIN1, PLAIN, WIDE } from '../../src/http/header-line.js';

// How a response header value travels through undici: as it is (PLAIN), trimmed or refused (LATIN1: undici's
// Headers trim spaces and tabs at the edges and reject NUL, CR and LF), or as UTF-8 bytes (WIDE: above U+00FF).
describe('headerValueKind: which header values undici stores unchanged', () => {
  it.each([
    ['', PLAIN],
    ['application/json', PLAIN],
    ['Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0', PLAIN],
    ['caf\u00e9', PLAIN],
    ['\u00ff', PLAIN],
    [' leading', LATIN1],
    ['trailing\t', LATIN1],
    ['a\nb', LATIN1],
    ['a\rb', LATIN1],
    ['a\u0000b', LATIN1],
    ['\u0100', WIDE],
    ['snowman \u2603', WIDE],
    ['lone surrogate \ud800', WIDE],
    ['wide after a newline\n\u2603', WIDE],
    [' wide with edge space \u2603 ', WIDE],
  ])('%j is kind %i', (value, kind) => {
    expect(headerValueKind(value)).toBe(kind);
  });
});
