import { isCardwiseError, prepareExpression, type Locale, type ExprCatalog, type ExprErrorDetails, type PreparedExpression } from '../core';
import type { RuleCheck, RuleProblem } from './definition-schema';

/**
 * Parses a rule and type-checks it against the catalogue; it must give true/false. Throws `expression_invalid`
 * with the position, the reason and, for a misspelt tag, a suggestion.
 */
export function prepareRule(text: string, catalog: ExprCatalog): PreparedExpression {
  return prepareExpression(text, catalog, { expect: 'boolean' });
}

function problemOf(error: unknown, locale: Locale): RuleProblem | undefined {
  if (!isCardwiseError(error) || error.code !== 'expression_invalid') return undefined;
  const details = (error.details ?? {}) as Partial<ExprErrorDetails>;
  return {
    message: error.messages[locale],
    messages: error.messages,
    ...(details.position === undefined ? {} : { position: details.position }),
    ...(details.end === undefined ? {} : { end: details.end }),
    ...(details.line === undefined ? {} : { line: details.line }),
    ...(details.column === undefined ? {} : { column: details.column }),
    ...(details.suggestion === undefined ? {} : { suggestion: details.suggestion }),
  };
}

/** The editor's check: a refused rule is an expected outcome here, so it comes back as a value, not an error. */
export function checkRule(text: string, catalog: ExprCatalog, locale: Locale = 'zh-CN'): RuleCheck {
  try {
    const prepared = prepareRule(text, catalog);
    return {
      valid: true,
      canonical: prepared.canonical,
      tags: [...prepared.dependencies.identifiers],
      usesBehaviour: prepared.dependencies.windows.length > 0,
    };
  } catch (error) {
    const problem = problemOf(error, locale);
    if (!problem) throw error;
    return { valid: false, problem };
  }
}
