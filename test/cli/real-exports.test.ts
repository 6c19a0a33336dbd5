/**
 * Real CRM exports (../shared/real-exports beside the repository; never copied
 * into it): every variant folder runs `report --json` with the as-of date and
 * zone its SOURCE.md gives, and what a user would notice is checked. Skipped
 * quietly where the folder is absent.
 *
 * The Pipedrive dump as dumped (`deal.csv` with `stage_id` numbers, the names in
 * `stage.csv`) has no Stage column: the run ends with one line that says so and
 * how it could be mapped; SPEC §1 makes a file a table only with its required
 * columns, and joining a CRM's id files is not the CLI's to guess.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/cli/report-json';
import { oneLine, run } from './cli-run';

const REAL = fileURLToPath(new URL('../../../shared/real-exports', import.meta.url));
const present = existsSync(REAL);

/** The as-of dates and zones of each source's SOURCE.md. */
const RUNS: Record<string, readonly (readonly string[])[]> = {
  'hubspot-real': [
    ['--as-of', '2023-04-03', '--tz', 'Europe/London'],
    ['--as-of', '2023-05-16', '--tz', 'Europe/London'],
  ],
  'pipedrive-real-dump': [['--as-of', '2025-05-01', '--tz', 'Europe/Prague']],
};

function variants(source: string): string[] {
  const dir = join(REAL, source);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

/** A run that must be made: exit 0, nothing on stderr, one JSON report. */
function report(folder: string, args: readonly string[]): ReportJson {
  const r = run(['report', folder, '--json', ...args]);
  expect(r.stderr, `stderr for ${folder}`).toBe('');
  expect(r.code, `exit code for ${folder}`).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
}

describe.skipIf(!present)('real exports in ../shared/real-exports', () => {
  describe.each(Object.keys(RUNS))('%s', (source) => {
    it.each(variants(source))('every variant runs, or ends with one line saying why: %s', (variant) => {
      for (const args of RUNS[source] ?? []) {
        const r = run(['report', join(REAL, source, variant), '--json', ...args]);
        if (r.code === 0) {
          expect(r.stderr).toBe('');
          const json = JSON.parse(r.stdout) as ReportJson;
          expect(json.tables?.Deals).toBeDefined();
          for (const f of json.forecast) expect(Number.isFinite(f.weighted)).toBe(true);
        } else {
          expect(r.code).toBe(1);
          expect(r.stdout).toBe('');
          oneLine(r.stderr);
        }
      }
    });
  });

  const hubspot = (variant: string) => join(REAL, 'hubspot-real', variant);
  const LONDON_APRIL = ['--as-of', '2023-04-03', '--tz', 'Europe/London'];

  it.skipIf(!existsSync(hubspot('1-as-exported')))(
    'HubSpot as exported: Deals found by its headers, stages built from the deals',
    () => {
      const r = report(hubspot('1-as-exported'), LONDON_APRIL);
      const deals = r.tables?.Deals;
      expect(basename(deals?.file ?? '')).toBe('hubspot-crm-exports-all-deals-2023-04-03.csv');
      expect(deals?.fields).toMatchObject({
        dealId: 'Record ID',
        deal: 'Deal Name',
        stage: 'Deal Stage',
        expectedClose: 'Close Date',
        owner: 'Deal owner',
        amount: 'Amount',
      });
      expect(deals).toMatchObject({ headerRow: 1, separator: ',', amountUnit: 1, dateOrder: 'year-first' });
      // SOURCE.md says UTF-8 with BOM; the stored copy has no BOM. Either is UTF-8.
      expect(['utf-8', 'utf-8-bom']).toContain(deals?.encoding);
      expect(deals?.ignored).toEqual(['Closed Lost Reason', 'Last Modified Date', 'Create Date']);
      expect(Object.keys(r.tables ?? {})).toEqual(['Deals']);

      // The stages are the Deal Stage values; `Closed: won` / `Closed: lost` by name, `Closed: abandoned` open.
      const stages = r.proposedStages ?? [];
      expect(stages.map((s) => s.stage).sort()).toEqual([
        'Awaiting event',
        'Awaiting outcome',
        'Awaiting procurement',
        'Closed: abandoned',
        'Closed: lost',
        'Closed: won',
        'On hold / future opportunity',
        'Opportunity identified',
      ]);
      const outcome = (name: string) => stages.find((s) => s.stage === name)?.outcome;
      expect([outcome('Closed: won'), outcome('Closed: lost'), outcome('Closed: abandoned')]).toEqual([
        'won',
        'lost',
        'open',
      ]);
      // No probability anywhere: only won deals weigh, every open deal is a problem naming its stage.
      expect(stages.filter((s) => s.outcome === 'open').every((s) => s.probability === null)).toBe(true);
      const sum = (key: 'weighted' | 'won' | 'openPipeline' | 'openDeals') =>
        r.forecast.reduce((s, f) => s + f[key], 0);
      expect(sum('weighted')).toBe(sum('won'));
      expect(sum('won')).toBeGreaterThan(0);
      expect([sum('openPipeline'), sum('openDeals')]).toEqual([0, 0]);
      expect(r.problems.length).toBeGreaterThan(0);
      for (const p of r.problems) expect(p.column === 'Deal Stage' || p.column === 'Amount').toBe(true);
      expect(r.conversion).toEqual([]);
      expect(r.notes?.some((n) => n.startsWith('No Stage history table'))).toBe(true);
    },
  );

  it.skipIf(!existsSync(hubspot('3-all-properties')))(
    'HubSpot all properties: Deal probability and Deal Stage, still Deals; Weighted amount never the Amount',
    () => {
      const r = report(hubspot('3-all-properties'), ['--as-of', '2023-05-16', '--tz', 'Europe/London']);
      expect(basename(r.tables?.Deals?.file ?? '')).toBe('Deals.csv');
      expect(basename(r.tables?.Stages?.file ?? '')).toBe('Stages.csv');
      expect(r.tables?.Deals?.fields).toMatchObject({ amount: 'Amount', probability: 'Deal probability' });
      expect(r.tables?.Deals?.ignored).toEqual(
        expect.arrayContaining(['Weighted amount', 'Forecast amount']),
      );
      expect(r.proposedStages).toBeNull();
    },
  );

  const pipedrive = (variant: string) => join(REAL, 'pipedrive-real-dump', variant);
  const PRAGUE = ['--as-of', '2025-05-01', '--tz', 'Europe/Prague'];

  it.skipIf(!existsSync(pipedrive('1-as-dumped')))(
    'Pipedrive as dumped: stage_id numbers are no Stage column; one line says so and how to map it',
    () => {
      for (const variant of ['1-as-dumped', '2-renamed']) {
        if (!existsSync(pipedrive(variant))) continue;
        const r = run(['report', pipedrive(variant), '--json', ...PRAGUE]);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        const line = oneLine(r.stderr);
        expect(line).toContain("Deals has no column 'Stage'");
        expect(line).toContain("'stage_id' holds numbers");
        expect(line).toContain('--map Deals.stage="stage_id"');
      }
    },
  );

  it.skipIf(!existsSync(pipedrive('3-minimal-fix')))(
    'Pipedrive with stage names and a Stages sheet: all three tables read, amounts in their currency column',
    () => {
      const r = report(pipedrive('3-minimal-fix'), PRAGUE);
      expect(Object.keys(r.tables ?? {})).toEqual(['Deals', 'Stages', 'Stage history']);
      expect(r.tables?.Deals?.fields).toMatchObject({
        dealId: 'id',
        deal: 'title',
        amount: 'value',
        stage: 'stage',
        expectedClose: 'expected_close_date',
        currency: 'currency',
        status: 'status',
      });
      expect(r.conversion.length).toBeGreaterThan(0);
    },
  );
});
