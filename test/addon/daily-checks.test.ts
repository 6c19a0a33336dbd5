/**
 * The daily checks (time-driven trigger, and "Run checks now") on the Korean
 * sample pipeline, on 15 November 2023 at 09:00 in Seoul, with a few rows a
 * team would really have: a TBD amount, a stage typo, a deal exactly as SPEC's
 * example, a healthy deal one day short of stale, an overdue-only deal.
 */
import { describe, expect, test } from 'vitest';
import { workbookFromCsvFolder } from '../support/csv-workbook';
import { seoul } from '../support/seoul';
import { type Cell, LOCK_TIMEOUT } from '../support/standin';
import {
  a1,
  cellChanges,
  click,
  englishSample,
  fireDailyTrigger,
  type Harness,
  openSpreadsheet,
  saveSettings,
  settingsState,
  sheetChanges,
  snapshotAll,
  workbookChanges,
  writeCalls,
} from './harness';

const NOW = seoul(2023, 11, 15, 9);
const TODAY = seoul(2023, 11, 15);
const MANAGER = 'manager@example.com';

// Deals columns of the sample (1-based): 딜 ID … 상태.
const DEAL_ID = 1;
const HEALTH = 10;

/** A Seoul date cell from `2023-11-10`. */
function day(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return seoul(y, m, d);
}

/** A Deals row of the sample's shape: 딜 ID, 딜 이름, 고객사, 메모, 담당자, 금액, 단계, 단계 진입일, 수주 예정일, 상태. */
function deal(
  id: string,
  name: string,
  owner: string,
  amount: Cell,
  stage: string,
  entered: string,
  close: string,
) {
  return [
    id,
    name,
    `${name} 고객사`,
    '',
    `${owner}@example.com`,
    amount,
    stage,
    day(entered),
    day(close),
    '',
  ];
}

/** Rows the team added to the sample, below its 40 deals and its one blank row. */
const EXTRA_DEALS: Cell[][] = [
  // Malformed: the amount is not known yet, and a stage name with a typo.
  deal('D-2023-041', '금액 미정', 'minjun.kim', 'TBD', '미팅 약속 완료', '2023-11-10', '2023-12-20'),
  deal('D-2023-042', '단계 오타', 'sua.choi', 5_000_000, '미팅약속', '2023-11-10', '2023-12-20'),
  // SPEC's own example: 17 days in 미팅 약속 완료, whose limit is 14.
  deal('D-2023-043', '보안 솔루션', 'doyun.jung', 20_000_000, '미팅 약속 완료', '2023-10-29', '2023-12-29'),
  // 13 days of 14: healthy today.
  deal('D-2023-044', '재고 앱 확장', 'doyun.jung', 9_000_000, '미팅 약속 완료', '2023-11-02', '2023-12-29'),
  // Fresh in its stage, but the expected close has passed.
  deal('D-2023-045', '교육 플랫폼', 'minjun.kim', 14_000_000, '제품 살펴보는 중', '2023-11-10', '2023-11-14'),
];

/** Health of every flagged deal; every other deal row must be blank. */
const EXPECTED_HEALTH: Record<string, string> = {
  'D-2023-007': '정체: 계약/견적 전달 받음 30일째 (기준 10일) · 수주 예정일 지남: 2023-10-31 (15일 경과)',
  'D-2023-009': '정체: 제품 살펴보는 중 56일째 (기준 21일)',
  'D-2023-012': '정체: 계약/견적 전달 받음 13일째 (기준 10일)',
  'D-2023-014': '정체: 온보딩 교육 중 58일째 (기준 14일) · 수주 예정일 지남: 2023-10-20 (26일 경과)',
  'D-2023-019': '정체: 제품 살펴보는 중 93일째 (기준 21일) · 수주 예정일 지남: 2023-11-10 (5일 경과)',
  'D-2023-023': '정체: 계약/견적 전달 받음 20일째 (기준 10일)',
  'D-2023-027': '정체: 온보딩 교육 중 23일째 (기준 14일)',
  'D-2023-033': '정체: 제품 살펴보는 중 41일째 (기준 21일)',
  'D-2023-034': '정체: 미팅 약속 완료 41일째 (기준 14일)',
  'D-2023-036': '정체: 미팅 약속 완료 27일째 (기준 14일) · 수주 예정일 지남: 2023-11-14 (1일 경과)',
  'D-2023-037': '정체: 미팅 약속 완료 22일째 (기준 14일)',
  // 14 days with a 14-day limit is stale ("14일 이상").
  'D-2023-038': '정체: 미팅 약속 완료 14일째 (기준 14일)',
  'D-2023-041': "입력 오류: 금액 'TBD' 금액으로 읽을 수 없습니다",
  'D-2023-042': "입력 오류: 단계 '미팅약속' Stages 시트에 없는 단계입니다",
  'D-2023-043': '정체: 미팅 약속 완료 17일째 (기준 14일)',
  'D-2023-045': '수주 예정일 지남: 2023-11-14 (1일 경과)',
};

/** Stale stays: deal, owner, stage, limit, day the deal entered the stage. One review task each. */
const STALE: [string, string, string, number, string][] = [
  ['D-2023-007', 'seoyeon.lee@example.com', '계약/견적 전달 받음', 10, '2023-10-16'],
  ['D-2023-009', 'sua.choi@example.com', '제품 살펴보는 중', 21, '2023-09-20'],
  ['D-2023-012', 'seoyeon.lee@example.com', '계약/견적 전달 받음', 10, '2023-11-02'],
  ['D-2023-014', 'sua.choi@example.com', '온보딩 교육 중', 14, '2023-09-18'],
  ['D-2023-019', 'sua.choi@example.com', '제품 살펴보는 중', 21, '2023-08-14'],
  ['D-2023-023', 'jihoon.park@example.com', '계약/견적 전달 받음', 10, '2023-10-26'],
  ['D-2023-027', 'seoyeon.lee@example.com', '온보딩 교육 중', 14, '2023-10-23'],
  ['D-2023-033', 'jihoon.park@example.com', '제품 살펴보는 중', 21, '2023-10-05'],
  ['D-2023-034', 'sua.choi@example.com', '미팅 약속 완료', 14, '2023-10-05'],
  ['D-2023-036', 'minjun.kim@example.com', '미팅 약속 완료', 14, '2023-10-19'],
  ['D-2023-037', 'seoyeon.lee@example.com', '미팅 약속 완료', 14, '2023-10-24'],
  ['D-2023-038', 'jihoon.park@example.com', '미팅 약속 완료', 14, '2023-11-01'],
  ['D-2023-043', 'doyun.jung@example.com', '미팅 약속 완료', 14, '2023-10-29'],
];

/** Owners with a flagged (stale or overdue) deal: each gets one digest. */
const OWNERS = [
  'seoyeon.lee@example.com',
  'sua.choi@example.com',
  'jihoon.park@example.com',
  'minjun.kim@example.com',
  'doyun.jung@example.com',
];

interface Pipeline extends Harness {
  /** Rows in Tasks (header included) before the first check. */
  tasksBefore: number;
}

/** The Korean sample workbook plus the team's extra rows, set up, with daily checks on. */
function samplePipeline(options: { mailQuota?: number; notifications?: boolean } = {}): Pipeline {
  const h = openSpreadsheet({
    now: NOW,
    sheets: workbookFromCsvFolder('sample-data', 'Asia/Seoul'),
    ...(options.mailQuota !== undefined ? { mailQuota: options.mailQuota } : {}),
  });
  const first = h.standIn.values('Deals').length + 1;
  h.standIn.seed('Deals', `A${first}:J${first + EXTRA_DEALS.length - 1}`, { values: EXTRA_DEALS });
  // A won deal still carries last month's flag: today's check must clear it.
  h.standIn.seed('Deals', `J2`, { values: [['정체: 계약/견적 전달 받음 12일째 (기준 10일)']] });
  click(h, 'setupPipeline');
  click(h, 'toggleDailyChecks');
  if (options.notifications !== false) saveSettings(h, { notifications: true, managerEmail: MANAGER });
  return { ...h, tasksBefore: h.standIn.values('Tasks').length };
}

function healthById(h: Harness): Map<string, Cell> {
  const rows = h.standIn.values('Deals').slice(1);
  return new Map(
    rows.filter((r) => r[DEAL_ID - 1] !== '').map((r) => [String(r[DEAL_ID - 1]), r[HEALTH - 1] ?? '']),
  );
}

function newTasks(p: Pipeline): Cell[][] {
  return p.standIn.values('Tasks').slice(p.tasksBefore);
}

describe('a daily run (the time-driven trigger)', () => {
  test('writes the Health text of every flagged deal, blank for healthy ones, the problem for bad rows', () => {
    const p = samplePipeline();
    fireDailyTrigger(p);
    const health = healthById(p);
    expect(health.size).toBe(45);
    for (const [id, text] of health) expect(text, id).toBe(EXPECTED_HEALTH[id] ?? '');
    // The blank row between deals (sheet row 27) stays blank.
    expect(p.standIn.values('Deals')[26]).toEqual(Array(10).fill(''));
  });

  test('appends one review task per stale deal to the end of Tasks, due today, for its owner', () => {
    const p = samplePipeline();
    const existing = p.standIn.values('Tasks');
    fireDailyTrigger(p);
    expect(p.standIn.values('Tasks').slice(0, p.tasksBefore)).toEqual(existing);
    const lastId = Number(String(existing.at(-1)?.[0]).slice(2));
    const expected = STALE.map(([id, owner, stage, limit, entered], i) => [
      `T-${String(lastId + 1 + i).padStart(4, '0')}`,
      id,
      `정체 딜 검토: ${stage} ${limit}일 이상 머무름`,
      TODAY,
      owner,
      false,
      false,
      stage,
      'stale',
      `${id}|${stage}|${entered}|stale`,
      NOW,
      // Closed (종료): setup added it to the sample's Tasks; a new task is not closed.
      '',
    ]);
    expect(newTasks(p)).toEqual(expected);
    // Due and Created show as dates (the Korean locale's format); Done and Required are checkboxes.
    const tasks = p.standIn.snapshot('Tasks');
    const row = p.tasksBefore; // 0-based index of the first new row
    expect(tasks.numberFormats[row]?.[3]).toBe('yyyy. M. d');
    expect(tasks.numberFormats[row]?.[10]).toBe('yyyy. M. d am/pm h:mm:ss');
    expect(tasks.validations[row]?.[5]?.criteria).toBe('CHECKBOX');
  });

  test('sends one digest per owner and one to the manager, listing their flagged deals', () => {
    const p = samplePipeline();
    fireDailyTrigger(p);
    const mail = p.standIn.sentMail;
    expect(mail.map((m) => m.to).sort()).toEqual([...OWNERS, MANAGER].sort());
    const sua = mail.find((m) => m.to === 'sua.choi@example.com');
    expect(sua?.subject).toBe('[Stand-in spreadsheet] 확인이 필요한 딜 6건');
    expect(sua?.body).toContain('• D-2023-009 파트너 포털 구축: 제품 살펴보는 중 56일째 (기준 21일)');
    expect(sua?.body).toContain('• D-2023-019 유통 거래처 관리: 수주 예정일 2023-11-10 지남 (5일)');
    expect(sua?.body).not.toContain('D-2023-007'); // someone else's deal
    expect(sua?.body).toContain('https://docs.google.com/spreadsheets/d/');
    const manager = mail.find((m) => m.to === MANAGER);
    // 13 stale + 5 overdue lines, each naming its owner.
    expect(manager?.subject).toBe('[Stand-in spreadsheet] 확인이 필요한 딜 18건');
    expect(manager?.body).toContain(
      '• D-2023-043 보안 솔루션: 미팅 약속 완료 17일째 (기준 14일) — doyun.jung@example.com',
    );
  });

  test('with notifications off, nobody gets mail', () => {
    const p = samplePipeline({ notifications: false });
    fireDailyTrigger(p);
    expect(p.standIn.sentMail).toEqual([]);
    expect(newTasks(p)).toHaveLength(STALE.length);
  });

  test('stays within the mail quota: sends what fits and records how many were left out', () => {
    const p = samplePipeline({ mailQuota: 3 });
    fireDailyTrigger(p);
    expect(p.standIn.sentMail).toHaveLength(3);
    expect(settingsState(p).lastRun).toMatchObject({ ok: true, emailsSent: 3, emailsSkipped: 3 });
    expect(p.standIn.services.MailApp.getRemainingDailyQuota()).toBe(0);
  });

  test('records the run for Settings: when, what it found and did', () => {
    const p = samplePipeline();
    fireDailyTrigger(p);
    expect(settingsState(p)).toMatchObject({
      dailyChecksOn: true,
      lastRun: {
        at: NOW.toISOString(),
        trigger: 'schedule',
        ok: true,
        deals: 43, // 45 rows, 2 of them with problems
        stale: STALE.length,
        overdue: 5,
        healthChanged: Object.keys(EXPECTED_HEALTH).length + 1, // + the stale flag cleared on D-2023-001
        tasksCreated: STALE.length,
        problems: 2,
        emailsSent: OWNERS.length + 1,
        emailsSkipped: 0,
      },
    });
    expect(settingsState(p).lastRun?.error).toBeUndefined();
  });

  test('touches only the Health column of Deals and the rows after the end of Tasks', () => {
    const p = samplePipeline();
    const before = snapshotAll(p.standIn);
    fireDailyTrigger(p);
    const after = snapshotAll(p.standIn);
    for (const name of Object.keys(before)) {
      const b = before[name];
      const a = after[name];
      if (!b || !a) throw new Error(`sheet ${name} vanished`);
      expect(sheetChanges(b, a), name).toEqual([]);
      const changes = cellChanges(b, a);
      if (name === 'Deals') {
        expect(changes.length).toBeGreaterThan(0);
        expect(changes.filter((c) => c.column !== HEALTH || c.field !== 'values')).toEqual([]);
      } else if (name === 'Tasks') {
        expect(changes.filter((c) => c.row <= p.tasksBefore)).toEqual([]);
        expect(new Set(changes.map((c) => c.field))).toEqual(new Set(['values', 'numberFormats']));
      } else {
        expect(changes, name).toEqual([]);
      }
    }
  });

  test('writes Health with one setValues and all new tasks with one setValues', () => {
    const p = samplePipeline();
    p.standIn.calls.reset();
    fireDailyTrigger(p);
    expect(writeCalls(p.standIn)).toEqual({
      'MailApp.sendEmail': OWNERS.length + 1,
      'Properties.setProperties': 1,
      'Range.setValues': 2,
    });
    // Each table read once, Stage history too: it tells which stage changes were never logged.
    expect(p.standIn.calls.count('Sheet.getSheetValues')).toBe(4);
  });

  test('a second run the same day changes nothing: same sheets, no new tasks, no new mail', () => {
    const p = samplePipeline();
    fireDailyTrigger(p);
    const before = snapshotAll(p.standIn);
    const mails = p.standIn.sentMail.length;
    p.standIn.advanceTime(3 * 3_600_000);
    p.standIn.calls.reset();

    fireDailyTrigger(p);
    expect(writeCalls(p.standIn)).toEqual({ 'Properties.setProperties': 1 }); // the run record only
    click(p, 'runChecksNow');

    expect(workbookChanges(before, snapshotAll(p.standIn))).toEqual([]);
    expect(p.standIn.sentMail).toHaveLength(mails);
    expect(settingsState(p).lastRun).toMatchObject({
      ok: true,
      tasksCreated: 0,
      healthChanged: 0,
      emailsSent: 0,
    });
  });

  test('the next day: days move on, no task is created twice, one new digest each', () => {
    const p = samplePipeline();
    fireDailyTrigger(p);
    const tasks = p.standIn.values('Tasks').length;
    p.standIn.setNow(seoul(2023, 11, 16, 9));
    fireDailyTrigger(p);
    // Only the two deals that became stale today get a review task; yesterday's 13 are not repeated.
    expect(
      p.standIn
        .values('Tasks')
        .slice(tasks)
        .map((t) => t[9]),
    ).toEqual(['D-2023-035|제품 살펴보는 중|2023-10-26|stale', 'D-2023-044|미팅 약속 완료|2023-11-02|stale']);
    expect(healthById(p).get('D-2023-043')).toBe('정체: 미팅 약속 완료 18일째 (기준 14일)');
    expect(healthById(p).get('D-2023-044')).toBe('정체: 미팅 약속 완료 14일째 (기준 14일)');
    expect(p.standIn.sentMail).toHaveLength(2 * (OWNERS.length + 1));
  });
});

describe('Health follows the deals', () => {
  test('a deal the person clears from its row loses its flag too (no highlighted empty row)', () => {
    const p = samplePipeline({ notifications: false });
    fireDailyTrigger(p);
    expect(p.standIn.values('Deals')[7]?.[HEALTH - 1]).toBe(EXPECTED_HEALTH['D-2023-007']);
    p.standIn.edit('Deals', 'A8:I8', [Array(9).fill('')]);
    fireDailyTrigger(p);
    expect(p.standIn.values('Deals')[7]).toEqual(Array(10).fill(''));
  });

  test('a Deals sheet whose Health column was deleted gets it back at the end', () => {
    const h = openSpreadsheet({ now: NOW, sheets: workbookFromCsvFolder('sample-data', 'Asia/Seoul') });
    const deals = h.standIn.spreadsheet.getSheetByName('Deals');
    deals?.deleteColumn(HEALTH);
    click(h, 'runChecksNow');
    const rows = h.standIn.values('Deals');
    expect(rows[0]?.[HEALTH - 1]).toBe('파이프라인 점검');
    expect(rows[7]?.[HEALTH - 1]).toBe(EXPECTED_HEALTH['D-2023-007']);
  });
});

describe('"Run checks now" from the menu', () => {
  test('does the same work and says what it did', () => {
    const p = samplePipeline();
    p.app.onOpen(p.standIn.openEvent('FULL'));
    p.standIn.runMenuItem('지금 점검 실행');
    expect(healthById(p).get('D-2023-043')).toBe('정체: 미팅 약속 완료 17일째 (기준 14일)');
    expect(p.standIn.ui.toasts.at(-1)).toBe(
      `딜 43건 점검: 정체 ${STALE.length}건, 수주 예정일 지남 5건, 새 할일 ${STALE.length}건, 메일 ${OWNERS.length + 1}통. 입력 오류 2건: 파이프라인 점검 열을 확인하세요.`,
    );
    expect(settingsState(p).lastRun?.trigger).toBe('menu');
  });
});

describe('when something is wrong', () => {
  test('a deleted Deals sheet: the trigger records the error instead of throwing; the menu shows it', () => {
    const p = samplePipeline();
    const deals = p.standIn.spreadsheet.getSheetByName('Deals');
    if (deals) p.standIn.spreadsheet.deleteSheet(deals);
    const before = snapshotAll(p.standIn);

    expect(() => fireDailyTrigger(p)).not.toThrow();
    const lastRun = settingsState(p).lastRun;
    expect(lastRun).toMatchObject({ ok: false, trigger: 'schedule', at: NOW.toISOString() });
    // In the spreadsheet's language, naming the menu item as the person's menu shows it.
    expect(lastRun?.error).toBe(
      'Deals 시트가 없습니다. 확장 프로그램 › Sheets Pipeline › 파이프라인 시트 설정을 먼저 실행하세요. 딜이 이미 시트에 있다면 내 시트 연결을 실행하세요.',
    );
    expect(workbookChanges(before, snapshotAll(p.standIn))).toEqual([]);
    expect(p.standIn.sentMail).toEqual([]);

    click(p, 'runChecksNow');
    expect(p.standIn.ui.alerts.at(-1)).toBe(lastRun?.error);
  });

  test('another run holding the document lock: this one writes nothing and does not throw', () => {
    const p = samplePipeline();
    const before = snapshotAll(p.standIn);
    p.standIn.locks.holdElsewhere('document');
    expect(() => fireDailyTrigger(p)).not.toThrow();
    expect(workbookChanges(before, snapshotAll(p.standIn))).toEqual([]);
    expect(p.standIn.sentMail).toEqual([]);
    click(p, 'runChecksNow');
    expect(p.standIn.ui.alerts.at(-1)).toBe(
      '다른 점검이 아직 실행 중이어서 이번 점검은 건너뛰었습니다. 다음 점검이 이어서 처리합니다.',
    );
    expect(p.standIn.ui.alerts.at(-1)).not.toBe(LOCK_TIMEOUT);
    // Settings shows that the last run was skipped.
    expect(settingsState(p).lastRun).toMatchObject({
      ok: false,
      error: '다른 점검이 아직 실행 중이어서 이번 점검은 건너뛰었습니다. 다음 점검이 이어서 처리합니다.',
    });
    // Once the other run is done, checks run again.
    p.standIn.locks.releaseElsewhere('document');
    fireDailyTrigger(p);
    expect(settingsState(p).lastRun).toMatchObject({ ok: true, tasksCreated: STALE.length });
  });
});

describe('an English pipeline in a US spreadsheet', () => {
  const NY_NOW = new Date('2023-11-15T14:00:00Z'); // 09:00 in New York

  test('Health texts, review tasks and digests are in English', () => {
    const h = englishSample(NY_NOW);
    click(h, 'setupPipeline');
    click(h, 'toggleDailyChecks');
    saveSettings(h, { notifications: true });
    const tasksBefore = h.standIn.values('Tasks').length;
    fireDailyTrigger(h);

    const health = new Map(h.standIn.values('Deals').map((r) => [r[0], r[9]]));
    expect(health.get('D-022')).toBe('Stale: 35 days in Meeting booked (limit 14)');
    expect(health.get('D-006')).toBe(
      'Stale: 28 days in Quote received (limit 10) · Overdue: expected close 2023-10-31 (15 days ago)',
    );
    expect(health.get('D-001')).toBe('');
    const tasks = h.standIn.values('Tasks').slice(tasksBefore);
    expect(tasks.map((t) => [t[1], t[2], t[8], t[9]])).toContainEqual([
      'D-022',
      'Review stale deal: 14+ days in Meeting booked',
      'stale',
      'D-022|Meeting booked|2023-10-11|stale',
    ]);
    expect(tasks).toHaveLength(7);
    expect(h.standIn.sentMail.find((m) => m.to === 'liam.smith@example.com')?.subject).toBe(
      '[Stand-in spreadsheet] 5 deals need attention',
    );
    expect(a1(1, HEALTH)).toBe('J1');
  });
});

describe('a deal whose Stage entered is blank', () => {
  test('is dated from the latest history row that entered its stage (Stage history is then read)', () => {
    const p = samplePipeline({ notifications: false });
    const deals = p.standIn.values('Deals');
    const row = deals.findIndex((r) => r[0] === 'D-2023-014') + 1; // 온보딩 교육 중 since 2023-09-18 in the history
    const entered = (deals[0] ?? []).indexOf('단계 진입일');
    p.standIn.seed('Deals', a1(row, entered + 1), { values: [['']] });
    p.standIn.calls.reset();
    fireDailyTrigger(p);
    expect(p.standIn.values('Deals')[row - 1]?.[HEALTH - 1]).toMatch(
      /^정체: 온보딩 교육 중 58일째 \(기준 14일\)/,
    );
    expect(p.standIn.calls.count('Sheet.getSheetValues')).toBe(4);
  });
});
