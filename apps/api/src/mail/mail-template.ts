import { refusal } from '../common/errors';
import { checkTemplate } from '../letters/letter-template';

/** The e-mail that carries letters: subject and body are Handlebars over the same fields as letters. */
export interface MailTemplate {
  subject: string;
  body: string;
}

/** The reference leads the subject, so a reply can be matched to its case. */
export const BUILT_IN_MAIL_TEMPLATE: MailTemplate = {
  subject: '{{reference}}: our letter about your request',
  body: `Dear {{requester.name}}

Please find attached our letter about your request for information (our reference {{reference}}).

If you reply, please keep the reference in the subject.

Yours sincerely

{{authority.team}}
{{authority.name}}
{{authority.email}}`,
};

/** Refuses a template naming fields letters do not have, or a subject that is empty or spans lines. */
export function checkMailTemplate(template: MailTemplate): void {
  if (!template.subject.trim() || /[\r\n]/.test(template.subject)) {
    throw refusal('VALIDATION_FAILED', 'The subject must be one line of text.', {
      fields: [{ field: 'subject', message: 'must be one non-empty line' }],
    });
  }
  checkTemplate(template.subject);
  checkTemplate(template.body);
}
