export { createIdSource, type IdSource, type IdSourceOptions } from './ids.js';
