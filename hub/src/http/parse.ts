// Checking a REST request with zod, and saying what was wrong in the shape every answer has.
import { appError } from '@yichuang/shared/errors';
import type { Response } from 'express';
import type { z } from 'zod';

/** zod's issues as one line for BAD_REQUEST's detail: `field: message; …`. */
export function issuesDetail(error: z.ZodError, root = '(body)'): string {
  return error.issues.map((i) => `${i.path.join('.') || root}: ${i.message}`).join('; ');
}

/** The parsed value, or undefined once a 400 BAD_REQUEST saying what was wrong has been sent. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, res: Response): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  res.status(400).json({ ok: false, error: appError('BAD_REQUEST', { detail: issuesDetail(parsed.error) }) });
  return undefined;
}
