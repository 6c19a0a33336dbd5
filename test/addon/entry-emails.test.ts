/**
 * Entry emails (issue 14, point 9; SPEC §4) through the built bundle, on the
 * Korean sample as of 2023-11-15: a deal entering a stage with an Entry email
 * gets the task `Email: <subject>`, the panel shows the message drafted for
 * its contact, and one click sends it from the person clicking, once.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, rowOf, samplePipeline } from './harness';

const DEAL = 'D-2023-017'; // ₩10,000,000 in 온보딩 교육 중 since 2023-11-08; one exit criterion unticked.
const EMAIL = '{deal} 견적서 송부\n{contact} 담당자님, {company} 견적서를 보내드립니다.\n{owner} 드림';

interface Email {
  key: string;
  to: string;
  subject: string;
  body: string;
  problem: string | null;
}
interface Result {
  ok: boolean;
  message: string;
  state: { emails: Email[]; openTasks: { task: string }[] } | null;
}

/** The sample with an Entry email on 계약/견적 전달 받음 (Stages row 5) and D-2023-017's contact in a Contact email column. */
function withEmail(contact: string, autoSend = false) {
  const p = samplePipeline();
  if (autoSend) p.call('settingsSave', { ...DEFAULT_SETTINGS, autoSendEntryEmails: true });
  p.standIn.edit('Stages', 'H1:H5', [['진입 메일'], [''], [''], [''], [EMAIL]]);
  const row = rowOf(p.standIn, DEAL);
  p.standIn.edit('Deals', 'K1', [['고객 이메일']]);
  p.standIn.edit('Deals', `K${row}`, [[contact]]);
  const moved = p.act('panelMoveDeal', {
    dealId: DEAL,
    expectedStage: '온보딩 교육 중',
    toStage: '계약/견적 전달 받음',
    override: true,
    note: '예외 처리: 보안 검토는 계약 후 진행',
  }) as Result;
  expect(moved.ok).toBe(true);
  return { ...p, moved };
}

describe('entry emails in the deal panel', () => {
  it('drafts the stage’s email for the deal’s contact on entering the stage, and shows it', () => {
    const { moved, standIn } = withEmail('buyer@hanbit.co.kr');
    const h0SentMail = () => standIn.sentMail.length;
    const deals = moved.state?.emails ?? [];
    expect(deals).toHaveLength(1);
    const [email] = deals;
    // {deal}, {contact}, {company} and {owner} filled from D-2023-017's row.
    expect(email?.to).toBe('buyer@hanbit.co.kr');
    expect(email?.subject).toMatch(/ 견적서 송부$/);
    expect(email?.body).toContain('buyer@hanbit.co.kr 담당자님,');
    expect(email?.body).not.toMatch(/\{(deal|contact|company|owner)\}/);
    expect(email?.problem).toBeNull();
    // Nothing is sent by itself: sending without a click is off by default.
    expect(h0SentMail()).toBe(0);
    // It is also a task for the owner, named by the template's subject.
    expect(moved.state?.openTasks.map((t) => t.task)).toContain('Email: {deal} 견적서 송부');
  });

  it('sends it once, from the person clicking, and records the send in the task row', () => {
    const h = withEmail('buyer@hanbit.co.kr');
    const key = h.moved.state?.emails[0]?.key as string;
    const sent = h.act('panelSendEntryEmail', { dealId: DEAL, key }) as Result;
    expect(sent).toMatchObject({ ok: true, message: 'buyer@hanbit.co.kr에게 보냈습니다.' });
    expect(h.standIn.sentMail).toHaveLength(1);
    expect(h.standIn.sentMail[0]).toMatchObject({ to: 'buyer@hanbit.co.kr' });
    expect(sent.state?.emails).toEqual([]);
    // The task is Done, and its text says when and to whom.
    const tasks = h.standIn.values('Tasks');
    const header = tasks[0] as string[];
    const row = tasks.find((r) => String(r[header.indexOf('키')]) === key) as unknown[];
    expect(row[header.indexOf('완료')]).toBe(true);
    expect(row[header.indexOf('할일')]).toBe(
      'Email: {deal} 견적서 송부 (2023-11-15 buyer@hanbit.co.kr에게 발송)',
    );
    // A second click (or a double click) finds nothing to send.
    const again = h.act('panelSendEntryEmail', { dealId: DEAL, key }) as Result;
    expect(again.ok).toBe(false);
    expect(again.message).toBe('이 메일 할일은 이미 보냈거나 완료 또는 종료되었습니다.');
    expect(h.standIn.sentMail).toHaveLength(1);
  });

  it('without a Contact email shows the draft with the reason, and sends nothing', () => {
    const h = withEmail('');
    const email = h.moved.state?.emails[0];
    expect(email?.problem).toBe(
      '이 딜에 고객 이메일이 없습니다. Deals 시트에 고객 이메일을 입력하면 보낼 수 있습니다.',
    );
    const refused = h.act('panelSendEntryEmail', { dealId: DEAL, key: email?.key }) as Result;
    expect(refused.ok).toBe(false);
    expect(h.standIn.sentMail).toHaveLength(0);
  });

  it('with "send without a click" on in Settings, sends it as the deal enters the stage and appends the task Done', () => {
    const h = withEmail('buyer@hanbit.co.kr', true);
    expect(h.standIn.sentMail.map((m) => m.to)).toEqual(['buyer@hanbit.co.kr']);
    expect(h.moved.state?.emails).toEqual([]);
    const tasks = h.standIn.values('Tasks');
    const header = tasks[0] as string[];
    const row = tasks.find((r) => String(r[header.indexOf('할일')]).startsWith('Email: ')) as unknown[];
    expect(row[header.indexOf('완료')]).toBe(true);
    expect(row[header.indexOf('할일')]).toBe(
      'Email: {deal} 견적서 송부 (2023-11-15 buyer@hanbit.co.kr에게 발송)',
    );
  });

  it('with it on but no Contact email, sends nothing and leaves the task open for the panel', () => {
    const h = withEmail('', true);
    expect(h.standIn.sentMail).toEqual([]);
    expect(h.moved.state?.emails).toHaveLength(1);
  });
});
