import { describe, expect, it } from 'vitest';
import {
  binaryMediaTypeMatches,
  firstMediaRange,
  restDecodesBase64,
  validateProxyResult,
} from '../../src/response/index.js';

const PNG_B64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/wIAAgkBAyMAlYwAAAAASUVORK5CYII=';
const result = {
  statusCode: 200,
  body: PNG_B64,
  isBase64Encoded: true,
  headers: { 'Content-Type': 'image/png' },
};

describe('REST decodes isBase64Encoded only when the FIRST Accept media range matches binaryMediaTypes', () => {
  it.each<[string, string | null, string[], boolean]>([
    ['an exact match decodes', 'image/png', ['image/png'], true],
    ['only the first media range counts (match first)', 'image/png, text/html', ['image/png'], true],
    ['only the first media range counts (match second only)', 'text/html, image/png', ['image/png'], false],
    ['parameters on the media range are ignored', 'image/png;q=0.9', ['image/png'], true],
    ['Accept */* does not match image/png (no content negotiation)', '*/*', ['image/png'], false],
    ['Accept image/* does not match image/png', 'image/*', ['image/png'], false],
    [
      'a right-hand wildcard entry application/* matches application/whatever',
      'application/whatever',
      ['application/*'],
      true,
    ],
    ['a right-hand wildcard entry does not match another type', 'text/plain', ['application/*'], false],
    ['a left-hand wildcard entry */test never matches', 'random/test', ['image/png', '*/test'], false],
    ['no Accept header decodes nothing', null, ['image/png'], false],
    ['no binaryMediaTypes decodes nothing', 'image/png', [], false],
    ['media types compare case-insensitively', 'IMAGE/PNG', ['image/png'], true],
  ])('%s', (_fact, accept, binaryMediaTypes, decoded) => {
    const report = validateProxyResult(result, { request: { accept, binaryMediaTypes } });
    expect(report.ok).toBe(true);
    expect(report.response.isBase64Decoded).toBe(decoded);
    if (decoded) {
      expect(report.response.bodyBytes).toEqual(new Uint8Array(Buffer.from(PNG_B64, 'base64')));
      expect(report.warnings).toEqual([]);
    } else {
      expect(report.response.body).toBe(PNG_B64);
      expect(report.response.bodyBytes).toBeUndefined();
      expect(report.warnings.map((w) => w.code)).toEqual(['BASE64_NOT_DECODED']);
    }
  });

  it('a body with isBase64Encoded false is never decoded, even when the types match', () => {
    const report = validateProxyResult(
      { statusCode: 200, body: 'aGk=' },
      { request: { accept: 'image/png', binaryMediaTypes: ['image/png'] } },
    );
    expect(report.response).toMatchObject({ body: 'aGk=', isBase64Decoded: false });
  });

  it('an entry of exactly */* makes every response binary by default (UNCONFIRMED, configurable)', () => {
    const request = { accept: 'text/html', binaryMediaTypes: ['*/*'] };
    expect(validateProxyResult({ body: 'aGk=', isBase64Encoded: true }, { request }).response).toMatchObject({
      body: 'hi',
      isBase64Decoded: true,
    });
    const ignored = validateProxyResult(
      { body: 'aGk=', isBase64Encoded: true },
      { request, starStarBinaryMediaType: 'ignored' },
    );
    expect(ignored.response).toMatchObject({ body: 'aGk=', isBase64Decoded: false });
  });

  it('a body that must be decoded but is not base64 is rejected (UNCONFIRMED)', () => {
    const report = validateProxyResult(
      { body: 'not base64!', isBase64Encoded: true },
      { request: { accept: 'image/png', binaryMediaTypes: ['image/png'] } },
    );
    expect(report.issues.map((i) => [i.path, i.code])).toEqual([['$.body', 'BODY_NOT_BASE64']]);
    expect(report.response.statusCode).toBe(502);
  });
});

describe('media range helpers', () => {
  it('firstMediaRange takes the first range without parameters, lower-cased', () => {
    expect(firstMediaRange(' Image/PNG ; q=1 , */*')).toBe('image/png');
    expect(firstMediaRange('')).toBeNull();
    expect(firstMediaRange(undefined)).toBeNull();
  });

  it('binaryMediaTypeMatches is literal', () => {
    expect(binaryMediaTypeMatches('image/png', 'image/png')).toBe(true);
    expect(binaryMediaTypeMatches('image/*', 'image/*')).toBe(true);
    expect(binaryMediaTypeMatches('image/*', '*/*')).toBe(false);
    expect(binaryMediaTypeMatches('*/png', 'image/png')).toBe(false);
    expect(binaryMediaTypeMatches('*/*', null)).toBe(true);
    expect(binaryMediaTypeMatches('*/*', null, 'ignored')).toBe(false);
  });

  it('restDecodesBase64 needs both an Accept match and a configured type', () => {
    expect(restDecodesBase64('image/png, */*', ['image/png'])).toBe(true);
    expect(restDecodesBase64('*/*', ['image/png'])).toBe(false);
    expect(restDecodesBase64('image/png', undefined)).toBe(false);
  });
});
