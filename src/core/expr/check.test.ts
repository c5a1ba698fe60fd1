import { describe, expect, it } from 'vitest';
import { isCardwiseError } from '../errors';
import { catalogOf } from './catalog';
import { checkExpression } from './check';
import { dependencies } from './dependencies';
import type { ExprErrorDetails } from './expr-error';
import { parseExpression } from './parser';
import { prepareExpression } from './prepare';

const catalog = catalogOf({
  spend_90d: { type: 'number' },
  spend_30d: { type: 'number' },
  txn_count_30d: { type: 'number' },
  card_tier: { type: 'string', values: ['classic', 'gold', 'platinum', 'diamond'] },
  city: { type: 'string' },
  birth_date: { type: 'date' },
  last_txn_date: { type: 'date' },
  is_revolver: { type: 'boolean' },
});

const typeOf = (text: string) => checkExpression(parseExpression(text), catalog);

function errorOf(text: string): { en: string; zh: string; details: ExprErrorDetails } {
  try {
    typeOf(text);
  } catch (error) {
    if (!isCardwiseError(error) || error.code !== 'expression_invalid') throw error;
    return { en: error.messages['en-US'], zh: error.messages['zh-CN'], details: error.details as ExprErrorDetails };
  }
  throw new Error(`expected ${text} not to type-check`);
}

describe('type checker: types', () => {
  it.each([
    ['spend_90d * 1.1 + 5', 'number'],
    ["card_tier in ('gold', 'platinum') and not is_revolver", 'boolean'],
    ["city || '市'", 'string'],
    ['greatest(birth_date, last_txn_date)', 'date'],
    ['coalesce(spend_90d, 0)', 'number'],
    ['if(is_revolver, null, spend_30d)', 'number'],
    ['days_between(last_txn_date, as_of()) > 30', 'boolean'],
    ["age(birth_date) between 25 and 35 and birth_date < date '2000-01-01'", 'boolean'],
    ["count(txn where category = 'travel' and is_overseas, 90d)", 'number'],
    ['max(statement.paid_at, 12m)', 'date'],
    ["count_distinct(txn.merchant where channel in ('online', 'mobile'), 30d)", 'number'],
    ["avg(interaction.sentiment where category = 'complaint', 180d) < 0", 'boolean'],
    ["count(event where event = 'login', 30d) = 0", 'boolean'],
    ['round(spend_90d / 3, 2)', 'number'],
    ['spend_90d is null or card_tier is not null', 'boolean'],
  ])('%s : %s', (text, type) => {
    expect(typeOf(text)).toBe(type);
  });
});

describe('type checker: errors with positions and suggestions', () => {
  it.each([
    ['spend90d > 3', 1, "unknown tag 'spend90d'; did you mean 'spend_90d'?", 'spend_90d'],
    ['txn_count_3od > 1', 1, "unknown tag 'txn_count_3od'; did you mean 'txn_count_30d'?", 'txn_count_30d'],
    ['Spend_90D > 3', 1, "unknown tag 'Spend_90D'; did you mean 'spend_90d'?", 'spend_90d'],
    ['zzz > 3', 1, "unknown tag 'zzz'", undefined],
    ["card_tier = 'platnum'", 13, "'platnum' is not a value of card_tier (classic, gold, platinum, diamond); did you mean 'platinum'?", 'platinum'],
    ["card_tier in ('gold', 'dimond')", 23, "'dimond' is not a value of card_tier (classic, gold, platinum, diamond); did you mean 'diamond'?", 'diamond'],
    ["'gld' = card_tier", 1, "'gld' is not a value of card_tier (classic, gold, platinum, diamond); did you mean 'gold'?", 'gold'],
    ["count(txn where category = 'travle', 90d)", 28, "'travle' is not a value of category (dining, travel, shopping, online_shopping, supermarket, entertainment, health, education, mother_baby, fuel, transport, utilities, automotive, cash, financial, other); did you mean 'travel'?", 'travel'],
    ["count(txn where categry = 'travel', 90d)", 17, "txn has no field 'categry'; did you mean 'category'?", 'category'],
    ['sum(txn.amout, 30d)', 1, "txn has no field 'amout'; did you mean 'amount'?", 'amount'],
  ])('%s', (text, column, message, suggestion) => {
    const error = errorOf(text);
    expect(error.en).toBe(`col ${column}: ${message}`);
    expect(error.details.column).toBe(column);
    expect(error.details.suggestion).toBe(suggestion);
    expect(error.zh.startsWith(`第 ${column} 列：`)).toBe(true);
  });

  it.each([
    ["'abc' > 3", "col 9: the two sides of '>' mix text and a number"],
    ['spend_90d > 1 and 3', "col 19: expected true/false on the right of 'and', found a number"],
    ['spend_90d and is_revolver', "col 1: expected true/false on the left of 'and', found a number"],
    ["city + '市'", "col 1: expected a number on the left of '+', found text (join text with '||')"],
    ['is_revolver || is_revolver', "col 1: expected text on the left of '||', found true/false (for either-or write 'or')"],
    ['birth_date - last_txn_date', "col 1: expected a number on the left of '-', found a date (use days_between(a, b) for the days between dates)"],
    ["birth_date > '2000-01-01'", "col 14: the two sides of '>' mix a date and text; write a date as date '2025-01-01'"],
    ['not spend_90d', "col 5: expected true/false on 'not', found a number"],
    ['-city', "col 2: expected a number on '-', found text"],
    ['is_revolver < true', "col 1: '<' cannot order true/false values; use = or !="],
    ['spend_90d = null', "col 13: test for null with 'is null'"],
    ["card_tier not in ('gold', null)", "col 27: a list may not hold null; test for it with 'is null'"],
    ["if(spend_90d, 1, 2)", 'col 4: expected true/false on the condition of if(), found a number'],
    ["if(is_revolver, 1, 'x')", "col 20: the two branches of if() mix a number and text"],
    ['round(spend_90d, 1, 2)', 'col 1: round() takes 1 or 2 arguments, got 3'],
    ['round(spend_90d, spend_30d)', 'col 18: the places of round() must be a whole number from -10 to 10, written out'],
    ['abs()', 'col 1: abs() takes 1 argument, got 0'],
    ['least(spend_90d)', 'col 1: least() takes 2 or more arguments, got 1'],
    ['least(is_revolver, true)', 'col 1: least() does not take true/false'],
    ['age(spend_90d)', 'col 5: expected a date on argument 1 of age(), found a number'],
    ['sum(txn, 30d)', 'col 1: sum() needs a field, e.g. sum(txn.amount, 30d)'],
    ['sum(txn.category, 30d)', 'col 1: sum() cannot take the field category, which is text'],
    ['count(txn where amount, 30d)', 'col 17: expected true/false on the where of count(), found a number'],
    ['count(txn where count(txn, 1d) > 0, 30d)', 'col 17: a behaviour window cannot sit inside the where of another'],
    ['count(txn where spend_90d > 0, 30d)', "col 17: txn has no field 'spend_90d'"],
    ['null', 'col 1: the expression is always null'],
    ['abs(null) > 1', "col 5: null may only be a branch of if() or an argument of coalesce(); to test for it write 'is null'"],
    ['null is null', "col 1: null may only be a branch of if() or an argument of coalesce(); to test for it write 'is null'"],
    ['if(is_revolver, null, null) is null', 'col 1: both branches of if() are null'],
    ['coalesce(null, null) is null', 'col 1: every argument of coalesce() is null'],
  ])('%s', (text, message) => {
    expect(errorOf(text).en).toBe(message);
  });

  it('checks the type the caller needs', () => {
    expect(() => checkExpression(parseExpression('spend_90d + 1'), catalog, { expect: 'boolean' })).toThrow(
      'col 1: this must give true/false, but the expression gives a number',
    );
    expect(checkExpression(parseExpression('spend_90d > 1'), catalog, { expect: 'boolean' })).toBe('boolean');
  });
});

describe('dependencies', () => {
  it('lists tags, sources and windows, not the fields inside a where', () => {
    const deps = dependencies(
      parseExpression("spend_90d > 1000 and count(txn where category = 'travel', 90d) >= 3 and sum(statement.fees, 12m) > spend_30d and spend_90d < 9"),
    );
    expect(deps.identifiers).toEqual(['spend_30d', 'spend_90d']);
    expect(deps.sources).toEqual(['statement', 'txn']);
    expect(deps.windows.map((w) => `${w.fn}:${w.source}`)).toEqual(['count:txn', 'sum:statement']);
    expect(deps.usesAsOf).toBe(true);
    expect(dependencies(parseExpression('a + b')).usesAsOf).toBe(false);
    expect(dependencies(parseExpression('age(birth_date)')).usesAsOf).toBe(true);
  });

  it('prepares text in one call with its canonical form', () => {
    const prepared = prepareExpression("SPEND_90D >= 5000 AND card_tier='gold'".replace('SPEND_90D', 'spend_90d'), catalog, { expect: 'boolean' });
    expect(prepared.canonical).toBe("spend_90d >= 5000 and card_tier = 'gold'");
    expect(prepared.type).toBe('boolean');
    expect(prepared.dependencies.identifiers).toEqual(['card_tier', 'spend_90d']);
  });
});

describe('the README examples', () => {
  it('parse and type-check', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    const block = /```text\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(4);
    const docs = catalogOf({
      spend_90d: { type: 'number' },
      spend_30d: { type: 'number' },
      card_tier: { type: 'string', values: ['classic', 'gold', 'platinum', 'diamond'] },
      birth_date: { type: 'date' },
      city_tier: { type: 'number' },
      last_txn_date: { type: 'date' },
    });
    for (const line of lines) expect(() => checkExpression(parseExpression(line), docs)).not.toThrow();
  });
});
