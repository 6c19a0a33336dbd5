/**
 * What the add-on may write (SPEC §8): only what it owns, known by the
 * developer metadata it put there, never by a header's text. A team's own
 * columns, title rows, totals rows and Dashboard are theirs, byte for byte.
 */

import { describe, expect, it } from 'vitest';
import { TASKS } from '../../src/engine/schema';
import { seoul } from '../support/seoul';
import type { Cell } from '../support/standin';
import { cellChanges, click, type Harness, openSpreadsheet } from './harness';

const NOW = seoul(2023, 11, 15, 9);

/** A Stages sheet as a Korean team keeps it. */
const STAGES: Cell[][] = [
  ['단계', '수주 성공 확률', '정체 기준일'],
  ['미팅 약속 완료', 0.1, 14],
  ['제품 살펴보는 중', 0.3, 21],
  ['수주', 1, ''],
  ['실주', 0, ''],
];

/** Deals whose first column (Deal ID) is `ids`. */
function withIds(deals: Cell[][], ids: string[]): Cell[][] {
  return deals.map((row, i) => (i === 0 ? row : [ids[i - 1] ?? '', ...row.slice(1)]));
}

/** Deals with a team column under `header`: free-text notes, or `''` for none. */
function dealsWith(header: string, notes: [string, string, string]): Cell[][] {
  return [
    ['딜 ID', '딜 이름', '담당자', '금액', '단계', '단계 진입일', header],
    ['D-1', '한빛 도입', 'kim@example.com', 10_000_000, '미팅 약속 완료', seoul(2023, 10, 1), notes[0]],
    ['D-2', '세종 확장', 'lee@example.com', 5_000_000, '제품 살펴보는 중', seoul(2023, 11, 10), notes[1]],
    ['D-3', '태양 파일럿', 'kim@example.com', 2_000_000, '미팅 약속 완료', seoul(2023, 9, 1), notes[2]],
  ];
}

function open(deals: Cell[][], extra: Record<string, Cell[][]> = {}): Harness {
  return openSpreadsheet({ now: NOW, sheets: { Stages: STAGES, Deals: deals, ...extra } });
}

function headers(h: Harness, sheet: string): Cell[] {
  return h.standIn.values(sheet)[0] ?? [];
}

function columnOf(h: Harness, header: string): Cell[] {
  const c = headers(h, 'Deals').indexOf(header);
  if (c < 0) throw new Error(`no ${header}`);
  return h.standIn.values('Deals').map((r) => r[c] ?? '');
}

describe("a team's own status column is never taken over", () => {
  for (const header of ['상태', 'Status', 'Health']) {
    it(`${header}: its notes survive setup and daily checks; the add-on adds its own column`, () => {
      const notes: [string, string, string] = ['진행중', '보류 — 다음 분기', '예산 확인 중'];
      const h = open(dealsWith(header, notes));
      click(h, 'setupPipeline');
      click(h, 'runChecksNow');
      click(h, 'runChecksNow');
      expect(columnOf(h, header).slice(1)).toEqual(notes);
      const own = headers(h, 'Deals').indexOf('파이프라인 점검');
      expect(own).toBeGreaterThan(headers(h, 'Deals').indexOf(header));
      // D-1 has been in 미팅 약속 완료 45 days (limit 14): flagged in the add-on's column only.
      expect(columnOf(h, '파이프라인 점검')[1]).toBe('정체: 미팅 약속 완료 45일째 (기준 14일)');
      const tagged = h.standIn
        .developerMetadata()
        .filter((m) => m.key === 'sheetsPipeline.column' && m.value === 'Deals.health');
      expect(tagged).toHaveLength(1);
    });
  }

  it('an empty column headed Pipeline health is adopted, not duplicated', () => {
    const h = open(dealsWith('Pipeline health', ['', '', '']));
    click(h, 'runChecksNow');
    expect(headers(h, 'Deals')).toHaveLength(7);
    expect(columnOf(h, 'Pipeline health')[1]).toBe('정체: 미팅 약속 완료 45일째 (기준 14일)');
  });
});

describe('a sheet set up by an earlier version keeps working', () => {
  it('its Health column (상태, holding only Health texts) is recognised and tagged once, then found by its tag', () => {
    const h = open(dealsWith('상태', ['정체: 미팅 약속 완료 30일째 (기준 14일)', '', '']));
    click(h, 'runChecksNow');
    expect(headers(h, 'Deals')).toHaveLength(7);
    expect(columnOf(h, '상태')[1]).toBe('정체: 미팅 약속 완료 45일째 (기준 14일)');
    expect(columnOf(h, '상태')[3]).toBe('정체: 미팅 약속 완료 75일째 (기준 14일)');
    // The team inserts a column before it and renames it: the tag moves with the column.
    h.standIn.spreadsheet.getSheetByName('Deals')?.insertColumnBefore(2);
    h.standIn.seed('Deals', 'H1', { values: [['점검 메모']] });
    h.standIn.setNow(seoul(2023, 11, 16, 9));
    click(h, 'runChecksNow');
    expect(columnOf(h, '점검 메모')[1]).toBe('정체: 미팅 약속 완료 46일째 (기준 14일)');
    expect(headers(h, 'Deals')).toHaveLength(8);
    // Tagged once, not once a run: one tag, on the column where it now is (H).
    expect(
      h.standIn
        .developerMetadata()
        .filter((m) => m.key === 'sheetsPipeline.column' && m.value === 'Deals.health')
        .map((m) => m.location),
    ).toEqual(['Deals!H:H']);
  });
});

describe('title rows and totals rows', () => {
  const titled = (): Cell[][] => [
    ['2024 영업 현황 (단위: 원)', '', '', '', ''],
    ['단계', '딜 이름', '금액', '담당자', '메모'],
    ['미팅 약속 완료', '한빛 도입', 10_000_000, 'kim@example.com', ''],
    ['제품 살펴보는 중', '세종 확장', 5_000_000, 'lee@example.com', ''],
    ['', '합계', 15_000_000, '', ''],
  ];

  it('setup writes nothing above the header row, no Deal ID into it, and none on the totals row', () => {
    const h = open(titled());
    const before = h.standIn.snapshot('Deals');
    click(h, 'setupPipeline');
    const rows = h.standIn.values('Deals');
    expect(rows[0]?.[0]).toBe('2024 영업 현황 (단위: 원)');
    expect(rows[0]?.slice(1).every((c) => c === '')).toBe(true);
    expect(rows[1]?.slice(0, 5)).toEqual(['단계', '딜 이름', '금액', '담당자', '메모']);
    expect(rows[1]?.slice(5)).toEqual(['딜 ID', '고객사', '단계 진입일', '수주 예정일', '파이프라인 점검']);
    const id = 5;
    expect(rows.map((r) => r[id])).toEqual(['', '딜 ID', 'D-0001', 'D-0002', '']);
    // Row 1 and the team's five columns are untouched, value and format (the Stage drop-down
    // setup adds goes under the header row only).
    const touched = cellChanges(before, h.standIn.snapshot('Deals')).filter(
      (c) => c.row === 1 || (c.column <= 5 && !(c.field === 'validations' && c.column === 1 && c.row > 2)),
    );
    expect(touched).toEqual([]);
    expect(h.standIn.snapshot('Deals').frozenRows).toBe(2);
  });

  it('the daily check numbers rows as the sheet does and flags below the header only', () => {
    const h = open(titled());
    click(h, 'setupPipeline');
    h.standIn.seed('Deals', 'H3', { values: [[seoul(2023, 10, 1)]] });
    click(h, 'runChecksNow');
    const c = (h.standIn.values('Deals')[1] ?? []).indexOf('파이프라인 점검');
    const health = h.standIn.values('Deals').map((r) => r[c] ?? '');
    expect(health.slice(0, 2)).toEqual(['', '파이프라인 점검']);
    expect(health[2]).toBe('정체: 미팅 약속 완료 45일째 (기준 14일)');
    expect(health[4]).toBe('');
  });
});

describe("a team's own Tasks and Stage history sheets", () => {
  /** A team's to-do list under the name Tasks: other columns, and their rows. */
  const teamTasks = (): Cell[][] => [
    ['할 일', '담당', '메모'],
    ['분기 리뷰 자료 준비', '김민준', '금요일까지'],
    ['=IMPORTXML 교육 신청', '이서연', ''],
    ['', '', '마지막 줄 메모'],
  ];
  /** Something else entirely under the name Stage history. */
  const teamHistory = (): Cell[][] => [
    ['회의 일자', '안건', '참석'],
    [seoul(2023, 10, 2), '킥오프', 5],
    [seoul(2023, 11, 6), '중간 점검', 4],
  ];
  const staleTasks = (h: Harness, sheet: string) => {
    const source = headers(h, sheet).indexOf('출처');
    const key = headers(h, sheet).indexOf('키');
    return h.standIn
      .values(sheet)
      .slice(1)
      .filter((r) => r[source] === 'stale')
      .map((r) => r[key]);
  };

  it("are never written: setup and daily checks keep the add-on's tasks and history in sheets of its own", () => {
    const h = open(dealsWith('메모', ['', '', '']), { Tasks: teamTasks(), 'Stage history': teamHistory() });
    h.standIn.seed('Tasks', 'A2', { backgrounds: [['#fff2cc']], notes: [['우선']] });
    h.standIn.seed('Stage history', 'D1', { formulas: [['=COUNTA(B2:B)']] });
    const tasksBefore = h.standIn.snapshot('Tasks');
    const historyBefore = h.standIn.snapshot('Stage history');
    click(h, 'setupPipeline');
    click(h, 'runChecksNow');
    h.standIn.setNow(seoul(2023, 11, 16, 9));
    click(h, 'runChecksNow');
    expect(h.standIn.snapshot('Tasks')).toEqual(tasksBefore);
    expect(h.standIn.snapshot('Stage history')).toEqual(historyBefore);

    const names = h.standIn.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.filter((n) => n.startsWith('Tasks'))).toEqual(['Tasks', 'Tasks (Sheets Pipeline)']);
    expect(names.filter((n) => n.startsWith('Stage history'))).toEqual([
      'Stage history',
      'Stage history (Sheets Pipeline)',
    ]);
    // D-1 (45 days, limit 14) and D-3 (75 days) are stale: one review task each, once over two days.
    expect(staleTasks(h, 'Tasks (Sheets Pipeline)')).toEqual([
      'D-1|미팅 약속 완료|2023-10-01|stale',
      'D-3|미팅 약속 완료|2023-09-01|stale',
    ]);
    // Setup started the history of the three deals in the add-on's own Stage history.
    const history = h.standIn.values('Stage history (Sheets Pipeline)');
    const id = (history[0] ?? []).indexOf('딜 ID');
    expect(history.slice(1).map((r) => r[id])).toEqual(['D-1', 'D-2', 'D-3']);
  });

  it("an empty Tasks sheet holding only the add-on's headers is adopted, not duplicated", () => {
    // The add-on's own Tasks headers, in Korean, as setup would write them.
    const header = Object.values(TASKS.columns).map((c) => c.ko);
    const h = open(dealsWith('메모', ['', '', '']), { Tasks: [header] });
    click(h, 'setupPipeline');
    click(h, 'runChecksNow');
    const names = h.standIn.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.filter((n) => n.startsWith('Tasks'))).toEqual(['Tasks']);
    expect(headers(h, 'Tasks')).toEqual(header);
    expect(staleTasks(h, 'Tasks')).toEqual([
      'D-1|미팅 약속 완료|2023-10-01|stale',
      'D-3|미팅 약속 완료|2023-09-01|stale',
    ]);
  });
});

describe('Deal IDs', () => {
  it('an existing id ending in 17+ digits never makes two new deals share an id', () => {
    const h = open(withIds(dealsWith('메모', ['', '', '']), ['HS-18234567890123456789', '', '']));
    click(h, 'setupPipeline');
    const ids = h.standIn
      .values('Deals')
      .slice(1)
      .map((r) => r[0]);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe('HS-18234567890123456789');
    expect(ids.slice(1)).toEqual(['D-0001', 'D-0002']);
  });

  it('a new id never equals one already in the column', () => {
    const h = open(withIds(dealsWith('메모', ['', '', '']), ['D-0002', '', 'X-1']));
    click(h, 'setupPipeline');
    expect(
      h.standIn
        .values('Deals')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['D-0002', 'D-0003', 'X-1']);
  });
});

describe("a team's own Dashboard sheet", () => {
  it('is never touched: the add-on builds its own under another name, and rebuilds that one', () => {
    const mine: Cell[][] = [
      ['Q4 목표', 500_000_000],
      ['담당', '김민준'],
    ];
    const h = open(dealsWith('메모', ['', '', '']), { Dashboard: mine });
    h.standIn.seed('Dashboard', 'C1', { formulas: [['=SUM(B1:B2)']], backgrounds: [['#ffeeee']] });
    // Taken before setup too: setup itself leaves it alone.
    const before = h.standIn.snapshot('Dashboard');
    click(h, 'setupPipeline');
    expect(h.standIn.snapshot('Dashboard')).toEqual(before);
    click(h, 'buildDashboard');
    click(h, 'buildDashboard');
    expect(h.standIn.snapshot('Dashboard')).toEqual(before);
    const names = h.standIn.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.filter((n) => n.startsWith('Dashboard'))).toEqual([
      'Dashboard',
      'Dashboard (Sheets Pipeline)',
    ]);
    expect(h.standIn.values('Dashboard (Sheets Pipeline)')[0]?.[0]).toBe('Sheets Pipeline 대시보드');
    expect(h.standIn.charts('Dashboard (Sheets Pipeline)')).toHaveLength(2);
  });

  it("an earlier version's Dashboard (its title in A1, FORECAST_WEIGHTED at A6) is rebuilt in place", () => {
    // As an earlier version left it: its title, month, the two spilled blocks and their charts, no tag.
    const earlier: Cell[][] = [
      ['Sheets Pipeline 대시보드'],
      ['범위를 볼 월', '2023-10'],
      ['해당 월 P10 / P50 / P90', ''],
      [''],
      ['월별 가중 매출 예측', '', '', '', '', '', '', '단계별 전환'],
    ];
    const h = open(dealsWith('메모', ['', '', '']), { Dashboard: earlier });
    h.standIn.seed('Dashboard', 'A6', { formulas: [['=FORECAST_WEIGHTED(Deals!A:G, Stages!A:C)']] });
    h.standIn.seed('Dashboard', 'H6', { formulas: [["=STAGE_CONVERSION('Stage history'!A:F, Stages!A:C)"]] });
    const sheet = h.standIn.spreadsheet.getSheetByName('Dashboard');
    if (!sheet) throw new Error('no Dashboard');
    const chart = sheet.newChart().addRange(sheet.getRange('A6:C125')).setPosition(22, 1, 0, 0);
    sheet.insertChart(chart.asColumnChart().build());
    const funnel = sheet.newChart().addRange(sheet.getRange('H6:I125')).setPosition(22, 8, 0, 0);
    sheet.insertChart(funnel.asBarChart().build());
    expect(h.standIn.charts('Dashboard').map((c) => c.type)).toEqual(['COLUMN', 'BAR']);
    click(h, 'setupPipeline');
    click(h, 'buildDashboard');
    click(h, 'buildDashboard');
    const names = h.standIn.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.filter((n) => n.startsWith('Dashboard'))).toEqual(['Dashboard']);
    const at = (a1: string) => h.standIn.spreadsheet.getRange(`Dashboard!${a1}`).getFormula();
    // Rebuilt over today's sheets (Deals and Stages have gained columns since), for this month.
    expect(at('A6')).toMatch(/^=FORECAST_WEIGHTED\(Deals!A:[A-Z]+, Stages!A:[A-Z]+\)$/);
    expect(at('A6')).not.toBe('=FORECAST_WEIGHTED(Deals!A:G, Stages!A:C)');
    expect(h.standIn.values('Dashboard')[1]?.slice(0, 2)).toEqual(['범위를 볼 월', '2023-11']);
    // Its old charts replaced, not joined by two more.
    expect(h.standIn.charts('Dashboard').map((c) => [c.type, c.ranges])).toEqual([
      ['COLUMN', ['Dashboard!A6:C125']],
      ['BAR', ['Dashboard!H6:I125']],
    ]);
    // Now the add-on's by its tag, tagged once.
    const tags = h.standIn
      .developerMetadata()
      .filter((m) => m.key === 'sheetsPipeline.sheet' && m.value === 'Dashboard');
    expect(tags.map((m) => m.location)).toEqual(['Dashboard']);
  });
});
