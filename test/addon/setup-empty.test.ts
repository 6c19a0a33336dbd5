/**
 * Extensions › Sheets Pipeline › Set up pipeline sheets on a brand-new
 * spreadsheet: what a person finds afterwards, in Korean and in English.
 */
import { describe, expect, test } from 'vitest';
import {
  click,
  type Harness,
  openSpreadsheet,
  saveSettings,
  snapshotAll,
  workbookChanges,
  writeCalls,
} from './harness';

const KO_HEADERS = {
  Stages: [
    '단계',
    '수주 성공 확률',
    '정체 기준일',
    '결과',
    '완료 조건',
    '자동 생성 할일',
    '필수 항목',
    '진입 메일',
  ],
  Deals: [
    '딜 ID',
    '딜 이름',
    '고객사',
    '담당자',
    '금액',
    '단계',
    '단계 진입일',
    '수주 예정일',
    '파이프라인 점검',
  ],
  'Stage history': ['일시', '딜 ID', '이전 단계', '단계', '변경자', '메모'],
  Tasks: [
    '할일 ID',
    '딜 ID',
    '할일',
    '마감일',
    '담당자',
    '완료',
    '필수',
    '단계',
    '출처',
    '키',
    '생성일',
    '종료',
  ],
};

const EN_HEADERS = {
  Stages: [
    'Stage',
    'Win probability',
    'Stale after (days)',
    'Outcome',
    'Exit criteria',
    'Entry tasks',
    'Required fields',
    'Entry email',
  ],
  Deals: [
    'Deal ID',
    'Deal',
    'Company',
    'Owner',
    'Amount',
    'Stage',
    'Stage entered',
    'Expected close',
    'Pipeline health',
  ],
  'Stage history': ['When', 'Deal ID', 'From stage', 'To stage', 'By', 'Note'],
  Tasks: [
    'Task ID',
    'Deal ID',
    'Task',
    'Due',
    'Owner',
    'Done',
    'Required',
    'Stage',
    'Source',
    'Key',
    'Created',
    'Closed',
  ],
};

/** Stage, probability, stale after, outcome of the buyer-centric pipeline. */
const KO_STAGES = [
  ['미팅 약속 완료', 0.1, 14, ''],
  ['제품 살펴보는 중', 0.3, 21, ''],
  ['온보딩 교육 중', 0.7, 14, ''],
  ['계약/견적 전달 받음', 0.9, 10, ''],
  ['최종 결정 및 계약 싸인 완료', 1, '', '수주'],
  ['실주', 0, '', '실주'],
];
const EN_STAGES = [
  ['Meeting booked', 0.1, 14, ''],
  ['Evaluating product', 0.3, 21, ''],
  ['Onboarding training', 0.7, 14, ''],
  ['Quote received', 0.9, 10, ''],
  ['Signed', 1, '', 'won'],
  ['Lost', 0, '', 'lost'],
];

function setUp(locale: 'ko_KR' | 'en_US'): Harness {
  const h = openSpreadsheet(
    locale === 'ko_KR'
      ? { locale }
      : { locale, timeZone: 'America/New_York', now: new Date('2023-11-15T14:00:00Z') },
  );
  h.app.onOpen(h.standIn.openEvent('FULL'));
  h.standIn.runMenuItem(locale === 'ko_KR' ? '파이프라인 시트 설정' : 'Set up pipeline sheets');
  return h;
}

describe.each([
  ['ko_KR', KO_HEADERS, KO_STAGES],
  ['en_US', EN_HEADERS, EN_STAGES],
] as const)('setup on an empty %s spreadsheet', (locale, headers, stages) => {
  test('pre-fills one Entry email, on the demo stage: the subject line, then the body with placeholders', () => {
    const { standIn } = setUp(locale);
    const grid = standIn.values('Stages');
    const column = (grid[0] as string[]).indexOf(locale === 'ko_KR' ? '진입 메일' : 'Entry email');
    const emails = grid.slice(1).map((r) => String(r[column] ?? ''));
    expect(emails.filter((e) => e !== '')).toHaveLength(1);
    const demo = emails[1] as string;
    expect(demo.split('\n')[0]).toBe(
      locale === 'ko_KR' ? '{deal} 데모 계정 안내' : 'Your {deal} trial account',
    );
    expect(demo).toContain('{owner}');
  });

  test('creates the four sheets with their headers, frozen and bold', () => {
    const { standIn } = setUp(locale);
    expect(standIn.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      'Sheet1',
      'Stages',
      'Deals',
      'Stage history',
      'Tasks',
    ]);
    for (const [name, row] of Object.entries(headers)) {
      const snap = standIn.snapshot(name);
      expect(standIn.values(name)[0], name).toEqual(row);
      expect(snap.frozenRows, name).toBe(1);
      expect(snap.fontWeights[0]?.slice(0, row.length), name).toEqual(row.map(() => 'bold'));
    }
    // Nothing but Stages has data yet.
    expect(standIn.values('Deals')).toHaveLength(1);
    expect(standIn.values('Stage history')).toHaveLength(1);
    expect(standIn.values('Tasks')).toHaveLength(1);
  });

  test('Stages is pre-filled with the buyer-centric pipeline, exit criteria and entry tasks', () => {
    const { standIn } = setUp(locale);
    const rows = standIn.values('Stages').slice(1);
    expect(rows.map((r) => r.slice(0, 4))).toEqual(stages);
    // Every open stage says what must be done to leave it and what to do on entering it.
    for (const row of rows.slice(0, 4)) {
      expect(String(row[4]).split('\n').length).toBeGreaterThanOrEqual(2);
      expect(String(row[5]).split('\n').length).toBeGreaterThanOrEqual(2);
    }
    expect(String(rows[0]?.[5])).toMatch(/\(\+1d\)$/m);
    // Probabilities show as percents.
    expect(
      standIn
        .snapshot('Stages')
        .numberFormats.slice(1, 7)
        .map((r) => r[1]),
    ).toEqual(Array(6).fill('0%'));
  });

  test('Deals gets a Stage drop-down fed from Stages, date and amount formats', () => {
    const { standIn } = setUp(locale);
    const deals = standIn.snapshot('Deals');
    const stageColumn = 5; // F, 0-based
    // Every data row of Stage offers the names in Stages!A (warning, not rejecting, on other text).
    for (let r = 1; r < deals.maxRows; r++) {
      expect(deals.validations[r]?.[stageColumn]).toEqual({
        criteria: 'VALUE_IN_RANGE',
        args: ['Stages!A2:A', true],
        allowInvalid: true,
        helpText: '',
      });
    }
    expect(deals.validations[0]?.[stageColumn]).toBeNull(); // not on the header
    // Currency and dates as the spreadsheet's locale writes them.
    const [date, dateTime, money] =
      locale === 'ko_KR'
        ? ['yyyy. m. d', 'yyyy. m. d hh:mm', '₩#,##0']
        : ['m/d/yyyy', 'm/d/yyyy h:mm', '$#,##0'];
    const formats = deals.numberFormats[1] ?? [];
    expect(formats[4]).toBe(money); // Amount
    expect(formats[6]).toBe(date); // Stage entered
    expect(formats[7]).toBe(date); // Expected close
    expect(deals.numberFormats[deals.maxRows - 1]?.[7]).toBe(date);
    expect(standIn.snapshot('Stage history').numberFormats[1]?.[0]).toBe(dateTime);
  });

  test('Tasks gets Done and Required checkboxes and date formats', () => {
    const { standIn } = setUp(locale);
    const tasks = standIn.snapshot('Tasks');
    for (const column of [5, 6]) {
      for (let r = 1; r < tasks.maxRows; r++)
        expect(tasks.validations[r]?.[column]?.criteria).toBe('CHECKBOX');
      expect(tasks.validations[0]?.[column]).toBeNull();
    }
    expect(tasks.validations[1]?.filter((v) => v !== null)).toHaveLength(2);
    expect(tasks.numberFormats[1]?.[3]).toBe(locale === 'ko_KR' ? 'yyyy. m. d' : 'm/d/yyyy'); // Due
    expect(tasks.numberFormats[1]?.[10]).toBe(locale === 'ko_KR' ? 'yyyy. m. d hh:mm' : 'm/d/yyyy h:mm'); // Created
  });

  test('flagged deals are highlighted by one conditional-format rule keyed on Health', () => {
    const { standIn } = setUp(locale);
    expect(standIn.conditionalFormats('Deals')).toEqual([
      {
        criteria: 'CUSTOM_FORMULA',
        values: ['=LEN($I2)>0'],
        formula: '=LEN($I2)>0',
        background: '#fce8e6',
        fontColor: null,
        bold: null,
        ranges: ['A2:I1000'],
      },
    ]);
    for (const name of ['Stages', 'Stage history', 'Tasks'])
      expect(standIn.conditionalFormats(name)).toEqual([]);
  });

  test('installs the edit trigger (stages typed into Deals get logged), not the daily one', () => {
    const { standIn } = setUp(locale);
    expect(standIn.triggers()).toMatchObject([
      { handler: 'onDealsEdit', eventType: 'ON_EDIT', source: 'SPREADSHEETS', owner: 'user@example.com' },
    ]);
    expect(standIn.ui.toasts).toHaveLength(1);
  });

  test('running setup again changes nothing: same sheets, rules, validations, triggers, properties', () => {
    const h = setUp(locale);
    const { standIn } = h;
    const before = snapshotAll(standIn);
    const triggers = standIn.triggers();
    const properties = standIn.properties.document();
    standIn.calls.reset();

    click(h, 'setupPipeline');

    expect(writeCalls(standIn)).toEqual({});
    expect(workbookChanges(before, snapshotAll(standIn))).toEqual([]);
    expect(standIn.triggers()).toEqual(triggers);
    expect(standIn.properties.document()).toEqual(properties);
    expect(standIn.ui.toasts.at(-1)).toMatch(
      locale === 'ko_KR' ? /바꿀 것이 없습니다/ : /Nothing needed changing/,
    );
  });
});

test('a Korean spreadsheet can be set up in English from Settings (headers follow the chosen language)', () => {
  const h = openSpreadsheet({ locale: 'ko_KR' });
  saveSettings(h, { languageChoice: 'en' });
  click(h, 'setupPipeline');
  expect(h.standIn.values('Deals')[0]).toEqual(EN_HEADERS.Deals);
  expect(h.standIn.values('Stages')[1]?.[0]).toBe('Meeting booked');
});
