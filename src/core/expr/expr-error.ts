import { fail } from '../errors';
import type { Span } from './ast';

/** What an expression error carries besides its message, for the console to underline the right text. */
export interface ExprErrorDetails {
  /** 0-based offset of the first offending character. */
  readonly position: number;
  /** 0-based offset just past the offending text. */
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly expected?: string;
  readonly found?: string;
  readonly suggestion?: string;
}

type Extra = Partial<Pick<ExprErrorDetails, 'expected' | 'found' | 'suggestion'>>;

/**
 * Raises `expression_invalid` prefixed with where it happened, in the form people read: "col 17: …" for a
 * one-line rule, "line 2, col 5: …" once the text spans lines.
 */
export function exprFail(span: Span, zh: string, en: string, extra: Extra = {}): never {
  const whereEn = span.line > 1 ? `line ${span.line}, col ${span.column}` : `col ${span.column}`;
  const whereZh = span.line > 1 ? `第 ${span.line} 行第 ${span.column} 列` : `第 ${span.column} 列`;
  const details: ExprErrorDetails = {
    position: span.start,
    end: span.end,
    line: span.line,
    column: span.column,
    ...extra,
  };
  return fail('expression_invalid', `${whereZh}：${zh}`, `${whereEn}: ${en}`, details);
}

/** The "did you mean" tail in both languages, empty when there is nothing close enough to suggest. */
export function didYouMean(suggestion: string | undefined): { zh: string; en: string } {
  if (suggestion === undefined) return { zh: '', en: '' };
  return { zh: `，您是否想输入 '${suggestion}'？`, en: `; did you mean '${suggestion}'?` };
}
