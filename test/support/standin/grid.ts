import type { Cell } from './cells';
import type { ValidationRule } from './validation';

/** Sheets' "Automatic" number format, as `getNumberFormat()` reports it for an untouched cell. */
export const AUTOMATIC_FORMAT = '0.###############';
export const DEFAULT_BACKGROUND = '#ffffff';
export const DEFAULT_FONT_COLOR = '#000000';

/** Everything one cell holds. */
export interface CellRecord {
  value: Cell;
  /** Formula text (`=SUM(A1:A3)`) or `''`. The stand-in never evaluates it. */
  formula: string;
  numberFormat: string;
  background: string;
  fontWeight: string;
  fontColor: string;
  note: string;
  validation: ValidationRule | null;
  /** Other formatting the add-on may set (alignment, wrap...): kept, never interpreted. */
  style: Record<string, string>;
}

function blankRecord(): CellRecord {
  return {
    value: '',
    formula: '',
    numberFormat: AUTOMATIC_FORMAT,
    background: DEFAULT_BACKGROUND,
    fontWeight: 'normal',
    fontColor: DEFAULT_FONT_COLOR,
    note: '',
    validation: null,
    style: {},
  };
}

const BLANK: Readonly<CellRecord> = Object.freeze(blankRecord());

/** A record with content: a value or a formula. Formatting alone is not content (getLastRow ignores it). */
export function hasContent(cell: Readonly<CellRecord>): boolean {
  return cell.value !== '' || cell.formula !== '';
}

/**
 * The cells of one sheet, with Sheets' size: a new sheet has 1000 rows and 26
 * columns; cells past `maxRows`/`maxColumns` do not exist until the sheet grows.
 * Storage is sparse so whole-column reads stay cheap.
 */
export class Grid {
  private rows: (CellRecord | undefined)[][] = [];

  constructor(
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  /** The cell at a 1-based position (a shared blank when untouched; do not mutate). */
  get(row: number, column: number): Readonly<CellRecord> {
    return this.rows[row - 1]?.[column - 1] ?? BLANK;
  }

  /** The cell at a 1-based position, created if needed, for writing. */
  edit(row: number, column: number): CellRecord {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let cell = r[column - 1];
    if (!cell) {
      cell = blankRecord();
      r[column - 1] = cell;
    }
    return cell;
  }

  /** Last row with content, 0 when empty (Sheet.getLastRow). */
  lastRow(): number {
    for (let r = Math.min(this.rows.length, this.maxRows); r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row?.some((cell) => cell !== undefined && hasContent(cell))) return r;
    }
    return 0;
  }

  /** Last column with content, 0 when empty (Sheet.getLastColumn). */
  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        const cell = row[c - 1];
        if (cell !== undefined && hasContent(cell)) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  insertRows(afterRow: number, count: number): void {
    const empty: (CellRecord | undefined)[][] = Array.from({ length: count }, () => []);
    if (this.rows.length < afterRow) this.rows.length = afterRow;
    this.rows.splice(afterRow, 0, ...empty);
    this.maxRows += count;
  }

  insertColumns(afterColumn: number, count: number): void {
    for (const row of this.rows) {
      if (!row || row.length <= afterColumn) continue;
      row.splice(afterColumn, 0, ...new Array<CellRecord | undefined>(count).fill(undefined));
    }
    this.maxColumns += count;
  }

  deleteRows(startRow: number, count: number): void {
    this.rows.splice(startRow - 1, count);
    this.maxRows -= count;
  }

  deleteColumns(startColumn: number, count: number): void {
    for (const row of this.rows) row?.splice(startColumn - 1, count);
    this.maxColumns -= count;
  }

  /** Grows the sheet to at least `rows` rows (appendRow does this in Sheets). */
  ensureRows(rows: number): void {
    if (rows > this.maxRows) this.maxRows = rows;
  }

  /** Replaces the record at a 1-based position (sorting moves whole records). */
  put(row: number, column: number, cell: CellRecord): void {
    this.edit(row, column);
    const r = this.rows[row - 1];
    if (r) r[column - 1] = cell;
  }
}
