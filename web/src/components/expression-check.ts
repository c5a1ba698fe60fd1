// Client-side parse and type-check of expression text, with the same parser and checker the server runs: the
// console can point at a mistake as it is typed, before any request. The server checks again before saving.
import { z } from 'zod';
import { checkExpression, parseExpression, type ExprCatalog, type ExprType } from '../../../src/core/schema';

export type ExprAst = ReturnType<typeof parseExpression>;

/** A refused expression: the message in the console's language and the offending range of the text. */
export interface ExprProblem {
  readonly message: string;
  /** 0-based offset of the first offending character. */
  readonly position: number;
  /** 0-based offset just past the offending text (at least position). */
  readonly end: number;
  readonly suggestion?: string;
}

export type ExprCheck =
  | { readonly ok: true; readonly ast: ExprAst; readonly type: ExprType | null }
  | { readonly ok: false; readonly problem: ExprProblem };

// The parser throws the core's CardwiseError, which the console may not import (web reads schema.ts only):
// its shape is read with zod instead of trusted.
const thrownSchema = z.object({
  messages: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  details: z.object({ position: z.number(), end: z.number(), suggestion: z.string() }).partial().optional(),
});

/** Reads an expression error (thrown locally, or a server problem with the same fields) for display. */
export function problemFrom(error: unknown, locale: string): ExprProblem | null {
  const parsed = thrownSchema.safeParse(error);
  if (!parsed.success) return null;
  const { messages, details } = parsed.data;
  const position = details?.position ?? 0;
  return {
    message: locale === 'en-US' ? messages['en-US'] : messages['zh-CN'],
    position,
    end: Math.max(details?.end ?? position, position),
    ...(details?.suggestion === undefined ? {} : { suggestion: details.suggestion }),
  };
}

/**
 * Parses, and type-checks when a catalogue is given (filters over a behaviour source's fields are only parsed
 * here: their field list lives on the server, which checks them when asked to validate).
 */
export function checkText(
  text: string,
  catalog: ExprCatalog | null,
  locale: string,
  expect?: ExprType,
): ExprCheck {
  try {
    const ast = parseExpression(text);
    const type = catalog ? checkExpression(ast, catalog, expect ? { expect } : {}) : null;
    return { ok: true, ast, type };
  } catch (error) {
    const problem = problemFrom(error, locale);
    if (!problem) throw error;
    return { ok: false, problem };
  }
}

/** Where the word or quoted text starting at `start` ends (a problem from the server may mark only its start). */
export function tokenEnd(text: string, start: number): number {
  const quote = text[start];
  if (quote === "'" || quote === '"') {
    const close = text.indexOf(quote, start + 1);
    return close === -1 ? text.length : close + 1;
  }
  const word = /^[A-Za-z0-9_]*/.exec(text.slice(start))?.[0] ?? '';
  return start + Math.max(word.length, 1);
}

/**
 * The text with the problem's "did you mean" applied: `spend90d` becomes `spend_90d`, `'platnum'` becomes
 * `'platinum'` (quotes kept). Null when there is no suggestion or nothing would change.
 */
export function withSuggestion(text: string, problem: ExprProblem): string | null {
  const suggestion = problem.suggestion;
  if (suggestion === undefined || problem.position >= text.length) return null;
  const start = problem.position;
  const end = problem.end > start ? Math.min(problem.end, text.length) : tokenEnd(text, start);
  const found = text.slice(start, end);
  const quote = found[0] === "'" || found[0] === '"' ? found[0] : '';
  const replacement = quote && !suggestion.startsWith(quote) ? `${quote}${suggestion}${quote}` : suggestion;
  return found === replacement ? null : `${text.slice(0, start)}${replacement}${text.slice(end)}`;
}
