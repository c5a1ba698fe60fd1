export { openStore, allMigrations } from './store';
