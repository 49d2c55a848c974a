import * as fc from 'fast-check';
import { compileResourcePath } from '../events/index.js';
import { pathSegment, type ResourcePath } from './http-parts.js';

/**
 * Request paths that match a given resource template (`/pets/{id}`, `/files/{proxy+}`), with the path
 * parameters the match gives. Static segments stay as written, each `{var}` gets one raw segment, a greedy
 * `{name+}` gets one to three segments and sometimes a trailing slash (kept in the path, dropped from
 * the parameter). An invalid template throws `EVENT_INVALID_RESOURCE` at once.
 */
export function resourcePathFor(resource: string): fc.Arbitrary<ResourcePath> {
  const { segments } = compileResourcePath(resource);
  const parts = segments.map(
    (segment): fc.Arbitrary<{ text: string; param?: [string, string]; slash?: boolean }> => {
      if (segment.kind === 'static') return fc.constant({ text: segment.text });
      if (segment.kind === 'variable')
        return pathSegment().map((value) => ({ text: value, param: [segment.name, value] }));
      return fc
        .tuple(fc.array(pathSegment(), { minLength: 1, maxLength: 3 }), fc.boolean())
        .map(([values, slash]) => ({
          text: values.join('/'),
          param: [segment.name, values.join('/')],
          slash,
        }));
    },
  );
  return fc.tuple(...parts).map((values) => {
    const pathParameters: Record<string, string> = {};
    let trailing = '';
    for (const value of values) {
      if (value.param) pathParameters[value.param[0]] = value.param[1];
      if (value.slash) trailing = '/';
    }
    return { resource, path: `/${values.map((v) => v.text).join('/')}${trailing}`, pathParameters };
  });
}
