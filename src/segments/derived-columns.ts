// RFM quintile scores the segments capability computes itself when the profile lacks the tag library's
// rfm_*_score columns (a bank that replaced the library, or an older profile). Ties are split by ntile, so
// these can differ by a few customers at the edges from the library's tie-sharing scores; the library's
// columns win whenever they exist.
export interface DerivedColumn {
  /** Profile columns the window function reads. */
  readonly reads: readonly string[];
  /** A window function over the whole profile, evaluated in a subquery (windows are not allowed in WHERE). */
  readonly sql: string;
}

export const derivedColumns: Readonly<Record<string, DerivedColumn>> = {
  // Most recent purchase scores 5; never purchased (NULL days) scores 1.
  rfm_r_score: { reads: ['days_since_last_txn'], sql: 'ntile(5) OVER (ORDER BY "days_since_last_txn" DESC NULLS FIRST)' },
  rfm_f_score: { reads: ['txn_count_365d'], sql: 'ntile(5) OVER (ORDER BY coalesce("txn_count_365d", 0))' },
  rfm_m_score: { reads: ['spend_365d'], sql: 'ntile(5) OVER (ORDER BY coalesce("spend_365d", 0))' },
};
