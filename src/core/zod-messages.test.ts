import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueText, patternMessage } from './zod-messages';

const schema = z.strictObject({
  name: z.string().min(1).max(4),
  code: z.string().min(2),
  count: z.number().int().min(1).max(9),
  kind: z.enum(['static', 'dynamic']),
  items: z.array(z.string()).max(2),
  flag: z.boolean(),
  pair: z
    .array(z.number())
    .refine((v) => v.length === 2, { message: 'a pair', params: { zh: '须为两个数' } }),
});

const texts = (input: unknown) =>
  Object.fromEntries(
    (schema.safeParse(input).error?.issues ?? []).map((issue) => [
      issue.path.join('.') || '(root)',
      issueText(issue),
    ]),
  );

describe('zod issues in English and Chinese', () => {
  it('says each kind of issue with its own figures, in both languages', () => {
    expect(
      texts({
        name: 'toolong',
        code: 'x',
        count: 0,
        kind: 'other',
        items: ['a', 'b', 'c'],
        flag: 'yes',
        pair: [1],
        extra: 1,
      }),
    ).toEqual({
      name: { en: 'must have at most 4 characters', zh: '最多 4 个字符' },
      code: { en: 'must have at least 2 characters', zh: '至少 2 个字符' },
      count: { en: 'must be at least 1', zh: '不能小于 1' },
      kind: { en: 'must be one of: static, dynamic', zh: '须为以下之一：static、dynamic' },
      items: { en: 'must list at most 2 items', zh: '最多 2 项' },
      flag: { en: 'must be true or false', zh: '应为是或否' },
      pair: { en: 'a pair', zh: '须为两个数' },
      '(root)': { en: 'unknown field: extra', zh: '不认识的字段：extra' },
    });
  });

  it('says a missing field is required and an empty one must not be empty', () => {
    const found = texts({ name: '', count: 2.5, kind: 'static', items: [], flag: true, pair: [1, 2] });
    expect(found.name).toEqual({ en: 'must not be empty', zh: '不能为空' });
    expect(found.code).toEqual({ en: 'is required', zh: '必填' });
    expect(found.count).toEqual({ en: 'must be a whole number', zh: '应为整数' });
  });

  it('says a pattern in the words given for it, and a bare pattern generically', () => {
    const window = /^[1-9][0-9]*[dm]$/;
    const said = z.string().regex(window, patternMessage(window, 'a window like 30d', '时间窗形如 30d'));
    const bare = z.string().regex(/^x$/);
    const first = (result: ReturnType<typeof said.safeParse>) =>
      issueText(result.error?.issues[0] as z.core.$ZodIssue);
    expect(first(said.safeParse('30 days'))).toEqual({ en: 'a window like 30d', zh: '时间窗形如 30d' });
    expect(first(bare.safeParse('y'))).toEqual({
      en: 'is not in the expected format (regex)',
      zh: '格式不符（regex）',
    });
  });
});
