import { describe, expect, it } from 'vitest';
import { isCardwiseError } from '../errors';
import { build, withoutSpans } from './build';
import type { ExprErrorDetails } from './expr-error';
import { parseExpression } from './parser';
import { printExpression } from './printer';

function errorOf(text: string): { en: string; zh: string; details: ExprErrorDetails } {
  try {
    parseExpression(text);
  } catch (error) {
    if (!isCardwiseError(error) || error.code !== 'expression_invalid') throw error;
    return { en: error.messages['en-US'], zh: error.messages['zh-CN'], details: error.details as ExprErrorDetails };
  }
  throw new Error(`expected ${text} not to parse`);
}

describe('parser: canonical text', () => {
  // input → canonical print: keywords fold to lower case, spacing and parentheses become minimal.
  it.each([
    ['spend_90d>=5000 AND card_tier=\'gold\'', "spend_90d >= 5000 and card_tier = 'gold'"],
    ['a or b and c', 'a or b and c'],
    ['(a or b) and c', '(a or b) and c'],
    ['a - (b - c)', 'a - (b - c)'],
    ['(a - b) - c', 'a - b - c'],
    ['a * (b + c) / 2 % 3', 'a * (b + c) / 2 % 3'],
    ['NOT a = 1', 'not a = 1'],
    ['(not a) = b', '(not a) = b'],
    ['x <> 1', 'x != 1'],
    ['x == 1', 'x = 1'],
    ['-x', '-x'],
    ['- 5', '-5'],
    ['-(5)', '-(5)'],
    ['- -x', '-(-x)'],
    ['x - -5', 'x - -5'],
    ["tier NOT IN ('a','b')", "tier not in ('a', 'b')"],
    ['age BETWEEN 18 AND 30', 'age between 18 and 30'],
    ['x not between 1 + 1 and 3', 'x not between 1 + 1 and 3'],
    ['x IS NOT NULL', 'x is not null'],
    ['if(a > 1, \'hi\', \'lo\')', "if(a > 1, 'hi', 'lo')"],
    ["'it''s'", "'it''s'"],
    ["DATE '2025-01-01'", "date '2025-01-01'"],
    ['round(x, 2) + ABS(y)', 'round(x, 2) + abs(y)'],
    ["count(txn where category = 'travel' and is_overseas, 90d) >= 3", "count(txn where category = 'travel' and is_overseas, 90d) >= 3"],
    ["SUM( txn.amount WHERE category='dining' , 30d )", "sum(txn.amount where category = 'dining', 30d)"],
    ['max(statement.overdue_days, 12m)', 'max(statement.overdue_days, 12m)'],
    ['1.5e3 + 0.25', '1500 + 0.25'],
    ['a || b', 'a || b'],
    ['true and not false or null is null', 'true and not false or null is null'],
    ['spend_90d\n  > 1000', 'spend_90d > 1000'],
  ])('%s → %s', (input, canonical) => {
    const ast = parseExpression(input);
    expect(printExpression(ast)).toBe(canonical);
    expect(withoutSpans(parseExpression(canonical))).toEqual(withoutSpans(ast));
  });

  it('builds the tree with spans', () => {
    const ast = parseExpression('spend_90d > 1000 and card_tier in (\'gold\')');
    expect(withoutSpans(ast)).toEqual(
      build.logical(
        'and',
        build.comparison('>', build.identifier('spend_90d'), build.number(1000)),
        build.in(build.identifier('card_tier'), [build.string('gold')]),
      ),
    );
    expect(ast.span).toEqual({ start: 0, end: 42, line: 1, column: 1 });
    if (ast.kind !== 'logical') throw new Error('expected and');
    expect(ast.right.span).toEqual({ start: 21, end: 42, line: 1, column: 22 });
  });

  it('parses a behaviour window into its parts', () => {
    const ast = withoutSpans(parseExpression("sum(txn.amount where category = 'dining', 30d)"));
    expect(ast).toEqual(
      build.aggregate('sum', 'txn', { amount: 30, unit: 'd' }, {
        field: 'amount',
        where: build.comparison('=', build.identifier('category'), build.string('dining')),
      }),
    );
  });

  it('freezes every node', () => {
    const ast = parseExpression('a in (1, 2)');
    expect(Object.isFrozen(ast)).toBe(true);
    if (ast.kind !== 'in') throw new Error('expected in');
    expect(Object.isFrozen(ast.list)).toBe(true);
  });
});

describe('parser: errors point at the position', () => {
  it.each([
    ['spend_90d > ', 13, "col 13: expected a value after '>', found the end"],
    ['txn_count_30d >= and x', 18, "col 18: expected a value after '>=', found 'and'"],
    ['(spend_90d > 1', 15, "col 15: expected ')' to close the '(' at col 1, found the end"],
    ['spend_90d > 1)', 14, "col 14: unmatched ')'"],
    ['a > 1 > 2', 7, "col 7: comparisons cannot be chained; join two comparisons with 'and'"],
    ['a b', 3, "col 3: expected an operator or the end, found 'b'"],
    ["name = 'abc", 8, "col 8: this text has no closing quote '"],
    ['name = "abc"', 8, "col 8: write text in single quotes, e.g. 'travel'"],
    ['a # b', 3, "col 3: unexpected character '#'"],
    ['a > 1 && b', 7, "col 7: write 'and' for both conditions"],
    ['a（1）', 2, "col 2: '（' is a full-width character; use '('"],
    ['flor(x)', 1, "col 1: unknown function 'flor'; did you mean 'floor'?"],
    ['x is 1', 6, "col 6: expected 'null' or 'not null' after 'is', found 1"],
    ['x not like 1', 7, "col 7: expected 'in' or 'between' after 'not', found 'like'"],
    ['x between 1 or 2', 13, "col 13: expected 'and' in 'between … and …', found 'or'"],
    ['x in 1', 6, "col 6: expected '(' after 'in', found 1"],
    ["date '2025-02-30'", 6, "col 6: '2025-02-30' is not a date; write YYYY-MM-DD"],
    ['count(tx, 30d)', 7, "col 7: expected a behaviour source (txn, event, interaction, statement) after 'count(', found 'tx'"],
    ['count(txn 30d)', 11, "col 11: expected ',' and a window like 90d, found 30d"],
    ['count(txn, 30)', 12, 'col 12: expected a window like 30d (days) or 12m (months), found 30'],
    ['count(txn, 0d)', 12, 'col 12: a window must be 1 to 3660 days or 1 to 120 months'],
    ['sum(txn.amount, 30x)', 17, "col 17: cannot read '30x': write a window as 90d (days) or 12m (months), and put an operator between a number and a name"],
    ['spend_90d > 30d', 13, 'col 13: a window like 30d belongs inside a behaviour count, e.g. count(txn, 90d)'],
    ['txn.amount > 1', 4, "col 4: '.' only names a field inside a behaviour window, e.g. sum(txn.amount, 30d)"],
    ['if(a, b)', 8, "col 8: expected ',' before the else value of if(condition, then, else), found ')'"],
    ['1e999', 1, 'col 1: number 1e999 is out of range'],
    ['', 1, 'col 1: expected a value, found the end'],
  ])('%j → col %i', (text, column, message) => {
    const error = errorOf(text);
    expect(error.en).toBe(message);
    expect(error.details.column).toBe(column);
    expect(error.details.position).toBe(column - 1);
    expect(error.zh).toMatch(new RegExp(`^第 ${column} 列：`));
  });

  it('reports line and column once the text spans lines', () => {
    const error = errorOf("spend_90d > 1000\nand card_tier = 'gold'\n  and >");
    expect(error.en).toBe("line 3, col 7: expected a value after 'and', found '>'");
    expect(error.zh).toBe("第 3 行第 7 列：'and' 之后应为一个值，实际为 '>'");
    expect(error.details).toMatchObject({ line: 3, column: 7, position: 46, expected: 'a value', found: "'>'" });
  });

  it('refuses hostile nesting instead of exhausting the stack', () => {
    expect(errorOf(`${'('.repeat(500)}1${')'.repeat(500)}`).en).toMatch(/nested too deeply/);
  });
});
