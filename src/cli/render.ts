import type { CalibrationRow } from '../engine/calibration';
import type { ConversionRow } from '../engine/conversion';
import type { ForecastRow } from '../engine/forecast';
import { describeProblem } from '../engine/problems';
import type { ReportJson } from './report-json';
import { shortSummary } from './summary';
import { type Align, terminalText, textTable } from './text-table';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const amount = (n: number) => whole.format(n);
const percent = (n: number | null) => (n === null ? '' : `${(n * 100).toFixed(1)}%`);
const count = (n: number | null) => (n === null ? '' : String(n));

/** One column of a printed table: its header, its alignment, and how a row shows in it. */
interface Column<T> {
  readonly header: string;
  readonly align: Align;
  readonly value: (row: T) => string;
}

const left = <T>(header: string, value: (row: T) => string): Column<T> => ({ header, align: 'left', value });
const right = <T>(header: string, value: (row: T) => string): Column<T> => ({
  header,
  align: 'right',
  value,
});

const FORECAST: readonly Column<ForecastRow>[] = [
  left('Month', (f) => f.month),
  right('Weighted', (f) => amount(f.weighted)),
  right('Open pipeline', (f) => amount(f.openPipeline)),
  right('Won', (f) => amount(f.won)),
  right('Open deals', (f) => String(f.openDeals)),
];

const CONVERSION: readonly Column<ConversionRow>[] = [
  left('Stage', (c) => c.stage),
  right('Reached', (c) => String(c.reached)),
  right('Advanced', (c) => String(c.advanced)),
  right('Dropped', (c) => String(c.dropped)),
  right('Open', (c) => String(c.open)),
  right('Conversion', (c) => percent(c.conversion)),
  right('Won', (c) => String(c.won)),
  right('Closed', (c) => String(c.closed)),
  right('Win rate', (c) => percent(c.winRate)),
  right('95% range', (c) =>
    c.winRateLow === null ? '' : `${percent(c.winRateLow)}–${percent(c.winRateHigh)}`,
  ),
  right('Median days', (c) => count(c.medianDays)),
  right('Suggested stale', (c) => count(c.suggestedStaleAfter)),
  // What the rates rest on: a figure from 41 stays of which 12 are still running is read differently from one of 3.
  right('Stays (running)', (c) => `${c.stays} (${c.running})`),
];

const CALIBRATION: readonly Column<CalibrationRow>[] = [
  left('Stage', (c) => (c.pipeline === '' ? c.stage : `${c.pipeline} › ${c.stage}`)),
  right('In Stages', (c) => percent(c.probability)),
  right('Estimated', (c) => percent(c.winRate)),
  right('95% range', (c) =>
    c.winRateLow === null ? '' : `${percent(c.winRateLow)}–${percent(c.winRateHigh)}`,
  ),
  // Words, not only a mark: the flag must survive copy-paste and screen readers.
  left('Check', (c) => (c.outsideInterval ? 'outside the range' : '')),
  right('Stale after', (c) => count(c.staleAfter)),
  right('Suggested', (c) => count(c.suggestedStaleAfter)),
  left('Rests on', (c) => `${c.closed} closed, ${c.stays} stays (${c.running} running)`),
];

const STALE: readonly Column<ReportJson['stale'][number]>[] = [
  left('Deal ID', (s) => s.dealId),
  left('Deal', (s) => s.deal),
  left('Owner', (s) => s.owner),
  left('Stage', (s) => s.stage),
  right('Days', (s) => String(s.days)),
  right('Limit', (s) => String(s.limit)),
];

const OVERDUE: readonly Column<ReportJson['overdue'][number]>[] = [
  left('Deal ID', (o) => o.dealId),
  left('Deal', (o) => o.deal),
  left('Owner', (o) => o.owner),
  left('Expected close', (o) => o.expectedClose),
  right('Days overdue', (o) => String(o.daysOverdue)),
];

const TASKS: readonly Column<ReportJson['tasks'][number]>[] = [
  left('Deal ID', (t) => t.dealId),
  left('Task', (t) => t.task),
  left('Due', (t) => t.due),
  left('Owner', (t) => t.owner),
  left('Source', (t) => t.source),
];

/** Rows under their columns' headers, aligned; `empty` instead when there are none (unless it is `null`). */
function table<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  empty: string | null = '(none)',
  extra: string[][] = [],
): string {
  if (rows.length === 0 && empty !== null) return empty;
  return textTable(
    columns.map((c) => c.header),
    [...rows.map((row) => columns.map((c) => c.value(row))), ...extra],
    columns.map((c) => c.align),
  );
}

/** The forecast's last line: every column summed. */
function forecastTotal(rows: readonly ForecastRow[]): string[] {
  let weighted = 0;
  let openPipeline = 0;
  let won = 0;
  let openDeals = 0;
  for (const f of rows) {
    weighted += f.weighted;
    openPipeline += f.openPipeline;
    won += f.won;
    openDeals += f.openDeals;
  }
  return ['Total', amount(weighted), amount(openPipeline), amount(won), String(openDeals)];
}

/**
 * The forecast and the conversion, once, or per pipeline when the deals are
 * in several (SPEC §6): each pipeline's rows under its own titles.
 */
function figureSections(r: ReportJson): [string, string | readonly string[]][] {
  const noHistory = r.tables !== undefined && r.tables['Stage history'] === undefined;
  const names = [...new Set(r.forecast.map((f) => f.pipeline).filter((p) => p !== undefined))];
  const groups: [string, ReportJson['forecast'], ReportJson['conversion']][] =
    names.length === 0 && !r.conversion.some((c) => c.pipeline !== undefined)
      ? [['', r.forecast, r.conversion]]
      : [...new Set([...names, ...r.conversion.map((c) => c.pipeline as string)])].map((name) => [
          name,
          r.forecast.filter((f) => f.pipeline === name),
          r.conversion.filter((c) => c.pipeline === name),
        ]);
  return groups.flatMap(([name, forecast, conversion]): [string, string | readonly string[]][] => {
    const of = name === '' ? '' : ` — pipeline ${name}`;
    return [
      [
        `Weighted forecast by month of expected close${of}`,
        table(forecast, FORECAST, '(no open or won deals)', [forecastTotal(forecast)]),
      ],
      [
        `Stage conversion (from Stage history)${of}`,
        noHistory
          ? ['(needs a Stage history table: none was found; a CSV with When, Deal ID and To stage)']
          : table(conversion, CONVERSION, null),
      ],
    ];
  });
}

/** Stages' probabilities beside the history's (SPEC §4, Review win probabilities); nothing without a history. */
function calibrationSection(r: ReportJson): [string, string][] {
  if (r.calibration.length === 0) return [];
  const outside = r.calibration.filter((c) => c.outsideInterval).length;
  return [
    [
      `Win probabilities: Stages vs history (${outside} outside the range)`,
      table(r.calibration, CALIBRATION),
    ],
  ];
}

/**
 * The report as a person reads it in a terminal: titled, aligned tables.
 * Every line it prints goes through `terminalText` (tables cell by cell, in
 * `textTable`), so no control character of the data reaches the terminal.
 */
export function renderReport(r: ReportJson): string {
  const sections: [string, string | readonly string[]][] = [
    ...figureSections(r),
    ...calibrationSection(r),
    [`Stale deals (${r.stale.length})`, table(r.stale, STALE)],
    [`Overdue deals (${r.overdue.length})`, table(r.overdue, OVERDUE)],
    [`Tasks a daily check would create (${r.tasks.length})`, table(r.tasks, TASKS)],
    [
      `Problems (${r.problems.length})`,
      r.problems.length === 0 ? ['(none)'] : r.problems.map((p) => `- ${describeProblem(p)}`),
    ],
  ];
  const lines = [terminalText(`Sheets Pipeline report — as of ${r.asOf} (${r.timeZone})`), ''];
  if (r.tables) {
    const summary = {
      tables: r.tables,
      refused: {},
      otherFiles: r.otherFiles ?? [],
      proposedStages: r.proposedStages ?? null,
    };
    lines.push(...shortSummary(summary), '');
  }
  for (const [title, body] of sections) {
    lines.push(terminalText(title));
    // A body is a table (its lines are split off; nothing else in it breaks a line) or lines.
    for (const line of typeof body === 'string' ? body.split('\n') : body) lines.push(terminalText(line));
    lines.push('');
  }
  return lines.join('\n');
}
