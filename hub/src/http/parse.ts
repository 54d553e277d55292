// Checking a REST request or a command's payload with zod, and saying what was wrong, in Chinese and
// in English, in the shape every answer has.
import { appError, type AppError, type Bilingual } from '@yichuang/shared/errors';
import type { Response } from 'express';
import { z } from 'zod';

const text = (map: z.core.$ZodErrorMap) => (issue: z.core.$ZodRawIssue): string => {
  const said = map(issue);
  return typeof said === 'string' ? said : (said?.message ?? '');
};
const zh = text(z.locales.zhCN().localeError);
const en = text(z.locales.en().localeError);
// zod words an issue while parsing and then drops the input ("received number"), so the hub's zod
// says each issue in both languages at once, `中文 / English` like the schemas' own messages, for
// issuesDetail to take apart. The Chinese half writes a slash full-width, so the first ASCII slash
// after it is the divide. Browser bundles never load this file and keep zod's default.
z.config({ localeError: (issue) => `${zh(issue).replaceAll('/', '／')} / ${en(issue)}` });

/** `中文 / English` split at the first slash after a Chinese part; any other message reads the same in both. */
const BILINGUAL = /^([^/]*\p{Script=Han}[^/]*?)\s*\/\s*(.+)$/su;

function halves(message: string): Bilingual {
  const m = BILINGUAL.exec(message);
  return m ? { zh: m[1]!, en: m[2]! } : { zh: message, en: message };
}

/** zod's issues as BAD_REQUEST's detail, `field：问题；…` in Chinese and `field: problem; …` in English. */
export function issuesDetail(error: z.ZodError, root = '(body)'): Bilingual {
  const issues = error.issues.map((i) => ({ where: i.path.join('.') || root, ...halves(i.message) }));
  return {
    zh: issues.map((i) => `${i.where}：${i.zh}`).join('；'),
    en: issues.map((i) => `${i.where}: ${i.en}`).join('; '),
  };
}

/** BAD_REQUEST for zod's issues: the detail, and each issue at its field's path for a form to show beside the field. */
export function badRequest(error: z.ZodError, root = '(body)'): AppError {
  const fields = error.issues.map((i) => {
    const { zh, en } = halves(i.message);
    return { path: i.path.join('.'), message: zh, messageEn: en };
  });
  return { ...appError('BAD_REQUEST', { detail: issuesDetail(error, root) }), fields };
}

/** The parsed value, or undefined once a 400 BAD_REQUEST saying what was wrong has been sent. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, res: Response): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  res.status(400).json({ ok: false, error: badRequest(parsed.error) });
  return undefined;
}
