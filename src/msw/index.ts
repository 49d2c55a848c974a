export { type MswHandlersOptions, toMswHandlers } from './to-msw-handlers.js';
