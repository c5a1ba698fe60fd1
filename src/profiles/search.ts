import { fail, type AuditWriter, type LocalisedMessage } from '../core';
import type { Database } from '../db';
import { maskName, maskPhone } from '../security';
import type { CustomerSearchHit, CustomerSearchQuery, CustomerSearchResult } from './schema';
import { alsoAName, parseSearchQuery, type SearchKey } from './search-query';
import { ensureSearchKeys } from './search-index-store';
import { findCustomers, type SearchRow } from './search-store';

function hit(row: SearchRow): CustomerSearchHit {
  return {
    customerId: row.customer_id,
    name: row.name ? maskName(row.name) : null,
    phone: row.phone ? maskPhone(row.phone) : null,
    gender: row.gender,
    birthYear: row.birth_date ? Number(row.birth_date.slice(0, 4)) : null,
    city: row.city,
    customerSince: row.customer_since,
  };
}

/** Who searches: whether their role may use personal information as a key, and where their audit goes. */
export interface SearchCaller {
  /** `canSeePii(role)` for an API caller; false on the command line. */
  readonly mayUsePii: boolean;
  /** Who they are, as a refusal names them: "role analyst" / "角色 analyst", "the command line" / "命令行". */
  readonly who: LocalisedMessage;
  readonly audit: AuditWriter;
}

/**
 * Customer search. Results are masked for every role. A name, or a full phone number, is personal
 * information used as a key: only roles that may see PII (agents, admins) may search by it, and such a
 * search is audited (`customer_search`, without the query text, which would put the PII in the log).
 */
export async function searchCustomers(
  db: Database,
  query: CustomerSearchQuery,
  caller: SearchCaller,
): Promise<CustomerSearchResult> {
  const key = parseSearchQuery(query.q);
  const page = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
  const empty = (matchedBy: SearchKey['kind']): CustomerSearchResult => ({ matchedBy, items: [], total: 0, page: query.page, pageSize: query.pageSize });
  if (key.kind === 'invalid') return empty('invalid');
  const mayUsePii = caller.mayUsePii;
  if (key.kind === 'name' && !mayUsePii) {
    fail('forbidden', `${caller.who['zh-CN']} 不能按姓名查找客户`, `${caller.who['en-US']} may not search customers by name`);
  }
  if (key.kind !== 'id') await ensureSearchKeys(db);
  let matchedBy: SearchKey['kind'] = key.kind;
  let found = await findCustomers(db, key, page);
  const name = alsoAName(key);
  if (found.total === 0 && name && mayUsePii) {
    await ensureSearchKeys(db);
    matchedBy = 'name';
    found = await findCustomers(db, { kind: 'name', prefix: name }, page);
  }
  if (matchedBy === 'name' || matchedBy === 'phone_full') {
    await caller.audit('customer_search', null, { by: matchedBy, results: found.total });
  }
  return { matchedBy, items: found.rows.map(hit), total: found.total, page: query.page, pageSize: query.pageSize };
}
