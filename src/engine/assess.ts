import type { DealsRead } from './deals';
import { assessHealth, type HealthFindings } from './health';
import type { StageChange } from './history';
import type { Language } from './table';
import { newTasks, type PlannedTask, staleReviewTasks } from './tasks';
import { cellTexts } from './texts';
import { type DayNumber, isoDate } from './zone';

/** What a daily check decides about the deals, before anything is written. */
export interface Assessment {
  readonly findings: HealthFindings;
  /** Review tasks not yet in the Tasks sheet (by key). */
  readonly tasks: readonly PlannedTask[];
  /** The Health text of every Deals data row, by sheet row; blank when healthy. */
  readonly health: ReadonlyMap<number, string>;
}

export interface AssessInput {
  readonly deals: DealsRead;
  readonly historyByDeal: ReadonlyMap<string, readonly StageChange[]>;
  /** Keys of the tasks the Tasks sheet already holds. */
  readonly taskKeys: ReadonlySet<string>;
  readonly today: DayNumber;
  /** Language of what gets written (Health texts, task titles). */
  readonly language: Language;
}

/**
 * The daily check's decisions: which deals are stale or overdue, the Health
 * text of every row (a row's problem, stale, overdue, or blank), and the
 * review tasks to add. Pure: the add-on writes it, the CLI prints it.
 */
export function assessDeals(input: AssessInput): Assessment {
  const { deals, today } = input;
  const texts = cellTexts(input.language);
  const findings = assessHealth(deals.deals, input.historyByDeal, today);
  const tasks = newTasks(staleReviewTasks(findings.stale, today, input.language), input.taskKeys);

  const health = new Map<number, string>();
  const add = (row: number, text: string) => {
    const before = health.get(row);
    health.set(row, before ? `${before}${texts.joiner}${text}` : text);
  };
  for (const i of deals.table.dataRows) health.set(deals.table.firstRow + i, '');
  for (const p of deals.problems) add(p.row, texts.problem(p));
  for (const s of findings.stale) add(s.deal.row, texts.stale(s.deal.stage.name, s.days, s.limit));
  for (const d of findings.enteredMissing) add(d.row, texts.enteredMissing(d.stage.name));
  for (const o of findings.overdue)
    add(o.deal.row, texts.overdue(isoDate(o.deal.expectedClose as number), o.daysOverdue));
  return { findings, tasks, health };
}
