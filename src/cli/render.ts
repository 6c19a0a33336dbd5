import { describeProblem } from '../engine/problems';
import type { ReportJson } from '../engine/report';
import { terminalText, textTable } from './text-table';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const amount = (n: number) => whole.format(n);
const percent = (n: number | null) => (n === null ? '' : `${(n * 100).toFixed(1)}%`);
const count = (n: number | null) => (n === null ? '' : String(n));

/**
 * The report as a person reads it in a terminal: titled, aligned tables.
 * Every line it prints goes through `terminalText` (tables cell by cell, in
 * `textTable`), so no control character of the data reaches the terminal.
 */
export function renderReport(r: ReportJson): string {
  const lines: string[] = [];
  const print = (line: string) => lines.push(terminalText(line));
  // A body is a table (its lines are split off; nothing else in it breaks a line) or one line.
  const section = (title: string, body: string | readonly string[]) => {
    print(title);
    for (const line of typeof body === 'string' ? body.split('\n') : body) print(line);
    lines.push('');
  };
  print(`Sheets Pipeline report — as of ${r.asOf} (${r.timeZone})`);
  lines.push('');

  section(
    'Weighted forecast by month of expected close',
    r.forecast.length === 0
      ? '(no open or won deals)'
      : textTable(
          ['Month', 'Weighted', 'Open pipeline', 'Won', 'Open deals'],
          [
            ...r.forecast.map((f) => [
              f.month,
              amount(f.weighted),
              amount(f.openPipeline),
              amount(f.won),
              String(f.openDeals),
            ]),
            [
              'Total',
              amount(sum(r.forecast.map((f) => f.weighted))),
              amount(sum(r.forecast.map((f) => f.openPipeline))),
              amount(sum(r.forecast.map((f) => f.won))),
              String(sum(r.forecast.map((f) => f.openDeals))),
            ],
          ],
          ['left', 'right', 'right', 'right', 'right'],
        ),
  );

  section(
    'Stage conversion (from Stage history)',
    textTable(
      [
        'Stage',
        'Reached',
        'Advanced',
        'Dropped',
        'Conversion',
        'Won',
        'Closed',
        'Win rate',
        '95% range',
        'Median days',
        'Suggested stale',
      ],
      r.conversion.map((c) => [
        c.stage,
        String(c.reached),
        String(c.advanced),
        String(c.dropped),
        percent(c.conversion),
        String(c.won),
        String(c.closed),
        percent(c.winRate),
        c.winRateLow === null ? '' : `${percent(c.winRateLow)}–${percent(c.winRateHigh)}`,
        count(c.medianDays),
        count(c.suggestedStaleAfter),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );

  section(
    `Stale deals (${r.stale.length})`,
    r.stale.length === 0
      ? '(none)'
      : textTable(
          ['Deal ID', 'Deal', 'Owner', 'Stage', 'Days', 'Limit'],
          r.stale.map((s) => [s.dealId, s.deal, s.owner, s.stage, String(s.days), String(s.limit)]),
          ['left', 'left', 'left', 'left', 'right', 'right'],
        ),
  );

  section(
    `Overdue deals (${r.overdue.length})`,
    r.overdue.length === 0
      ? '(none)'
      : textTable(
          ['Deal ID', 'Deal', 'Owner', 'Expected close', 'Days overdue'],
          r.overdue.map((o) => [o.dealId, o.deal, o.owner, o.expectedClose, String(o.daysOverdue)]),
          ['left', 'left', 'left', 'left', 'right'],
        ),
  );

  section(
    `Tasks a daily check would create (${r.tasks.length})`,
    r.tasks.length === 0
      ? '(none)'
      : textTable(
          ['Deal ID', 'Task', 'Due', 'Owner', 'Source'],
          r.tasks.map((t) => [t.dealId, t.task, t.due, t.owner, t.source]),
          ['left', 'left', 'left', 'left', 'left'],
        ),
  );

  section(
    `Problems (${r.problems.length})`,
    r.problems.length === 0 ? ['(none)'] : r.problems.map((p) => `- ${describeProblem(p)}`),
  );
  return lines.join('\n');
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
