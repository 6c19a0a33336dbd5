import type { HealthFindings } from '../../engine/health';
import type { Language } from '../../engine/table';
import { isoDate } from '../../engine/zone';

export interface DigestMail {
  /** An owner's digest of their deals, or a manager's of every flagged deal. */
  kind: 'owner' | 'manager';
  to: string;
  subject: string;
  body: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
    if (!EMAIL.test(owner)) return;
    const list = lines.get(owner) ?? [];
    list.push(line);
    lines.set(owner, list);
  };
  const ko = options.language === 'ko';
  const label = (d: { id: string; name: string }) => `${d.id}${d.name ? ` ${d.name}` : ''}`;
  for (const s of findings.stale) {
    add(
      s.deal.owner,
      ko
        ? `• ${label(s.deal)}: ${s.deal.stage.name} ${s.days}일째 (기준 ${s.limit}일)`
        : `• ${label(s.deal)}: ${s.days} days in ${s.deal.stage.name} (limit ${s.limit})`,
    );
  }
  for (const o of findings.overdue) {
    const date = isoDate(o.deal.expectedClose as number);
    add(
      o.deal.owner,
      ko
        ? `• ${label(o.deal)}: 수주 예정일 ${date} 지남 (${o.daysOverdue}일)`
        : `• ${label(o.deal)}: expected close ${date} passed (${o.daysOverdue} days)`,
    );
  }
  const subject = (n: number) =>
    ko
      ? `[${options.spreadsheetName}] 확인이 필요한 딜 ${n}건`
      : `[${options.spreadsheetName}] ${n} deals need attention`;
  const footer = ko ? `\n\n시트 열기: ${options.url}` : `\n\nOpen the sheet: ${options.url}`;
  const mails: DigestMail[] = [...lines.entries()].map(([to, items]) => ({
    kind: 'owner' as const,
    to,
    subject: subject(items.length),
    body: `${items.join('\n')}${footer}`,
  }));
  if (all.length > 0) {
    const seen = new Set<string>();
    for (const manager of options.managers) {
      if (!EMAIL.test(manager) || seen.has(manager.toLowerCase())) continue;
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
