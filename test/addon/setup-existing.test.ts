/**
 * Set up pipeline sheets in a spreadsheet where a team already keeps its
 * deals: the add-on adopts their sheets by header and may only add what is
 * missing. Everything they typed, computed and formatted must be exactly as
 * before, cell by cell.
 */
import { describe, expect, test } from 'vitest';
import type { Cell, SheetSnapshot } from '../support/standin';
import {
  a1,
  type CellChange,
  cellChanges,
  click,
  type Harness,
  openSpreadsheet,
  snapshotAll,
  workbookChanges,
} from './harness';

type Lang = 'ko' | 'en';

/** The team's words for their own columns, in the order they chose (not the add-on's). */
const WORDS = {
  ko: {
    deals: ['단계', '딜 이름', '금액', '수수료', '담당자', '딜 ID', '메모'],
    stages: ['순서', '단계', '확률', '정체 기준일'],
    stageNames: ['미팅 약속 완료', '제품 살펴보는 중', '계약/견적 전달 받음', '수주', '실주'],
    added: {
      deals: ['고객사', '단계 진입일', '수주 예정일', '파이프라인 점검'],
      stages: ['결과', '완료 조건', '자동 생성 할일', '필수 항목', '진입 메일'],
    },
    won: '수주',
    lost: '실주',
  },
  en: {
    deals: ['Stage', 'Deal name', 'Value', 'Commission', 'Rep', 'ID', 'Notes'],
    stages: ['#', 'Stage', 'Probability', 'Rotting days'],
    stageNames: ['Meeting booked', 'Evaluating', 'Quote received', 'Won', 'Lost'],
    added: {
      deals: ['Company', 'Stage entered', 'Expected close', 'Pipeline health'],
      stages: ['Outcome', 'Exit criteria', 'Entry tasks', 'Required fields', 'Entry email'],
    },
    won: 'won',
    lost: 'lost',
  },
};

// Deals columns (1-based) in the team's sheet.
const STAGE_COL = 1;
const AMOUNT_COL = 3;
const COMMISSION_COL = 4;
const ID_COL = 6;
const USER_COLUMNS = 7;

/** Sheet rows (1-based) of the deals that have no Deal ID yet. */
const ROWS_WITHOUT_ID = [4, 6, 9];
/** A fully blank row between deals, and rows where only the commission formula was filled down. */
const BLANK_ROW = 7;
const FORMULA_ONLY_ROWS = [11, 12, 13];

/**
 * The team's Deals: ids typed by hand (one made by a formula), a commission
 * formula, won amounts, a coloured row, a note, a blank row, and formula rows
 * filled down past the last deal.
 */
function teamDeals(lang: Lang): { rows: Cell[][]; decorate: (h: Harness) => void } {
  const w = WORDS[lang];
  const [s1, s2, s3, won, lost] = w.stageNames as [string, string, string, string, string];
  const name = (ko: string, en: string) => (lang === 'ko' ? ko : en);
  /** Stage, Deal, Amount, Commission (the formula's value), Rep, ID, Notes — in the team's column order. */
  const deal = (stage: string, title: string, amount: number, rep: string, id: string, memo = ''): Cell[] => [
    stage,
    title,
    amount,
    amount / 10,
    `${rep}@example.com`,
    id,
    memo,
  ];
  const rows: Cell[][] = [
    w.deals,
    deal(s1, name('한빛물산 도입', 'Acme rollout'), 48_000_000, 'minjun.kim', 'D-0001'),
    deal(s2, name('세종테크 50석', 'Bluebird seats'), 12_000_000, 'seoyeon.lee', 'D-0002', 'VIP'),
    deal(s3, name('다온푸드 연동', 'Daon sync'), 30_000_000, 'jihoon.park', ''),
    deal(won, name('미래로지스 배차', 'Mirae dispatch'), 25_000_000, 'sua.choi', 'D-0007'),
    deal(
      lost,
      name('푸른바이오 협업', 'Green collab'),
      8_500_000,
      'doyun.jung',
      '',
      name('경쟁사 선택', 'Chose a rival'),
    ),
    ['', '', '', '', '', '', ''],
    deal(s1, name('코리아정밀 대시보드', 'Precision dashboard'), 36_000_000, 'minjun.kim', 'D-0003'),
    deal(s2, name('새봄교육 강사 관리', 'Spring tutors'), 6_000_000, 'seoyeon.lee', ''),
    deal(s3, name('해솔에너지 앱', 'Haesol app'), 72_000_000, 'jihoon.park', 'D-0004'),
    // The commission formula filled down below the last deal: =C11*0.1 shows 0.
    ['', '', '', 0, '', '', ''],
    ['', '', '', 0, '', '', ''],
    ['', '', '', 0, '', '', ''],
  ];
  const decorate = ({ standIn }: Harness) => {
    const commission = rows.slice(1).map((_, i) => [`=C${i + 2}*0.1`]);
    standIn.seed('Deals', `D2:D${rows.length}`, { formulas: commission });
    // D-0004 comes from a formula the team dragged down part of the way.
    standIn.seed('Deals', 'F10', { formulas: [['="D-"&TEXT(4,"0000")']] });
    standIn.seed('Deals', `C2:C${rows.length}`, {
      numberFormats: rows.slice(1).map(() => ['₩#,##0']),
    });
    standIn.seed('Deals', 'A1:G1', { backgrounds: [Array(USER_COLUMNS).fill('#cfe2f3')] });
    standIn.seed('Deals', 'A5:G5', { backgrounds: [Array(USER_COLUMNS).fill('#d9ead3')] });
    standIn.seed('Deals', 'B3', { notes: [['Champion: CFO']] });
    standIn.seed('Deals', 'F1', { notes: [['Keep ids unique']] });
  };
  return { rows, decorate };
}

/** The team's Stages: an order column first, no Outcome; won is 100%, lost 0%. */
function teamStages(lang: Lang): Cell[][] {
  const w = WORDS[lang];
  return [
    w.stages,
    ...w.stageNames.map((name, i) => [i + 1, name, [0.1, 0.3, 0.8, 1, 0][i] as number, i < 3 ? 14 : '']),
  ];
}

function teamSpreadsheet(lang: Lang, locale: string): Harness {
  const { rows, decorate } = teamDeals(lang);
  const h = openSpreadsheet({
    locale,
    ...(locale === 'en_US' ? { timeZone: 'America/Chicago' } : {}),
    sheets: { Deals: rows, Stages: teamStages(lang) },
  });
  decorate(h);
  h.standIn.seed('Stages', 'C2:C6', { numberFormats: Array(5).fill(['0%']) });
  return h;
}

/** Differences in the team's own columns (1..userColumns), leaving out the Deal ID cells setup is meant to fill. */
function userCellChanges(
  before: SheetSnapshot,
  after: SheetSnapshot,
  userColumns: number,
  filled: readonly string[],
): CellChange[] {
  return cellChanges(before, after).filter(
    (c) => c.column <= userColumns && !filled.includes(a1(c.row, c.column)),
  );
}

describe.each([
  ['ko', 'ko_KR'],
  ['en', 'en_US'],
  ['en', 'ko_KR'],
] as const)('a team with its own %s sheets in a %s spreadsheet', (lang, locale) => {
  const w = WORDS[lang];
  const idCells = ROWS_WITHOUT_ID.map((r) => a1(r, ID_COL));

  test('their cells are unchanged: values, formulas, number formats, colours, notes', () => {
    const h = teamSpreadsheet(lang, locale);
    const before = snapshotAll(h.standIn);
    click(h, 'setupPipeline');
    const after = snapshotAll(h.standIn);

    const deals = userCellChanges(
      before.Deals as SheetSnapshot,
      after.Deals as SheetSnapshot,
      USER_COLUMNS,
      idCells,
    );
    // The one addition inside their columns: the Stage drop-down (a validation, not a value).
    expect(deals.filter((c) => c.field !== 'validations')).toEqual([]);
    expect(deals.every((c) => c.column === STAGE_COL && c.row >= 2)).toBe(true);

    const stages = userCellChanges(
      before.Stages as SheetSnapshot,
      after.Stages as SheetSnapshot,
      w.stages.length,
      [],
    );
    expect(stages).toEqual([]);

    // Same rows in the same order: nothing sorted, inserted or deleted.
    expect(after.Deals?.maxRows).toBe(before.Deals?.maxRows);
    expect(after.Deals?.formulas[3]?.[COMMISSION_COL - 1]).toBe('=C4*0.1');
    expect(after.Deals?.formulas[9]?.[ID_COL - 1]).toBe('="D-"&TEXT(4,"0000")');
    expect(after.Deals?.numberFormats[1]?.[AMOUNT_COL - 1]).toBe('₩#,##0');
    expect(after.Deals?.notes[2]?.[1]).toBe('Champion: CFO');
  });

  test('missing columns are added at the end only, with headers in the language of that sheet', () => {
    const h = teamSpreadsheet(lang, locale);
    click(h, 'setupPipeline');
    const deals = h.standIn.values('Deals');
    expect(deals[0]).toEqual([...w.deals, ...w.added.deals]);
    const stages = h.standIn.values('Stages');
    expect(stages[0]).toEqual([...w.stages, ...w.added.stages]);
    // Dates in the added Deals columns get the spreadsheet locale's date format; the team's columns keep theirs.
    const snap = h.standIn.snapshot('Deals');
    const date = locale === 'ko_KR' ? 'yyyy. m. d' : 'm/d/yyyy';
    expect(snap.numberFormats[1]?.slice(USER_COLUMNS + 1, USER_COLUMNS + 3)).toEqual([date, date]);
    // The drop-down reads the Stage column where it is in their Stages sheet (B, not A).
    expect(snap.validations[1]?.[STAGE_COL - 1]).toMatchObject({
      criteria: 'VALUE_IN_RANGE',
      args: ['Stages!B2:B', true],
    });
    // Health is highlighted by a rule on the new Health column (K).
    expect(h.standIn.conditionalFormats('Deals').map((r) => r.formula)).toEqual(['=LEN($K2)>0']);
  });

  test('the added Outcome column keeps every stage meaning what it meant: 100% won, 0% lost', () => {
    const h = teamSpreadsheet(lang, locale);
    click(h, 'setupPipeline');
    const outcomes = h.standIn
      .values('Stages')
      .slice(1)
      .map((r) => r[4]);
    expect(outcomes).toEqual(['', '', '', w.won, w.lost]);
  });

  test('deals without a Deal ID get fresh ones; blank and formula-only rows get none', () => {
    const h = teamSpreadsheet(lang, locale);
    click(h, 'setupPipeline');
    const ids = h.standIn.values('Deals').map((r) => r[ID_COL - 1]);
    // Above the highest id in the sheet (D-0007), in sheet order.
    expect(ROWS_WITHOUT_ID.map((r) => ids[r - 1])).toEqual(['D-0008', 'D-0009', 'D-0010']);
    expect(ids[BLANK_ROW - 1]).toBe('');
    for (const r of FORMULA_ONLY_ROWS) expect(ids[r - 1], `row ${r}`).toBe('');
  });

  test('an id is never handed out twice, even after the highest-numbered deal is deleted', () => {
    const h = teamSpreadsheet(lang, locale);
    click(h, 'setupPipeline');
    const deals = h.standIn.spreadsheet.getSheetByName('Deals');
    // The person deletes the deal that got D-0010 (row 9), then types a new deal on the blank row.
    expect(h.standIn.values('Deals')[8]?.[ID_COL - 1]).toBe('D-0010');
    deals?.deleteRow(9);
    h.standIn.edit('Deals', `A${BLANK_ROW}:C${BLANK_ROW}`, [[w.stageNames[0], 'New deal', 5_000_000]]);

    click(h, 'setupPipeline');
    expect(h.standIn.values('Deals')[BLANK_ROW - 1]?.[ID_COL - 1]).toBe('D-0011');
  });

  test('a second run is a no-op', () => {
    const h = teamSpreadsheet(lang, locale);
    click(h, 'setupPipeline');
    const before = snapshotAll(h.standIn);
    const triggers = h.standIn.triggers();
    click(h, 'setupPipeline');
    expect(workbookChanges(before, snapshotAll(h.standIn))).toEqual([]);
    expect(h.standIn.triggers()).toEqual(triggers);
  });
});

test('a Stages sheet with an Outcome column is left alone (a blank Outcome means open)', () => {
  const h = openSpreadsheet({
    sheets: {
      Stages: [
        ['단계', '확률', '결과'],
        ['미팅', 0.1, ''],
        ['100% 같지만 진행 중', 1, ''],
        ['수주', 1, '수주'],
      ],
      Deals: [['딜 ID', '단계', '금액']],
    },
  });
  const before = h.standIn.snapshot('Stages');
  click(h, 'setupPipeline');
  expect(cellChanges(before, h.standIn.snapshot('Stages')).filter((c) => c.column <= 3)).toEqual([]);
  expect(h.standIn.values('Stages').map((r) => r[2])).toEqual(['결과', '', '', '수주']);
});
