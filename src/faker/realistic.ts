import type { Faker } from '@faker-js/faker';

const PLATFORMS = [
  'Windows NT 10.0; Win64; x64',
  'Macintosh; Intel Mac OS X 10_15_7',
  'X11; Linux x86_64',
  'X11; Ubuntu; Linux x86_64',
];

/**
 * A plausible User-Agent: current desktop and mobile browsers and the HTTP clients that call APIs (curl,
 * Postman, the AWS SDK, Python requests), drawn from `faker`'s random source.
 *
 * @example
 * ```ts
 * import { faker } from '@faker-js/faker';
 * fakeUserAgent(faker); // e.g. 'curl/8.4.0'
 * ```
 */
export function fakeUserAgent(faker: Faker): string {
  const n = (min: number, max: number): number => faker.number.int({ min, max });
  switch (n(0, 7)) {
    case 0:
    case 1:
      return `Mozilla/5.0 (${faker.helpers.arrayElement(PLATFORMS)}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${n(118, 131)}.0.0.0 Safari/537.36`;
    case 2: {
      const v = n(115, 133);
      return `Mozilla/5.0 (${faker.helpers.arrayElement(PLATFORMS)}; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`;
    }
    case 3: {
      const minor = n(0, 6);
      return `Mozilla/5.0 (iPhone; CPU iPhone OS 17_${minor} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.${minor} Mobile/15E148 Safari/604.1`;
    }
    case 4:
      return `curl/8.${n(0, 11)}.${n(0, 1)}`;
    case 5:
      return `PostmanRuntime/7.${n(30, 43)}.${n(0, 3)}`;
    case 6:
      return `aws-sdk-js/3.${n(400, 700)}.0 ua/2.1 os/linux#6.1 lang/js md/nodejs#20.${n(10, 18)}.0`;
    default:
      return `python-requests/2.${n(28, 32)}.${n(0, 3)}`;
  }
}

/**
 * A public-looking IPv4 address (no private, loopback or reserved first octet).
 *
 * @example
 * ```ts
 * import { faker } from '@faker-js/faker';
 * fakeIp(faker); // e.g. '62.110.79.228'
 * ```
 */
export function fakeIp(faker: Faker): string {
  let first = faker.number.int({ min: 1, max: 223 });
  if (first === 10 || first === 127 || first === 100 || first === 169 || first === 172 || first === 192)
    first += 1;
  return `${first}.${faker.number.int(255)}.${faker.number.int(255)}.${faker.number.int({ min: 1, max: 254 })}`;
}

/** A request scenario: a route template, the values of its variables, and a body for writes. */
export interface FakeRoute {
  method: string;
  resource: string;
  pathParameters: Record<string, string> | undefined;
  query: Record<string, string> | undefined;
  body: Record<string, unknown> | undefined;
}

const id = (faker: Faker): string => faker.string.alphanumeric({ length: 12, casing: 'lower' });

/** Picks a plausible REST-style request: reads with paging, writes with a JSON body. */
export function fakeRoute(faker: Faker): FakeRoute {
  switch (faker.number.int(5)) {
    case 0:
      return {
        method: 'GET',
        resource: '/users/{userId}',
        pathParameters: { userId: id(faker) },
        query: undefined,
        body: undefined,
      };
    case 1:
      return {
        method: 'GET',
        resource: '/products',
        pathParameters: undefined,
        query: {
          page: String(faker.number.int({ min: 1, max: 20 })),
          limit: String(faker.helpers.arrayElement([10, 20, 50])),
        },
        body: undefined,
      };
    case 2:
      return {
        method: 'POST',
        resource: '/orders',
        pathParameters: undefined,
        query: undefined,
        body: {
          customerId: id(faker),
          items: [
            {
              sku: faker.string.alphanumeric({ length: 8, casing: 'upper' }),
              quantity: faker.number.int({ min: 1, max: 5 }),
            },
          ],
          currency: faker.helpers.arrayElement(['USD', 'EUR', 'GBP']),
        },
      };
    case 3: {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      return {
        method: 'PUT',
        resource: '/users/{userId}',
        pathParameters: { userId: id(faker) },
        query: undefined,
        body: { firstName, lastName, email: `${firstName}.${lastName}@example.com`.toLowerCase() },
      };
    }
    case 4:
      return {
        method: 'DELETE',
        resource: '/orders/{orderId}',
        pathParameters: { orderId: id(faker) },
        query: undefined,
        body: undefined,
      };
    default:
      return {
        method: 'GET',
        resource: '/search',
        pathParameters: undefined,
        query: { q: faker.lorem.word() },
        body: undefined,
      };
  }
}

/** Values for the variables of a resource template the user chose. */
export function fakePathParameters(faker: Faker, variables: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of variables) out[name] = id(faker);
  return out;
}
