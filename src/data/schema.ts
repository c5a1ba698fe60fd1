// Browser-safe surface of the data capability: endpoint declarations and zod types the console imports.
export * from './cluster/schema';
export * from './dashboard/schema';
export * from './import/schema';
export * from './quality/schema';
