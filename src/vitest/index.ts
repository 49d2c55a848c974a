// Types only: makes the matcher types (expect(x).toHaveStatusCode) visible wherever apigw-testkit is imported.
import '../matchers/matcher-types.js';

export type { ApigwMatcherImplementations } from '../matchers/create-matchers.js';
export type { ApigwMatcherContext } from '../matchers/matcher-context.js';
export type {
  ApigwMatchers,
  HeaderValueExpectation,
  JsonBodyMatcherOptions,
} from '../matchers/matcher-types.js';
export { apigwMatchers, createApigwMatchers } from './matchers.js';
