import { EmailSchema } from '../../schemas/email.js';
import type { EmailIssueCode } from '../../schemas/email.js';
import type { FieldRule } from './submit.js';

/** The e-mail field of a form's table (login, registration, recovery): the address trimmed, each issue in the form's words. */
export function emailRule(value: () => string, t: { emailIssues: Readonly<Record<EmailIssueCode, string>>; checkField: string }): FieldRule<string> {
  return { value, schema: EmailSchema, message: (code) => t.emailIssues[code as EmailIssueCode] ?? t.checkField };
}
