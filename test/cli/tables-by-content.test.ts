/**
 * Which file is which table is decided by its header row, not its name (SPEC
 * §1 Header row, §6): a CRM's own export is Deals as it is; a file fitting
 * several tables is the one whose fields match most of its columns; names only
 * break ties; two files for one table end the run; a file that is no table is
 * named with what it lacks and the run goes on; only Deals is required (SPEC §4:
 * without Stages the stages are built from the deals).
 */
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnsOf, csv, fixture, folderWith, ok, oneLine, reportOf, run } from './cli-run';

const LONDON = ['--as-of', '2023-04-03', '--tz', 'Europe/London'];

/** A HubSpot "export a view" of deals: its 9 columns, as HubSpot names and orders them. */
const HUBSPOT_VIEW = csv([
  [
    'Record ID',
    'Deal Name',
    'Deal Stage',
    'Close Date',
    'Deal owner',
    'Amount',
    'Closed Lost Reason',
    'Last Modified Date',
    'Create Date',
  ],
  [
    '9001',
    'Acme portal',
    'Appointment scheduled',
    '2023-04-28 10:00',
    'Owner A',
    '12000',
    '',
    '2023-03-21 12:10',
    '2023-03-13 11:47',
  ],
  [
    '9002',
    'Borealis CRM',
    'Closed won',
    '2023-03-17 09:30',
    'Owner B',
    '210000',
    '',
    '2023-03-17 09:31',
    '2023-01-10 10:00',
  ],
  [
    '9003',
    'Cobalt intranet',
    'Closed lost',
    '2023-02-01 12:00',
    'Owner A',
    '5000',
    'Chose a competitor',
    '2023-02-01 12:01',
    '2022-12-01 09:00',
  ],
  [
    '9004',
    'Delta app',
    'Contract sent',
    '2023-05-31 12:00',
    'Owner C',
    '40000',
    '',
    '2023-03-30 16:00',
    '2023-02-20 10:00',
  ],
  [
    '9005',
    'Echo survey',
    'Appointment scheduled',
    '2023-04-30 12:00',
    'Owner C',
    '8000',
    '',
    '2023-03-30 16:00',
    '2023-03-20 10:00',
  ],
]);

/** HubSpot's "export all properties": Deal Stage and Deal probability fit Stages too. */
const HUBSPOT_ALL = csv([
  [
    'Record ID',
    'Amount',
    'Close Date',
    'Deal Name',
    'Deal owner',
    'Deal probability',
    'Deal Stage',
    'Forecast amount',
    'Pipeline',
    'Weighted amount',
  ],
  [
    '7001',
    '10000',
    '2023-05-31 14:27',
    'Fjord data',
    'Owner A',
    '0.2',
    'Qualified',
    '2000',
    'Sales Pipeline',
    '2000',
  ],
  [
    '7002',
    '30000',
    '2023-06-15 09:00',
    'Granite ERP',
    'Owner B',
    '0.6',
    'Proposal',
    '18000',
    'Sales Pipeline',
    '18000',
  ],
]);

const STAGES = csv([
  ['Stage', 'Win probability', 'Stale after (days)'],
  ['Qualified', '20%', '14'],
  ['Proposal', '60%', '10'],
  ['Closed won', '100%', ''],
  ['Closed lost', '0%', ''],
]);

describe("a CRM's own export is Deals by its headers, whatever its file is called", () => {
  it.each([
    'hubspot-crm-exports-all-deals-2023-04-03.csv',
    'report1699999999.csv',
    'Deals_001.csv',
    'export (3).csv',
  ])('%s', (name) => {
    const dir = folderWith({ [name]: HUBSPOT_VIEW });
    const { tables } = columnsOf([dir]);
    expect(Object.keys(tables)).toEqual(['Deals']);
    expect(basename(tables.Deals?.file ?? '')).toBe(name);
    expect(tables.Deals?.fields).toMatchObject({
      dealId: 'Record ID',
      deal: 'Deal Name',
      stage: 'Deal Stage',
      expectedClose: 'Close Date',
      owner: 'Deal owner',
      amount: 'Amount',
      company: null,
      probability: null,
    });
    expect(tables.Deals?.ignored).toEqual(['Closed Lost Reason', 'Last Modified Date', 'Create Date']);
  });

  it('the report runs on it alone: stages built from the deals, no conversion, and it says so', () => {
    const dir = folderWith({ 'hubspot-crm-exports-all-deals-2023-04-03.csv': HUBSPOT_VIEW });
    const r = reportOf([dir, ...LONDON]);
    expect(r.proposedStages?.map((s) => [s.stage, s.outcome, s.probability])).toEqual([
      ['Appointment scheduled', 'open', null],
      ['Closed won', 'won', 1],
      ['Closed lost', 'lost', 0],
      ['Contract sent', 'open', null],
    ]);
    // Nobody gave the open stages a probability: their deals are problems, left out of every figure.
    expect(r.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, 'Deal Stage', 'Appointment scheduled'],
      [5, 'Deal Stage', 'Contract sent'],
      [6, 'Deal Stage', 'Appointment scheduled'],
    ]);
    expect(r.problems[0]?.message).toBe(
      "Deal Stage 'Appointment scheduled' has no win probability, so its 2 deals are left out of the forecast " +
        '(there is no Stages table, and none of its open deals has a Probability); ' +
        'give it one in a Stages CSV (Stage, Win probability)',
    );
    expect(r.forecast).toEqual([
      { month: '2023-03', weighted: 210_000, openPipeline: 0, won: 210_000, openDeals: 0 },
    ]);
    expect(r.conversion).toEqual([]);
    expect(r.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^No Stages table: 4 stages were built from the deals' Stage values/),
        expect.stringMatching(/^No Stage history table: the stage conversion needs one/),
      ]),
    );
    expect(Object.keys(r.tables ?? {})).toEqual(['Deals']);
  });
});

describe('a file fitting several tables is the one whose fields match most of its columns', () => {
  it('HubSpot’s all-properties export (Deal Stage, Deal probability) is Deals, even named Stages.csv', () => {
    // The names say the opposite of the contents: the contents win.
    const dir = folderWith({ 'Stages.csv': HUBSPOT_ALL, 'deals.csv': STAGES });
    const { tables } = columnsOf([dir]);
    expect(basename(tables.Deals?.file ?? '')).toBe('Stages.csv');
    expect(basename(tables.Stages?.file ?? '')).toBe('deals.csv');
    expect(tables.Deals?.fields).toMatchObject({ probability: 'Deal probability', pipeline: 'Pipeline' });
    expect(tables.Deals?.ignored).toEqual(['Forecast amount', 'Weighted amount']);
    const r = reportOf([dir, '--as-of', '2023-05-16', '--tz', 'Europe/London']);
    expect(r.problems).toEqual([]);
    expect(r.forecast.map((f) => [f.month, f.weighted])).toEqual([
      ['2023-05', 2_000],
      ['2023-06', 18_000],
    ]);
  });

  it('an equal fit goes to the table the file is named after; no name, Deals first', () => {
    // Stage, Probability, Value fit Deals (stage, probability, amount); Stage, Probability, Stale days
    // fit Stages: both three columns.
    const both = csv([
      ['Stage', 'Probability', 'Stale days', 'Value'],
      ['Qualified', '20%', '14', '100'],
    ]);
    const named = columnsOf([folderWith({ 'Pipeline - Stages.csv': both, 'hubspot.csv': HUBSPOT_ALL })]);
    expect(basename(named.tables.Stages?.file ?? '')).toBe('Pipeline - Stages.csv');
    expect(basename(named.tables.Deals?.file ?? '')).toBe('hubspot.csv');
    const unnamed = columnsOf([folderWith({ 'export.csv': both })]);
    expect(Object.keys(unnamed.tables)).toEqual(['Deals']);
  });

  it('Korean sheet names and headers (딜, 단계, 단계 이력, 할일) are found', () => {
    const dir = folderWith({
      '영업 - 딜.csv': csv([
        ['딜 ID', '딜명', '금액', '단계', '수주 예정일', '담당자'],
        ['K-1', 'ERP', '1,000만원', '제안', '2023-11-30', 'kim@example.com'],
      ]),
      '영업 - 단계.csv': csv([
        ['단계', '수주 성공 확률', '정체 기준일'],
        ['제안', '30%', '14'],
      ]),
      '영업 - 단계 이력.csv': csv([
        ['일시', '딜 ID', '이전 단계', '단계'],
        ['2023-11-01 10:00', 'K-1', '', '제안'],
      ]),
      '영업 - 할일.csv': csv([
        ['할일 ID', '딜 ID', '할일', '마감일', '완료'],
        ['T-1', 'K-1', '견적 발송', '2023-11-20', 'FALSE'],
      ]),
    });
    const { tables } = columnsOf([dir]);
    expect(Object.fromEntries(Object.entries(tables).map(([t, s]) => [t, basename(s?.file ?? '')]))).toEqual({
      Deals: '영업 - 딜.csv',
      Stages: '영업 - 단계.csv',
      'Stage history': '영업 - 단계 이력.csv',
      Tasks: '영업 - 할일.csv',
    });
    const r = reportOf([dir, '--as-of', '2023-11-15', '--tz', 'Asia/Seoul']);
    expect(r.forecast).toEqual([
      { month: '2023-11', weighted: 3_000_000, openPipeline: 10_000_000, won: 0, openDeals: 1 },
    ]);
    expect(r.conversion.map((c) => [c.stage, c.reached])).toEqual([['제안', 1]]);
  });
});

describe('what ends the run, and what does not', () => {
  it('two files for one table: exit 1, one line naming both', () => {
    const dir = folderWith({ 'Deals.csv': HUBSPOT_VIEW, 'report1699999999.csv': HUBSPOT_VIEW });
    const r = run(['report', dir, ...LONDON]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const line = oneLine(r.stderr);
    expect(line).toContain('two files for Deals');
    expect(line).toContain(join(dir, 'Deals.csv'));
    expect(line).toContain(join(dir, 'report1699999999.csv'));
  });

  it('a CSV that is no table is named with what it lacks, and the run goes on', () => {
    const dir = folderWith({
      'hubspot-crm-exports-all-deals-2023-04-03.csv': HUBSPOT_VIEW,
      'pipeline stages.csv': csv([
        ['id', 'name', 'pipeline_id'],
        ['338', 'Qualified lead', '46'],
      ]),
      'notes.csv': csv([['Anything'], ['at all']]),
    });
    const r = reportOf([dir, ...LONDON]);
    expect(r.otherFiles).toEqual([
      {
        file: join(dir, 'notes.csv'),
        reason: 'has no header row: none of its first 20 rows names two columns of a table',
      },
      {
        file: join(dir, 'pipeline stages.csv'),
        reason: "is not a table: as Stages it lacks 'Win probability'",
      },
    ]);
    // Not a Stages table, so the stages are still built from the deals.
    expect(r.proposedStages).toHaveLength(4);
    const text = ok(['report', dir, ...LONDON]);
    expect(text).toContain(
      `  Not a table    ${join(dir, 'pipeline stages.csv')} is not a table: as Stages it lacks 'Win probability'`,
    );
  });

  it('several paths: files and folders together, each file once', () => {
    const deals = folderWith({ 'hubspot-crm-exports-all-deals-2023-04-03.csv': HUBSPOT_VIEW });
    const stages = folderWith({
      'stages.csv': csv([
        ['Stage', 'Win probability'],
        ['Appointment scheduled', '20%'],
        ['Contract sent', '80%'],
        ['Closed won', '100%'],
        ['Closed lost', '0%'],
      ]),
    });
    const file = join(deals, 'hubspot-crm-exports-all-deals-2023-04-03.csv');
    const r = reportOf([file, stages, deals, ...LONDON]);
    expect(r.proposedStages).toBeNull();
    expect(r.problems).toEqual([]);
    // 12,000 and 8,000 × 20% in April; 40,000 × 80% in May; Borealis won in March.
    expect(r.forecast.map((f) => [f.month, f.weighted, f.openDeals])).toEqual([
      ['2023-03', 210_000, 0],
      ['2023-04', 4_000, 2],
      ['2023-05', 32_000, 1],
    ]);
  });

  it('a path that does not exist, and a folder with no CSV file: exit 1, one line', () => {
    const missing = run(['report', fixture('no-such-folder'), ...LONDON]);
    expect(missing.code).toBe(1);
    expect(oneLine(missing.stderr)).toContain('no-such-folder');
    const empty = run(['report', folderWith({ 'README.md': '# nothing' }), ...LONDON]);
    expect(empty.code).toBe(1);
    expect(oneLine(empty.stderr)).toContain('no CSV file in');
  });
});

describe('a folder with only Deals (test/fixtures/only-deals)', () => {
  /*
   * deals.csv, with a Probability column:
   *   O-1 $10,000 Demo        2023-11-30 20%
   *   O-2 $20,000 Demo        2023-12-15 40%
   *   O-3  $5,000 Proposal    2023-12-20 (blank)
   *   O-4  $7,000 Closed Won  2023-10-31
   *   O-5  $3,000 Closed Lost 2023-09-30
   */
  const ONLY_DEALS = fixture('only-deals');
  const ARGS = [ONLY_DEALS, '--as-of', '2023-11-15', '--tz', 'America/New_York'];

  it('builds the stages: Demo at the median of 20% and 40%, Proposal without a probability', () => {
    const r = reportOf(ARGS);
    expect(r.proposedStages).toEqual([
      {
        stage: 'Demo',
        outcome: 'open',
        probability: 0.3,
        basedOn: { deals: 2, firstRow: 2, outcome: 'default', probabilities: 2 },
      },
      {
        stage: 'Proposal',
        outcome: 'open',
        probability: null,
        basedOn: { deals: 1, firstRow: 4, outcome: 'default', probabilities: 0 },
      },
      {
        stage: 'Closed Won',
        outcome: 'won',
        probability: 1,
        basedOn: { deals: 1, firstRow: 5, outcome: 'name', probabilities: 0 },
      },
      {
        stage: 'Closed Lost',
        outcome: 'lost',
        probability: 0,
        basedOn: { deals: 1, firstRow: 6, outcome: 'name', probabilities: 0 },
      },
    ]);
    // Each Demo deal by its own Probability (SPEC §3): O-1 10,000 × 20%, O-2 20,000 × 40%;
    // O-3 in Proposal has none of its own and its stage none: a problem, counted nowhere.
    expect(r.forecast).toEqual([
      { month: '2023-10', weighted: 7_000, openPipeline: 0, won: 7_000, openDeals: 0 },
      { month: '2023-11', weighted: 2_000, openPipeline: 10_000, won: 0, openDeals: 1 },
      { month: '2023-12', weighted: 8_000, openPipeline: 20_000, won: 0, openDeals: 1 },
    ]);
    expect(r.problems.map((p) => [p.row, p.value])).toEqual([[4, 'Proposal']]);
    expect(r.conversion).toEqual([]);
  });

  it('the text report starts with what it read, and the conversion says it needs a Stage history', () => {
    const text = ok(['report', ...ARGS]);
    const lines = text.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'Sheets Pipeline report — as of 2023-11-15 (America/New_York)',
      '',
      'Read',
      `  Deals          ${join(ONLY_DEALS, 'deals.csv')}`,
      '                 header row 1, utf-8, separator ",", amount ×1 (USD), dates year-first; 7 columns read',
      "  Stages         none: 4 stages built from the deals' Stage values; 1 without a win probability, their deals left out (see Problems)",
      '  Stage history  none: no stage conversion without one',
      '  Tasks          none',
      '',
    ]);
    const at = lines.indexOf('Stage conversion (from Stage history)');
    expect(lines[at + 1]).toBe(
      '(needs a Stage history table: none was found; a CSV with When, Deal ID and To stage)',
    );
  });
});
