import { type Cell, type Grid, isBlankCell } from './cells';
import { isPercentColumn, readProbability } from './probabilities';
import { DEALS, type DealField, statusOutcome } from './schema';
import type { Outcome } from './stages';
import { cellOf, type Language, type ReadOptions, readTable, sheetRow, type Table } from './table';
import { stageKey, textOf } from './values';

/**
 * Stages proposed from a Deals sheet when there is no Stages sheet (SPEC §4,
 * *Connect your sheet*; the CLI without a Stages CSV, §6): the distinct Stage
 * values in order of first appearance, outcomes guessed from the names, and
 * probabilities from the deals' own Probability column where there is one.
 * Pure: the dialog shows the rows, the CLI reads the grid.
 */

/** One proposed stage and what it rests on. */
export interface ProposedStage {
  /** The name as the first deal in it spells it (trimmed, inner spaces collapsed). */
  readonly stage: string;
  readonly outcome: Outcome;
  /** Won 1, lost 0; an open stage's from its open deals' Probability; `null` when none tells. */
  readonly probability: number | null;
  readonly basedOn: {
    /** Deals rows in the stage. */
    readonly deals: number;
    /** The sheet row of the first of them. */
    readonly firstRow: number;
    /** `name` when the outcome was read from the name (`Closed Won`, `실주`), `default` when it is open by default. */
    readonly outcome: 'name' | 'default';
    /** Open deals in it whose Probability is filled and readable: what the median was taken over. */
    readonly probabilities: number;
  };
}

export interface StagesProposal {
  readonly rows: readonly ProposedStage[];
  /** A Stages sheet of those rows (Stage, Win probability, Outcome), in the deals' language. */
  readonly grid: Cell[][];
}

export interface ProposeOptions {
  /** The Deals column map (field → header), as for `readTable`. */
  readonly map?: ReadOptions['map'];
  /**
   * What the grid holds where no probability is known: blank by default, for
   * the user to fill. The CLI gives 0, so the stage is read and its deals
   * weigh nothing in the forecast while it lists them as a problem.
   */
  readonly unknownProbability?: number | '';
}

const WON_NAMES = ['closed won', 'won', '수주', '계약 완료'];
const LOST_NAMES = ['closed lost', 'lost', '실주', '보류 종료'];
const HANGUL = /[\uac00-\ud7a3]/;

/**
 * A stage's outcome as its name says it (SPEC §1): lower-cased, punctuation
 * as spaces, it is or starts with `closed won`, `won`, `수주`, `계약 완료`
 * (won) or `closed lost`, `lost`, `실주`, `보류 종료` (lost). An English word
 * must end there (`Wonderful` is not won); Korean is compared without spaces
 * (`계약완료`). `null` when the name says neither.
 *
 * @example
 * outcomeOfName('Closed: won') // → 'won'
 * outcomeOfName('Closed Lost – no budget') // → 'lost'
 * outcomeOfName('계약완료') // → 'won'
 * outcomeOfName('Closed: abandoned') // → null
 */
export function outcomeOfName(name: string): 'won' | 'lost' | null {
  const text = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
  const starts = (word: string) =>
    HANGUL.test(word)
      ? text.replace(/ /g, '').startsWith(word.replace(/ /g, ''))
      : text === word || text.startsWith(`${word} `);
  if (WON_NAMES.some(starts)) return 'won';
  if (LOST_NAMES.some(starts)) return 'lost';
  return null;
}

/** The Probability column's values as fractions, by SPEC §2's column rule; blank or unreadable: `null`. */
function probabilityReader(table: Table<DealField>): (i: number) => number | null {
  const c = table.columns.probability;
  if (c === undefined) return () => null;
  const percents = isPercentColumn(table.dataRows.map((i) => table.grid[i]?.[c] ?? ''));
  return (i) => {
    const read = readProbability(table.grid[i]?.[c] ?? '', percents);
    return read.ok ? read.value : null;
  };
}

/** The median; the mean of the two middle values for an even count. Rounded to 1e-9 against float noise. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(m * 1e9) / 1e9;
}

interface Gathered {
  stage: string;
  deals: number;
  firstRow: number;
  probabilities: number[];
}

/** Every distinct stage of the deals, first appearance first, with its open deals' probabilities. */
function gather(table: Table<DealField>): Gathered[] {
  const probability = probabilityReader(table);
  const hasStatus = table.columns.status !== undefined;
  const byKey = new Map<string, Gathered>();
  for (const i of table.dataRows) {
    const stage = textOf(cellOf(table, i, 'stage')).replace(/\s+/g, ' ');
    if (stage === '') continue;
    const key = stageKey(stage);
    let g = byKey.get(key);
    if (!g) {
      g = { stage, deals: 0, firstRow: sheetRow(table, i), probabilities: [] };
      byKey.set(key, g);
    }
    g.deals++;
    const open = !hasStatus || (statusOutcome(textOf(cellOf(table, i, 'status'))) ?? 'open') === 'open';
    const p = open && !isBlankCell(cellOf(table, i, 'probability')) ? probability(i) : null;
    if (p !== null) g.probabilities.push(p);
  }
  return [...byKey.values()];
}

const HEADERS: Record<Language, readonly string[]> = {
  en: ['Stage', 'Win probability', 'Outcome'],
  ko: ['단계', '수주 성공 확률', '결과'],
};
const OUTCOME_TEXT: Record<Language, Record<Outcome, string>> = {
  en: { open: 'open', won: 'won', lost: 'lost' },
  ko: { open: '진행', won: '수주', lost: '실주' },
};

/**
 * Proposes a Stages table from a Deals grid (SPEC §4). Throws the engine's
 * MissingColumnsError when the grid has no Amount or Stage column.
 *
 * @example
 * const deals = [
 *   ['Deal', 'Amount', 'Stage', 'Probability'],
 *   ['A', 100, 'Demo', '20%'], ['B', 100, 'Demo', '40%'], ['C', 100, 'Closed Won', ''], ['D', 100, 'Proposal', ''],
 * ];
 * proposeStages(deals).rows.map((r) => [r.stage, r.outcome, r.probability])
 * // → [['Demo', 'open', 0.3], ['Closed Won', 'won', 1], ['Proposal', 'open', null]]
 * proposeStages(deals).grid
 * // → [['Stage', 'Win probability', 'Outcome'], ['Demo', 0.3, 'open'], ['Closed Won', 1, 'won'], ['Proposal', '', 'open']]
 */
export function proposeStages(dealsGrid: Grid, options: ProposeOptions = {}): StagesProposal {
  const table = readTable(dealsGrid, DEALS, options.map ? { map: options.map } : {});
  const rows: ProposedStage[] = gather(table).map((g) => {
    const named = outcomeOfName(g.stage);
    const outcome: Outcome = named ?? 'open';
    const probability =
      outcome === 'won'
        ? 1
        : outcome === 'lost'
          ? 0
          : g.probabilities.length > 0
            ? median(g.probabilities)
            : null;
    return {
      stage: g.stage,
      outcome,
      probability,
      basedOn: {
        deals: g.deals,
        firstRow: g.firstRow,
        outcome: named ? 'name' : 'default',
        probabilities: outcome === 'open' ? g.probabilities.length : 0,
      },
    };
  });
  const words = OUTCOME_TEXT[table.language];
  const blank = options.unknownProbability ?? '';
  const grid: Cell[][] = [
    [...HEADERS[table.language]],
    ...rows.map((r) => [r.stage, r.probability ?? blank, words[r.outcome]]),
  ];
  return { rows, grid };
}
