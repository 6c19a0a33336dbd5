/**
 * What the add-on may write (SPEC §8): only what it owns, known by the
 * developer metadata it put there, never by a header's text. A team's own
 * columns, title rows, totals rows and Dashboard are theirs, byte for byte.
 */
import { describe, expect, it } from 'vitest';
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
    click(h, 'setupPipeline');
    const before = h.standIn.snapshot('Dashboard');
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
});
