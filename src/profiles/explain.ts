import type { Database } from '../db';
import { explainTag } from '../tags';
import type { TagExplanation } from './schema';
import { tagValue } from './sections/tags';
import { requireCustomer } from './view';

// Inputs are raw source rows (an interaction's text, a customer's contact fields): personal information is
// never part of an explanation, whatever the role, so those fields are dropped before the rows leave.
const personalFields = new Set(['name', 'phone', 'email', 'id_hash', 'text']);

/** How the customer's value of tag `code` was computed, from the tag capability, with PII fields removed. */
export async function explainCustomerTag(db: Database, customerId: string, code: string): Promise<TagExplanation> {
  await requireCustomer(db, customerId);
  const e = await explainTag(db, code, customerId);
  return {
    customerId,
    code,
    definition: { ...e.definition },
    asOf: e.asOf,
    value: tagValue(e.value),
    window: e.window ?? null,
    inputs: e.inputs.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([k]) => !personalFields.has(k)).map(([k, v]) => [k, tagValue(v)])),
    ),
    inputsTruncated: e.inputsTruncated,
  };
}
