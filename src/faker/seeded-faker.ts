import type { Faker, Randomizer } from '@faker-js/faker';
// The English build only: '@faker-js/faker' itself loads every locale (~200 ms per test file).
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import { createIdSource } from '../ids/ids.js';

/** Options every `fake*` function accepts as its second argument. */
export interface FakeOptions {
  /** Seed of everything generated (faker values and event ids). Default `apigw-testkit`. */
  seed?: string | number;
}

/** A faker randomizer drawing from apigw-testkit's seeded id source: seeding is O(1), unlike Mersenne Twister. */
function idSourceRandomizer(): Randomizer & { reseed(seed: string | number): void } {
  let ids = createIdSource({ seed: 0 });
  return {
    next: () => ids.float(),
    seed: (seed) => {
      ids = createIdSource({ seed: Array.isArray(seed) ? seed.join(',') : seed });
    },
    reseed: (seed) => {
      ids = createIdSource({ seed });
    },
  };
}

interface Seeded {
  faker: Faker;
  reseed(seed: string | number): void;
}

/**
 * Returns a Faker (en locale) seeded with `seed`. Building a Faker costs ~100 µs, so one instance is made on
 * first use and re-seeded at the start of every call: nothing carries over from one call to the next, and
 * the result depends only on the seed.
 */
export const seededFaker: (seed: string | number) => Faker = (() => {
  let cached: Seeded | undefined;
  return (seed) => {
    if (cached === undefined) {
      const randomizer = idSourceRandomizer();
      // Same class and the same merged en + base definitions as the English faker, with our randomizer.
      const FakerClass = englishFaker.constructor as typeof Faker;
      cached = {
        faker: new FakerClass({ locale: englishFaker.rawDefinitions, randomizer }),
        reseed: randomizer.reseed,
      };
    }
    cached.reseed(seed);
    return cached.faker;
  };
})();
