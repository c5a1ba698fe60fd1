import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { validateTagEndpoint, type validationIssueSchema } from '../../../../src/tags/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { checkText, tokenEnd, type ExprProblem } from '../../components/expression-check';
import { tagCatalog } from '../../components/tag-catalog';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { coveredBy, draftIssues, fieldLabel } from './draft-checks';
import { definitionOf, type TagDraft } from './tag-draft';

export type ValidationIssue = z.infer<typeof validationIssueSchema>;
export type ExpressionField = 'expression' | 'filter' | 'base';

interface CatalogTag {
  readonly code: string;
  readonly type: 'number' | 'boolean' | 'enum' | 'date' | 'string';
}

export interface TagValidation {
  /** Per expression input: the problem to underline, from the browser's check first, else the server's. */
  readonly problems: Readonly<Record<ExpressionField, ExprProblem | null>>;
  /** What the browser and the server found beyond the expressions (names, windows, cycles …), in the console's language. */
  readonly issues: readonly ValidationIssue[];
  /** Labels of required fields not filled in yet and not touched: said once, not as errors under each input. */
  readonly missing: readonly string[];
  readonly checking: boolean;
  readonly valid: boolean;
}

function usedFields(draft: TagDraft): ExpressionField[] {
  if (draft.kind === 'computed') return ['expression'];
  if (draft.kind === 'static') return draft.filter.trim() ? ['expression', 'filter'] : ['expression'];
  return [
    ...(draft.filter.trim() ? (['filter'] as const) : []),
    ...(draft.base.trim() ? (['base'] as const) : []),
  ];
}

/**
 * Checks a draft the way the server will: its expressions parse (and a computed tag's type-checks against the
 * catalogue) in the browser as they are typed; then, after a pause, the whole definition is validated by the
 * server, whose issues name the field and, for expressions, the position.
 */
export function useTagValidation(
  draft: TagDraft,
  tags: readonly CatalogTag[],
  editingCode: string | null,
  touched: ReadonlySet<keyof TagDraft>,
): TagValidation {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const catalog = useMemo(
    () =>
      tagCatalog(
        tags.filter((tag) => tag.code !== editingCode),
        false,
      ),
    [tags, editingCode],
  );
  const fields = usedFields(draft);
  const client: Record<ExpressionField, ExprProblem | null> = { expression: null, filter: null, base: null };
  for (const field of fields) {
    const check = checkText(
      draft[field],
      field === 'expression' && draft.kind === 'computed' ? catalog : null,
      locale,
    );
    if (!check.ok) client[field] = check.problem;
  }
  const clientOk = fields.every((f) => client[f] === null);
  // Compared as text: the definition is rebuilt on every render, and only a change of content should wait.
  const current = JSON.stringify(definitionOf(draft));
  const settled = useDebouncedValue(current, 350);
  const body = useMemo(() => JSON.parse(settled) as Record<string, unknown>, [settled]);
  const server = useEndpoint(
    validateTagEndpoint,
    { body },
    { enabled: clientOk, placeholderData: (previous) => previous },
  );
  const fresh =
    server.data !== undefined && !server.isPlaceholderData && !server.isFetching && settled === current;
  // Issues of an earlier draft would point at things already fixed: only the current draft's are shown.
  const serverIssues = clientOk && fresh ? (server.data?.issues ?? []) : [];
  const message = (issue: ValidationIssue) => (locale === 'en-US' ? issue.message : issue.message_zh);
  // A required field left empty before anyone typed in it is not yet a mistake: it is listed as still to fill.
  const shape = draftIssues(draft);
  const untouched = (field: string) => !touched.has(field as keyof TagDraft);
  const pending = shape.filter((i) => i.key === 'required' && untouched(i.field));
  const shown = shape.filter((i) => !pending.includes(i));
  const judged = new Set(shape.map((i) => i.field));
  const problems = { ...client };
  const rest: ValidationIssue[] = shown.map((i) => {
    const text = t(`tags.issue.${i.key}`, { field: fieldLabel(i.field, t), ...i.values });
    return { field: i.field, message: text, message_zh: text };
  });
  for (const issue of serverIssues) {
    // The server's word on a field the browser has judged is the same finding in English: said once.
    if (coveredBy(issue.field, judged)) continue;
    const field = fields.find((f) => issue.field === `spec.${f}`);
    if (field && issue.position !== undefined && problems[field] === null) {
      problems[field] = {
        message: message(issue),
        position: issue.position,
        // The server marks where the problem starts: the word there is underlined whole.
        end: tokenEnd(draft[field], issue.position),
        ...(issue.suggestion ? { suggestion: issue.suggestion } : {}),
      };
    } else rest.push({ ...issue, message: message(issue) });
  }
  return {
    problems,
    issues: rest,
    missing: pending.map((i) => fieldLabel(i.field, t)),
    checking: clientOk && (server.isFetching || !fresh),
    valid: clientOk && shape.length === 0 && fresh && server.data?.valid === true,
  };
}
