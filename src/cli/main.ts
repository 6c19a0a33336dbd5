import type { Grid } from '../engine/cells';
import { PipelineError } from '../engine/problems';
import { buildReport, type CheckOptions } from '../engine/report';
import { MissingColumnsError } from '../engine/table';
import { DAY_MS, localOf, Zone } from '../engine/zone';
import { parseArgs, type ReportArgs, USAGE } from './args';
import { InputError, UsageError } from './errors';
import { csvLocale, type Loaded, loadInputs, refuseUnweighted, reportNotes } from './load';
import { missingColumnsLine, noDealsError } from './missing';
import { renderReport } from './render';
import { type ReportJson, reportJson } from './report-json';
import { readSummary, renderColumns } from './summary';
import { terminalText } from './text-table';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The system's zone and clock, replaceable in tests. */
  systemZone: () => string;
  now: () => Date;
}

/**
 * `sheets-pipeline report|columns <path>...`: 0 on success, 1 when the run
 * cannot be made (missing file or column, ambiguous files, a mapped header
 * not found) or `--strict` finds problems, 2 on bad usage.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
    io.stdout(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  let args: ReportArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`sheets-pipeline: ${terminalText(e.message)}\n${USAGE}\n`);
    return 2;
  }
  try {
    return args.command === 'columns' ? runColumns(args, io) : runReport(args, io);
  } catch (e) {
    if (e instanceof PipelineError || e instanceof InputError) {
      io.stderr(`sheets-pipeline: ${terminalText(e.message)}\n`);
      return 1;
    }
    throw e;
  }
}

/** `columns`: what was read and how; exit 1 (after printing it) when no file is a Deals table. */
function runColumns(args: ReportArgs, io: CliIo): number {
  const loaded = loadInputs(args);
  const summary = readSummary(loaded.workbook, loaded.dayFirst, loaded.proposal?.rows ?? null);
  io.stdout(args.json ? `${JSON.stringify({ tables: summary.tables }, null, 2)}\n` : renderColumns(summary));
  if (loaded.deals) return 0;
  io.stderr(`sheets-pipeline: ${terminalText(noDealsError(loaded.workbook, loaded.map).message)}\n`);
  return 1;
}

function runReport(args: ReportArgs, io: CliIo): number {
  const zone = new Zone(args.tz ?? io.systemZone());
  const today = args.asOf === null ? zone.day(io.now().getTime()) : parseAsOf(args.asOf);
  const loaded = loadInputs(args);
  const options: CheckOptions = {
    zone,
    today,
    dayFirst: loaded.dayFirst,
    map: loaded.map,
    refuse: refuseUnweighted(loaded.proposal),
    locale: csvLocale(loaded.deals),
    ...(args.currency ? { currency: args.currency } : {}),
    ...(args.pipeline ? { pipeline: args.pipeline } : {}),
    ...(args.lang ? { language: args.lang } : {}),
  };
  const report = buildWithMessages(loaded, options, args.dayFirst);
  io.stdout(args.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
  return args.strict && report.problems.length > 0 ? 1 : 0;
}

/** The report, with a missing column (Expected close) told as the one line that says how to map it. */
function buildWithMessages(loaded: Loaded, options: CheckOptions, dayFirstFlag: boolean): ReportJson {
  const { workbook, deals, proposal } = loaded;
  if (!deals) throw noDealsError(workbook, loaded.map);
  const grid = (t: 'Stage history' | 'Tasks'): Grid | null => workbook.tables[t]?.file.grid ?? null;
  let check: ReturnType<typeof buildReport>;
  try {
    check = buildReport(
      {
        stages: workbook.tables.Stages?.file.grid ?? proposal?.grid ?? [],
        deals: deals.file.grid,
        history: grid('Stage history'),
        tasks: grid('Tasks'),
      },
      options,
    );
  } catch (e) {
    if (!(e instanceof MissingColumnsError)) throw e;
    const file = workbook.tables[e.table]?.file;
    throw new InputError(
      missingColumnsLine(e, file?.path ?? null, file?.grid ?? [], loaded.map, workbook.files),
    );
  }
  const json = reportJson(check, options);
  const summary = readSummary(workbook, loaded.dayFirst, proposal?.rows ?? null);
  return {
    ...json,
    tables: summary.tables,
    otherFiles: summary.otherFiles,
    proposedStages: summary.proposedStages,
    notes: reportNotes(loaded, dayFirstFlag),
  };
}

/** `--as-of` was checked as a calendar date by the argument parser. */
function parseAsOf(text: string): number {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return localOf(year, month, day) / DAY_MS;
}
