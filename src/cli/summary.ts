import {
  columnValues,
  DATE_FIELDS,
  type DateOrder,
  readingOf,
  showsDayFirst,
} from '../engine/column-formats';
import type { TableName } from '../engine/problems';
import type { ProposedStage } from '../engine/proposed-stages';
import { TABLE_NAMES } from './column-map';
import { type Encoding, type Separator, separatorName } from './csv';
import { terminalText, textTable } from './text-table';
import type { Workbook } from './workbook';

/** One table as `columns --json` prints it (SPEC §6); a missing field is `null`. */
export interface TableSummary {
  file: string;
  headerRow: number;
  fields: Record<string, string | null>;
  ignored: string[];
  amountUnit: number | null;
  currency: string | null;
  dateOrder: DateOrder | null;
  encoding: Encoding;
  separator: Separator;
}

export type TablesSummary = Partial<Record<TableName, TableSummary>>;

/** What was read and how: the tables, the files that are none, the stages built from the deals. */
export interface ReadSummary {
  tables: TablesSummary;
  /** Per table, headers refused because their values are not what they look like (a `Status` of notes). */
  refused: Partial<Record<TableName, string[]>>;
  otherFiles: { file: string; reason: string }[];
  /** The stages built from the deals when there is no Stages table; `null` when there is one. */
  proposedStages: readonly ProposedStage[] | null;
}

/**
 * Whether dates are read day-first: `--day-first`, or any table's own dates
 * show it (`15/11/2023`, `15.11.2023`). The engine reads every table in one
 * order, so the whole run follows it.
 */
export function dayFirstOf(workbook: Workbook, dayFirst: boolean): boolean {
  if (dayFirst) return true;
  return TABLE_NAMES.some((t) => {
    const found = workbook.tables[t];
    return found ? showsDayFirst(DATE_FIELDS[t].flatMap((f) => columnValues(found.table, f))) : false;
  });
}

export function readSummary(
  workbook: Workbook,
  dayFirst: boolean,
  proposedStages: readonly ProposedStage[] | null,
): ReadSummary {
  const tables: TablesSummary = {};
  const refused: ReadSummary['refused'] = {};
  for (const t of TABLE_NAMES) {
    const found = workbook.tables[t];
    if (!found) continue;
    const r = readingOf(found.table, dayFirst);
    tables[t] = {
      file: found.file.path,
      headerRow: r.headerRow,
      fields: { ...r.fields },
      ignored: [...r.ignored],
      amountUnit: r.amountUnit,
      currency: r.currency,
      dateOrder: r.dateOrder,
      encoding: found.file.encoding,
      separator: found.file.separator,
    };
    if (r.refused.length > 0) refused[t] = [...r.refused];
  }
  const otherFiles = workbook.others.map((o) => ({ file: o.file.path, reason: o.reason }));
  return { tables, refused, otherFiles, proposedStages };
}

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const percent = (p: number | null) => (p === null ? 'no probability' : `${whole.format(p * 100)}%`);

/** `header row 1, utf-8-bom, separator ",", amount ×1 (no currency), dates year-first`. */
function howRead(s: TableSummary): string {
  const parts = [`header row ${s.headerRow}`, s.encoding, `separator ${separatorName(s.separator)}`];
  if (s.amountUnit !== null)
    parts.push(`amount ×${whole.format(s.amountUnit)} (${s.currency ?? 'no currency'})`);
  parts.push(s.dateOrder ? `dates ${s.dateOrder}` : 'no dates');
  return parts.join(', ');
}

const PAD = 15;
const row = (label: string, text: string) => terminalText(`  ${label.padEnd(PAD)}${text}`);

/** What stands in for a table that was not found. */
function absentText(t: TableName, summary: ReadSummary): string {
  if (t === 'Stages') {
    const stages = summary.proposedStages ?? [];
    const unknown = stages.filter((s) => s.probability === null).length;
    const without =
      unknown > 0 ? `; ${unknown} without a win probability, their deals left out (see Problems)` : '';
    return `none: ${stages.length} stages built from the deals' Stage values${without}`;
  }
  if (t === 'Stage history') return 'none: no stage conversion without one';
  return 'none';
}

/** The summary a text report starts with: one or two lines per table. */
export function shortSummary(summary: ReadSummary): string[] {
  const lines = ['Read'];
  for (const t of TABLE_NAMES) {
    const s = summary.tables[t];
    if (!s) {
      lines.push(row(t, absentText(t, summary)));
      continue;
    }
    const mapped = Object.values(s.fields).filter((h) => h !== null).length;
    const ignored = s.ignored.length === 0 ? '' : `, ${s.ignored.length} ignored`;
    lines.push(row(t, s.file));
    lines.push(row('', `${howRead(s)}; ${mapped} columns read${ignored}`));
  }
  for (const o of summary.otherFiles) lines.push(row('Not a table', `${o.file} ${o.reason}`));
  return lines;
}

/** One table's block of `columns`: file, header row, fields → headers, ignored, how values are read. */
function tableBlock(t: TableName, s: TableSummary, refused: readonly string[]): string[] {
  const fieldWidth = Math.max(...Object.keys(s.fields).map((f) => f.length));
  const ignored = s.ignored.map((h) => (refused.includes(h) ? `${h} (its values are not statuses)` : h));
  const lines = [
    terminalText(`${t}: ${s.file}`),
    row('header row', String(s.headerRow)),
    row('encoding', s.encoding),
    row('separator', separatorName(s.separator)),
  ];
  if (s.amountUnit !== null) {
    lines.push(row('amount unit', `×${whole.format(s.amountUnit)}`));
    lines.push(row('currency', s.currency ?? '(none stated)'));
  }
  lines.push(row('date order', s.dateOrder ?? '(no dates)'), '  fields');
  for (const [field, header] of Object.entries(s.fields))
    lines.push(terminalText(`    ${field.padEnd(fieldWidth)}  → ${header ?? '(missing)'}`));
  lines.push(row('ignored', ignored.length === 0 ? '(none)' : ignored.join(', ')));
  return lines;
}

const probabilityBasis = (n: number) =>
  n === 0 ? '' : n === 1 ? "1 open deal's Probability" : `median of ${n} open deals' Probability`;

/** The stages the report builds from the deals, as a table. */
function proposalBlock(stages: readonly ProposedStage[]): string[] {
  const rows = stages.map((s) => [
    s.stage,
    s.outcome + (s.basedOn.outcome === 'name' ? ' (by name)' : ''),
    percent(s.probability),
    String(s.basedOn.deals),
    probabilityBasis(s.basedOn.probabilities),
  ]);
  const table = textTable(['Stage', 'Outcome', 'Probability', 'Deals', 'Probability from'], rows, [
    'left',
    'left',
    'right',
    'right',
    'left',
  ]);
  return ['Stages: none; the report builds them from the deals:', ...table.split('\n').map((l) => `  ${l}`)];
}

/** `sheetss-pipeline columns` as text. */
export function renderColumns(summary: ReadSummary): string {
  const blocks: string[][] = [];
  for (const t of TABLE_NAMES) {
    const s = summary.tables[t];
    if (s) blocks.push(tableBlock(t, s, summary.refused[t] ?? []));
    else if (t === 'Stages' && summary.proposedStages) blocks.push(proposalBlock(summary.proposedStages));
    else blocks.push([terminalText(`${t}: ${absentText(t, summary)}`)]);
  }
  if (summary.otherFiles.length > 0)
    blocks.push(['Not tables', ...summary.otherFiles.map((o) => terminalText(`  ${o.file} ${o.reason}`))]);
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}
