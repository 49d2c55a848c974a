export { type GatewayTestAgent, request } from './request.js';
