/** The four tables a pipeline is made of, named as their sheets are. */
export type TableName = 'Stages' | 'Deals' | 'Stage history' | 'Tasks';

/**
 * One bad value: where it is (sheet, row as the sheet numbers it, column
 * header as the user wrote it) and what is wrong, in words a user acts on.
 */
export interface Problem {
  table: TableName;
  row: number;
  column: string;
  value: string;
  message: string;
}

/**
 * An error that stops the whole computation (a missing required column, an
 * unknown stage asked for by name). Its message is shown to the user as is.
 */
export class PipelineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineError';
  }
}

export function describeProblem(p: Problem): string {
  const value = p.value === '' ? '' : ` '${p.value}'`;
  return `${p.table} row ${p.row}, column ${p.column}${value}: ${p.message}`;
}

/**
 * The message a custom function throws for a list of problems: the first few
 * in full, then how many more, so the cell's error tooltip stays readable.
 */
export function problemsMessage(problems: readonly Problem[], shown = 3): string {
  const head = problems.slice(0, shown).map(describeProblem).join('; ');
  const rest = problems.length - shown;
  return rest > 0 ? `${head}; and ${rest} more` : head;
}
