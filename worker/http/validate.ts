// Request validation at the boundary with zod; failures become 400 { error: { code: 'invalid', fields } }, in the request's language.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { type ZodType, z } from 'zod';
import { typedAscii } from '../lib/normalize';
import { ApiError, type FieldErrors } from './errors';
import { type FieldIssue, fieldMessage, requestLocale } from './messages';

export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) =>
  zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const data = result.data as { locale?: unknown } | null | undefined;
    const locale = requestLocale(c, typeof data === 'object' && data !== null ? data.locale : undefined);
    const fields: FieldErrors = {};
    for (const issue of result.error.issues) {
      const key = issue.path.join('.') || '_';
      fields[key] ??= fieldMessage(locale, issue as unknown as FieldIssue);
    }
    throw new ApiError(400, 'invalid', 'Some fields need attention.', fields, locale);
  });

/** A phone or email field: full-width input (１３８…, ｗａｎｇ＠…) is made ASCII and trimmed before the checks after it. */
export const asciiText = () => z.string().overwrite(typedAscii);
