// Type-checked only (tsc): the matchers are typed on the `expect` of @jest/globals once apigw-testkit/jest is
// imported, as the Jest set-up file does.
import { expect } from '@jest/globals';
import 'apigw-testkit/jest';

export async function typed(response: Response): Promise<void> {
  expect({ statusCode: 200 }).toHaveStatusCode(200);
  expect(response).toHaveHeader('content-type', /json/);
  await expect(response).toHaveJsonBody({ ok: true });
  await expect(Promise.resolve({ statusCode: 200 })).resolves.toHaveStatusCode(200);
  // @ts-expect-error the header name is a string
  expect(response).toHaveHeader(42);
}
