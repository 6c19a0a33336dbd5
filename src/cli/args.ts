/** The parsed command line of `sheets-pipeline report`. */
export interface ReportArgs {
  folder: string;
  asOf: string | null;
  tz: string | null;
  json: boolean;
  strict: boolean;
  dayFirst: boolean;
  lang: 'ko' | 'en' | null;
}

export const USAGE = `Usage: sheets-pipeline report <folder> [--as-of YYYY-MM-DD] [--tz Area/City] [--json] [--strict] [--day-first] [--lang ko|en]

Reads Deals.csv, Stages.csv, Stage history.csv and (optionally) Tasks.csv from <folder>
(also "<spreadsheet> - Deals.csv" as Sheets names downloads) and prints the weighted
forecast, stage conversion, stale and overdue deals, and the tasks a daily check would create.

  --as-of      the day to check as of (default: today in --tz)
  --tz         the spreadsheet's time zone (default: this system's zone)
  --json       print one JSON object instead of tables
  --strict     exit 1 when any row has a problem
  --day-first  read 11/05/2023 as 11 May (default: month first, as US Sheets writes it)
  --lang       language of Health texts and task titles (default: the sheets' headers')`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ReportArgs {
  const [command, ...rest] = argv;
  if (command !== 'report')
    throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  const args: ReportArgs = {
    folder: '',
    asOf: null,
    tz: null,
    json: false,
    strict: false,
    dayFirst: false,
    lang: null,
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--as-of': {
        const asOf = value();
        if (!isCalendarDate(asOf))
          throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not '${asOf}'`);
        args.asOf = asOf;
        break;
      }
      case '--tz':
        args.tz = value();
        break;
      case '--json':
        args.json = true;
        break;
      case '--strict':
        args.strict = true;
        break;
      case '--day-first':
        args.dayFirst = true;
        break;
      case '--lang': {
        const lang = value();
        if (lang !== 'ko' && lang !== 'en') throw new UsageError(`--lang takes ko or en, not '${lang}'`);
        args.lang = lang;
        break;
      }
      default:
        if (flag?.startsWith('-')) throw new UsageError(`unknown option '${flag}'`);
        if (args.folder !== '') throw new UsageError(`one folder only (got '${args.folder}' and '${flag}')`);
        args.folder = flag ?? '';
    }
  }
  if (args.folder === '') throw new UsageError('no folder given');
  return args;
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
