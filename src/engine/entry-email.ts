/**
 * Entry emails (SPEC §1 Stages `Entry email`, §4): a stage may carry an email
 * to draft for the buyer when a deal enters it. The cell's first line is the
 * subject, the rest the body; `{deal}`, `{company}`, `{owner}`, `{contact}`
 * and `{stage}` are filled from the deal. The draft is never sent by itself
 * unless the team turns that on: a person sends it from the deal panel.
 */

/** A stage's email as Stages writes it, before any deal is filled in. */
export interface EmailTemplate {
  readonly subject: string;
  readonly body: string;
}

/** What the placeholders are filled with. */
export interface EmailFields {
  readonly deal: string;
  readonly company: string;
  readonly owner: string;
  readonly contact: string;
  readonly stage: string;
}

/** The task an entry email becomes (SPEC §4: `Email: <subject>`), so the owner sees it in Tasks. */
export const EMAIL_TASK_PREFIX = 'Email: ';

/**
 * The template in a Stages cell; `null` when blank. Line ends as Sheets or a
 * CSV writes them (`\r\n`, `\n`); blank lines before the subject are skipped.
 *
 * @example
 * parseEmailTemplate('데모 일정 안내\n{contact}님, 안녕하세요.\n{deal} 데모를 준비했습니다.')
 * // → { subject: '데모 일정 안내', body: '{contact}님, 안녕하세요.\n{deal} 데모를 준비했습니다.' }
 * parseEmailTemplate('  ') // → null
 */
export function parseEmailTemplate(text: string): EmailTemplate | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return null;
  return {
    subject: (lines[first] as string).trim(),
    body: lines
      .slice(first + 1)
      .join('\n')
      .trim(),
  };
}

const PLACEHOLDER = /\{(deal|company|owner|contact|stage)\}/g;

/**
 * The email for one deal. A placeholder whose field is blank becomes blank;
 * text in braces that is no placeholder (`{price}`) is kept as written, so a
 * typo shows in the draft instead of vanishing.
 *
 * @example
 * const t = { subject: '{deal}: 제안서', body: '{contact}님, {company} 제안서를 보냅니다. {price}' }
 * draftEmail(t, { deal: '보안 솔루션', company: '한빛', owner: 'kim@x.com', contact: '이서연', stage: '제안' })
 * // → { subject: '보안 솔루션: 제안서', body: '이서연님, 한빛 제안서를 보냅니다. {price}' }
 */
export function draftEmail(template: EmailTemplate, fields: EmailFields): EmailTemplate {
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: keyof EmailFields) => fields[name]);
  return { subject: fill(template.subject), body: fill(template.body) };
}

/**
 * The title of the task an entry email becomes, from the template's subject
 * (the placeholders left in: the task names the stage's email, not one deal's).
 *
 * @example
 * emailTaskTitle({ subject: '데모 일정 안내', body: '' }) // → 'Email: 데모 일정 안내'
 */
export function emailTaskTitle(template: EmailTemplate): string {
  return `${EMAIL_TASK_PREFIX}${template.subject}`;
}
