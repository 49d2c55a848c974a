// Type-checked only (tsc): in a CommonJS module, `import … = require()` resolves apigw-testkit/jest through its
// `require` condition (dist/jest/*.d.cts), and the matchers are typed on the expect of @jest/globals.
import globals = require('@jest/globals');
import jest = require('apigw-testkit/jest');

async function typedCjs(response: Response): Promise<void> {
  const { expect } = globals;
  expect({ statusCode: 200 }).toHaveStatusCode(200);
  await expect(response).toHaveJsonBody({ ok: true });
  // @ts-expect-error the status code is a number
  expect(response).toHaveStatusCode('200');
  expect.extend({ toBeV2: jest.createApigwMatchers({ payloadFormat: '2.0' }).toBeValidProxyResult });
}

export = typedCjs;
