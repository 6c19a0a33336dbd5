/**
 * `sheets-pipeline columns` (SPEC §6) and the column map (SPEC §1): what was
 * read and how, `--json` in the shape `--map-file` takes back, `--map` fixing a
 * missing column, and the one-line messages that say how to map one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnsOf, csv, fixture, folderWith, ok, oneLine, reportOf, run } from './cli-run';

const FIXED = ['--as-of', '2023-11-15', '--tz', 'Asia/Seoul'];
const NO_AMOUNT = fixture('no-amount');

/** A team's own sheet: no header matches Amount or Stage, and `Status` holds notes. */
const TEAM = csv([
  ['Opportunity #', 'Client', 'Deal Value', 'Phase', 'Target date', 'Status', 'Rep'],
  ['T-1', 'Acme', '$10,000', 'Demo', '2023-11-30', 'call back Tuesday', 'emma@example.com'],
  ['T-2', 'Bluebird', '$20,000', 'Signed', '2023-10-31', '', 'liam@example.com'],
]);
const TEAM_STAGES = csv([
  ['Phase name', 'Chance'],
  ['Demo', '25%'],
  ['Signed', '100%'],
]);

describe('columns: per table, the file, header row, each field → header, ignored columns, how values are read', () => {
  it('text: fields with their headers or (missing), a refused Status among the ignored', () => {
    const dir = folderWith({ 'Deals.csv': TEAM });
    const out = ok(['columns', dir, '--map', 'Deals.amount=Deal Value', '--map', 'Deals.stage=Phase']);
    const lines = out.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      `Deals: ${join(dir, 'Deals.csv')}`,
      '  header row     1',
      '  encoding       utf-8',
      '  separator      ","',
      '  amount unit    ×1',
      '  currency       USD',
      // `Target date` is no Expected close alias, and no other field holds dates.
      '  date order     (no dates)',
      '  fields',
    ]);
    expect(lines).toContain('    amount         → Deal Value');
    expect(lines).toContain('    company        → Client');
    // `Opportunity #` reads as `Opportunity`, an alias of the deal's name.
    expect(lines).toContain('    deal           → Opportunity #');
    expect(lines).toContain('    dealId         → (missing)');
    expect(lines).toContain('    expectedClose  → (missing)');
    expect(lines).toContain('  ignored        Target date, Status (its values are not statuses)');
    expect(out).toContain('Stages: none; the report builds them from the deals:');
    expect(out).toContain('Stage history: none: no stage conversion without one');
  });

  it('--json: exactly the SPEC’s keys per table; every field key, a missing one as null', () => {
    const { tables } = columnsOf([fixture('en-kebab')]);
    expect(Object.keys(tables)).toEqual(['Deals', 'Stages', 'Stage history', 'Tasks']);
    for (const t of Object.values(tables)) {
      expect(Object.keys(t ?? {})).toEqual([
        'file',
        'headerRow',
        'fields',
        'ignored',
        'amountUnit',
        'currency',
        'dateOrder',
        'encoding',
        'separator',
      ]);
    }
    expect(Object.keys(tables.Deals?.fields ?? {})).toEqual([
      'dealId',
      'deal',
      'company',
      'owner',
      'amount',
      'stage',
      'stageEntered',
      'expectedClose',
      'probability',
      'status',
      'currency',
      'pipeline',
      'contactEmail',
      'health',
    ]);
    expect(tables.Deals).toMatchObject({
      file: join(fixture('en-kebab'), 'deals.csv'),
      headerRow: 1,
      fields: {
        dealId: 'ID',
        amount: 'Value',
        stage: 'Deal stage',
        expectedClose: 'Close date',
        probability: null,
      },
      ignored: [],
      amountUnit: 1,
      currency: 'USD',
      // 05/11/2023 beside 2023-11-30: slashes, nothing over 12, so month first.
      dateOrder: 'month-first',
    });
    expect(tables['Stage history']?.fields).toMatchObject({
      when: 'Timestamp',
      from: 'From',
      to: 'To',
      by: 'User',
    });
    expect(tables.Stages).toMatchObject({ amountUnit: null, currency: null, dateOrder: null });
    expect(columnsOf([fixture('en-kebab'), '--day-first']).tables.Deals?.dateOrder).toBe('day-first');
  });

  it('columns --json round-trips through --map-file: the same map, the same report', () => {
    const dir = folderWith({ 'team pipeline.csv': TEAM, 'phases.csv': TEAM_STAGES });
    const MAP = [
      '--map',
      'Deals.amount=Deal Value',
      '--map',
      'Deals.stage=Phase',
      '--map',
      'Deals.expectedClose=Target date',
      '--map',
      'Stages.stage=Phase name',
      '--map',
      'stages.PROBABILITY="Chance"',
    ];
    const printed = ok(['columns', dir, '--json', ...MAP]);
    const mapFile = join(dir, 'map.json');
    writeFileSync(mapFile, printed);
    expect(ok(['columns', dir, '--json', '--map-file', mapFile])).toBe(printed);
    const byFlags = reportOf([dir, ...FIXED, ...MAP]);
    const byFile = reportOf([dir, ...FIXED, '--map-file', mapFile]);
    expect(byFile).toEqual(byFlags);
    expect(byFile.problems).toEqual([]);
    expect(byFile.forecast).toEqual([
      { month: '2023-10', weighted: 20_000, openPipeline: 0, won: 20_000, openDeals: 0 },
      { month: '2023-11', weighted: 2_500, openPipeline: 10_000, won: 0, openDeals: 1 },
    ]);
    // --map wins over the file for the same field.
    const team = JSON.parse(printed) as { tables: Record<string, { fields: Record<string, string | null> }> };
    expect(team.tables.Deals?.fields.amount).toBe('Deal Value');
    const overridden = columnsOf([dir, '--map-file', mapFile, '--map', 'Deals.deal=Client']);
    expect(overridden.tables.Deals?.fields).toMatchObject({
      deal: 'Client',
      company: null,
      amount: 'Deal Value',
    });
  });
});

describe('--map Table.field=Header', () => {
  it('fixes a missing column: the one-line message gives the exact option, and it works', () => {
    const broken = run(['report', NO_AMOUNT, ...FIXED]);
    expect(broken.code).toBe(1);
    const line = oneLine(broken.stderr);
    expect(line).toContain(`${join(NO_AMOUNT, 'Deals.csv')}: Deals has no column 'Amount'`);
    expect(line).toContain('Its headers: Deal ID, Deal, Owner, Stage, Expected close, Budget');
    expect(line).toMatch(/If 'Budget' is the Amount, run again with --map Deals\.amount="Budget"\.$/);
    const fixed = reportOf([NO_AMOUNT, ...FIXED, '--map', 'Deals.amount="Budget"']);
    expect(fixed.problems).toEqual([]);
    expect(fixed.tables?.Deals?.fields.amount).toBe('Budget');
    expect(fixed.forecast).toEqual([
      { month: '2023-11', weighted: 100, openPipeline: 1_000, won: 0, openDeals: 1 },
    ]);
  });

  it('the closest header is the one suggested; a Stage column of numbers says so', () => {
    const ids = folderWith({
      'deal.csv': csv([
        ['id', 'stage_id', 'title', 'value', 'currency', 'status', 'expected_close_date'],
        ['5140', '341', 'Grooshy', '330900', 'USD', 'open', '2025-03-31'],
        ['5413', '338', 'Deutsche', '0', 'EUR', 'open', '2024-11-29'],
      ]),
    });
    const r = run(['report', ids, '--as-of', '2025-05-01', '--tz', 'Europe/Prague']);
    expect(r.code).toBe(1);
    const line = oneLine(r.stderr);
    expect(line).toContain("Deals has no column 'Stage'");
    expect(line).toContain("the closest to 'Stage' is 'stage_id'");
    expect(line).toContain("'stage_id' holds numbers (341, 338, …), not stage names");
    expect(line).toContain('--map Deals.stage="stage_id"');
  });

  it('a Stage column of numbers whose names are in another file read: the message names that file', () => {
    const ids = folderWith({
      'deal.csv': csv([
        ['id', 'stage_id', 'title', 'value', 'currency', 'status', 'expected_close_date'],
        ['5140', '341', 'Grooshy', '330900', 'USD', 'open', '2025-03-31'],
        ['5413', '338', 'Deutsche', '0', 'EUR', 'open', '2024-11-29'],
      ]),
      'stage.csv': csv([
        ['', 'id', 'name', 'pipeline_id'],
        ['0', '338', 'Qualified lead', '46'],
        ['3', '341', 'Proposal Sent', '46'],
      ]),
    });
    const r = run(['report', ids, '--as-of', '2025-05-01', '--tz', 'Europe/Prague']);
    expect(r.code).toBe(1);
    const line = oneLine(r.stderr);
    expect(line).toContain(`their names are in ${join(ids, 'stage.csv')} (its id and name columns), by id`);
  });

  it('a column the forecast needs (Expected close): the message names it and how to map one', () => {
    const r = run(['report', fixture('no-close'), ...FIXED]);
    expect(r.code).toBe(1);
    const line = oneLine(r.stderr);
    expect(line).toContain("Deals has no column 'Expected close'");
    expect(line).toContain('--map Deals.expectedClose="<header>"');
  });

  it('a header that needs quoting in a shell is suggested in single quotes', () => {
    const dir = folderWith({
      'Deals.csv': csv([
        ['Deal', 'Stage', 'Expected close', 'Budget "$net"'],
        ['A', 'Demo', '2023-11-30', '1000'],
      ]),
    });
    const line = oneLine(run(['report', dir, ...FIXED]).stderr);
    expect(line).toContain(`--map 'Deals.amount=Budget "$net"'`);
  });

  it('Stage history is History in a map, and Stage history too', () => {
    const dir = folderWith({
      'Deals.csv': csv([
        ['Deal ID', 'Amount', 'Stage', 'Expected close'],
        ['D-1', '100', 'Demo', '2023-11-30'],
      ]),
      'Stages.csv': csv([
        ['Stage', 'Win probability'],
        ['Demo', '10%'],
      ]),
      'log.csv': csv([
        ['Changed', 'Deal ID', 'Moved to'],
        ['2023-11-01 10:00', 'D-1', 'Demo'],
      ]),
    });
    const map = ['--map', 'History.when=Changed', '--map', 'Stage history.to=Moved to'];
    const r = reportOf([dir, ...FIXED, ...map]);
    expect(r.tables?.['Stage history']?.fields).toMatchObject({ when: 'Changed', to: 'Moved to' });
    expect(r.conversion.map((c) => [c.stage, c.reached])).toEqual([['Demo', 1]]);
  });

  it('bad usage: exit 2 naming the tables or the fields that exist', () => {
    const field = run(['report', NO_AMOUNT, ...FIXED, '--map', 'Deals.amout=Budget']);
    expect(field.code).toBe(2);
    expect(field.stderr).toContain(
      "--map Deals.amout: Deals has no field 'amout' (its fields: dealId, deal, company, owner, amount, stage,",
    );
    const table = run(['report', NO_AMOUNT, ...FIXED, '--map', 'Leads.amount=Budget']);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain("there is no table 'Leads' (tables: Deals, Stages, History, Tasks)");
    const shape = run(['report', NO_AMOUNT, ...FIXED, '--map', 'amount']);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toContain('--map takes Table.field=Header');
  });

  it('a mapped header not in the file: exit 1, naming it and the headers there', () => {
    const r = run(['report', NO_AMOUNT, ...FIXED, '--map', 'Deals.amount=Budgt']);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(
      `sheets-pipeline: --map Deals.amount="Budgt": there is no column 'Budgt' in ${join(NO_AMOUNT, 'Deals.csv')} ` +
        '(its headers: Deal ID, Deal, Owner, Stage, Expected close, Budget)',
    );
    const noTable = run(['report', NO_AMOUNT, ...FIXED, '--map', 'Tasks.task=Todo']);
    expect(noTable.code).toBe(1);
    expect(oneLine(noTable.stderr)).toContain('--map Tasks.task="Todo": no file is a Tasks table');
  });

  it('a --map-file that is not the columns JSON: exit 1, one line', () => {
    const dir = folderWith({
      'not-json.json': '{ tables: ',
      'wrong-field.json': JSON.stringify({ tables: { Deals: { fields: { value: 'Budget' } } } }),
      'no-tables.json': JSON.stringify({ Deals: {} }),
    });
    for (const [file, text] of [
      ['not-json.json', 'is not JSON'],
      ['wrong-field.json', "Deals has no field 'value'"],
      ['no-tables.json', 'has no "tables" object'],
      ['missing.json', 'cannot read it'],
    ] as const) {
      const r = run(['report', NO_AMOUNT, ...FIXED, '--map-file', join(dir, file)]);
      expect(r.code, file).toBe(1);
      expect(oneLine(r.stderr)).toContain(text);
    }
  });
});

describe('the summary, and control characters in file names', () => {
  it('a file name with an escape sequence is shown escaped, in the summary and in messages', () => {
    const dir = folderWith({
      'Deals\u001b[2J.csv': csv([
        ['Deal ID', 'Amount', 'Stage', 'Expected close'],
        ['D-1', '100', 'Demo\u202e', '2023-11-30'],
      ]),
      'odd\r.csv': csv([['x'], ['y']]),
    });
    const text = ok(['report', dir, ...FIXED]);
    for (const raw of ['\u001b', '\r', '\u202e']) expect(text).not.toContain(raw);
    expect(text).toContain('Deals\\x1b[2J.csv');
    expect(text).toContain('odd\\r.csv has no header row');
    expect(text).toContain("'Demo\\u202e'");
    const columns = ok(['columns', dir]);
    for (const raw of ['\u001b', '\r']) expect(columns).not.toContain(raw);
    expect(columns).toContain('Deals: ');
    const failed = run(['report', dir, ...FIXED, '--map', 'Deals.owner=Own\u001ber']);
    expect(failed.stderr).not.toContain('\u001b');
    expect(failed.stderr).toContain('Own\\x1ber');
  });
});
