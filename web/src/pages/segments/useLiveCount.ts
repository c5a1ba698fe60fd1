import { useTranslation } from 'react-i18next';
import { countRuleEndpoint, validateRuleEndpoint, type CountResult } from '../../../../src/segments/schema';
import type { ApiError } from '../../api/client';
import { useEndpoint } from '../../api/useEndpoint';
import type { ExprProblem } from '../../components/expression-check';
import { useDebouncedValue } from '../../components/useDebouncedValue';

export interface LiveCount {
  /** The rule the figures below belong to (the text as it was at the last pause in typing). */
  readonly rule: string;
  /** The server's reason for refusing the rule (e.g. a value an enum tag does not have), positioned. */
  readonly problem: ExprProblem | null;
  readonly result: CountResult | undefined;
  /** The figures shown are for the current text, not an earlier one. */
  readonly current: boolean;
  readonly pending: boolean;
  readonly valid: boolean;
  readonly error: ApiError | null;
}

/**
 * Counts the rule while it is edited: after a pause in typing, and only once the browser's own check passed,
 * the server checks it (it knows enum values and personas) and then counts it over the current profile.
 */
export function useLiveCount(text: string, clientOk: boolean): LiveCount {
  const { i18n } = useTranslation();
  const rule = text.trim();
  const settled = useDebouncedValue(rule, 400);
  const ready = clientOk && settled !== '' && settled === rule;
  const check = useEndpoint(
    validateRuleEndpoint,
    { body: { rule: settled } },
    { enabled: ready, staleTime: 30_000 },
  );
  const valid = ready && check.data?.valid === true;
  const count = useEndpoint(
    countRuleEndpoint,
    { body: { rule: settled } },
    { enabled: valid, staleTime: 30_000, placeholderData: (previous) => previous },
  );
  const refused = ready && check.data?.valid === false ? check.data.problem : null;
  // The server saw the trimmed rule: its positions move by the leading blanks to point into the text shown.
  const lead = text.length - text.trimStart().length;
  const problem: ExprProblem | null = refused
    ? {
        message: i18n.language === 'en-US' ? refused.messages['en-US'] : refused.messages['zh-CN'],
        position: lead + (refused.position ?? 0),
        end: lead + Math.max(refused.end ?? refused.position ?? 0, refused.position ?? 0),
        ...(refused.suggestion ? { suggestion: refused.suggestion } : {}),
      }
    : null;
  return {
    rule: settled,
    problem,
    result: count.data,
    current: valid && count.data !== undefined && !count.isPlaceholderData && !count.isFetching,
    pending: clientOk && rule !== '' && (!ready || check.isFetching || count.isFetching),
    valid,
    error: check.error ?? count.error,
  };
}
