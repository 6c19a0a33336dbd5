import type { HealthFindings } from '../../engine/health';
import type { Language } from '../../engine/table';
import type { RunLog } from '../../shared/settings-protocol';
import type { DocumentStore } from '../storage/document-store';
import { type DigestMail, planDigests } from './digest';

/**
 * Which digests went out today, so a rerun sends only the others: a send
 * that fails half-way, or a quota that runs out, never makes anyone get the
 * same digest twice, and nobody after them is left out for good.
 */
interface DigestProgress {
  day: string;
  /** `owner:<email>` / `manager:<email>` of every digest sent that day. */
  sent: string[];
}

const KEY = 'sheetsPipeline.digestProgress';
// The record stays well under a property's 9 KB; past it, old entries of the day are the ones kept.
const MAX_PROGRESS_CHARS = 8_000;

function mailKey(mail: DigestMail): string {
  return `${mail.kind}:${mail.to.toLowerCase()}`;
}

function readProgress(store: DocumentStore, day: string): DigestProgress {
  try {
    const progress = JSON.parse(store.get(KEY) ?? '') as DigestProgress;
    if (progress.day === day && Array.isArray(progress.sent)) return progress;
  } catch {
    // No record, or an unreadable one: nothing is known to be sent today.
  }
  return { day, sent: [] };
}

export interface DigestOptions {
  /** The spreadsheet's day, `YYYY-MM-DD`. */
  readonly day: string;
  readonly managers: readonly string[];
  readonly language: Language;
  readonly spreadsheetName: string;
  readonly url: string;
}

/**
 * Sends today's digests not sent yet, within MailApp's remaining quota, one
 * by one: a failed send is recorded and the others still go. Returns the
 * run-log fields that say what happened.
 */
export function sendDigests(
  store: DocumentStore,
  findings: HealthFindings,
  options: DigestOptions,
): Pick<RunLog, 'emailsSent' | 'emailsSkipped' | 'emailsFailed' | 'emailFailures'> {
  const progress = readProgress(store, options.day);
  const done = new Set(progress.sent);
  const due = planDigests(findings, options).filter((m) => !done.has(mailKey(m)));
  if (due.length === 0) return { emailsSent: 0, emailsSkipped: 0 };
  let quota = MailApp.getRemainingDailyQuota();
  let sent = 0;
  let skipped = 0;
  const failures: string[] = [];
  for (const mail of due) {
    if (quota <= 0) {
      skipped++;
      continue;
    }
    try {
      MailApp.sendEmail(mail.to, mail.subject, mail.body);
      sent++;
      quota--;
      progress.sent.push(mailKey(mail));
    } catch (e) {
      failures.push(`${mail.to}: ${e instanceof Error ? e.message : String(e)}`.slice(0, 200));
    }
  }
  while (JSON.stringify(progress).length > MAX_PROGRESS_CHARS) progress.sent.shift();
  store.set(KEY, JSON.stringify(progress));
  return {
    emailsSent: sent,
    emailsSkipped: skipped,
    ...(failures.length > 0 ? { emailsFailed: failures.length, emailFailures: failures.slice(0, 5) } : {}),
  };
}
