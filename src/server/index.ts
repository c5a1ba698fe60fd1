// The HTTP server's door for the CLI and tests. Capabilities never import it: they export route arrays
// (see src/core/route.ts) and route-table.ts mounts them.
export { buildServer, defaultWebRoot, type ServerOptions } from './app';
export { registerEndpoints, type EndpointDeps } from './register-endpoints';
export { apiRoutes } from './route-table';
