// The example of docs/errors.md, run as written.

import { isTestkitError } from 'apigw-testkit/errors';
import { buildProxyEventV1 } from 'apigw-testkit/events';
import { expect, it } from 'vitest';

it('a path outside the resource template throws EVENT_PATH_MISMATCH with the fix in the message', () => {
  let caught: unknown;
  try {
    buildProxyEventV1({ resource: '/pets/{id}', path: '/owners/1' });
  } catch (error) {
    caught = error;
  }
  expect(isTestkitError(caught)).toBe(true);
  if (!isTestkitError(caught)) return;
  expect(caught.code).toBe('EVENT_PATH_MISMATCH');
  expect(caught.message).toMatch(
    /^buildProxyEventV1: path \/owners\/1 does not match resource \/pets\/\{id\}\. Give a path that fits /,
  );
  expect(caught.hint).toMatch(/^Give a path that fits/);
});

it('expect(fn).toThrow(objectContaining({ code })) asserts on the code', () => {
  expect(() => buildProxyEventV1({ resource: '/pets/{id}', path: '/owners/1' })).toThrow(
    expect.objectContaining({ code: 'EVENT_PATH_MISMATCH' }),
  );
});
