import { readFileSync } from 'node:fs';
import { proposeStages, type StagesProposal } from '../engine/proposed-stages';
import type { CheckOptions } from '../engine/report';
import { stageKey } from '../engine/values';
import type { ReportArgs } from './args';
import { type ColumnMap, mergeMaps, parseMapFile } from './column-map';
import { InputError } from './errors';
import { dayFirstOf } from './summary';
import { checkMappedHeaders, type FoundTable, readWorkbookFiles, type Workbook } from './workbook';

/** Everything read from the command line's files before any figure is computed. */
export interface Loaded {
  readonly map: ColumnMap;
  readonly workbook: Workbook;
  /** `null` when no file is a Deals table (the report cannot run; `columns` still lists the files). */
  readonly deals: FoundTable | null;
  /** Whether dates are read day-first: `--day-first` or the files' own dates. */
  readonly dayFirst: boolean;
  /** Without a Stages table: the stages built from the deals, with 0 for a probability nobody knows. */
  readonly proposal: StagesProposal | null;
}

function readMapFile(path: string): ColumnMap {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`--map-file ${path}: cannot read it`);
  }
  return parseMapFile(path, text);
}

/** Reads the files, decides which is which table, checks the map, and proposes stages when none are given. */
export function loadInputs(args: ReportArgs): Loaded {
  // --map wins over the file for the same field.
  const map = mergeMaps(args.mapFile ? readMapFile(args.mapFile) : {}, args.map);
  const workbook = readWorkbookFiles(args.paths, map);
  checkMappedHeaders(workbook, map);
  const deals = workbook.tables.Deals ?? null;
  const proposal =
    deals && !workbook.tables.Stages
      ? proposeStages(deals.file.grid, { ...(map.Deals ? { map: map.Deals } : {}), unknownProbability: 0 })
      : null;
  return { map, workbook, deals, dayFirst: dayFirstOf(workbook, args.dayFirst), proposal };
}

/**
 * Without a Stages table, a deal in a built stage that has no win probability
 * cannot be weighted: it is listed as a problem naming the stage and how many
 * deals it leaves out, and left out of every figure (SPEC §2, §6). `undefined`
 * for a Stages table the user gave: there a blank probability is the
 * engine's own problem, on the Stages row.
 */
export function refuseUnweighted(proposal: StagesProposal | null): CheckOptions['refuse'] {
  if (!proposal) return undefined;
  const unknown = new Map<string, number>();
  for (const s of proposal.rows) if (s.probability === null) unknown.set(stageKey(s.stage), s.basedOn.deals);
  if (unknown.size === 0) return undefined;
  return (deal) => {
    // A deal won or lost by its Status, or with a Probability of its own, is weighed without the stage's.
    if (deal.outcome !== 'open' || deal.ownProbability !== null) return null;
    const n = unknown.get(deal.stage.key);
    if (n === undefined) return null;
    const deals = n === 1 ? 'its one deal is' : `its ${n} deals are`;
    return (
      `'${deal.stage.name}' has no win probability, so ${deals} left out of the forecast ` +
      '(there is no Stages table, and none of its open deals has a Probability); ' +
      'give it one in a Stages CSV (Stage, Win probability)'
    );
  };
}

/**
 * The locale a CSV's numbers and dates are read in (SPEC §2, the CLI has no
 * spreadsheet to ask): Korean headers mean `ko_KR`; a `;`-separated file is
 * European Excel's, where `12.500` may be twelve thousand, so its own values
 * decide and what they leave open is a problem; anything else `en_US`.
 */
export function csvLocale(deals: FoundTable | null): string | null {
  if (!deals) return null;
  if (deals.table.language === 'ko') return 'ko_KR';
  return deals.file.separator === ';' ? null : 'en_US';
}

/** What the report decided for itself or could not do, for `notes`. */
export function reportNotes(loaded: Loaded, dayFirstFlag: boolean): string[] {
  const { workbook, proposal } = loaded;
  const notes: string[] = [];
  if (proposal) {
    const unknown = proposal.rows.filter((r) => r.probability === null).length;
    notes.push(
      `No Stages table: ${proposal.rows.length} stages were built from the deals' Stage values in order of first ` +
        "appearance, outcomes guessed from their names, win probabilities from the deals' Probability column " +
        `(the median over each stage's open deals)${unknown > 0 ? `; ${unknown} have none, so their deals are listed as problems and left out of every figure` : ''}.`,
    );
  }
  if (!workbook.tables['Stage history'])
    notes.push(
      'No Stage history table: the stage conversion needs one (When, Deal ID, To stage), so conversion is empty.',
    );
  if (!workbook.tables.Tasks) notes.push('No Tasks table: every task a daily check would create is listed.');
  if (loaded.dayFirst && !dayFirstFlag)
    notes.push('Dates are read day-first: the files hold dates such as 15/11/2023 or 15.11.2023.');
  return notes;
}
