import { AFTER_LAST_YEAR, BEFORE_FIRST_YEAR, FIRST_YEAR, LAST_YEAR } from '../engine/dates';
import { type ColumnMap, mergeMaps, parseMapOption } from './column-map';
import { UsageError } from './errors';

export { UsageError };

export type Command = 'report' | 'columns';

/** The parsed command line of `sheets-pipeline report` and `sheets-pipeline columns`. */
export interface ReportArgs {
  command: Command;
  /** Folders and CSV files, as given. */
  paths: string[];
  asOf: string | null;
  tz: string | null;
  json: boolean;
  strict: boolean;
  dayFirst: boolean;
  lang: 'ko' | 'en' | null;
  /** The `--map` options, table → field → header (checked against the schemas). */
  map: ColumnMap;
  mapFile: string | null;
  /** `--currency CODE`: the forecast's currency; `null` = the one most deals name. */
  currency: string | null;
  /** `--pipeline NAME`: only that pipeline's figures; `null` = every pipeline. */
  pipeline: string | null;
}

export const USAGE = `Usage: sheets-pipeline report <path>... [--as-of YYYY-MM-DD] [--tz Area/City] [--json] [--strict] [--day-first] [--currency CODE] [--pipeline NAME] [--lang ko|en] [--map Table.field=Header]... [--map-file F]
       sheets-pipeline columns <path>... [same options] [--json]

Each <path> is a folder (its .csv files) or a CSV file. Which file is which table is decided by
its header row (the first of the first 20 rows naming two of a table's columns); file names such
as Deals.csv or "<spreadsheet> - Deals.csv" only break ties, so a CRM's own export is read as it
is. Only Deals is required: without Stages the stages are built from the deals' Stage values,
without Stage history there is no conversion. UTF-8 (with or without BOM), CP949/EUC-KR and
Windows-1252 text, separated by commas, semicolons or tabs, are detected file by file.

report   prints what was read, the weighted forecast, stage conversion, stale and overdue deals,
         and the tasks a daily check would create.
columns  prints, per table, the file read, its header row, each field and the header it maps to,
         the ignored columns and how values are read. With --json: {"tables": {"Deals": {"file",
         "headerRow", "fields": {"amount": "Deal Value ($)", "company": null, ...}, "ignored",
         "amountUnit", "currency", "dateOrder", "encoding", "separator"}, ...}}; every field key is
         listed, a missing field as null. --map-file accepts that JSON back.

  --as-of      the day to check as of (default: today in --tz)
  --tz         the spreadsheet's time zone (default: this system's zone)
  --json       print one JSON object instead of text
  --strict     exit 1 when any row has a problem
  --day-first  read 11/05/2023 as 11 May (default: month first, as US Sheets writes it,
               unless the column's own dates show day first: 15/11/2023)
  --currency   the forecast's currency (default: the one most deals name); a deal in another
               currency is left out of every figure and listed (no exchange rate is guessed)
  --pipeline   only this pipeline's figures and deals (default: every pipeline, each in its own section)
  --lang       language of Health texts and task titles (default: the sheets' headers')
  --map        Table.field=Header: read the column under Header as that field (repeatable);
               Table is Deals, Stages, History (Stage history) or Tasks; the field keys are
               Deals: dealId deal company owner amount stage stageEntered expectedClose
                 probability status currency pipeline contactEmail health
               Stages: stage probability staleAfter outcome exitCriteria entryTasks
                 requiredFields pipeline entryEmail
               History: when dealId from to by note
               Tasks: taskId dealId task due owner done required stage source key created closed
  --map-file   a JSON file as \`columns --json\` prints; its tables.<Table>.fields are the map
               (--map wins for the same field)`;

function emptyArgs(command: Command): ReportArgs {
  return {
    command,
    paths: [],
    asOf: null,
    tz: null,
    json: false,
    strict: false,
    dayFirst: false,
    lang: null,
    map: {},
    mapFile: null,
    currency: null,
    pipeline: null,
  };
}

export function parseArgs(argv: readonly string[]): ReportArgs {
  const [command, ...rest] = argv;
  if (command !== 'report' && command !== 'columns')
    throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  const args = emptyArgs(command);
  const maps: ColumnMap[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--map') maps.push(parseMapOption(value()));
    else applyOption(args, flag, value);
  }
  if (args.paths.length === 0) throw new UsageError('no folder given (name a folder or CSV files to read)');
  args.map = mergeMaps(...maps);
  return args;
}

function applyOption(args: ReportArgs, flag: string, value: () => string): void {
  switch (flag) {
    case '--as-of': {
      const asOf = value();
      if (!isCalendarDate(asOf)) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not '${asOf}'`);
      const year = Number(asOf.slice(0, 4));
      if (year < FIRST_YEAR || year > LAST_YEAR)
        throw new UsageError(`--as-of '${asOf}' ${year < FIRST_YEAR ? BEFORE_FIRST_YEAR : AFTER_LAST_YEAR}`);
      args.asOf = asOf;
      return;
    }
    case '--tz':
      args.tz = value();
      return;
    case '--json':
      args.json = true;
      return;
    case '--strict':
      args.strict = true;
      return;
    case '--day-first':
      args.dayFirst = true;
      return;
    case '--map-file':
      args.mapFile = value();
      return;
    case '--currency': {
      const code = value().trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(code))
        throw new UsageError(`--currency takes a currency code such as KRW or USD, not '${code}'`);
      args.currency = code;
      return;
    }
    case '--pipeline':
      args.pipeline = value().trim();
      return;
    case '--lang': {
      const lang = value();
      if (lang !== 'ko' && lang !== 'en') throw new UsageError(`--lang takes ko or en, not '${lang}'`);
      args.lang = lang;
      return;
    }
    default:
      if (flag.startsWith('-')) throw new UsageError(`unknown option '${flag}'`);
      args.paths.push(flag);
  }
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
