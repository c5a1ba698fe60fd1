// Browser-safe surface of the data capability: endpoint declarations and zod types the console imports.
export * from './dashboard/schema';
