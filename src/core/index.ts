export * from './errors';
export * from './ids';
export * from './time';
export * from './money';
export * from './progress';
export * from './route';
export * from './expr';
export * from './zod-messages';
