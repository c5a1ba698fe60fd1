import type { z } from 'zod';

// zod states what is wrong with a value in English only ("Too big: expected string to have <=60 characters"),
// and a Chinese console, CLI or API caller deserves the same in Chinese. This says each kind of issue in both
// languages from the issue's own figures (limits, allowed values), so the two never disagree. A schema's own
// rule (a refine) gives its Chinese as `params: { zh }` beside its English message.

export interface IssueText {
  readonly en: string;
  readonly zh: string;
}

const typeNames: Readonly<Record<string, IssueText>> = {
  string: { en: 'text', zh: '文本' },
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  boolean: { en: 'true or false', zh: '是或否' },
  array: { en: 'a list', zh: '列表' },
  object: { en: 'an object', zh: '对象' },
  date: { en: 'a date', zh: '日期' },
};

const typeName = (expected: string): IssueText => typeNames[expected] ?? { en: expected, zh: expected };

/** One limit, said for the kind of value it bounds: characters of text, items of a list, or the number itself. */
function bound(origin: string, limit: number | bigint, side: 'min' | 'max'): IssueText {
  const n = String(limit);
  if (origin === 'string') {
    if (side === 'min' && n === '1') return { en: 'must not be empty', zh: '不能为空' };
    return side === 'min'
      ? { en: `must have at least ${n} characters`, zh: `至少 ${n} 个字符` }
      : { en: `must have at most ${n} characters`, zh: `最多 ${n} 个字符` };
  }
  if (origin === 'array' || origin === 'set') {
    return side === 'min'
      ? { en: `must list at least ${n} items`, zh: `至少 ${n} 项` }
      : { en: `must list at most ${n} items`, zh: `最多 ${n} 项` };
  }
  return side === 'min'
    ? { en: `must be at least ${n}`, zh: `不能小于 ${n}` }
    : { en: `must be at most ${n}`, zh: `不能大于 ${n}` };
}

// zod keeps a pattern's custom message but not the params a refine can carry, so a pattern's Chinese is kept
// here, keyed by the pattern as the issue reports it.
const patternTexts = new Map<string, IssueText>();

/**
 * The message for a pattern check, in both languages: `.regex(re, patternMessage(re, en, zh))`. A pattern
 * (not a refine) stays in the OpenAPI schema, where a client can read it.
 */
export function patternMessage(pattern: RegExp, en: string, zh: string): string {
  patternTexts.set(String(pattern), { en, zh });
  return en;
}

/** What is wrong, in English and Chinese, without the field's name (the caller says which field). */
export function issueText(issue: z.core.$ZodIssue): IssueText {
  const zh = (issue as { params?: { zh?: unknown } }).params?.zh;
  if (typeof zh === 'string') return { en: issue.message, zh };
  switch (issue.code) {
    case 'invalid_type': {
      // zod leaves the input out of its issues; its message is the one place that says nothing was given.
      if (/received undefined$/.test(issue.message)) return { en: 'is required', zh: '必填' };
      const want = typeName(issue.expected);
      return { en: `must be ${want.en}`, zh: `应为${want.zh}` };
    }
    case 'too_small':
      return bound(issue.origin, issue.minimum, 'min');
    case 'too_big':
      return bound(issue.origin, issue.maximum, 'max');
    case 'invalid_value': {
      const values = issue.values.map(String);
      return { en: `must be one of: ${values.join(', ')}`, zh: `须为以下之一：${values.join('、')}` };
    }
    case 'unrecognized_keys':
      return {
        en: `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`,
        zh: `不认识的字段：${issue.keys.join('、')}`,
      };
    case 'invalid_format': {
      const known =
        issue.format === 'regex'
          ? patternTexts.get(String((issue as { pattern?: unknown }).pattern))
          : undefined;
      if (known) return known;
      return { en: `is not in the expected format (${issue.format})`, zh: `格式不符（${issue.format}）` };
    }
    default:
      return { en: issue.message, zh: `格式错误：${issue.message}` };
  }
}
