export type { ApigwMatchers, HeaderValueExpectation, JsonBodyMatcherOptions } from './augmentation.js';
export { type ApigwMatcherImplementations, apigwMatchers, createApigwMatchers } from './matchers.js';
