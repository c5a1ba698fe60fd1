import type { Queryable } from '../db';

/** What the stores need: a Database or a transaction. Neither the raw connection nor transactions are used. */
export type SqlRunner = Omit<Queryable, 'connection'>;
