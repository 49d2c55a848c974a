import { describe, expect, it } from 'vitest';
import {
  compileResourcePath,
  fillResourcePath,
  matchResourcePath,
  splitRequestPath,
} from '../../src/events/index.js';
import { errorOf } from './helpers/error-code.js';

describe('matchResourcePath', () => {
  it.each([
    ['/', '/', {}],
    ['/', '//', {}],
    ['/pets', '/pets', {}],
    ['/pets', '/pets/', {}],
    ['/hardcoded', '//hardcoded', {}],
    ['/pets/{id}', '/pets/7', { id: '7' }],
    ['/pets/{id}', '/pets/7/', { id: '7' }],
    ['/pets/{id}', '/pets/a%2Fb', { id: 'a%2Fb' }],
    ['/{proxy+}', '/hello', { proxy: 'hello' }],
    ['/{proxy+}', '/proxy-value/', { proxy: 'proxy-value' }],
    ['/{proxy+}', '/proxy-value//double-slash', { proxy: 'proxy-value//double-slash' }],
    ['/files/{path+}', '/files/a/b/c.txt', { path: 'a/b/c.txt' }],
    ['/o/{owner}/p/{pet}', '/o/1/p/2', { owner: '1', pet: '2' }],
  ])('%s matches %s with %j', (resource, path, expected) => {
    expect(matchResourcePath(resource, path)).toEqual(expected);
  });

  it.each([
    ['/{proxy+}', '/'],
    ['/pets', '/Pets'],
    ['/pets', '/pets/7'],
    ['/pets/{id}', '/pets'],
    ['/pets/{id}', '/pets//'],
    ['/pets/{id}', '/pets/7/extra'],
    ['/files/{path+}', '/files/'],
    ['/a/b', '/a//b'],
  ])('%s does not match %s', (resource, path) => {
    expect(matchResourcePath(resource, path)).toBeNull();
  });

  it('ignores a query string on the path', () => {
    expect(matchResourcePath('/pets/{id}', '/pets/7?x=1')).toEqual({ id: '7' });
  });

  it.each([['pets'], ['/pets/{id'], ['/pets/x{id}'], ['/{proxy+}/more'], ['/a//b'], ['/{a}/{a}']])(
    'refuses the resource %s with EVENT_INVALID_RESOURCE',
    (resource) => {
      expect(errorOf(() => compileResourcePath(resource)).code).toBe('EVENT_INVALID_RESOURCE');
    },
  );

  it('a compiled resource lists its variables and can be reused', () => {
    const compiled = compileResourcePath('/o/{owner}/files/{rest+}');
    expect(compiled.variables).toEqual(['owner', 'rest']);
    expect(compiled.match('/o/1/files/x/y')).toEqual({ owner: '1', rest: 'x/y' });
    expect(compiled.match('/o/1/files')).toBeNull();
  });

  it('fillResourcePath substitutes parameters and refuses a missing one', () => {
    expect(fillResourcePath('/o/{owner}/files/{rest+}', { owner: '1', rest: 'x/y' })).toBe('/o/1/files/x/y');
    expect(fillResourcePath('/', {})).toBe('/');
    expect(errorOf(() => fillResourcePath('/pets/{id}', {})).code).toBe('EVENT_MISSING_PATH_PARAMETER');
  });

  it('splitRequestPath collapses leading slashes and ignores one trailing slash', () => {
    expect(splitRequestPath('//a//b/')).toEqual(['a', '', 'b']);
    expect(splitRequestPath('/')).toEqual([]);
  });

  it('a variable named __proto__ is an own property, not a prototype change', () => {
    const params = matchResourcePath('/{__proto__}', '/x');
    expect(Object.keys(params!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  });
});
