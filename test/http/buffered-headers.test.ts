import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BufferedHeaders } from '../../src/http/buffered-headers.js';
import { BufferedResponse } from '../../src/http/buffered-response.js';

// Named facts of undici's response Headers (Node 20's fetch) that BufferedHeaders reproduces; each runs against
// both, so a difference shows as a failure of the fact it breaks.
type Make = (pairs: [string, string][]) => Headers;
const implementations: [string, Make][] = [
  ['undici Headers', (pairs) => new Response(new Uint8Array(), { headers: pairs }).headers],
  ['BufferedHeaders', (pairs) => new BufferedResponse(new Uint8Array(), { headers: pairs }).headers],
];

describe.each(implementations)('%s of a response', (_name, make) => {
  it.each([
    ['get', ['a b'], 'Headers.get: "a b" is an invalid header name.'],
    ['has', [''], 'Headers.has: "" is an invalid header name.'],
    ['delete', ['x:y'], 'Headers.delete: "x:y" is an invalid header name.'],
    ['append', ['é', 'v'], 'Headers.append: "é" is an invalid header name.'],
    ['set', ['x-a', ' a\0b '], 'Headers.set: "a\0b" is an invalid header value.'],
    ['append', ['x-a', 'a\nb'], 'Headers.append: "a\nb" is an invalid header value.'],
    [
      'get',
      ['ā'],
      'Cannot convert argument to a ByteString because the character at index 0 has a value of 257 which is greater than 255.',
    ],
    [
      'append',
      ['x-a', 'ok😀'],
      'Cannot convert argument to a ByteString because the character at index 2 has a value of 55357 which is greater than 255.',
    ],
    ['get', [Symbol('s')], 'Headers.get: name is a symbol, which cannot be converted to a DOMString.'],
    ['get', [], 'Headers.get: 1 argument required, but 0 found.'],
    ['append', ['x-a'], 'Headers.append: 2 arguments required, but only 1 found.'],
    ['set', [], 'Headers.set: 2 arguments required, but 0 found.'],
    ['forEach', [], 'Headers.forEach: 1 argument required, but 0 found.'],
    ['forEach', [1], "Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'."],
  ] as const)('%s(%j) throws TypeError %j', (method, args, message) => {
    const headers = make([]) as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(() => headers[method]?.(...args)).toThrow(new TypeError(message));
  });

  it('strips HTTP whitespace (space, tab, CR, LF) from both ends of a value and keeps inner whitespace', () => {
    const headers = make([]);
    headers.append('X-A', '\r\n\t a  b \t\n');
    headers.set('X-B', ' ');
    expect([headers.get('x-a'), headers.get('X-B')]).toEqual(['a  b', '']);
  });

  it('joins repeated values with ", " (cookie with "; ") and keeps the first name’s case until a set', () => {
    const headers = make([['X-A', '1']]);
    headers.append('x-a', '2');
    headers.append('Cookie', 'a=1');
    headers.append('COOKIE', 'b=2');
    expect([headers.get('X-a'), headers.get('cookie')]).toEqual(['1, 2', 'a=1; b=2']);
    expect(inspect(headers)).toBe("Headers { 'X-A': '1, 2', Cookie: 'a=1; b=2' }");
    headers.set('x-A', '3');
    expect(inspect(headers)).toBe("Headers { 'x-A': '3', Cookie: 'a=1; b=2' }");
  });

  it('iterates names lowercased and sorted, set-cookie values one by one, and getSetCookie() lists them', () => {
    const headers = make([
      ['Set-Cookie', 'a=1'],
      ['Zeta', 'z'],
      ['set-cookie', 'b=2'],
      ['Alpha', 'a'],
    ]);
    expect([...headers]).toEqual([
      ['alpha', 'a'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['zeta', 'z'],
    ]);
    expect([[...headers.keys()], [...headers.values()]]).toEqual([
      ['alpha', 'set-cookie', 'set-cookie', 'zeta'],
      ['a', 'a=1', 'b=2', 'z'],
    ]);
    expect([headers.get('set-cookie'), headers.getSetCookie()]).toEqual(['a=1, b=2', ['a=1', 'b=2']]);
  });

  it('has live iterators: a step after a change reads the changed, re-sorted list at the same index', () => {
    const headers = make([
      ['b', '2'],
      ['d', '4'],
    ]);
    const iterator = headers.keys();
    expect(iterator.next()).toEqual({ value: 'b', done: false });
    headers.append('a', '1');
    expect([...iterator]).toEqual(['b', 'd']);
    expect(Object.prototype.toString.call(iterator)).toBe('[object Headers Iterator]');
    expect(iterator[Symbol.iterator]()).toBe(iterator);
    expect(inspect(headers.entries())).toBe('Object [Headers Iterator] {}');
  });

  it('is carried line for line by new Headers(h) and new Response(body, { headers: h })', () => {
    const headers = make([
      ['Set-Cookie', 'a=1'],
      ['X-A', '1'],
    ]);
    headers.append('set-cookie', 'b=2');
    const copy = new Headers(headers);
    const response = new Response('x', { headers });
    for (const target of [copy, response.headers]) {
      expect([target.getSetCookie(), target.get('x-a')]).toEqual([['a=1', 'b=2'], '1']);
    }
    expect([...copy]).toEqual([...headers]);
    expect([...response.headers]).toEqual([['content-type', 'text/plain;charset=UTF-8'], ...headers]);
  });
});

describe('a BufferedResponse’s headers object', () => {
  it('is one object (res.headers === res.headers), a Headers, whose changes clone() carries', () => {
    const res = new BufferedResponse('x', { headers: [['X-A', '1']] });
    expect(res.headers).toBe(res.headers);
    expect(res.headers).toBeInstanceOf(Headers);
    res.headers.append('x-a', '2');
    const copy = res.clone();
    expect(copy.headers).not.toBe(res.headers);
    expect(inspect(copy.headers)).toBe(
      "Headers { 'X-A': '1, 2', 'content-type': 'text/plain;charset=UTF-8' }",
    );
    copy.headers.delete('x-a');
    expect(res.headers.get('x-a')).toBe('1, 2');
  });

  it('keeps its changes when body hands the body to a real Response, before and after; clone() carries both', () => {
    const res = new BufferedResponse('a=1', { headers: [['Content-Type', 'text/plain']] });
    res.headers.append('X-Before', '1');
    expect(res.body).toBeInstanceOf(ReadableStream);
    res.headers.append('X-After', '2');
    const copy = res.clone();
    expect([copy.headers.get('x-before'), copy.headers.get('x-after')]).toEqual(['1', '2']);
    expect(inspect(copy.headers)).toBe(inspect(res.headers));
    expect(inspect(res.headers)).toBe(
      "Headers { 'Content-Type': 'text/plain', 'X-Before': '1', 'X-After': '2' }",
    );
  });

  it.each([
    ['blob()', (res: Response) => res.blob().then((blob) => blob.type), 'application/x-www-form-urlencoded'],
    ['formData()', (res: Response) => res.formData().then((form) => [...form.keys()].join()), 'a'],
  ])(
    'hands its current lines to the real Response that %s reads the body through',
    async (_, read, expected) => {
      const res = new BufferedResponse('a=1', { headers: [['Content-Type', 'text/plain']] });
      res.headers.set('content-type', 'application/x-www-form-urlencoded');
      expect(await read(res)).toBe(expected);
      expect(res.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    },
  );

  it('has the Headers global as its constructor, so new headers.constructor(init) makes a checked Headers', () => {
    const { headers } = new BufferedResponse('x', { headers: [['X-A', '1']] });
    expect(headers.constructor).toBe(Headers);
    const Made = headers.constructor as typeof Headers;
    expect([...new Made(headers)]).toEqual([...headers]);
    expect(() => new Made([['a b', '1']])).toThrow(
      new TypeError('Headers.append: "a b" is an invalid header name.'),
    );
  });

  it.each([
    [' a\t', 'a'],
    ['\r\nb c\n', 'b c'],
    ['plain', 'plain'],
  ])(
    'keeps its own headers (no undici) for an init value %j, stored as undici stores it: %j',
    (value, stored) => {
      const { headers } = new BufferedResponse('x', { headers: [['X-A', value]] });
      expect([BufferedHeaders.is(headers), headers.get('x-a')]).toEqual([true, stored]);
    },
  );

  it.each(['a\0b', 'a\nb', 'ā'])('leaves an init value undici refuses (%j) to undici: TypeError', (value) => {
    expect(() => new BufferedResponse('x', { headers: [['X-A', value]] })).toThrow(TypeError);
  });

  it('equals a real Headers with the same lines (toEqual, toStrictEqual) and differs from other lines', () => {
    const { headers } = new BufferedResponse('x', { headers: [['X-A', '1']] });
    const real = new Response('x', { headers: [['X-A', '1']] }).headers;
    expect(headers).toEqual(real);
    expect(headers).toStrictEqual(real);
    expect(headers).not.toEqual(new Response('x', { headers: [['X-A', '2']] }).headers);
  });

  it('throws TypeError "Illegal invocation" (code ERR_INVALID_THIS) for a method called on another object', () => {
    const get = BufferedHeaders.prototype.get;
    const illegal = expect.objectContaining({
      name: 'TypeError',
      message: 'Illegal invocation',
      code: 'ERR_INVALID_THIS',
    });
    expect(() => get.call({}, 'a')).toThrow(illegal);
    expect(() => BufferedHeaders.prototype.keys.call({})).toThrow(illegal);
    const next = new BufferedHeaders([]).keys().next;
    expect(() => next.call({})).toThrow(
      new TypeError("'next' called on an object that does not implement interface Headers Iterator."),
    );
  });
});
