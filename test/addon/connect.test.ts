/**
 * Connect your sheet (SPEC §4): a Korean team keeps its deals in its own
 * sheet, `딜 현황`, with a title row, headers of its own (`진행 단계`,
 * `예상 계약일`, `금액(원)`; `담당` is no known name for Owner), a `상태` column of notes and a
 * totals row, and no Stages sheet. The dialog proposes the sheet and the
 * stages, the user maps one column and saves; from then on the daily check,
 * the panel and the dashboard read that sheet, and nothing the team wrote in
 * it changes except the add-on's own Pipeline health column.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCsvGrid } from '../../src/cli/files';
import type { ConnectState } from '../../src/shared/connect-protocol';
import type { PanelState } from '../../src/shared/panel-protocol';
import { convertCsvGrid } from '../support/csv-workbook';
import type { Cell } from '../support/standin';
import { cellChanges, click, fromDialog, type Harness, openSpreadsheet } from './harness';

const TEAM_SHEET = '딜 현황';
const TEAM_CSV = join('sample-data/team', `영업팀 딜 현황 - ${TEAM_SHEET}.csv`);

function teamSpreadsheet(extra: Record<string, Cell[][]> = {}): Harness {
  const grid = convertCsvGrid(readCsvGrid(TEAM_CSV), 'Asia/Seoul');
  return openSpreadsheet({
    now: new Date('2023-11-15T10:00:00+09:00'),
    userEmail: 'kim@example.com',
    sheets: { 메모: [['회의록'], ['11/14 주간 회의']], [TEAM_SHEET]: grid, ...extra },
  });
}

/** What the dialog receives: the bundle's objects come from its realm, so round-trip through JSON. */
function dialog<T = ConnectState>(h: Harness, fn: string, ...args: unknown[]): T {
  return JSON.parse(JSON.stringify(fromDialog(h, fn, ...args))) as T;
}

function fieldOf(state: ConnectState, field: string) {
  const found = state.fields.find((f) => f.field === field);
  if (!found) throw new Error(`no field ${field}`);
  return found;
}

/** The map the dialog sends: every field it shows with a header, plus the user's choices. */
function mapOf(state: ConnectState, choices: Record<string, string> = {}): Record<string, string> {
  const map: Record<string, string> = {};
  for (const f of state.fields) if (f.header !== null) map[f.field] = f.header;
  return { ...map, ...choices };
}

function connect(h: Harness, choices: Record<string, string> = { owner: '담당' }): ConnectState {
  const state = dialog(h, 'connectGetState');
  const stages = (state.proposedStages ?? []).map((s) => ({
    stage: s.stage,
    outcome: s.outcome,
    probability: s.probability,
  }));
  return dialog(h, 'connectSave', { sheet: state.sheet, map: mapOf(state, choices), stages });
}

describe('Connect your sheet: what the dialog shows', () => {
  test('the menu item opens the dialog in the spreadsheet language', () => {
    const h = teamSpreadsheet();
    h.app.onOpen(h.standIn.openEvent('FULL'));
    h.standIn.runMenuItem('내 시트 연결');
    expect(h.standIn.ui.dialogs.map((d) => d.title)).toEqual(['내 시트를 Sheets Pipeline에 연결']);
  });

  test('proposes the team sheet, reads its columns below the title row, and shows values as read', () => {
    const h = teamSpreadsheet();
    const state = dialog(h, 'connectGetState');

    expect(state.language).toBe('ko');
    expect(state.sheet).toBe(TEAM_SHEET);
    expect(state.sheets.map((s) => s.name)).toEqual(['메모', TEAM_SHEET]);
    expect(state.headerRow).toBe(2);
    expect(fieldOf(state, 'stage').header).toBe('진행 단계');
    expect(fieldOf(state, 'deal').header).toBe('건명');
    expect(fieldOf(state, 'dealId').header).toBe('딜 번호');
    expect(fieldOf(state, 'expectedClose').header).toBe('예상 계약일');
    // `담당` is no known name for Owner; the user maps it.
    expect(fieldOf(state, 'owner').header).toBeNull();
    // `상태` holds the team's notes, not statuses: it is not read as Status.
    expect(fieldOf(state, 'status').header).toBeNull();
    // 금액(원): the header's unit names the currency.
    expect(fieldOf(state, 'amount').header).toBe('금액(원)');
    expect(state.amountUnit).toBe(1);
    expect(state.currency).toBe('KRW');
    expect(fieldOf(state, 'amount').samples[0]).toEqual({ raw: '12000000', read: '12,000,000 KRW' });
    expect(fieldOf(state, 'expectedClose').samples[0]).toEqual({ raw: '2023-12-20', read: '2023-12-20' });
    expect(fieldOf(state, 'probability').samples[0]?.read).toBe('10%');
    expect(state.problem).toBeNull();
    expect(state.connected).toBe(false);
  });

  test('without a Stages sheet proposes stages in order of first appearance, probabilities from the deals', () => {
    const h = teamSpreadsheet();
    const state = dialog(h, 'connectGetState');

    expect(state.stagesSheet).toBeNull();
    expect(state.proposedStages?.map((s) => [s.stage, s.outcome, s.probability, s.deals])).toEqual([
      ['첫 미팅', 'open', 0.1, 3],
      ['제품 데모', 'open', 0.35, 2],
      ['견적 제출', 'open', 0.6, 3],
      ['계약 협상', 'open', 0.8, 1],
      ['계약 완료', 'won', 1, 1],
      ['실주', 'lost', 0, 1],
    ]);
    expect(state.proposedStages?.[1]?.basis).toBe('진행 중인 딜 2건의 확률 중앙값');
    expect(state.proposedStages?.[4]?.basis).toBe('이름으로 본 수주/실주 단계');
  });

  test('a mapping the user changes is read at once, without saving anything', () => {
    const h = teamSpreadsheet();
    const before = h.standIn.snapshot(TEAM_SHEET);
    const state = dialog(h, 'connectGetState');
    const mapped = dialog(h, 'connectPreview', { sheet: state.sheet, map: mapOf(state, { owner: '담당' }) });

    expect(fieldOf(mapped, 'owner').header).toBe('담당');
    expect(fieldOf(mapped, 'owner').samples.map((s) => s.read)).toEqual([
      'kim@example.com',
      'lee@example.com',
      'kim@example.com',
    ]);
    expect(h.standIn.properties.document()).toEqual({});
    expect(cellChanges(before, h.standIn.snapshot(TEAM_SHEET))).toEqual([]);
  });

  test('a field set to (none) reads no column, even one with a known name', () => {
    const h = teamSpreadsheet();
    const state = dialog(h, 'connectGetState');
    const none = dialog(h, 'connectPreview', { sheet: state.sheet, map: { probability: '' } });

    expect(fieldOf(none, 'probability').header).toBeNull();
    expect(fieldOf(none, 'probability').unmapped).toBe(true);
    expect(none.proposedStages?.[0]).toMatchObject({ stage: '첫 미팅', probability: null });
  });

  test('a required field without a column says so and cannot be saved', () => {
    const h = teamSpreadsheet();
    const state = dialog(h, 'connectGetState');
    const noStage = dialog(h, 'connectPreview', { sheet: state.sheet, map: { stage: '' } });

    expect(noStage.problem).toBe('단계 열을 골라 주세요: 이 열 없이는 파이프라인을 읽을 수 없습니다.');
    expect(() =>
      fromDialog(h, 'connectSave', { sheet: state.sheet, map: { stage: '' }, stages: null }),
    ).toThrow(/단계 열을 골라 주세요/);
    expect(h.standIn.spreadsheet.getSheetByName('단계')).toBeNull();
  });

  test('a unit in a title row is read: 천원', () => {
    const grid = convertCsvGrid(readCsvGrid(TEAM_CSV), 'Asia/Seoul');
    grid[0] = ['2023 하반기 영업 현황 (단위: 천원)', ...(grid[0] as Cell[]).slice(1)];
    (grid[1] as Cell[])[5] = '금액';
    for (const row of grid.slice(2)) if (typeof row[5] === 'number') row[5] = row[5] / 1000;
    const h = openSpreadsheet({ sheets: { [TEAM_SHEET]: grid } });
    const state = dialog(h, 'connectGetState');

    expect(state.amountUnit).toBe(1000);
    expect(fieldOf(state, 'amount').samples[0]).toEqual({ raw: '12000', read: '12,000,000 KRW' });
  });

  test('values the engine cannot read are named with an example', () => {
    const grid = convertCsvGrid(readCsvGrid(TEAM_CSV), 'Asia/Seoul');
    (grid[3] as Cell[])[5] = '협의 중';
    const h = openSpreadsheet({ sheets: { [TEAM_SHEET]: grid } });
    const state = dialog(h, 'connectGetState');

    expect(fieldOf(state, 'amount').problem).toBe("1개 행을 읽을 수 없습니다 (예: '협의 중').");
  });
});

describe('Connect your sheet: after saving', () => {
  test('saves the map, makes the add-on its own sheets, and changes nothing in the team sheet', () => {
    const h = teamSpreadsheet();
    const before = h.standIn.snapshot(TEAM_SHEET);
    const saved = connect(h);

    expect(saved.connected).toBe(true);
    expect(cellChanges(before, h.standIn.snapshot(TEAM_SHEET))).toEqual([]);
    const names = h.standIn.spreadsheet.getSheets().map((s) => s.getName());
    // The add-on's own sheets only: no Deals sheet beside the team's.
    expect(names).toEqual(['메모', TEAM_SHEET, 'Stages', 'Stage history', 'Tasks']);
    const stages = h.standIn.values('Stages');
    expect(stages.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['첫 미팅', 0.1],
      ['제품 데모', 0.35],
      ['견적 제출', 0.6],
      ['계약 협상', 0.8],
      ['계약 완료', 1],
      ['실주', 0],
    ]);
    // Opening the dialog again shows the connected sheet and its map.
    const again = dialog(h, 'connectGetState');
    expect(again.connected).toBe(true);
    expect(fieldOf(again, 'owner').header).toBe('담당');
    expect(again.stagesSheet).toBe('Stages');
  });

  test('the daily check reads the team sheet and writes only its own Pipeline health column', () => {
    const h = teamSpreadsheet();
    connect(h);
    const before = h.standIn.snapshot(TEAM_SHEET);
    click(h, 'runChecksNow');

    const after = h.standIn.values(TEAM_SHEET);
    const healthColumn = (after[1] as Cell[]).indexOf('파이프라인 점검');
    // After the team's last column (J, 상태), in its header row; the title row stays as it was.
    expect(healthColumn).toBe(10);
    const changed = cellChanges(before, h.standIn.snapshot(TEAM_SHEET));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((c) => c.column === 11)).toBe(true);
    expect(changed.some((c) => c.row === 1)).toBe(false);
    // T-106 was to close on 10 Nov; the totals row gets nothing.
    const row = (id: string) => after.find((r) => r[0] === id) as Cell[];
    expect(String(row('T-106')[healthColumn])).toMatch(/수주 예정일/);
    expect(row('T-101')[healthColumn]).toBe('');
    expect(row('합계')[healthColumn]).toBe('');
    // The team's own 상태 notes are untouched.
    expect(row('T-101')[9]).toBe('담당자 휴가 중');
  });

  test('the deal panel shows a deal of the team sheet and moves it there', () => {
    const h = teamSpreadsheet();
    connect(h);
    const sheetRow = h.standIn.values(TEAM_SHEET).findIndex((r) => r[0] === 'T-107') + 1;
    h.standIn.select(TEAM_SHEET, `A${sheetRow}`);
    const state = dialog<PanelState>(h, 'panelGetState');

    expect(state.deal?.id).toBe('T-107');
    expect(state.deal?.stage).toBe('계약 협상');
    expect(state.deal?.amount).toBe(60_000_000);

    const result = dialog<{ ok: boolean }>(h, 'panelMoveDeal', {
      dealId: 'T-107',
      expectedStage: '계약 협상',
      toStage: '계약 완료',
      override: false,
      note: '',
    });
    expect(result.ok).toBe(true);
    expect(h.standIn.values(TEAM_SHEET)[sheetRow - 1]?.[4]).toBe('계약 완료');
    const history = h.standIn.values('Stage history');
    expect(history.at(-1)?.slice(1, 4)).toEqual(['T-107', '계약 협상', '계약 완료']);
  });

  test('the dashboard reads the team sheet by its name', () => {
    const h = teamSpreadsheet();
    connect(h);
    click(h, 'buildDashboard');
    const formula = h.standIn.spreadsheet.getRange('Dashboard!A6').getFormula();
    expect(formula).toMatch(/^=FORECAST_WEIGHTED\('딜 현황'!A:[A-Z]+, Stages!A:[A-Z]+\)$/);
  });

  test('a custom function over the team sheet reads it below its title row', () => {
    const h = teamSpreadsheet();
    connect(h);
    h.standIn.customFunction();
    const deals = h.standIn.spreadsheet.getRange(`'${TEAM_SHEET}'!A:J`).getValues();
    const stages = h.standIn.spreadsheet.getRange('Stages!A:G').getValues();
    const december = (h.app.FORECAST_WEIGHTED as (...a: unknown[]) => unknown)(deals, stages, '2023-12');
    // Each deal by its own 확률 (SPEC §3): T-101 ₩12,000,000 × 10% + T-103 45M × 30% + T-104 28M × 40%
    // + T-105 80M × 50% + T-111 40M × 60% = 1.2M + 13.5M + 11.2M + 40M + 24M.
    expect(december).toBe(89_900_000);
  });

  test('a mapped column renamed later is named with the dialog step that fixes it', () => {
    const h = teamSpreadsheet();
    connect(h);
    h.standIn.seed(TEAM_SHEET, 'E2', { values: [['영업 진행']] });
    click(h, 'runChecksNow');
    const shown = [...h.standIn.ui.alerts.map((a) => JSON.stringify(a)), ...h.standIn.ui.toasts].join('\n');
    expect(shown).toContain("딜 현황: Deals has no column 'Stage'");
    expect(shown).toContain('영업 진행');
    expect(shown).toContain('내 시트 연결에서 그 열을 고르세요');
  });
});
