import { isEmailAddress } from '../../engine/email';
import type { HealthFindings } from '../../engine/health';
import type { Language } from '../../engine/table';
import { isoDate } from '../../engine/zone';
import { digestText } from '../i18n/digest-text';

export interface DigestMail {
  /** An owner's digest of their deals, or a manager's of every flagged deal. */
  kind: 'owner' | 'manager';
  to: string;
  subject: string;
  body: string;
}

/**
 * One digest per owner with flagged deals (stale or overdue), plus one with
 * every flagged deal for the manager. Owners that are not email addresses get
 * nothing. Pure: the caller sends, within the mail quota.
 */
export function planDigests(
  findings: HealthFindings,
  options: { managers: readonly string[]; language: Language; spreadsheetName: string; url: string },
): DigestMail[] {
  const lines = new Map<string, string[]>();
  const all: string[] = [];
  const add = (owner: string, line: string) => {
    all.push(`${line}${owner ? ` — ${owner}` : ''}`);
    if (!isEmailAddress(owner)) return;
    const list = lines.get(owner) ?? [];
    list.push(line);
    lines.set(owner, list);
  };
  const t = digestText(options.language);
  const label = (d: { id: string; name: string }) => `${d.id}${d.name ? ` ${d.name}` : ''}`;
  for (const s of findings.stale)
    add(s.deal.owner, t.stale(label(s.deal), s.deal.stage.name, s.days, s.limit));
  for (const o of findings.overdue)
    add(o.deal.owner, t.overdue(label(o.deal), isoDate(o.deal.expectedClose as number), o.daysOverdue));
  const subject = (n: number) => t.subject(options.spreadsheetName, n);
  const footer = t.footer(options.url);
  const mails: DigestMail[] = [...lines.entries()].map(([to, items]) => ({
    kind: 'owner' as const,
    to,
    subject: subject(items.length),
    body: `${items.join('\n')}${footer}`,
  }));
  if (all.length > 0) {
    const seen = new Set<string>();
    for (const manager of options.managers) {
      if (!isEmailAddress(manager) || seen.has(manager.toLowerCase())) continue;
      seen.add(manager.toLowerCase());
      mails.push({
        kind: 'manager',
        to: manager,
        subject: subject(all.length),
        body: `${all.join('\n')}${footer}`,
      });
    }
  }
  return mails;
}
