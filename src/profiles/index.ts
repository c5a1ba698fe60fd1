// The profiles capability's public surface: the 360° customer view and customer search.
export * from './schema';
export { profileMigrations } from './migrations';
export { profileRoutes } from './routes';
export { customerView, customerSection, requireCustomer, unmaskedFields, type ViewRequest } from './view';
export { searchCustomers, type SearchCaller } from './search';
export { customerTransactions } from './transactions';
export { explainCustomerTag } from './explain';
export { rebuildSearchKeys, ensureSearchKeys } from './search-index-store';
export { interactionsSection, messagesSection } from './sections/contacts';
export { bureauSection, consentsSection } from './sections/consents';
export { tagsSection } from './sections/tags';
