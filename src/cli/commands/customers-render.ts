import { formatShanghai } from '../../core';
import type { z } from 'zod';
import type {
  bureauSectionSchema,
  consentsSectionSchema,
  CustomerSearchResult,
  CustomerView,
  interactionsSectionSchema,
  messagesSectionSchema,
} from '../../profiles';

/** The summary with the sections `customers show` also reads. */
export type FullCustomerView = CustomerView & {
  readonly interactions: z.infer<typeof interactionsSectionSchema>;
  readonly messages: z.infer<typeof messagesSectionSchema>;
  readonly consents: z.infer<typeof consentsSectionSchema>;
  readonly bureau: z.infer<typeof bureauSectionSchema>;
};

// Plain-text renderings of the profile capability's answers for a terminal: the JSON (--json) is the
// API's response, this is for people.

const money = (n: number | null) => (n === null ? '-' : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const at = (iso: string) => formatShanghai(new Date(iso));
const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '-' : String(v));

function unavailable(title: string, section: { available: false; reason: { 'en-US': string } }): string[] {
  return [`${title}: not available (${section.reason['en-US']})`];
}

export function renderCustomerView(v: FullCustomerView): string {
  const p = v.profile;
  const lines = [
    `${p.customerId}  ${dash(p.name)}  ${dash(p.gender)}  age ${dash(p.age)}  ${dash(p.city)} (tier ${dash(p.cityTier)})  [personal fields masked]`,
    `phone ${dash(p.phone)}  email ${dash(p.email)}  customer since ${p.customerSince} (${dash(p.tenureMonths)} months)  as of ${dash(v.asOf)}`,
    `${dash(p.occupation)} · income ${dash(p.incomeBand)} · ${dash(p.education)} · ${dash(p.maritalStatus)} · via ${dash(p.acquisitionChannel)}`,
    '',
  ];
  if (v.accounts.available) {
    lines.push(`Accounts (${v.accounts.openCount} open, total limit ${money(v.accounts.totalCreditLimit)}):`);
    for (const a of v.accounts.items) {
      lines.push(`  ${a.accountId}  ${dash(a.productNameEn)}  ${a.status}  limit ${money(a.creditLimit)}  opened ${a.openedAt}${a.closedAt ? `  closed ${a.closedAt}` : ''}`);
    }
  } else lines.push(...unavailable('Accounts', v.accounts));
  if (v.statements.available) {
    const s = v.statements.summary;
    lines.push(`Statements: last ${s.statements}, ${s.paidInFull} paid in full, ${s.minimumOnly} minimum only, ${s.overdue} overdue (worst ${s.worstOverdueDays} days)`);
    for (const st of v.statements.items.slice(0, 6)) {
      lines.push(`  ${st.period}  ${st.accountId}  balance ${money(st.balance)}  min ${money(st.minDue)}  paid ${money(st.paidAmount)}  ${st.repayment}${st.overdueDays ? `  overdue ${st.overdueDays}d` : ''}`);
    }
  } else lines.push(...unavailable('Statements', v.statements));
  if (v.spending.available) {
    lines.push(`Spend, 365 days: ${money(v.spending.total365d)} in ${v.spending.txnCount365d} transactions; last ${v.spending.lastTxnAt ? at(v.spending.lastTxnAt) : '-'}`);
    for (const c of v.spending.categories.slice(0, 8)) lines.push(`  ${c.category.padEnd(16)} ${money(c.spend).padStart(14)}  ${(c.share * 100).toFixed(1)}%`);
  } else lines.push(...unavailable('Spend', v.spending));
  if (v.transactions.available) {
    lines.push(`Latest transactions (${v.transactions.firstPage.total} in all):`);
    for (const t of v.transactions.firstPage.items.slice(0, 10)) {
      lines.push(`  ${at(t.ts)}  ${money(t.amount).padStart(12)}  ${dash(t.category).padEnd(16)} ${dash(t.merchant)}`);
    }
  }
  if (v.interactions.available) {
    const recent = v.interactions.last90d.map((c) => `${c.category} ${c.count}`).join(', ') || 'none';
    lines.push(`Service interactions: ${v.interactions.total} (90 days: ${recent})`);
  }
  if (v.messages.available) {
    const m = v.messages.summary;
    lines.push(`Messages: ${m.total} (${m.control} control), sent ${m.sent}, opened ${m.opened}, clicked ${m.clicked}, converted ${m.converted}`);
  }
  if (v.consents.available) {
    const granted = v.consents.current.filter((c) => c.status === 'granted').map((c) => `${c.channel}/${c.purpose}`);
    lines.push(`Consents granted: ${granted.join(', ') || 'none'}; preferred channels: ${v.consents.preferences.map((p) => p.channel).join(' > ') || '-'}`);
  }
  if (v.bureau.available) {
    const last = v.bureau.items[v.bureau.items.length - 1];
    lines.push(`Bureau: ${last ? `score ${dash(last.score)} as of ${last.asOf}, ${dash(last.inquiries6m)} inquiries in 6 months` : 'no pulls'}`);
  }
  if (v.tags.available) {
    lines.push(`Tags (as of ${v.tags.asOf}): ${v.tags.groups.map((g) => `${g.dimension} ${g.tags.length}`).join(', ')}`);
  } else lines.push(...unavailable('Tags', v.tags));
  if (!v.segments.available) lines.push(...unavailable('Segments', v.segments));
  if (!v.models.available) lines.push(...unavailable('Model scores', v.models));
  return `${lines.join('\n')}\n`;
}

export function renderSearchResult(r: CustomerSearchResult): string {
  if (r.matchedBy === 'invalid') return 'The query is not an id, a masked phone (138****5678) or a phone number.\n';
  const header = `${r.total} found by ${r.matchedBy.replace('_', ' ')} (page ${r.page}, ${r.pageSize} per page)`;
  const rows = r.items.map((h) => `  ${h.customerId}  ${dash(h.name).padEnd(6)} ${dash(h.phone).padEnd(18)} ${dash(h.gender)} ${dash(h.birthYear)}  ${dash(h.city)}  since ${h.customerSince}`);
  return `${[header, ...rows].join('\n')}\n`;
}
