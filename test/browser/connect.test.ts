import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cellChanges } from '../addon/harness';
import type { Cell } from '../support/standin';
import { panelOf, settled, skipBrowserTests, until, usePreviewPage } from './harness';

/**
 * The built dist/Connect.html in real Chromium, over a Korean team's own
 * sheet (sample-data/team: a title row, `진행 단계`, `예상 계약일`, `금액(원)`, `담당` for the owner,
 * a `상태` column of notes, a totals row, no Stages sheet). A person maps
 * the one column no alias finds, fills a probability, connects, and then
 * uses the deal panel on the team's sheet; the sheet keeps every cell the
 * team wrote.
 */
const TEAM_SHEET = '딜 현황';

describe.skipIf(skipBrowserTests)('Connect your sheet in Chromium', () => {
  const { preview, page, open: openPage } = usePreviewPage({ reset: ['team'] });

  async function openConnect(): Promise<FrameLocator> {
    await openPage('team');
    await page().locator('#open-connect').click();
    const dialog = page().frameLocator('#dialog-frame');
    await dialog.locator('#fields').waitFor();
    return dialog;
  }

  const idle = (dialog: FrameLocator) => dialog.locator('form.connect[aria-busy="false"]').waitFor();
  const team = () => preview().workbook('team').standIn;

  it('shows how each column reads, lets the user map one, and connects without touching the team sheet', async () => {
    const dialog = await openConnect();
    expect(await dialog.locator('#sheet').inputValue()).toBe(TEAM_SHEET);
    expect(await dialog.locator('#header-row').textContent()).toContain('2행');
    expect(await dialog.locator('#field-stage').inputValue()).toBe('진행 단계');
    expect(await dialog.locator('#field-owner').inputValue()).toBe('');
    expect(await dialog.locator('#field-amount').inputValue()).toBe('금액(원)');
    expect(await dialog.locator('#field-expectedClose').inputValue()).toBe('예상 계약일');
    expect(await dialog.locator('#currency').textContent()).toContain('KRW');
    expect(await dialog.locator('#fields tr:has(#field-amount)').textContent()).toContain(
      '12000000 → 12,000,000 KRW',
    );
    expect(await dialog.locator('#proposed-stages tbody th').allTextContents()).toEqual([
      '첫 미팅',
      '제품 데모',
      '견적 제출',
      '계약 협상',
      '계약 완료',
      '실주',
    ]);
    expect(await dialog.locator('#probability-1').inputValue()).toBe('35');

    const before = team().snapshot(TEAM_SHEET);
    await dialog.locator('#field-owner').selectOption('담당');
    await idle(dialog);
    expect(await dialog.locator('#fields tr:has(#field-owner)').textContent()).toContain('kim@example.com');

    // A typed probability survives the preview the next mapping asks for.
    await dialog.locator('#probability-0').fill('15');
    await dialog.locator('#field-company').selectOption('고객사');
    await idle(dialog);
    expect(await dialog.locator('#probability-0').inputValue()).toBe('15');

    await dialog.locator('#save').click();
    await dialog.locator('#flash.ok').waitFor();
    expect(await dialog.locator('#flash').textContent()).toContain('연결했습니다');
    expect(await dialog.locator('#is-connected').count()).toBe(1);

    expect(cellChanges(before, team().snapshot(TEAM_SHEET))).toEqual([]);
    const stages = team().values('Stages');
    expect(stages.slice(1, 3).map((r) => [r[0], r[1]])).toEqual([
      ['첫 미팅', 0.15],
      ['제품 데모', 0.35],
    ]);
  });

  it('refuses a probability that is not a percent, naming the stage, and saves nothing', async () => {
    const dialog = await openConnect();
    await dialog.locator('#probability-2').fill('70점');
    await dialog.locator('#save').click();
    await dialog.locator('#flash.error').waitFor();
    expect(await dialog.locator('#flash').textContent()).toBe(
      "'견적 제출'의 수주 확률은 0에서 100 사이의 숫자여야 합니다.",
    );
    expect(await dialog.locator('#probability-2').inputValue()).toBe('70점');
    expect(team().spreadsheet.getSheetByName('Stages')).toBeNull();
  });

  it('after connecting, the deal panel works on the team sheet and the daily check adds only its column', async () => {
    const dialog = await openConnect();
    await dialog.locator('#field-owner').selectOption('담당');
    await idle(dialog);
    await dialog.locator('#save').click();
    await dialog.locator('#flash.ok').waitFor();
    await dialog.locator('#close').click();
    await until(
      () => page().locator('#dialog[open]').count(),
      (n) => n === 0,
    );

    const rows = team().values(TEAM_SHEET);
    const row = rows.findIndex((r) => r[0] === 'T-107') + 1;
    await page().locator(`table.grid[data-sheet="${TEAM_SHEET}"] tr[data-row="${row}"]`).click();
    const panel = panelOf(page());
    await panel.locator('.deal-id', { hasText: 'T-107' }).waitFor();
    await settled(panel);
    expect(await panel.locator('#deal-name').textContent()).toBe('품질 대시보드');
    expect(await panel.locator('#amount').textContent()).toBe('₩60,000,000');
    expect(await panel.locator('[aria-current="step"]').textContent()).toBe('계약 협상');

    const before = team().snapshot(TEAM_SHEET);
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('.stage-pill.is-won').textContent()).toBe('계약 완료');
    const stageColumn = 4;
    expect(team().values(TEAM_SHEET)[row - 1]?.[stageColumn]).toBe('계약 완료');
    // The move writes the deal's Stage and Stage entered, nothing else of the team's.
    const moved = cellChanges(before, team().snapshot(TEAM_SHEET));
    expect(new Set(moved.map((c) => `${c.row}:${c.column}`))).toEqual(new Set([`${row}:5`, `${row}:9`]));

    const beforeCheck = team().snapshot(TEAM_SHEET);
    team().begin('menu');
    (preview().workbook('team').bundle.runChecksNow as () => void)();
    const checked = cellChanges(beforeCheck, team().snapshot(TEAM_SHEET));
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.every((c) => c.column === 11 && c.row >= 2)).toBe(true);
    const header = team().values(TEAM_SHEET)[1] as Cell[];
    expect(header[10]).toBe('파이프라인 점검');
  });
});
