import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PreviewSample } from '../../scripts/preview/workbook';
import type { Cell } from '../support/standin';
import { panelOf, settled, skipBrowserTests, usePreviewPage } from './harness';

/**
 * Issue 14, point 2, in the built sidebar over the stand-in (both samples as
 * of 2023-11-15): when a deal leaves a stage, that stay's open tasks get a
 * Closed date (Tasks' Closed / 종료); when it re-enters a stage, a criterion
 * it had Done in its previous stay there starts Done, entry tasks start afresh.
 */
const ZONES: Record<'ko' | 'en', string> = { ko: 'Asia/Seoul', en: 'America/New_York' };

/** A Date cell as the day it is in the sample's zone ('' for an empty cell). */
const dayOf = (language: 'ko' | 'en', value: Cell | undefined) =>
  value === '' || value === undefined || value === null
    ? ''
    : new Intl.DateTimeFormat('en-CA', { timeZone: ZONES[language] }).format(new Date(value as Date));

describe.skipIf(skipBrowserTests)('deal panel: tasks follow the stays they belong to', () => {
  const { page, open: openPage, selectDeal, sheet } = usePreviewPage();

  async function openOn(language: PreviewSample, dealId: string) {
    await openPage(language);
    await panelOf(page()).locator('#deal-name').waitFor();
    return selectDeal(language, dealId);
  }

  /** The checklist as [criterion, ticked] pairs, in the panel's order. */
  async function checklistOf(panel: FrameLocator): Promise<[string, boolean][]> {
    const items = panel.locator('ul.checks:not(.tasks) li');
    const out: [string, boolean][] = [];
    for (let i = 0; i < (await items.count()); i++)
      out.push([
        (await items.nth(i).locator('span').first().textContent()) ?? '',
        await items.nth(i).locator('input').isChecked(),
      ]);
    return out;
  }

  const otherTasks = (panel: FrameLocator) =>
    panel.locator('section[aria-labelledby="tasks-h"] .task-name').allTextContents();

  async function moveTo(panel: FrameLocator, stage: string) {
    await panel.locator('#move-to').selectOption(stage);
    await panel.locator('#move-submit').click();
    await settled(panel);
  }

  it('closes the left stay’s open tasks and carries a Done criterion into the next stay (Korean)', async () => {
    const panel = await openOn('ko', 'D-2023-017');
    const criteria = ['고객 실무자 교육 세션 완료', '고객사 내부 도입 승인 확인', '보안 검토 통과'];
    // In 온보딩 교육 중 since 2023-11-08: T-0001 and T-0003 Done, T-0002 not (sample Tasks).
    expect(await checklistOf(panel)).toEqual([
      [criteria[0], true],
      [criteria[1], false],
      [criteria[2], true],
    ]);
    // Its only other open task: the entry task T-0006 (T-0004, T-0005 are Done).
    expect(await otherTasks(panel)).toEqual(['교육 만족도 확인']);

    // The lead ticks 도입 승인 (T-0002) and unticks 보안 검토 (T-0003): it has not passed after all.
    await panel.locator('#crit-1').click();
    await settled(panel);
    await panel.locator('#crit-2').click();
    await settled(panel);
    expect(await checklistOf(panel)).toEqual([
      [criteria[0], true],
      [criteria[1], true],
      [criteria[2], false],
    ]);
    const before = sheet('ko', 'Tasks').length; // 16 rows, T-0001…T-0016

    // Back to 제품 살펴보는 중: a move back needs nothing.
    await moveTo(panel, '제품 살펴보는 중');
    expect(await panel.locator('.stage-pill').textContent()).toBe('제품 살펴보는 중');
    let tasks = sheet('ko', 'Tasks');
    const closedOf = (id: string) =>
      dayOf('ko', tasks.find((t) => t['할일 ID'] === id)?.종료 as Cell | undefined);
    // The left stay's not-Done tasks (T-0003 criterion, T-0006 entry) are Closed today; Done ones are not.
    expect(['T-0001', 'T-0002', 'T-0003', 'T-0004', 'T-0005', 'T-0006'].map(closedOf)).toEqual([
      '',
      '',
      '2023-11-15',
      '',
      '',
      '2023-11-15',
    ]);
    // Other deals' open tasks are untouched (D-2023-015's T-0008, D-2023-040's T-0016).
    expect(closedOf('T-0008')).toBe('');
    expect(closedOf('T-0016')).toBe('');
    // The new stay: 2 criteria (not Done: no earlier stay in Tasks) and 2 entry tasks, keyed 2023-11-15.
    expect(
      tasks.slice(before).map((t) => [t['딜 ID'], t.단계, t.할일, t.출처, t.완료, t.키 as string]),
    ).toEqual(
      [
        ['고객이 데모 환경에서 핵심 기능 직접 사용', 'exit'],
        ['도입 검토 담당자 지정', 'exit'],
        ['데모 계정 발급', 'entry'],
        ['사용 현황 점검 콜', 'entry'],
      ].map(([task, source]) => [
        'D-2023-017',
        '제품 살펴보는 중',
        task,
        source,
        false,
        `D-2023-017|제품 살펴보는 중|2023-11-15|${task}`,
      ]),
    );
    // The panel no longer lists the old stage's tasks; only the new stay's entry tasks.
    expect(await otherTasks(panel)).toEqual(['데모 계정 발급', '사용 현황 점검 콜']);
    expect(await panel.locator('#checklist-h').textContent()).toBe('완료 조건 0/2');

    // Forward again: 제품 살펴보는 중's criteria are unmet, so an override with a note.
    const middle = sheet('ko', 'Tasks').length; // before + 4
    await panel.locator('#move-to').selectOption('온보딩 교육 중');
    await panel.locator('#move-override').check();
    await panel.locator('#move-note').fill('고객 요청으로 교육 재개');
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('.stage-pill').textContent()).toBe('온보딩 교육 중');
    // The re-entered stay: the two criteria Done in the 2023-11-08 stay start Done, 보안 검토 does not.
    expect(await checklistOf(panel)).toEqual([
      [criteria[0], true],
      [criteria[1], true],
      [criteria[2], false],
    ]);
    expect(await panel.locator('#checklist-h').textContent()).toBe('완료 조건 2/3');
    tasks = sheet('ko', 'Tasks');
    // The 제품 살펴보는 중 stay's four tasks are Closed today.
    expect(tasks.slice(before, middle).map((t) => dayOf('ko', t.종료 as Cell))).toEqual(
      Array(4).fill('2023-11-15'),
    );
    // Six new rows for the new stay (keyed 2023-11-15); entry tasks start afresh, not Done.
    const added = tasks.slice(middle);
    expect(added.map((t) => [t.할일, t.출처, t.완료, t.키, dayOf('ko', t.종료 as Cell)])).toEqual([
      [criteria[0], 'exit', true, `D-2023-017|온보딩 교육 중|2023-11-15|${criteria[0]}`, ''],
      [criteria[1], 'exit', true, `D-2023-017|온보딩 교육 중|2023-11-15|${criteria[1]}`, ''],
      [criteria[2], 'exit', false, `D-2023-017|온보딩 교육 중|2023-11-15|${criteria[2]}`, ''],
      [
        '교육 일정 확정 메일 발송',
        'entry',
        false,
        'D-2023-017|온보딩 교육 중|2023-11-15|교육 일정 확정 메일 발송',
        '',
      ],
      ['교육 자료 공유', 'entry', false, 'D-2023-017|온보딩 교육 중|2023-11-15|교육 자료 공유', ''],
      ['교육 만족도 확인', 'entry', false, 'D-2023-017|온보딩 교육 중|2023-11-15|교육 만족도 확인', ''],
    ]);
    // Due +0, +2, +10 days from 2023-11-15.
    expect(added.slice(3).map((t) => dayOf('ko', t.마감일 as Cell))).toEqual([
      '2023-11-15',
      '2023-11-17',
      '2023-11-25',
    ]);
    // The first stay's rows stay as they were: T-0003, T-0006 Closed, the rest not.
    expect(['T-0003', 'T-0006'].map(closedOf)).toEqual(['2023-11-15', '2023-11-15']);
    // Other open tasks: the new entry tasks only (the Closed T-0006 is not listed).
    expect(await otherTasks(panel)).toEqual([
      '교육 일정 확정 메일 발송',
      '교육 자료 공유',
      '교육 만족도 확인',
    ]);
  });

  it('closes the left stay’s open tasks and carries a Done criterion into the next stay (English)', async () => {
    const panel = await openOn('en', 'D-016');
    const criteria = [
      "Buyer's team completed the training session",
      'Internal go-ahead confirmed by the buyer',
      'Security review passed',
    ];
    // In Onboarding training since 11/7/2023: only T-0001 Done (sample Tasks).
    expect(await checklistOf(panel)).toEqual([
      [criteria[0], true],
      [criteria[1], false],
      [criteria[2], false],
    ]);
    expect(await otherTasks(panel)).toEqual(['Training feedback check']);
    // The lead ticks the go-ahead (T-0002).
    await panel.locator('#crit-1').click();
    await settled(panel);
    expect(await panel.locator('#crit-1').isChecked()).toBe(true);
    const before = sheet('en', 'Tasks').length; // 15 rows

    await moveTo(panel, 'Evaluating product');
    expect(await panel.locator('.stage-pill').textContent()).toBe('Evaluating product');
    let tasks = sheet('en', 'Tasks');
    const closedOf = (id: string) =>
      dayOf('en', tasks.find((t) => t['Task ID'] === id)?.Closed as Cell | undefined);
    // Not Done when the stay ended: T-0003 (criterion), T-0006 (entry task) get Closed 2023-11-15.
    expect(['T-0001', 'T-0002', 'T-0003', 'T-0004', 'T-0005', 'T-0006'].map(closedOf)).toEqual([
      '',
      '',
      '2023-11-15',
      '',
      '',
      '2023-11-15',
    ]);
    expect(closedOf('T-0008')).toBe(''); // D-010's open criterion, another deal
    expect(tasks.slice(before).map((t) => [t.Task, t.Source, t.Done])).toEqual([
      ['Buyer used the core features in a trial account', 'exit', false],
      ['Buyer named an evaluation lead', 'exit', false],
      ['Create trial account', 'entry', false],
      ['Check-in call on trial usage', 'entry', false],
    ]);
    expect(await otherTasks(panel)).toEqual(['Create trial account', 'Check-in call on trial usage']);

    const middle = sheet('en', 'Tasks').length;
    await panel.locator('#move-to').selectOption('Onboarding training');
    await panel.locator('#move-override').check();
    await panel.locator('#move-note').fill('Buyer asked to resume training');
    await panel.locator('#move-submit').click();
    await settled(panel);
    expect(await panel.locator('.stage-pill').textContent()).toBe('Onboarding training');
    // Done in the 11/7 stay: the training session and the go-ahead; the security review starts unticked.
    expect(await checklistOf(panel)).toEqual([
      [criteria[0], true],
      [criteria[1], true],
      [criteria[2], false],
    ]);
    tasks = sheet('en', 'Tasks');
    expect(tasks.slice(before, middle).map((t) => dayOf('en', t.Closed as Cell))).toEqual(
      Array(4).fill('2023-11-15'),
    );
    const added = tasks.slice(middle);
    expect(added.map((t) => [t.Task, t.Source, t.Done, t.Key])).toEqual([
      [criteria[0], 'exit', true, `D-016|Onboarding training|2023-11-15|${criteria[0]}`],
      [criteria[1], 'exit', true, `D-016|Onboarding training|2023-11-15|${criteria[1]}`],
      [criteria[2], 'exit', false, `D-016|Onboarding training|2023-11-15|${criteria[2]}`],
      [
        'Confirm training schedule by email',
        'entry',
        false,
        'D-016|Onboarding training|2023-11-15|Confirm training schedule by email',
      ],
      [
        'Share training materials',
        'entry',
        false,
        'D-016|Onboarding training|2023-11-15|Share training materials',
      ],
      [
        'Training feedback check',
        'entry',
        false,
        'D-016|Onboarding training|2023-11-15|Training feedback check',
      ],
    ]);
    expect(await otherTasks(panel)).toEqual([
      'Confirm training schedule by email',
      'Share training materials',
      'Training feedback check',
    ]);
  });
});
