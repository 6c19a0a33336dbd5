import { describe, expect, it } from 'vitest';
import type { Cell } from '../support/standin';
import { rowOfDeal, settled, skipBrowserTests, until, usePreviewPage } from './harness';

/**
 * The built dist/Sidebar.html in real Chromium, inside the preview page, with
 * google.script.run answered by the built dist/Code.js over the Sheets
 * stand-in loaded from sample-data/ (`npm test` builds first).
 */
const seoulDay = (value: Cell) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date(value as Date));

describe.skipIf(skipBrowserTests)('deal panel in Chromium', () => {
  const { preview, page, openPanel: open, selectDeal: select, sheet } = usePreviewPage();

  it('shows the selected deal in Korean and follows the selection, polling cheaply', async () => {
    const panel = await open('ko');
    const frame = page().frame({ url: /\/sidebar/ });
    expect(await frame?.evaluate('document.documentElement.lang')).toBe('ko');
    expect(await panel.locator('#deal-name').textContent()).toBe('영업 파이프라인 관리 도입');
    expect(await panel.locator('.deal-meta').textContent()).toContain('태양화학');
    expect(await panel.locator('.days-text').textContent()).toBe('7일째 / 기준 14일');
    expect(await panel.locator('#amount').textContent()).toBe('₩10,000,000');
    expect(await panel.locator('#weighted').textContent()).toBe('₩7,000,000');
    expect(await panel.locator('#checklist-h').textContent()).toBe('완료 조건 2/3');
    expect(await panel.locator('[aria-current="step"]').textContent()).toBe('온보딩 교육 중');
    expect(await panel.locator('#move-submit').textContent()).toBe('다음 단계로 이동: 계약/견적 전달 받음');

    // A deal 41 days into a 14-day stage is shown as stale.
    await select('ko', 'D-2023-034');
    expect(await panel.locator('#deal-name').textContent()).toBe('채널 파트너 CRM');
    expect(await panel.locator('#days.is-stale .days-text').textContent()).toBe('41일째 / 기준 14일');

    // While the selection stays put, only the cheap selection call runs.
    const calls: string[] = [];
    page().on('request', (request) => {
      if (request.url().includes('/rpc')) calls.push(JSON.parse(request.postData() ?? '{}').fn);
    });
    await page().waitForTimeout(3500);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.every((fn) => fn === 'panelGetSelection')).toBe(true);
  });

  it('refuses a move with unmet criteria, listing them; ticking them lets the move through', async () => {
    await open('ko');
    const panel = await select('ko', 'D-2023-034');
    const criteria = ['고객 니즈 확인 미팅 진행', '의사결정자 파악', '예산 범위 확인'];
    const historyBefore = sheet('ko', 'Stage history').length;
    const tasksBefore = sheet('ko', 'Tasks').length;

    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('#flash[role="alert"] .flash-message').textContent()).toContain('완료 조건');
    expect(await panel.locator('#missing li').allTextContents()).toEqual(criteria);
    expect(sheet('ko', 'Deals').find((d) => d['딜 ID'] === 'D-2023-034')?.단계).toBe('미팅 약속 완료');
    expect(sheet('ko', 'Stage history')).toHaveLength(historyBefore);

    // Each tick writes a Done Required task (the deal had none: it entered before the add-on).
    for (let i = 0; i < criteria.length; i++) {
      await panel.locator(`#crit-${i}`).click();
      await settled(panel);
      expect(await panel.locator(`#crit-${i}`).isChecked()).toBe(true);
    }
    const ticked = sheet('ko', 'Tasks').filter((t) => t['딜 ID'] === 'D-2023-034');
    expect(ticked.map((t) => [t.할일, t.완료, t.필수])).toEqual(criteria.map((c) => [c, true, true]));

    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('#flash.ok').textContent()).toContain('제품 살펴보는 중');
    expect(await panel.locator('[aria-current="step"]').textContent()).toBe('제품 살펴보는 중');
    expect(await panel.locator('#checklist-h').textContent()).toBe('완료 조건 0/2');

    // Deals: Stage and Stage entered (today in Seoul).
    const deal = sheet('ko', 'Deals').find((d) => d['딜 ID'] === 'D-2023-034');
    expect(deal?.단계).toBe('제품 살펴보는 중');
    expect(seoulDay(deal?.['단계 진입일'] ?? '')).toBe('2023-11-15');
    // Stage history: exactly one new row.
    const history = sheet('ko', 'Stage history');
    expect(history).toHaveLength(historyBefore + 1);
    expect(history.at(-1)).toMatchObject({
      '딜 ID': 'D-2023-034',
      '이전 단계': '미팅 약속 완료',
      단계: '제품 살펴보는 중',
    });
    // Tasks: the new stage's entry tasks and exit criteria.
    const added = sheet('ko', 'Tasks').slice(tasksBefore + criteria.length);
    expect(added.map((t) => [t['딜 ID'], t.단계, t.할일, t.출처, t.필수]).sort()).toEqual(
      [
        ['D-2023-034', '제품 살펴보는 중', '데모 계정 발급', 'entry', false],
        ['D-2023-034', '제품 살펴보는 중', '사용 현황 점검 콜', 'entry', false],
        ['D-2023-034', '제품 살펴보는 중', '고객이 데모 환경에서 핵심 기능 직접 사용', 'exit', true],
        ['D-2023-034', '제품 살펴보는 중', '도입 검토 담당자 지정', 'exit', true],
      ].sort(),
    );

    // The rendered sheet view shows the same changes.
    const row = rowOfDeal(preview().workbook('ko').standIn.values('Deals'), 'D-2023-034');
    await page()
      .locator(`table.grid[data-sheet="Deals"] tr[data-row="${row}"] td`, { hasText: '제품 살펴보는 중' })
      .waitFor();
    await page().locator('#tabs button', { hasText: 'Stage history' }).click();
    const lastHistory = page().locator('table.grid[data-sheet="Stage history"] tbody tr').last();
    expect(await lastHistory.textContent()).toContain('D-2023-034');
    expect(await lastHistory.textContent()).toContain('제품 살펴보는 중');
    await page().locator('#tabs button', { hasText: 'Tasks' }).click();
    expect(
      await page()
        .locator('table.grid[data-sheet="Tasks"] tbody tr', { hasText: '도입 검토 담당자 지정' })
        .count(),
    ).toBe(1);
  });

  it('needs a note to override and a reason to mark a deal lost (English workbook)', async () => {
    await open('en');
    const panel = await select('en', 'D-022');
    expect(await panel.locator('#move-submit').textContent()).toBe('Move to Evaluating product');

    await panel.locator('#move-override').check();
    expect(await panel.locator('label[for="move-note"]').textContent()).toBe(
      'Note (required for an override)',
    );
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('#flash .flash-message').textContent()).toBe(
      'An override needs a note saying why.',
    );
    expect(await panel.locator('#missing li').allTextContents()).toEqual([
      'Discovery call held with the buyer',
      'Decision maker identified',
      'Budget range confirmed',
    ]);

    // Enter in the note submits the form.
    await panel.locator('#move-note').fill('Buyer confirmed budget by phone');
    await panel.locator('#move-note').press('Enter');
    await settled(panel);
    expect(await panel.locator('#flash.ok').textContent()).toContain('Evaluating product');
    const overridden = sheet('en', 'Stage history').at(-1);
    expect(overridden).toMatchObject({
      'Deal ID': 'D-022',
      'From stage': 'Meeting booked',
      'To stage': 'Evaluating product',
    });
    expect(String(overridden?.Note)).toContain('Buyer confirmed budget by phone');

    await panel.locator('#move-to').selectOption('Lost');
    expect(await panel.locator('#move-submit').textContent()).toBe('Mark as Lost');
    // Issue 14 point 3: the reason is picked from the Settings list (none preselected), the note is optional.
    expect(await panel.locator('label[for="move-reason"]').textContent()).toBe(
      'Reason the deal was lost (required)',
    );
    expect(await panel.locator('label[for="move-note"]').textContent()).toBe('More detail (optional)');
    await panel.locator('#move-note').fill('Went with the incumbent');
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('#flash .flash-message').textContent()).toBe(
      'Pick why the deal was lost from the list.',
    );
    await panel.locator('#move-reason').selectOption('Chose a competitor');
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(sheet('en', 'Deals').find((d) => d['Deal ID'] === 'D-022')?.Stage).toBe('Lost');
    expect(sheet('en', 'Stage history').at(-1)?.Note).toBe('Chose a competitor: Went with the incumbent');
    expect(await panel.locator('.stage-pill.is-lost').textContent()).toBe('Lost');
    expect(await panel.locator('.path.is-lost').count()).toBe(1);
  });

  it('refuses a move when the stage was changed behind the panel', async () => {
    const panel = await open('ko');
    const { standIn } = preview().workbook('ko');
    const historyBefore = sheet('ko', 'Stage history').length;
    const row = rowOfDeal(standIn.values('Deals'), 'D-2023-017');
    // Someone else moves the deal in the sheet; the panel still shows 온보딩 교육 중.
    standIn.seed('Deals', `G${row}`, { values: [['계약/견적 전달 받음']] });

    await panel.locator('#move-to').selectOption('제품 살펴보는 중');
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('#flash[role="alert"] .flash-message').textContent()).toBe(
      '다른 사람이 이 딜을 바꿨습니다 (현재 단계: 계약/견적 전달 받음). 새로 고친 뒤 다시 시도하세요.',
    );
    // No row for the refused move; the colleague's change, which no trigger logged, is logged now and says so.
    const history = sheet('ko', 'Stage history');
    expect(history).toHaveLength(historyBefore + 1);
    expect(history.at(-1)).toMatchObject({ '딜 ID': 'D-2023-017', 단계: '계약/견적 전달 받음' });
    expect(String(history.at(-1)?.메모)).toMatch(/^늦게 기록됨/);
    expect(sheet('ko', 'Deals').find((d) => d['딜 ID'] === 'D-2023-017')?.단계).toBe('계약/견적 전달 받음');
    // The refusal carries the fresh state: the panel now shows where the deal really is.
    expect(await panel.locator('.stage-pill').textContent()).toBe('계약/견적 전달 받음');
  });

  it('renders a deal name as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__xss=1">';
    const panel = await open('ko');
    const { standIn } = preview().workbook('ko');
    const row = rowOfDeal(standIn.values('Deals'), 'D-2023-034');
    standIn.seed('Deals', `B${row}:C${row}`, { values: [[hostile, hostile]] });
    await select('ko', 'D-2023-034');

    expect(await panel.locator('#deal-name').textContent()).toBe(hostile);
    expect(await panel.locator('.deal-meta').textContent()).toContain(hostile);
    expect(await panel.locator('#content img').count()).toBe(0);
    await page()
      .locator(`table.grid[data-sheet="Deals"] tr[data-row="${row}"] td`, { hasText: hostile })
      .first()
      .waitFor();
    expect(await page().locator('img').count()).toBe(0);
    await page().waitForTimeout(300);
    expect(
      await page()
        .frame({ url: /\/sidebar/ })
        ?.evaluate('typeof window.__xss'),
    ).toBe('undefined');
    expect(await page().evaluate('typeof window.__xss')).toBe('undefined');
  });

  it('shows progress while a call runs, and the error when the server fails', async () => {
    const panel = await open('ko');
    preview().setLatency(700);
    await panel.locator('#crit-1').click();
    await panel.locator('#status', { hasText: '저장 중…' }).waitFor();
    expect(await panel.locator('#move-submit').isDisabled()).toBe(true);
    expect(await panel.locator('#crit-1').isChecked()).toBe(true);
    await settled(panel);
    expect(await panel.locator('#status').textContent()).toBe('');
    expect(await panel.locator('#move-submit').isDisabled()).toBe(false);

    // A Tasks sheet without its Done header makes ticking a task throw on the server.
    preview().setLatency(0);
    preview()
      .workbook('ko')
      .standIn.seed('Tasks', 'F1', { values: [['']] });
    await panel.locator('#task-0').click();
    await settled(panel);
    expect(await panel.locator('#flash[role="alert"]').textContent()).toMatch(
      /^서버가 응답하지 못했습니다: ./,
    );
    expect(await panel.locator('#task-0').isEnabled()).toBe(true);
  });

  it('shows the English UI for the English workbook', async () => {
    const panel = await open('en');
    expect(
      await page()
        .frame({ url: /\/sidebar/ })
        ?.evaluate('document.documentElement.lang'),
    ).toBe('en');
    expect(await panel.locator('#deal-name').textContent()).toBe('Bid tracking');
    expect(await panel.locator('.days-text').textContent()).toBe('Day 8 / limit 14 days');
    expect(await panel.locator('#amount').textContent()).toBe('$10,000');
    expect(await panel.locator('#checklist-h').textContent()).toBe('Exit checklist 1/3');
    expect(await panel.locator('#move-submit').textContent()).toBe('Move to Quote received');
    await panel.locator('#task-0').click();
    await settled(panel);
    expect(sheet('en', 'Tasks').find((t) => t.Task === 'Training feedback check')?.Done).toBe(true);
  });

  it('saves settings and shows the server’s validation message', async () => {
    await open('ko');
    await page().locator('#open-settings').click();
    const settings = page().frameLocator('#dialog-frame');
    await settings.locator('#save').waitFor();
    expect(await settings.locator('#run-h').textContent()).toBe('예약과 마지막 실행');
    expect(await settings.locator('.run dd').first().textContent()).toContain('꺼짐');
    await settings.locator('#manager-email').fill('not an email');
    await settings.locator('#save').click();
    await settings.locator('#flash.error').waitFor();
    expect(await settings.locator('#flash').textContent()).toContain('not an email');
    expect(await settings.locator('#manager-email').inputValue()).toBe('not an email');

    await settings.locator('#manager-email').fill('lead@example.com');
    await settings.locator('#daily-hour').selectOption('9');
    await settings.locator('#save').click();
    // Saved, and said to do nothing yet: digests are off, so the manager address gets nothing.
    await settings.locator('#flash.warn').waitFor();
    expect(await settings.locator('#flash').textContent()).toContain('설정을 저장했습니다.');
    const stored = await until(
      () => preview().workbook('ko').standIn.properties.document()['sheetsPipeline.settings'] ?? '',
      (text) => text !== '',
    );
    expect(JSON.parse(stored)).toMatchObject({ managerEmail: 'lead@example.com', dailyHour: 9 });
    await settings.locator('#close').click();
    await until(
      () => page().locator('#dialog[open]').count(),
      (n) => n === 0,
    );
  });
});
