// Lambda proxy integrations invoked through an alias or version: the context Lambda builds for them.
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';

describe('qualifier and functionVersion of a Lambda proxy integration', () => {
  it.each([
    [{}, 'arn:aws:lambda:us-east-1:123456789012:function:pets', '$LATEST'],
    [{ qualifier: 'live' }, 'arn:aws:lambda:us-east-1:123456789012:function:pets:live', '$LATEST'],
    [{ qualifier: '7' }, 'arn:aws:lambda:us-east-1:123456789012:function:pets:7', '7'],
    [
      { qualifier: 'live', functionVersion: '3' },
      'arn:aws:lambda:us-east-1:123456789012:function:pets:live',
      '3',
    ],
  ])('%j: invokedFunctionArn %s, functionVersion %s', async (fields, arn, version) => {
    let seen: unknown[] = [];
    const gateway = createGateway({
      routes: {
        'GET /p': {
          integration: {
            type: 'AWS_PROXY',
            functionName: 'pets',
            ...fields,
            handler: async (_event, context) => {
              seen = [
                context.invokedFunctionArn,
                context.functionVersion,
                context.logStreamName.includes(`[${version}]`),
              ];
              return { statusCode: 200 };
            },
          },
        },
      },
    });
    await gateway.fetch('/dev/p');
    expect(seen).toEqual([arn, version, true]);
  });

  it('refuses a qualifier that is not an alias or version name', () => {
    expect(() =>
      createGateway({
        routes: {
          'GET /p': { integration: { type: 'AWS_PROXY', handler: async () => ({}), qualifier: 'a:b' } },
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'GATEWAY_INVALID_OPTION' }));
  });
});
