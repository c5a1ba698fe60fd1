// Browser-safe surface of the tag capability: definition types and (below) the HTTP endpoints.
export * from './definition-schema';
