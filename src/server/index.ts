export * from './dashboard-server.js';
export * from './dashboard-context.js';
export * from './html.js';
export { isLoopbackHost } from './auth.js';
