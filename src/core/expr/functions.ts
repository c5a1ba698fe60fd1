import type { ExprType, FunctionName } from './ast';

/**
 * The whitelist of scalar functions: what each takes and gives. `variadic` functions take two or more
 * arguments of one shared type and give that type. The console lists these for autocompletion.
 */
export interface FunctionSignature {
  readonly params: readonly ExprType[];
  /** Trailing parameters that may be left out. */
  readonly optional?: number;
  readonly variadic?: readonly ExprType[];
  readonly result: ExprType | 'same';
  readonly en: string;
  readonly zh: string;
}

const numeric = (en: string, zh: string): FunctionSignature => ({ params: ['number'], result: 'number', en, zh });
const anyType: readonly ExprType[] = ['number', 'string', 'date', 'boolean'];
const ordered: readonly ExprType[] = ['number', 'string', 'date'];

export const functionSignatures: Readonly<Record<FunctionName, FunctionSignature>> = {
  abs: numeric('absolute value', '绝对值'),
  round: {
    params: ['number', 'number'],
    optional: 1,
    result: 'number',
    en: 'round half away from zero, to n decimal places (a whole number from -10 to 10, default 0)',
    zh: '四舍五入到 n 位小数（-10 至 10 的整数，默认 0）',
  },
  floor: numeric('largest whole number not above x', '向下取整'),
  ceil: numeric('smallest whole number not below x', '向上取整'),
  ln: numeric('natural logarithm; null when x ≤ 0', '自然对数；x ≤ 0 时为空'),
  sqrt: numeric('square root; null when x < 0', '平方根；x < 0 时为空'),
  least: { params: [], variadic: ordered, result: 'same', en: 'smallest argument, ignoring nulls', zh: '最小值（忽略空值）' },
  greatest: { params: [], variadic: ordered, result: 'same', en: 'largest argument, ignoring nulls', zh: '最大值（忽略空值）' },
  coalesce: { params: [], variadic: anyType, result: 'same', en: 'first argument that is not null', zh: '第一个非空参数' },
  days_between: { params: ['date', 'date'], result: 'number', en: 'days from the first date to the second', zh: '两个日期相差的天数（后减前）' },
  age: { params: ['date'], result: 'number', en: 'whole years from the date to the as-of date', zh: '到数据截止日的周岁' },
  year: { params: ['date'], result: 'number', en: 'calendar year', zh: '年份' },
  month: { params: ['date'], result: 'number', en: 'month, 1 to 12', zh: '月份（1–12）' },
  as_of: { params: [], result: 'date', en: "the portfolio's as-of date (the Shanghai day of the latest transaction)", zh: '数据截止日（最新一笔交易的北京时间日期）' },
  lower: { params: ['string'], result: 'string', en: 'lower case', zh: '转小写' },
  upper: { params: ['string'], result: 'string', en: 'upper case', zh: '转大写' },
  length: { params: ['string'], result: 'number', en: 'number of characters', zh: '字符数' },
  contains: { params: ['string', 'string'], result: 'boolean', en: 'whether the text contains the part', zh: '是否包含' },
  starts_with: { params: ['string', 'string'], result: 'boolean', en: 'whether the text starts with the part', zh: '是否以…开头' },
  ends_with: { params: ['string', 'string'], result: 'boolean', en: 'whether the text ends with the part', zh: '是否以…结尾' },
};
