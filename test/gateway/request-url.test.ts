import { describe, expect, it } from 'vitest';
import { splitUrl } from '../../src/gateway/pipeline/gateway-request.js';

const HOST = 'abcd1234ef.execute-api.us-east-1.amazonaws.com';

describe('the gateway splits a request URL as the client sent it (no decoding, no normalisation)', () => {
  it.each([
    ['https://h.example/dev/pets/7?x=1#frag', 'h.example', '/dev/pets/7', 'x=1'],
    ['https://user@h.example/dev/a', 'h.example', '/dev/a', ''],
    ['https://a@b@h.example/dev/a', 'h.example', '/dev/a', ''],
    ['https://h.example?x=1', 'h.example', '/', 'x=1'],
    ['https://h.example#f?x=1', 'h.example', '/', ''],
    ['https://h.example/dev/a#f?x=1', 'h.example', '/dev/a', ''],
    ['https://h.example/dev/a?b?c#d?e', 'h.example', '/dev/a', 'b?c'],
    ['https://h.example', 'h.example', '/', ''],
    ['https://h.example/dev//pets/./7/../%2B1', 'h.example', '/dev//pets/./7/../%2B1', ''],
    ['/dev/pets?x=1', HOST, '/dev/pets', 'x=1'],
    ['dev/pets', HOST, 'dev/pets', ''],
    ['  https://h.example/dev/a \n', 'h.example', '/dev/a', ''],
    ['https://h.example/dev/a b?c d', 'h.example', '/dev/a%20b', 'c%20d'],
    ["https://h.example/dev/it's?q='x'", 'h.example', "/dev/it's", 'q=%27x%27'],
    ['https://h.example/dev/Zürich?city=Zürich', 'h.example', '/dev/Z%C3%BCrich', 'city=Z%C3%BCrich'],
    ['https://h.example/dev/{a}?<b>', 'h.example', '/dev/%7Ba%7D', '%3Cb%3E'],
  ])('%j → host %s, path %s, query %s', (url, host, pathname, query) => {
    expect(splitUrl(url, HOST)).toEqual({ host, pathname, query });
  });
});
