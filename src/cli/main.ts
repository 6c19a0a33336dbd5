import { PipelineError } from '../engine/problems';
import { buildReport } from '../engine/report';
import { DAY_MS, localOf, Zone } from '../engine/zone';
import { parseArgs, type ReportArgs, USAGE, UsageError } from './args';
import { InputError, readWorkbook } from './files';
import { renderReport } from './render';
import { reportJson } from './report-json';
import { terminalText } from './text-table';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The system's zone and clock, replaceable in tests. */
  systemZone: () => string;
  now: () => Date;
}

/**
 * `sheets-pipeline report <folder>`: 0 on success, 1 when the run cannot be
 * made (missing file or column) or `--strict` finds problems, 2 on bad usage.
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
    const zone = new Zone(args.tz ?? io.systemZone());
    const today = args.asOf === null ? zone.day(io.now().getTime()) : parseAsOf(args.asOf);
    const grids = readWorkbook(args.folder);
    const options = { zone, today, dayFirst: args.dayFirst, ...(args.lang ? { language: args.lang } : {}) };
    const report = reportJson(buildReport(grids, options), options);
    io.stdout(args.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
    return args.strict && report.problems.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof PipelineError || e instanceof InputError) {
      io.stderr(`sheets-pipeline: ${terminalText(e.message)}\n`);
      return 1;
    }
    throw e;
  }
}

/** `--as-of` was checked as a calendar date by the argument parser. */
function parseAsOf(text: string): number {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return localOf(year, month, day) / DAY_MS;
}
