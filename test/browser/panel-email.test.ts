import { describe, expect, it } from 'vitest';
import { rowOfDeal, settled, skipBrowserTests, usePreviewPage } from './harness';

/**
 * Issue 14, point 9, in the built sidebar over the stand-in (the Korean
 * sample as of 2023-11-15): D-2023-017 entered 온보딩 교육 중 on 2023-11-08,
 * whose Entry email left it a task `Email: …`; the panel shows the message
 * drafted for its contact, and one click sends it, once.
 */
const DEAL = 'D-2023-017';
const SUBJECT = '{deal} 교육 일정 안내';
const KEY = `${DEAL}|온보딩 교육 중|2023-11-08|Email: ${SUBJECT}`;

describe.skipIf(skipBrowserTests)('deal panel: an entry email drafted, shown and sent once', () => {
  const { preview, open: openPage, selectDeal } = usePreviewPage({ reset: ['ko'] });

  /** The Entry email on 온보딩 교육 중 (Stages row 4), the deal's contact, and the task its entry made. */
  function seedEmail(contact: string): void {
    const { standIn } = preview().workbook('ko');
    standIn.edit('Stages', 'H1:H4', [
      ['진입 메일'],
      [''],
      [''],
      [`${SUBJECT}\n{contact} 님, {deal} 교육 일정을 안내드립니다.`],
    ]);
    const row = rowOfDeal(standIn.values('Deals'), DEAL);
    standIn.edit('Deals', 'K1', [['고객 이메일']]);
    standIn.edit('Deals', `K${row}`, [[contact]]);
    const next = standIn.values('Tasks').length + 1;
    standIn.edit('Tasks', `A${next}:K${next}`, [
      [
        'T-0900',
        DEAL,
        `Email: ${SUBJECT}`,
        '2023. 11. 8',
        'seoyeon.lee@example.com',
        false,
        false,
        '온보딩 교육 중',
        'entry',
        KEY,
        '2023. 11. 8',
      ],
    ]);
  }

  async function openOn(dealId: string) {
    await openPage('ko');
    return selectDeal('ko', dealId);
  }

  it('shows the draft for the contact and sends it on one click, after which nothing is left to send', async () => {
    seedEmail('buyer@hanbit.co.kr');
    const panel = await openOn(DEAL);
    const email = panel.locator('#email-0');
    expect(await email.locator('.email-to').textContent()).toBe('받는 사람: buyer@hanbit.co.kr');
    expect(await email.locator('.email-subject').textContent()).toMatch(/ 교육 일정 안내$/);
    expect(await email.locator('.email-body').textContent()).toContain('buyer@hanbit.co.kr 님,');
    await panel.locator('#email-send-0').click();
    await settled(panel);
    expect(await panel.locator('#flash .flash-message').first().textContent()).toBe(
      'buyer@hanbit.co.kr에게 보냈습니다.',
    );
    expect(await panel.locator('#email-0').count()).toBe(0);
    const { standIn } = preview().workbook('ko');
    expect(standIn.sentMail.map((m) => m.to)).toEqual(['buyer@hanbit.co.kr']);
  });

  it('without a Contact email shows why, and the Send button cannot be pressed', async () => {
    seedEmail('');
    const panel = await openOn(DEAL);
    expect(await panel.locator('#email-problem-0').textContent()).toContain('고객 이메일이 없습니다');
    expect(await panel.locator('#email-send-0').isDisabled()).toBe(true);
    expect(preview().workbook('ko').standIn.sentMail).toEqual([]);
  });

  it('in English: D-016 (in Onboarding training since 11/7/2023) shows its draft and sends it once', async () => {
    preview().reset('en');
    const { standIn } = preview().workbook('en');
    const subject = 'Your {deal} training schedule';
    standIn.edit('Stages', 'H1:H4', [
      ['Entry email'],
      [''],
      [''],
      [`${subject}\nHello {contact}, here is the schedule for {deal}.`],
    ]);
    const row = rowOfDeal(standIn.values('Deals'), 'D-016');
    standIn.edit('Deals', 'K1', [['Contact email']]);
    standIn.edit('Deals', `K${row}`, [['buyer@northwind.example']]);
    const next = standIn.values('Tasks').length + 1;
    const key = `D-016|Onboarding training|2023-11-07|Email: ${subject}`;
    standIn.edit('Tasks', `A${next}:K${next}`, [
      [
        'T-0900',
        'D-016',
        `Email: ${subject}`,
        '11/7/2023',
        'liam.smith@example.com',
        false,
        false,
        'Onboarding training',
        'entry',
        key,
        '11/7/2023',
      ],
    ]);
    await openPage('en');
    const panel = await selectDeal('en', 'D-016');
    expect(await panel.locator('#email-0 .email-to').textContent()).toBe('To: buyer@northwind.example');
    expect(await panel.locator('#email-0 .email-body').textContent()).toContain(
      'Hello buyer@northwind.example,',
    );
    await panel.locator('#email-send-0').click();
    await settled(panel);
    expect(await panel.locator('#email-0').count()).toBe(0);
    expect(standIn.sentMail.map((m) => m.to)).toEqual(['buyer@northwind.example']);
  });
});
