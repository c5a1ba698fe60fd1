import { fail } from '../core';
import type { Database, Row } from '../db';
import * as tags from '../tags';
import type { TagExplanation } from './schema';
import { tagValue } from './sections/tags';
import { requireCustomer } from './view';

// Inputs are raw source rows (an interaction's text, a customer's contact fields): personal information is
// never part of an explanation, whatever the role, so those fields are dropped before the rows leave.
const personalFields = new Set(['name', 'phone', 'email', 'id_hash', 'text']);

interface TagsExplanation {
  readonly definition: Readonly<Record<string, unknown>>;
  readonly asOf: string;
  readonly value: unknown;
  readonly window?: { readonly from?: string; readonly until: string };
  readonly inputs: readonly Row[];
  readonly inputsTruncated: boolean;
}
type ExplainTag = (db: Database, code: string, customerId: string) => Promise<TagsExplanation>;

// The tag capability is adding explainTag to its door while this is written; read it by name so that the
// server keeps starting before it lands (an ESM import of a missing name fails at load time).
const explainTag = (tags as Readonly<Record<string, unknown>>).explainTag as ExplainTag | undefined;

/** How the customer's value of tag `code` was computed, from the tag capability, with PII fields removed. */
export async function explainCustomerTag(db: Database, customerId: string, code: string): Promise<TagExplanation> {
  await requireCustomer(db, customerId);
  if (!explainTag) fail('not_found', '标签计算说明尚未上线', 'tag explanations are not available yet');
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
