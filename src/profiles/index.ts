// The profiles capability's public surface: the 360° customer view and customer search.
export * from './schema';
export { profileMigrations } from './migrations';
export { profileRoutes } from './routes';
export { customerView, requireCustomer, unmaskedFields, type ViewRequest } from './view';
export { searchCustomers } from './search';
export { customerTransactions } from './transactions';
export { explainCustomerTag } from './explain';
export { rebuildSearchKeys, ensureSearchKeys } from './search-index-store';
