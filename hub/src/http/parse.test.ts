// A validation detail in each language: zod's own words and the schemas' `中文 / English` messages.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesDetail } from './parse.js';

const detail = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a failure');
  return issuesDetail(parsed.error);
};

describe('issuesDetail', () => {
  it('says zod’s own issues in Chinese and in English, field by field', () => {
    expect(detail(z.object({ n: z.number(), s: z.string().max(2) }), { n: 'x', s: 'abc' })).toEqual({
      zh: 'n：无效输入：期望 数字，实际接收 string；s：数值过大：期望 string <=2 字符',
      en: 'n: Invalid input: expected number, received string; s: Too big: expected string to have <=2 characters',
    });
  });

  it('splits a schema’s bilingual message and keeps an untranslated one whole, slashes and all', () => {
    expect(detail(z.string().min(1, '请填写姓名 / give a name'), '')).toEqual({ zh: '(body)：请填写姓名', en: '(body): give a name' });
    expect(detail(z.string().regex(/^a$/, 'a path such as /dev/tty'), 'b')).toEqual({ zh: '(body)：a path such as /dev/tty', en: '(body): a path such as /dev/tty' });
  });

  it('keeps a slash in zod’s Chinese (a pattern) from being taken for the divide', () => {
    expect(detail(z.string().regex(/^a\/b$/), 'x')).toEqual({ zh: '(body)：无效字符串：必须满足正则表达式 ／^a\\／b$／', en: '(body): Invalid string: must match pattern /^a\\/b$/' });
  });
});
