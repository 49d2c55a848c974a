export { type BufferedBody, BufferedResponse } from './buffered-response.js';
export {
  isFetchResponse,
  type ResponseSnapshot,
  readResponse,
  responseHeaderValues,
} from './read-response.js';
export { type ExtraHeaders, toFetchResponse } from './to-fetch-response.js';
