import { describe, expect, it } from 'vitest';
import { builtinTags } from './library';
import { checkDefinition } from './validate';

// A definition of the wrong shape is refused field by field, in Chinese as well as English: the console's
// editor, the CLI and API callers read these messages (they used to be zod's English inside Chinese text).

describe('a definition of the wrong shape', () => {
  it('names each field with what is wrong, in both languages', () => {
    const { issues } = checkDefinition(
      {
        code: 'Spend-Band',
        name_zh: '消'.repeat(61),
        name_en: 'Spend band',
        dimension: 'behaviour',
        type: 'enum',
        values: ['low', 'low'],
        spec: { kind: 'computed', expression: "if(spend_90d > 1000, 'high', 'low')" },
        description: 'x',
      },
      builtinTags,
    );
    const byField = Object.fromEntries(issues.map((i) => [i.field, { en: i.message, zh: i.message_zh }]));
    expect(byField).toEqual({
      code: { en: 'snake_case: lower-case words joined by _', zh: '须为 snake_case：小写英文单词以 _ 连接' },
      name_zh: { en: 'must have at most 60 characters', zh: '最多 60 个字符' },
      values: {
        en: 'each value once: the profile stores an enum of them',
        zh: '每个取值只能出现一次（画像以枚举存储）',
      },
    });
  });
});
