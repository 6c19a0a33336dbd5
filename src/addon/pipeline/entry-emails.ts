import type { Deal } from '../../engine/deals';
import { isEmailAddress } from '../../engine/email';
import { draftEmail, EMAIL_TASK_PREFIX, type EmailTemplate } from '../../engine/entry-email';
import { isOpenTask, type PlannedTask, type TaskRow } from '../../engine/tasks';
import { sameStage } from '../../engine/values';
import { isoDate } from '../../engine/zone';
import { writeColumnCells } from '../sheets/sheets-io';
import { logSheets, type PipelineSession, stagesOfRow } from './session';

/**
 * Entry emails in the panel (SPEC §4): a deal entering a stage with an Entry
 * email got a task `Email: <subject>`; while that task is open the panel shows
 * the message drafted for this deal and sends it on one click, from the person
 * clicking, to the deal's Contact email. Sending ticks the task Done and says
 * in its row when and to whom it went, so it is sent once.
 */
export interface EntryEmailDraft {
  /** The task's Key and row: what a send names. */
  readonly key: string;
  readonly row: number;
  readonly stage: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** Why it cannot be sent as it is (no or a bad Contact email), in the panel's language; `null` when it can. */
  readonly problem: string | null;
}

const TEXT = {
  en: {
    noContact: 'The deal has no Contact email: add one in Deals to send this email.',
    badContact: (to: string) => `Contact email '${to}' is not an email address.`,
    gone: 'This email task is no longer open (sent, done or closed).',
    noQuota: 'Your daily email quota is used up; send it tomorrow, or from your own mail.',
    sent: (to: string) => `Sent to ${to}.`,
    record: (to: string, day: string) => ` (sent to ${to} on ${day})`,
  },
  ko: {
    noContact: '이 딜에 고객 이메일이 없습니다. Deals 시트에 고객 이메일을 입력하면 보낼 수 있습니다.',
    badContact: (to: string) => `고객 이메일 '${to}'은(는) 이메일 주소가 아닙니다.`,
    gone: '이 메일 할일은 이미 보냈거나 완료 또는 종료되었습니다.',
    noQuota: '오늘 보낼 수 있는 메일 한도를 다 썼습니다. 내일 보내거나 직접 메일로 보내세요.',
    sent: (to: string) => `${to}에게 보냈습니다.`,
    record: (to: string, day: string) => ` (${day} ${to}에게 발송)`,
  },
} as const;

/** The drafts of the deal's open email tasks whose stage still has its Entry email. */
export function entryEmailDrafts(session: PipelineSession, deal: Deal, gridRow: number): EntryEmailDraft[] {
  const t = TEXT[session.language];
  const stages = stagesOfRow(session, gridRow);
  const drafts: EntryEmailDraft[] = [];
  for (const task of emailTasksOf(session, deal)) {
    const template = stages.find(task.stage)?.entryEmail;
    if (!template) continue;
    const { subject, body } = draftFor(template, deal, task.stage);
    const to = deal.contactEmail;
    const problem = to === '' ? t.noContact : isEmailAddress(to) ? null : t.badContact(to);
    drafts.push({ key: task.key, row: task.row, stage: task.stage, to, subject, body, problem });
  }
  return drafts;
}

/**
 * Sends one drafted email (under the caller's document lock, on a fresh
 * session) and records it: Done, and the Task text gains who it went to and
 * when. Refused, with nothing sent, when the task is not open any more (a
 * double click sends once), the contact is missing or the quota is used up.
 */
export function sendEntryEmail(
  session: PipelineSession,
  deal: Deal,
  gridRow: number,
  key: string,
): { ok: boolean; message: string } {
  const t = TEXT[session.language];
  const draft = entryEmailDrafts(session, deal, gridRow).find((d) => d.key === key && key !== '');
  if (!draft) return { ok: false, message: t.gone };
  if (draft.problem) return { ok: false, message: draft.problem };
  if (MailApp.getRemainingDailyQuota() < 1) return { ok: false, message: t.noQuota };
  MailApp.sendEmail(draft.to, draft.subject, draft.body);
  recordSent(session, draft, t.record(draft.to, isoDate(session.today)));
  return { ok: true, message: t.sent(draft.to) };
}

/** The stage's email as this deal's contact gets it: one filling for the panel's draft and the send on entry. */
function draftFor(template: EmailTemplate, deal: Deal, stage: string): EmailTemplate {
  return draftEmail(template, {
    deal: deal.name,
    company: deal.company,
    owner: deal.owner,
    contact: deal.contactEmail,
    stage,
  });
}

function emailTasksOf(session: PipelineSession, deal: Deal): TaskRow[] {
  return session.tasks.tasks.filter(
    (task) =>
      task.dealId === deal.id &&
      isOpenTask(task) &&
      task.task.startsWith(EMAIL_TASK_PREFIX) &&
      sameStage(task.stage, deal.stage.name),
  );
}

/** Done and the send noted in the Task cell: two cells of the add-on's own Tasks row, written as the panel's other writes are. */
function recordSent(session: PipelineSession, draft: EntryEmailDraft, note: string): void {
  const { columns } = session.tasks.table;
  const sheet = logSheets(session).tasks.sheet;
  const task = session.tasks.tasks.find((x) => x.row === draft.row) as TaskRow;
  if (columns.done !== undefined) writeColumnCells(sheet, columns.done + 1, new Map([[draft.row, true]]));
  if (columns.task !== undefined)
    writeColumnCells(sheet, columns.task + 1, new Map([[draft.row, `${task.task}${note}`]]));
}

/**
 * With Settings' "send without a click" on (off by default), the email tasks
 * a stage change is about to append are sent at once, within the day's quota,
 * and appended already Done with the send noted, so nothing more is written.
 * A task whose deal has no usable Contact email, or that the quota no longer
 * covers, stays open for the panel, as it would with the option off.
 */
export function sendOnEntry(session: PipelineSession, tasks: readonly PlannedTask[]): PlannedTask[] {
  const emails = tasks.filter((t) => t.task.startsWith(EMAIL_TASK_PREFIX) && t.closed === undefined);
  if (session.exec.settings.autoSendEntryEmails !== true || emails.length === 0) return [...tasks];
  const t = TEXT[session.language];
  let quota = MailApp.getRemainingDailyQuota();
  return tasks.map((task) => {
    if (!emails.includes(task) || quota < 1) return task;
    const deal = session.deals.deals.find((d) => d.id === task.dealId);
    const stages = deal ? (session.pipeline.of(deal.pipeline) ?? session.pipeline) : undefined;
    const template = stages?.find(task.stage)?.entryEmail;
    if (!deal || !template || !isEmailAddress(deal.contactEmail)) return task;
    const { subject, body } = draftFor(template, deal, task.stage);
    MailApp.sendEmail(deal.contactEmail, subject, body);
    quota -= 1;
    return {
      ...task,
      done: true,
      task: `${task.task}${t.record(deal.contactEmail, isoDate(session.today))}`,
    };
  });
}
