export { Database, inTransaction, tableExists, type Queryable, type OpenOptions } from './database';
export { migrate, type Migration } from './migrate';
export { quoteIdent, quoteLiteral } from './sql';
export type { Row, SqlParams, SqlValue } from './rows';
export { preparedAll, preparedOne } from './prepared';
export { defaultQueryTimeLimitMs, parseQueryTimeLimit, queryTimedOut } from './time-limit';
export { enableQueryProgress, pollQueryProgress, withQueryProgress } from './query-progress';
export { oneAtATime } from './one-at-a-time';
