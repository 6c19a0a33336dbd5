import { describe, expect, it } from 'vitest';
import { rowOfDeal, settled, skipBrowserTests, usePreviewPage } from './harness';

/**
 * Issue 14, points 3 and 6, in the built sidebar over the stand-in (both
 * samples as of 2023-11-15): a loss needs a reason from the Settings list, a
 * won or lost deal tells its story and can be reopened, and the deal shows
 * Health as of now, overdue by how many days, and its stage path by name.
 */
describe.skipIf(skipBrowserTests)('deal panel: a deal’s story and its state today', () => {
  const { preview, openPanel: open, selectDeal: select, sheet } = usePreviewPage();

  it('marks a deal lost with a reason picked from the list, then reopens it with a reason (Korean)', async () => {
    await open('ko');
    const panel = await select('ko', 'D-2023-034');
    await panel.locator('#move-to').selectOption('실주');
    // The Settings defaults, none preselected.
    expect(await panel.locator('#move-reason option').allTextContents()).toEqual([
      '사유를 고르세요…',
      '가격',
      '경쟁사 선택',
      '예산 없음',
      '시기',
      '응답 없음',
      '기타',
    ]);
    expect(await panel.locator('#move-reason').inputValue()).toBe('');
    expect(await panel.locator('label[for="move-reason"]').textContent()).toBe('실주 사유 (필수)');
    expect(await panel.locator('label[for="move-note"]').textContent()).toBe('자세한 내용 (선택)');
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('#flash .flash-message').textContent()).toBe('목록에서 실주 사유를 고르세요.');
    expect(sheet('ko', 'Deals').find((d) => d['딜 ID'] === 'D-2023-034')?.단계).toBe('미팅 약속 완료');

    await panel.locator('#move-reason').selectOption('경쟁사 선택');
    await panel.locator('#move-note').fill('가격 비교 후 결정');
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(sheet('ko', 'Stage history').at(-1)).toMatchObject({
      '딜 ID': 'D-2023-034',
      '이전 단계': '미팅 약속 완료',
      단계: '실주',
      메모: '경쟁사 선택: 가격 비교 후 결정',
    });
    // The lost deal: the day it was lost (today) instead of a day count, its reason, and Reopen.
    expect(await panel.locator('.days-text').textContent()).toBe('2023. 11. 15. 실주 단계로 이동');
    expect(await panel.locator('#lost-reason').textContent()).toBe('경쟁사 선택');
    expect(await panel.locator('#move-h').textContent()).toBe('딜 다시 열기');
    // Reopen proposes the stage it was lost from, and says the reason is required.
    expect(await panel.locator('#move-to').inputValue()).toBe('미팅 약속 완료');
    expect(await panel.locator('label[for="move-note"]').textContent()).toBe('다시 여는 이유 (필수)');
    expect(await panel.locator('#move-submit').textContent()).toBe('미팅 약속 완료 단계로 다시 열기');
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('#flash .flash-message').textContent()).toBe(
      '딜을 다시 여는 사유를 적어 주세요.',
    );
    await panel.locator('#move-note').fill('고객이 재검토 요청');
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('.stage-pill').textContent()).toBe('미팅 약속 완료');
    expect(sheet('ko', 'Stage history').at(-1)).toMatchObject({
      '이전 단계': '실주',
      단계: '미팅 약속 완료',
      메모: '고객이 재검토 요청',
    });
  });

  it('shows a won deal’s day of winning, not a day count, and every stage by name (Korean)', async () => {
    await open('ko');
    const panel = await select('ko', 'D-2023-016');
    // Stage entered 2023. 9. 15 (its history row into the won stage says the same day).
    expect(await panel.locator('.days-text').textContent()).toBe(
      '2023. 9. 15. 최종 결정 및 계약 싸인 완료 단계로 이동',
    );
    expect(await panel.locator('#lost-reason').count()).toBe(0);
    const names = panel.locator('.path .step-name');
    expect(await names.allTextContents()).toEqual([
      '미팅 약속 완료',
      '제품 살펴보는 중',
      '온보딩 교육 중',
      '계약/견적 전달 받음',
      '최종 결정 및 계약 싸인 완료',
    ]);
    for (let i = 0; i < 5; i++) expect(await names.nth(i).isVisible()).toBe(true);
    // Reopen proposes 계약/견적 전달 받음, the From of its row into the won stage.
    expect(await panel.locator('#move-to').inputValue()).toBe('계약/견적 전달 받음');
  });

  it('shows Health as of now and overdue by how many days (Korean)', async () => {
    await open('ko');
    const { standIn } = preview().workbook('ko');
    const row = rowOfDeal(standIn.values('Deals'), 'D-2023-014');
    // Last night's text in the Health column; the panel must not repeat it.
    standIn.seed('Deals', `J${row}`, { values: [['정체: 온보딩 교육 중 57일째 (기준 14일)']] });
    const panel = await select('ko', 'D-2023-014');
    // Entered 2023-09-18: 58 days in a 14-day stage; Expected close 2023-10-20: 26 days ago.
    expect(await panel.locator('#health').textContent()).toBe(
      '정체: 온보딩 교육 중 58일째 (기준 14일) · 수주 예정일 지남: 2023-10-20 (26일 경과)',
    );
    expect(await panel.locator('#overdue').textContent()).toBe('26일 지남');
  });

  it('shows overdue by how many days and a lost deal’s story in English', async () => {
    await open('en');
    // D-018: entered Evaluating product 2023-09-14 (62 days, limit 21), Expected close 2023-11-10.
    let panel = await select('en', 'D-018');
    expect(await panel.locator('#overdue').textContent()).toBe('overdue by 5 days');
    expect(await panel.locator('#health').textContent()).toBe(
      'Stale: 62 days in Evaluating product (limit 21) · Overdue: expected close 2023-11-10 (5 days ago)',
    );
    // D-025: Send thank-you recap was due 2023-11-14.
    panel = await select('en', 'D-025');
    expect(await panel.locator('.task-overdue').first().textContent()).toBe('overdue by 1 day');
    // D-009 was lost on 2023-09-01 from Evaluating product; its Note names no listed reason, so it is shown whole.
    panel = await select('en', 'D-009');
    expect(await panel.locator('.days-text').textContent()).toBe('Entered Lost on Sep 1, 2023');
    expect(await panel.locator('#lost-reason').textContent()).toBe('Lost: chose a competitor on price');
    expect(await panel.locator('#move-h').textContent()).toBe('Reopen the deal');
    expect(await panel.locator('#move-to').inputValue()).toBe('Evaluating product');
    expect(await panel.locator('label[for="move-note"]').textContent()).toBe(
      'Why is it reopened? (required)',
    );
    expect(await panel.locator('.path .step-name').allTextContents()).toEqual([
      'Meeting booked',
      'Evaluating product',
      'Onboarding training',
      'Quote received',
      'Signed',
    ]);
  });
  it('shows a deal whose Amount is TBD, naming the bad value, and still moves it (Korean)', async () => {
    const { standIn } = preview().workbook('ko');
    const row = rowOfDeal(standIn.values('Deals'), 'D-2023-017');
    standIn.seed('Deals', `F${row}`, { values: [['TBD']] });
    const panel = await open('ko');
    expect(await panel.locator('#deal-name').textContent()).toBe('영업 파이프라인 관리 도입');
    expect(await panel.locator('#problems li').first().textContent()).toMatch(/^입력 오류: 금액 'TBD' /);
    expect(await panel.locator('#amount').textContent()).toBe('읽을 수 없음');
    expect(await panel.locator('#checklist-h').textContent()).toBe('완료 조건 2/3');
    // A move back does not depend on the Amount: it goes through, the bad cell left as typed.
    await panel.locator('#move-to').selectOption('제품 살펴보는 중');
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('.stage-pill').textContent()).toBe('제품 살펴보는 중');
    expect(sheet('ko', 'Deals').find((d) => d['딜 ID'] === 'D-2023-017')?.금액).toBe('TBD');
    expect(await panel.locator('#problems li').count()).toBe(1);
  });

  it('shows a deal whose stage Stages does not know, with no move offered (English)', async () => {
    await open('en');
    const { standIn } = preview().workbook('en');
    const row = rowOfDeal(standIn.values('Deals'), 'D-022');
    standIn.seed('Deals', `G${row}`, { values: [['On hold']] });
    const panel = await select('en', 'D-022');
    expect(await panel.locator('.stage-pill').textContent()).toBe('On hold');
    expect(await panel.locator('#problems li').first().textContent()).toContain("('On hold')");
    expect(await panel.locator('#fix-stage').textContent()).toBe(
      'Moves and the exit checklist need a stage of the Stages sheet: fix the Stage cell first.',
    );
    expect(await panel.locator('#move-submit').count()).toBe(0);
    expect(await panel.locator('#timeline li').count()).toBe(1);
  });
});
