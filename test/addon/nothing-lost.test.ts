/**
 * "Never harm a user's sheet" (SPEC §8): nothing a person types is lost, no
 * row a person adds is overwritten, and a digest that could not go out is sent
 * once later, never twice. The Korean sample pipeline on 15 November 2023 in
 * Seoul, set up by user@example.com with daily checks on; kim@example.com is a
 * rep typing into the sheet.
 */
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { workbookFromCsvFolder } from '../support/csv-workbook';
import { seoul } from '../support/seoul';
import type { Cell, SheetSnapshot } from '../support/standin';
import { GATE } from '../support/standin/calls';
import {
  cellChanges,
  click,
  englishSample,
  fireDailyTrigger,
  fromPanel,
  type Harness,
  openSpreadsheet,
  saveSettings,
  settingsState,
  snapshotAll,
  workbookChanges,
} from './harness';

// Helpers ----------------------------------------------------------------------

const MORNING = seoul(2023, 11, 15, 7); // the daily check's hour
const TYPED_AT = seoul(2023, 11, 15, 10); // when kim types
const LATER = seoul(2023, 11, 15, 12); // the next action
const NEXT_MORNING = seoul(2023, 11, 16, 7);
const RUNNER = 'user@example.com'; // set the pipeline up, owns the triggers
const EDITOR = 'kim@example.com';
const MANAGER = 'manager@example.com';

/** Deals of the sample: 미팅 약속 완료 since 2023-10-05 (41 days: stale, limit 14), 제품 살펴보는 중, 미팅 약속 완료 since 2023-10-19. */
const D034 = 'D-2023-034';
const D035 = 'D-2023-035';
const D036 = 'D-2023-036';
const EVALUATING = '제품 살펴보는 중';
const MEETING = '미팅 약속 완료';

/** What entering 제품 살펴보는 중 creates: its two exit criteria and two entry tasks. */
const EVALUATING_TASKS = [
  '고객이 데모 환경에서 핵심 기능 직접 사용',
  '도입 검토 담당자 지정',
  '데모 계정 발급',
  '사용 현황 점검 콜',
];

/** Owners with a stale or overdue deal in the sample on 15 Nov: each gets one digest, plus the manager. */
const OWNERS = [
  'seoyeon.lee@example.com',
  'sua.choi@example.com',
  'jihoon.park@example.com',
  'minjun.kim@example.com',
];
const DIGESTS = OWNERS.length + 1;

interface Options {
  notifications?: boolean;
  mailQuota?: number;
}

/** The sample, set up, with daily checks on (and digests on when asked), at 07:00 on 15 Nov. */
function pipeline(options: Options = {}): Harness {
  const h = openSpreadsheet({
    now: MORNING,
    sheets: workbookFromCsvFolder('sample-data', 'Asia/Seoul'),
    ...(options.mailQuota !== undefined ? { mailQuota: options.mailQuota } : {}),
  });
  click(h, 'setupPipeline');
  click(h, 'toggleDailyChecks');
  if (options.notifications) saveSettings(h, { notifications: true, managerEmail: MANAGER });
  return h;
}

type Row = Record<string, Cell>;

/** A sheet's rows as header → value, the header being its first row. */
function rows(h: Harness, sheet: string): Row[] {
  const [header = [], ...body] = h.standIn.values(sheet);
  return body.map((r) => Object.fromEntries(header.map((name, c) => [String(name), r[c] ?? ''])));
}

function sheetRowOf(h: Harness, dealId: string): number {
  const i = h.standIn.values('Deals').findIndex((r) => r[0] === dealId);
  if (i < 0) throw new Error(`no deal ${dealId}`);
  return i + 1;
}

function deal(h: Harness, dealId: string): Row {
  const found = rows(h, 'Deals').find((r) => r['딜 ID'] === dealId);
  if (!found) throw new Error(`no deal ${dealId}`);
  return found;
}

/** Stage history rows of one deal, in sheet order. */
function historyOf(h: Harness, dealId: string): Row[] {
  return rows(h, 'Stage history').filter((r) => r['딜 ID'] === dealId);
}

function tasksOf(h: Harness, dealId: string, stage: string): Row[] {
  return rows(h, 'Tasks').filter((r) => r['딜 ID'] === dealId && r.단계 === stage);
}

/** The installable edit trigger's handler. */
function onDealsEdit(h: Harness, e: unknown): void {
  (h.app.onDealsEdit as (e: unknown) => void)(e);
}

/** kim types (or pastes) into Deals' Stage column while another run holds the document lock. */
function typeWhileBusy(h: Harness, a1: string, values: string[][]): void {
  h.standIn.setNow(TYPED_AT);
  h.standIn.locks.holdElsewhere('document');
  const e = h.standIn.edit('Deals', a1, values, EDITOR, { installable: true });
  onDealsEdit(h, e);
  h.standIn.locks.releaseElsewhere('document');
  h.standIn.setUser(RUNNER);
}

/** A panel action of another rep on another deal: ticking an exit criterion of D-2023-017. */
function tickOtherDeal(h: Harness): { ok: boolean } {
  return fromPanel(h, 'panelSetChecklistItem', {
    dealId: 'D-2023-017',
    stage: '온보딩 교육 중',
    criterion: '고객사 내부 도입 승인 확인',
    done: true,
  }) as { ok: boolean };
}

const sameInstant = (cell: Cell, date: Date) =>
  Object.prototype.toString.call(cell) === '[object Date]' && (cell as Date).getTime() === date.getTime();

/** The one history row a late-logged typed stage must have: By the editor, When it was typed, a late note. */
function expectLoggedLate(h: Harness, dealId: string, from: string, to: string): void {
  const added = historyOf(h, dealId).filter((r) => r.단계 === to);
  expect(added, `${dealId}: one row into ${to}`).toHaveLength(1);
  const row = added[0] as Row;
  expect(row['이전 단계']).toBe(from);
  expect(row.변경자).toBe(EDITOR);
  expect(sameInstant(row.일시 ?? '', TYPED_AT), `When ${String(row.일시)}`).toBe(true);
  expect(row.메모).toBe(
    '늦게 기록됨: 2023-11-15 10:00에 입력된 단계 변경 (그때 다른 작업이 실행 중이었습니다)',
  );
}

/** The new stage's tasks, created once, for the stay that began the day it was typed. */
function expectTasksOnce(h: Harness, dealId: string): void {
  const tasks = tasksOf(h, dealId, EVALUATING);
  expect(tasks.map((t) => t.할일).sort()).toEqual([...EVALUATING_TASKS].sort());
  for (const t of tasks)
    expect(String(t.키)).toMatch(new RegExp(`^${dealId}\\|${EVALUATING}\\|2023-11-15\\|`));
}

/** The next morning's check: the deal is fresh in its new stage, not stale (an overdue close date may still be said). */
function expectNotStaleNextMorning(h: Harness, dealId: string): void {
  h.standIn.setNow(NEXT_MORNING);
  fireDailyTrigger(h);
  expect(settingsState(h).lastRun).toMatchObject({ ok: true });
  expect(deal(h, dealId)['파이프라인 점검']).not.toContain('정체');
  expect(tasksOf(h, dealId, EVALUATING).filter((t) => t.출처 === 'stale')).toEqual([]);
  expect((deal(h, dealId)['단계 진입일'] as Date).getTime()).toBe(seoul(2023, 11, 15).getTime());
}

/** Makes MailApp.sendEmail fail for one address (as Google does for a rejected recipient); returns the undo. */
function failMailTo(h: Harness, address: string): () => void {
  const mailApp = h.standIn.globals.MailApp as { sendEmail: (...args: unknown[]) => void };
  const send = mailApp.sendEmail;
  const BundleError = vm.runInContext('Error', h.app as unknown as vm.Context) as ErrorConstructor;
  mailApp.sendEmail = function (this: unknown, ...args: unknown[]) {
    if (String(args[0]).toLowerCase() === address) throw new BundleError('Service error: Mail');
    return send.apply(this, args);
  };
  return () => {
    delete (mailApp as { sendEmail?: unknown }).sendEmail;
  };
}

/** MailApp's daily quota coming back (Google's is a rolling 24 hours); the stand-in keeps it on its context. */
function restoreMailQuota(h: Harness, quota: number): void {
  const ctx = (h.standIn.services.MailApp as unknown as Record<symbol, { mailQuota: number }>)[GATE];
  if (!ctx) throw new Error('the stand-in keeps no mail quota');
  ctx.mailQuota = quota;
}

function mailsTo(h: Harness): Record<string, number> {
  const count: Record<string, number> = {};
  for (const m of h.standIn.sentMail) count[m.to] = (count[m.to] ?? 0) + 1;
  return count;
}

const everyoneOnce = () => Object.fromEntries([...OWNERS, MANAGER].map((a) => [a, 1]));

// 1a ---------------------------------------------------------------------------

describe('a stage typed into Deals while another run holds the document lock', () => {
  test('is logged by the next panel action: one history row, by the editor, when it was typed, noted as late', () => {
    const h = pipeline();
    fireDailyTrigger(h); // this morning: D-2023-034 is flagged stale in 미팅 약속 완료
    expect(deal(h, D034)['파이프라인 점검']).toBe('정체: 미팅 약속 완료 41일째 (기준 14일)');
    const before = historyOf(h, D034).length;

    typeWhileBusy(h, `G${sheetRowOf(h, D034)}`, [[EVALUATING]]);
    h.standIn.setNow(LATER);
    expect(tickOtherDeal(h).ok).toBe(true);

    expect(historyOf(h, D034)).toHaveLength(before + 1);
    expectLoggedLate(h, D034, MEETING, EVALUATING);
    expectTasksOnce(h, D034);
    // Another action later: nothing more is logged or created.
    tickOtherDeal(h);
    expect(historyOf(h, D034)).toHaveLength(before + 1);
    expectTasksOnce(h, D034);
    expectNotStaleNextMorning(h, D034);
    expect(historyOf(h, D034)).toHaveLength(before + 1);
  });

  test('is logged by the next edit, beside the stage typed then (which is logged as typed now)', () => {
    const h = pipeline();
    const before = historyOf(h, D034).length;
    typeWhileBusy(h, `G${sheetRowOf(h, D034)}`, [[EVALUATING]]);

    h.standIn.setNow(LATER);
    const e = h.standIn.edit('Deals', `G${sheetRowOf(h, D036)}`, [[EVALUATING]], 'lee@example.com', {
      installable: true,
    });
    onDealsEdit(h, e);

    expect(historyOf(h, D034)).toHaveLength(before + 1);
    expectLoggedLate(h, D034, MEETING, EVALUATING);
    expectTasksOnce(h, D034);
    const d036 = historyOf(h, D036).filter((r) => r.단계 === EVALUATING);
    expect(d036).toHaveLength(1);
    expect(d036[0]).toMatchObject({ '이전 단계': MEETING, 변경자: 'lee@example.com', 메모: '' });
    expect(sameInstant(d036[0]?.일시 ?? '', LATER)).toBe(true);
    expectNotStaleNextMorning(h, D034);
    expectNotStaleNextMorning(h, D036);
  });

  test('is logged by the next daily check, which then does not call the deal stale in its new stage', () => {
    const h = pipeline();
    typeWhileBusy(h, `G${sheetRowOf(h, D034)}`, [[EVALUATING]]);
    expectNotStaleNextMorning(h, D034);
    expectLoggedLate(h, D034, MEETING, EVALUATING);
    expectTasksOnce(h, D034);
  });

  test('a paste over several rows while busy: each changed deal logged once, the unchanged one not at all', () => {
    const h = pipeline();
    const first = sheetRowOf(h, D034);
    expect([D034, D035, D036].map((id) => sheetRowOf(h, id))).toEqual([first, first + 1, first + 2]);
    const d035 = historyOf(h, D035).length; // already 제품 살펴보는 중
    typeWhileBusy(h, `G${first}:G${first + 2}`, [[EVALUATING], [EVALUATING], [EVALUATING]]);

    h.standIn.setNow(LATER);
    click(h, 'runChecksNow');
    expectLoggedLate(h, D034, MEETING, EVALUATING);
    expectLoggedLate(h, D036, MEETING, EVALUATING);
    expect(historyOf(h, D035)).toHaveLength(d035);
    expectTasksOnce(h, D034);
    expectTasksOnce(h, D036);
    expect(h.standIn.ui.toasts.at(-1)).toContain('단계 이력에 빠져 있던 단계 변경 2건을 기록했습니다.');

    const history = h.standIn.values('Stage history').length;
    click(h, 'runChecksNow');
    expect(h.standIn.values('Stage history')).toHaveLength(history);
    expectNotStaleNextMorning(h, D034);
    expectNotStaleNextMorning(h, D036);
    expect(h.standIn.values('Stage history')).toHaveLength(history);
  });

  test('in an English sheet the late note is in English', () => {
    const h = englishSample(new Date('2023-11-15T12:00:00Z'));
    click(h, 'setupPipeline');
    h.standIn.setNow(new Date('2023-11-15T15:00:00Z')); // 10:00 in New York
    h.standIn.locks.holdElsewhere('document');
    onDealsEdit(h, h.standIn.edit('Deals', 'G23', [['Evaluating product']], EDITOR, { installable: true }));
    h.standIn.locks.releaseElsewhere('document');
    h.standIn.setUser(RUNNER);
    h.standIn.advanceTime(2 * 3_600_000);
    click(h, 'runChecksNow');

    const [header = [], ...body] = h.standIn.values('Stage history');
    const col = (name: string) => header.indexOf(name);
    const added = body.filter(
      (r) => r[col('Deal ID')] === 'D-022' && r[col('To stage')] === 'Evaluating product',
    );
    expect(added).toHaveLength(1);
    expect(added[0]?.[col('By')]).toBe(EDITOR);
    expect(added[0]?.[col('Note')]).toBe(
      'Recorded late: stage typed at 2023-11-15 10:00 while another run held the sheet',
    );
    const d022 = h.standIn.values('Deals').find((r) => r[0] === 'D-022');
    expect(d022?.[9]).toBe(''); // not "Stale: 35 days in Evaluating product"
  });
});

// 1b ---------------------------------------------------------------------------

describe('a stage changed in Deals with no edit trigger at all', () => {
  test('is logged by the next daily check with a late note, once; a rerun adds nothing', () => {
    const h = pipeline();
    const before = historyOf(h, D034).length;
    // Typed while nobody's edit trigger was installed: nothing ran.
    h.standIn.setNow(TYPED_AT);
    h.standIn.edit('Deals', `G${sheetRowOf(h, D034)}`, [[EVALUATING]], EDITOR);
    h.standIn.setUser(RUNNER);

    h.standIn.setNow(LATER);
    click(h, 'runChecksNow');
    const added = historyOf(h, D034).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      '이전 단계': MEETING,
      단계: EVALUATING,
      메모: '늦게 기록됨: 시트에서 단계가 바뀌었지만 그때 기록되지 못했습니다 (실제 변경 시각은 알 수 없어 기록한 날부터 셉니다)',
    });
    // Nobody knows who typed it: it is not put on the person who ran the check.
    expect(added[0]?.변경자).not.toBe(RUNNER);
    expect(h.standIn.ui.toasts.at(-1)).toContain('단계 이력에 빠져 있던 단계 변경 1건을 기록했습니다.');
    expect(settingsState(h).lastRun).toMatchObject({ ok: true, loggedLate: 1 });
    expect(deal(h, D034)['파이프라인 점검']).toBe('');
    expectTasksOnce(h, D034);

    const after = snapshotAll(h.standIn);
    click(h, 'runChecksNow');
    fireDailyTrigger(h);
    expect(workbookChanges(after, snapshotAll(h.standIn))).toEqual([]);
    expect(settingsState(h).lastRun?.loggedLate).toBeUndefined();
  });

  test('a new deal row typed with no trigger gets a Deal ID and its first history row from the next daily check', () => {
    const h = pipeline();
    const next = h.standIn.values('Deals').length + 1;
    h.standIn.edit(
      'Deals',
      `B${next}:I${next}`,
      [['신규 도입 문의', '새고객', '', EDITOR, '5,000,000', MEETING, '', '2023. 12. 20']],
      EDITOR,
    );
    h.standIn.setUser(RUNNER);
    const history = h.standIn.values('Stage history').length;
    click(h, 'runChecksNow');

    const id = String(h.standIn.values('Deals')[next - 1]?.[0] ?? '');
    expect(id, 'a Deal ID is filled').not.toBe('');
    const added = h.standIn.values('Stage history').slice(history);
    expect(added.filter((r) => r[1] === id && r[3] === MEETING)).toHaveLength(1);
    click(h, 'runChecksNow');
    expect(h.standIn.values('Stage history')).toHaveLength(history + 1);
  });
});

// 1c ---------------------------------------------------------------------------

describe('a row a person adds while the add-on is writing', () => {
  test('a task typed into Tasks during a daily check is kept, and the check’s review tasks are there too', () => {
    const h = pipeline();
    const tasksBefore = h.standIn.values('Tasks').length;
    const personRow = tasksBefore + 1;
    let typed: SheetSnapshot | null = null;
    // After the check has read Tasks, before it appends its review tasks.
    const action = h.standIn.beforeCall('Range.setValues', () => {
      h.standIn.edit('Tasks', `A${personRow}:E${personRow}`, [
        ['', 'D-2023-017', '고객 담당자에게 전화', '2023. 11. 20', EDITOR],
      ]);
      typed = h.standIn.snapshot('Tasks');
    });
    fireDailyTrigger(h);
    expect(action.fired()).toBe(true);

    const after = h.standIn.snapshot('Tasks');
    if (!typed) throw new Error('the person did not type');
    // The person's row is exactly as they typed it, every cell and format.
    expect(cellChanges(typed, after).filter((c) => c.row === personRow)).toEqual([]);
    expect(h.standIn.values('Tasks')[personRow - 1]?.slice(1, 3)).toEqual([
      'D-2023-017',
      '고객 담당자에게 전화',
    ]);
    // And all twelve review tasks of the check are below it.
    const stale = rows(h, 'Tasks').filter((t) => t.출처 === 'stale');
    expect(stale).toHaveLength(12);
    expect(settingsState(h).lastRun).toMatchObject({ ok: true, tasksCreated: 12 });
    expect(h.standIn.values('Tasks')).toHaveLength(tasksBefore + 1 + 12);
  });

  test('a row typed into Stage history during a panel move is kept, and the move’s row is there too', () => {
    const h = pipeline();
    const history = h.standIn.values('Stage history').length;
    const personRow = history + 1;
    const note = [
      '2023. 11. 15 오전 9:30:00',
      'D-2023-040',
      '',
      MEETING,
      EDITOR,
      '고객 통화: 다음 주 데모 희망',
    ];
    let typed: SheetSnapshot | null = null;
    const action = h.standIn.beforeCall('Range.setValues', () => {
      h.standIn.edit('Stage history', `A${personRow}:F${personRow}`, [note]);
      typed = h.standIn.snapshot('Stage history');
    });
    const result = fromPanel(h, 'panelMoveDeal', {
      dealId: 'D-2023-017',
      expectedStage: '온보딩 교육 중',
      toStage: EVALUATING,
      override: false,
      note: '',
    }) as { ok: boolean; message: string };
    expect(action.fired()).toBe(true);
    expect(result).toMatchObject({ ok: true });

    if (!typed) throw new Error('the person did not type');
    const after = h.standIn.snapshot('Stage history');
    expect(cellChanges(typed, after).filter((c) => c.row === personRow)).toEqual([]);
    expect(h.standIn.values('Stage history')[personRow - 1]?.slice(1)).toEqual(note.slice(1));
    const moved = rows(h, 'Stage history')
      .slice(history - 1) // the rows below the sample's, the person's included
      .filter((r) => r['딜 ID'] === 'D-2023-017');
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ '이전 단계': '온보딩 교육 중', 단계: EVALUATING, 변경자: RUNNER });
    expect(h.standIn.values('Stage history')).toHaveLength(history + 2);
  });
});

// 1d ---------------------------------------------------------------------------

describe('digests that could not all go out', () => {
  test('one recipient failing: the others get theirs, the failure is shown, a rerun sends only that one', () => {
    const h = pipeline({ notifications: true });
    const restore = failMailTo(h, 'sua.choi@example.com');
    h.standIn.setNow(LATER);
    click(h, 'runChecksNow');
    const others: Record<string, number> = everyoneOnce();
    delete others['sua.choi@example.com'];
    expect(mailsTo(h)).toEqual(others);

    const lastRun = settingsState(h).lastRun;
    expect(lastRun).toMatchObject({ ok: true, emailsSent: DIGESTS - 1, emailsFailed: 1 });
    expect(lastRun?.emailFailures).toEqual(['sua.choi@example.com: Service error: Mail']);
    expect(h.standIn.ui.toasts.at(-1)).toContain(
      '메일 1통 발송 실패 (sua.choi@example.com: Service error: Mail); 다음 점검에서 다시 보냅니다.',
    );

    // The same day, the address works again: only the missing digest goes out.
    restore();
    h.standIn.advanceTime(3_600_000);
    click(h, 'runChecksNow');
    expect(mailsTo(h)).toEqual(everyoneOnce());
    expect(h.standIn.sentMail.at(-1)?.to).toBe('sua.choi@example.com');
    expect(settingsState(h).lastRun).toMatchObject({ ok: true, emailsSent: 1 });
    expect(settingsState(h).lastRun?.emailsFailed).toBeUndefined();

    // A third run that day sends nothing at all.
    fireDailyTrigger(h);
    expect(mailsTo(h)).toEqual(everyoneOnce());
    expect(h.standIn.sentMail).toHaveLength(DIGESTS);
  });

  test('the mail quota running out: what fits is sent, the rest is reported and sent by a later run, once', () => {
    const h = pipeline({ notifications: true, mailQuota: 2 });
    h.standIn.setNow(LATER);
    click(h, 'runChecksNow');
    expect(h.standIn.sentMail).toHaveLength(2);
    const skipped = DIGESTS - 2;
    expect(settingsState(h).lastRun).toMatchObject({ ok: true, emailsSent: 2, emailsSkipped: skipped });
    expect(h.standIn.ui.toasts.at(-1)).toContain(
      `메일 ${skipped}통은 하루 발송 한도를 넘어 보내지 못했습니다 (다음 점검에서 보냅니다).`,
    );

    // Quota still used up: nothing is sent, and the skip is still said.
    click(h, 'runChecksNow');
    expect(h.standIn.sentMail).toHaveLength(2);
    expect(settingsState(h).lastRun).toMatchObject({ emailsSent: 0, emailsSkipped: skipped });

    // Quota back the same day: only the rest go out, nobody gets a second one.
    restoreMailQuota(h, 100);
    click(h, 'runChecksNow');
    expect(mailsTo(h)).toEqual(everyoneOnce());
    expect(settingsState(h).lastRun).toMatchObject({ emailsSent: skipped, emailsSkipped: 0 });
    click(h, 'runChecksNow');
    expect(h.standIn.sentMail).toHaveLength(DIGESTS);
  });

  test('an English sheet says the failure in English in the toast', () => {
    const h = englishSample();
    click(h, 'setupPipeline');
    click(h, 'toggleDailyChecks');
    saveSettings(h, { notifications: true });
    failMailTo(h, 'liam.smith@example.com');
    click(h, 'runChecksNow');
    expect(h.standIn.sentMail.map((m) => m.to)).not.toContain('liam.smith@example.com');
    expect(h.standIn.sentMail.length).toBeGreaterThan(0);
    expect(h.standIn.ui.toasts.at(-1)).toContain(
      '1 email failed (liam.smith@example.com: Service error: Mail); the next run tries again.',
    );
  });
});
