/**
 * Exit codes, one-line reasons and usage messages of `sheets-pipeline report`,
 * file and header recognition (lowercase/kebab file names, English headers),
 * and `--day-first`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import type { ReportJson } from '../../src/cli/report-json';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const MESSY_KO = fixture('messy-ko');
const EN_KEBAB = fixture('en-kebab');
const MISSING_STAGES = fixture('missing-stages');
const NO_AMOUNT = fixture('no-amount');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(argv: readonly string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    systemZone: () => 'Asia/Seoul',
    now: () => new Date('2023-11-15T03:00:00Z'),
  });
  return { code, stdout, stderr };
}

const FIXED = ['--as-of', '2023-11-15', '--tz', 'Asia/Seoul'];

/** A one-line reason: exactly one line, prefixed with the program's name. */
function expectOneLine(stderr: string): string {
  expect(stderr.endsWith('\n')).toBe(true);
  const body = stderr.slice(0, -1);
  expect(body).not.toContain('\n');
  expect(body).toMatch(/^sheets-pipeline: \S/);
  return body;
}

describe('a run that cannot be made ends with exit code 1 and a one-line reason', () => {
  it('no file is a Deals table: names the files and what Deals needs', () => {
    // Only Stages and Stage history: Deals is the one table that is required.
    const dir = mkdtempSync(join(tmpdir(), 'sheets-pipeline-'));
    try {
      cpSync(join(EN_KEBAB, 'stages.csv'), join(dir, 'stages.csv'));
      cpSync(join(EN_KEBAB, 'stage-history.csv'), join(dir, 'stage-history.csv'));
      const r = run(['report', dir, ...FIXED]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const line = expectOneLine(r.stderr);
      expect(line).toContain('no Deals table');
      expect(line).toContain('stages.csv is Stages');
      expect(line).toContain("'Amount' and 'Stage'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a folder without Stages runs: the stages are built from the deals (SPEC §4)', () => {
    const r = run(['report', MISSING_STAGES, '--json', ...FIXED]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ReportJson;
    expect(report.proposedStages?.map((s) => [s.stage, s.outcome, s.probability])).toEqual([
      ['Meeting booked', 'open', null],
    ]);
    // Its one deal has no probability to weigh it by: listed as a problem naming the stage, and
    // left out of every figure (SPEC §2), so the forecast has no month at all.
    expect(report.problems).toEqual([
      expect.objectContaining({ table: 'Deals', row: 2, column: 'Stage', value: 'Meeting booked' }),
    ]);
    expect(report.problems[0]?.message).toContain(
      "Stage 'Meeting booked' has no win probability, so its one deal is left out of the forecast",
    );
    expect(report.forecast).toEqual([]);
  });

  it('missing required column: names the column and the aliases it looked for', () => {
    const r = run(['report', NO_AMOUNT, ...FIXED]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const line = expectOneLine(r.stderr);
    expect(line).toContain('Deals');
    expect(line).toContain("'Amount'");
    // at least the SPEC's aliases
    for (const alias of ['Amount', 'Value', '금액', '수주 예정 금액']) expect(line).toContain(alias);
    // the user's own `Budget` column is not taken for the amount: it is listed among the headers seen, not used
    expect(line).toContain("no header is close to 'Amount'");
    expect(line).toContain('--map Deals.amount=');
  });

  it('a Deals sheet without Expected close, which the forecast needs (never a silent "(no date)")', () => {
    const r = run(['report', fixture('no-close'), ...FIXED]);
    expect(r.code).toBe(1);
    const line = expectOneLine(r.stderr);
    expect(line).toContain("Deals has no column 'Expected close' (looked for: Expected close,");
    expect(line).toContain('수주 예정일');
  });

  it('a folder that does not exist', () => {
    const r = run(['report', fixture('no-such-folder'), ...FIXED]);
    expect(r.code).toBe(1);
    expect(expectOneLine(r.stderr)).toContain('no-such-folder');
  });

  it('an unknown --tz', () => {
    const r = run(['report', EN_KEBAB, '--as-of', '2023-11-15', '--tz', 'Mars/Olympus_Mons']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(expectOneLine(r.stderr)).toContain('Mars/Olympus_Mons');
  });
});

describe('--strict', () => {
  it('with problems: exit 1, but the whole report is still printed', () => {
    const r = run(['report', MESSY_KO, '--json', '--strict', ...FIXED]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as ReportJson;
    expect(report.problems).toHaveLength(5);
    expect(report.forecast.length).toBeGreaterThan(0);
    expect(report.stale.length).toBeGreaterThan(0);

    const text = run(['report', MESSY_KO, '--strict', ...FIXED]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Weighted forecast by month of expected close');
    expect(text.stdout).toContain('Problems (5)');
  });

  it('the same data without --strict exits 0', () => {
    expect(run(['report', MESSY_KO, '--json', ...FIXED]).code).toBe(0);
  });

  it('clean data: exit 0 and no problems', () => {
    const r = run(['report', EN_KEBAB, '--json', '--strict', ...FIXED]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as ReportJson).problems).toEqual([]);
  });
});

describe('bad usage: non-zero exit and a message saying how to call it', () => {
  it.each([
    ['2023-13-01'], // no month 13
    ['2023-02-30'], // no 30 February
    ['15/11/2023'], // not YYYY-MM-DD
    ['yesterday'],
  ])('--as-of %s', (asOf) => {
    const r = run(['report', EN_KEBAB, '--as-of', asOf, '--tz', 'Asia/Seoul']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`'${asOf}'`);
    expect(r.stderr).toMatch(/--as-of.*YYYY-MM-DD/);
  });

  it.each([
    ['0050-01-01', 'before the year 1900'],
    ['1899-12-31', 'before the year 1900'],
  ])('--as-of %s: outside the years dates may have', (asOf, why) => {
    const r = run(['report', EN_KEBAB, '--as-of', asOf, '--tz', 'Asia/Seoul']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`'${asOf}' is ${why}; dates must be in the years 1900–9999`);
  });

  it('--as-of without a value', () => {
    const r = run(['report', EN_KEBAB, '--as-of']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of needs a value');
    expect(r.stderr).toContain('Usage: sheets-pipeline report <path>...');
  });

  it('an unknown option', () => {
    const r = run(['report', EN_KEBAB, '--jsn', ...FIXED]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown option '--jsn'");
    expect(r.stderr).toContain('Usage: sheets-pipeline report <path>...');
    expect(r.stderr).toContain('--as-of YYYY-MM-DD');
  });

  it('an unknown command, and no folder', () => {
    const cmd = run(['forecast', EN_KEBAB]);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain("unknown command 'forecast'");
    expect(cmd.stderr).toContain('Usage:');
    const noFolder = run(['report', '--json']);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain('no folder given');
    expect(noFolder.stderr).toContain('Usage:');
  });
});

describe('lowercase / kebab-case file names and English headers (test/fixtures/en-kebab)', () => {
  /*
   * deals.csv, stages.csv, stage-history.csv, tasks.csv, headers by alias:
   * ID, Deal name, Account, Rep, Value, Deal stage, Entered stage, Close date;
   * Stages without an Outcome column (100% → won, 0% → lost).
   *   E-1 $48,000     Evaluating product (30%)  entered 2023-10-16  close 05/11/2023
   *   E-2 USD 12,500  `quote  RECEIVED` (90%)   entered 2023-11-01  close 2023-11-30
   *   E-3 $95,000     Signed (won)                                   close 2023-10-31
   *   E-4 $18,500     Lost
   * tasks.csv already holds E-2's stale task (key E-2|Quote received|2023-11-01|stale).
   */
  const report = (extra: readonly string[] = []) => {
    const r = run([
      'report',
      EN_KEBAB,
      '--json',
      '--as-of',
      '2023-11-15',
      '--tz',
      'America/New_York',
      ...extra,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as ReportJson;
  };

  it('finds all four files, reads the English headers, and writes English', () => {
    const r = report();
    expect(r.language).toBe('en');
    expect(r.problems).toEqual([]);
    expect(r.forecast).toEqual([
      // 05/11/2023 is month first: 11 May 2023. $48,000 × 30% = 14,400
      { month: '2023-05', weighted: 14_400, openPipeline: 48_000, won: 0, openDeals: 1 },
      // E-3 won: $95,000 × 100% = 95,000
      { month: '2023-10', weighted: 95_000, openPipeline: 0, won: 95_000, openDeals: 0 },
      // USD 12,500 × 90% = 11,250
      { month: '2023-11', weighted: 11_250, openPipeline: 12_500, won: 0, openDeals: 1 },
    ]);
    expect(r.stale).toEqual([
      // 2023-10-16 → 2023-11-15 = 30 days ≥ 21
      {
        dealId: 'E-1',
        deal: 'Fleet tracking',
        owner: 'emma@example.com',
        stage: 'Evaluating product',
        days: 30,
        limit: 21,
      },
      // `quote  RECEIVED` is the stage `Quote received`; 2023-11-01 → 14 days ≥ 10
      {
        dealId: 'E-2',
        deal: 'Service desk',
        owner: 'liam@example.com',
        stage: 'Quote received',
        days: 14,
        limit: 10,
      },
    ]);
    // tasks.csv was found and read: E-2's review task exists there, so only E-1's is new.
    expect(
      r.tasks.map(({ dealId, task, due, source, required, key }) => ({
        dealId,
        task,
        due,
        source,
        required,
        key,
      })),
    ).toEqual([
      {
        dealId: 'E-1',
        task: 'Review stale deal: 21+ days in Evaluating product',
        due: '2023-11-15',
        source: 'stale',
        required: false,
        key: 'E-1|Evaluating product|2023-10-16|stale',
      },
    ]);
    // stage-history.csv was found: conversion comes from it.
    expect(r.conversion.map((c) => [c.stage, c.reached])).toEqual([
      ['Meeting booked', 4],
      ['Evaluating product', 3],
      ['Quote received', 2],
    ]);
  });

  it('--day-first reads 05/11/2023 as 5 November', () => {
    const monthFirst = report();
    // 11 May → 15 Nov 2023: 20 + 30 + 31 + 31 + 30 + 31 + 15 = 188 days
    expect(monthFirst.overdue).toEqual([
      {
        dealId: 'E-1',
        deal: 'Fleet tracking',
        owner: 'emma@example.com',
        expectedClose: '2023-05-11',
        daysOverdue: 188,
      },
    ]);

    const dayFirst = report(['--day-first']);
    expect(dayFirst.problems).toEqual([]);
    expect(dayFirst.overdue).toEqual([
      {
        dealId: 'E-1',
        deal: 'Fleet tracking',
        owner: 'emma@example.com',
        expectedClose: '2023-11-05',
        daysOverdue: 10,
      },
    ]);
    expect(dayFirst.forecast).toEqual([
      { month: '2023-10', weighted: 95_000, openPipeline: 0, won: 95_000, openDeals: 0 },
      // 14,400 + 11,250 = 25,650; 48,000 + 12,500 = 60,500
      { month: '2023-11', weighted: 25_650, openPipeline: 60_500, won: 0, openDeals: 2 },
    ]);
  });

  it('a Tasks file that ends with a newline and holds `|` keys is still read as comma-separated', () => {
    // Sheets downloads end without a newline; a CSV saved by an editor or Excel ends with one.
    // With a few task rows, each with its Key (`deal|stage|date|task`), the `|` must not be
    // taken for the delimiter.
    const dir = mkdtempSync(join(tmpdir(), 'sheets-pipeline-'));
    try {
      cpSync(EN_KEBAB, dir, { recursive: true });
      writeFileSync(
        join(dir, 'tasks.csv'),
        [
          'Task ID,Deal ID,Task,Due,Owner,Done,Required,Stage,Source,Key,Created',
          'T-1,E-2,Review stale deal: 10+ days in Quote received,2023-11-11,liam@example.com,FALSE,FALSE,Quote received,stale,E-2|Quote received|2023-11-01|stale,2023-11-11',
          'T-2,E-1,Create trial account,2023-10-16,emma@example.com,TRUE,FALSE,Evaluating product,entry,E-1|Evaluating product|2023-10-16|Create trial account,2023-10-16',
          '',
        ].join('\n'),
      );
      const r = run(['report', dir, '--json', '--as-of', '2023-11-15', '--tz', 'America/New_York']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as ReportJson;
      expect(json.problems).toEqual([]);
      expect(json.tasks.map((t) => t.dealId)).toEqual(['E-1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the built binary', () => {
  it('node bin/sheets-pipeline.js: exit code 1 and a one-line stderr for a missing column', () => {
    // `npm test` builds first; without a build the launcher itself would exit 1.
    expect(existsSync(join(ROOT, 'build', 'cli.cjs'))).toBe(true);
    const r = spawnSync(
      process.execPath,
      ['bin/sheets-pipeline.js', 'report', 'test/fixtures/no-amount', ...FIXED],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const line = expectOneLine(r.stderr);
    expect(line).toContain('test/fixtures/no-amount/Deals.csv');
    expect(line).toContain('--map Deals.amount="Budget"');
  });
});

describe('dates outside the years 1900–9999 (SPEC §8)', () => {
  it('an Expected close in the year 50 is a problem naming its row, column, value and the range', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sheets-pipeline-years-'));
    try {
      cpSync(join(ROOT, 'sample-data'), folder, { recursive: true });
      const deals = join(folder, '영업 파이프라인 - Deals.csv');
      const rows = readFileSync(deals, 'utf8').split('\n');
      rows[2] = (rows[2] ?? '').replace(/,2023\. \d+\. \d+,(\r?)$/, ',0050. 6. 1,$1');
      writeFileSync(deals, rows.join('\n'));
      const r = run(['report', folder, '--json', ...FIXED]);
      expect(r.code).toBe(0);
      const problems = (JSON.parse(r.stdout) as ReportJson).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ table: 'Deals', row: 3 });
      expect(JSON.stringify(problems[0])).toContain('0050. 6. 1');
      expect(JSON.stringify(problems[0])).toContain(
        'before the year 1900; dates must be in the years 1900–9999',
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
