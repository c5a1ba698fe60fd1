import {
  aggregateNames,
  functionNames,
  isAggregateName,
  isFunctionName,
  isSourceName,
  sourceNames,
  type AggregateName,
  type Expr,
  type Span,
} from './ast';
import { build } from './build';
import { spanning, type Cursor } from './cursor';
import { didYouMean, exprFail } from './expr-error';
import type { Token } from './lexer';
import type { Parser } from './parser';
import { closest } from './suggest';

type WordToken = Extract<Token, { type: 'word' }>;

/** A value that starts with a word: a literal keyword, a date, if(), a function, a behaviour window or a name. */
export function parseWordValue(parser: Parser, token: WordToken): Expr {
  const cursor: Cursor = parser.cursor;
  const word = token.text.toLowerCase();
  if (word === 'true' || word === 'false') {
    cursor.advance();
    return build.boolean(word === 'true', token.span);
  }
  if (word === 'null') {
    cursor.advance();
    return build.null(token.span);
  }
  if (word === 'date' && cursor.next.type === 'string') {
    cursor.advance();
    const literal = cursor.advance() as Extract<Token, { type: 'string' }>;
    return build.date(validDate(literal.value, literal.span), spanning(token.span, literal.span));
  }
  if (cursor.next.type !== 'punct' || cursor.next.text !== '(') {
    cursor.advance();
    if (cursor.isPunct('.')) {
      exprFail(cursor.current.span, "'.' 只用于行为统计中的字段，例如 sum(txn.amount, 30d)", "'.' only names a field inside a behaviour window, e.g. sum(txn.amount, 30d)", {
        found: "'.'",
      });
    }
    return build.identifier(token.text, token.span);
  }
  cursor.advance();
  const open = cursor.advance();
  if (word === 'if') return parseIf(parser, token.span, open.span);
  if (isAggregateName(word)) return parseAggregate(parser, word, token.span);
  if (!isFunctionName(word)) {
    const suggestion = closest(word, [...functionNames, ...aggregateNames, 'if']);
    const tail = didYouMean(suggestion);
    exprFail(token.span, `未知函数 '${token.text}'${tail.zh}`, `unknown function '${token.text}'${tail.en}`, {
      found: token.text,
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }
  const args: Expr[] = [];
  if (!cursor.isPunct(')')) {
    args.push(parser.expression());
    while (cursor.eatPunct(',')) args.push(parser.expression());
  }
  const close = cursor.expectPunct(')', "',' or ')'", "',' 或 ')'");
  return build.call(word, args, spanning(token.span, close.span));
}

function parseIf(parser: Parser, start: Span, _open: Span): Expr {
  const cursor: Cursor = parser.cursor;
  const condition = parser.expression();
  cursor.expectPunct(',', "',' after the condition of if(condition, then, else)", "if(条件, 成立时, 否则) 中条件之后的 ','");
  const then = parser.expression();
  cursor.expectPunct(',', "',' before the else value of if(condition, then, else)", "if(条件, 成立时, 否则) 中的第二个 ','");
  const otherwise = parser.expression();
  const close = cursor.expectPunct(')', "')' to close if(condition, then, else)", "if(…) 的 ')'");
  return build.if(condition, then, otherwise, spanning(start, close.span));
}

function parseAggregate(parser: Parser, fn: AggregateName, start: Span): Expr {
  const cursor: Cursor = parser.cursor;
  const sourceToken = cursor.current;
  const sourceWord = sourceToken.type === 'word' ? sourceToken.text.toLowerCase() : '';
  if (!isSourceName(sourceWord)) {
    const suggestion = sourceWord ? closest(sourceWord, sourceNames) : undefined;
    cursor.failHere(
      `${fn}( 之后应为行为来源（${sourceNames.join('、')}）`,
      `expected a behaviour source (${sourceNames.join(', ')}) after '${fn}('`,
      sourceNames.join(' | '),
      suggestion,
    );
  }
  cursor.advance();
  let field: string | undefined;
  if (cursor.eatPunct('.')) {
    const fieldToken = cursor.current;
    if (fieldToken.type !== 'word') cursor.failHere(`'${sourceWord}.' 之后应为字段名`, `expected a field name after '${sourceWord}.'`, 'a field name');
    field = fieldToken.text;
    cursor.advance();
  }
  const where = cursor.eatKeyword('where') ? parser.expression() : undefined;
  cursor.expectPunct(',', "',' and a window like 90d", "',' 和时间窗口（如 90d）");
  const windowToken = cursor.current;
  if (windowToken.type !== 'window') {
    return cursor.failHere('应为时间窗口，例如 30d（天）或 12m（月）', 'expected a window like 30d (days) or 12m (months)', 'a window like 90d');
  }
  const limit = windowToken.unit === 'd' ? 3660 : 120;
  if (windowToken.amount < 1 || windowToken.amount > limit) {
    exprFail(windowToken.span, '时间窗口须为 1 至 3660 天或 1 至 120 个月', 'a window must be 1 to 3660 days or 1 to 120 months', {
      expected: 'a window like 90d',
      found: `${windowToken.amount}${windowToken.unit}`,
    });
  }
  cursor.advance();
  const close = cursor.expectPunct(')', `')' to close ${fn}(…)`, `${fn}(…) 的 ')'`);
  return build.aggregate(
    fn,
    sourceWord as (typeof sourceNames)[number],
    { amount: windowToken.amount, unit: windowToken.unit },
    { ...(field === undefined ? {} : { field }), ...(where === undefined ? {} : { where }) },
    spanning(start, close.span),
  );
}

/** A calendar day written YYYY-MM-DD that exists (no 30 February). */
function validDate(value: string, span: Span): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day && year >= 1) return value;
  }
  return exprFail(span, `'${value}' 不是有效日期，请写作 YYYY-MM-DD`, `'${value}' is not a date; write YYYY-MM-DD`, {
    expected: 'YYYY-MM-DD',
    found: value,
  });
}
