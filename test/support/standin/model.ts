import type { Rect } from './a1';
import type { ChartData } from './charts';
import type { ConditionalRuleData } from './conditional-format';
import type { DeveloperMetadataVisibilityName } from './enums';
import { Grid } from './grid';

/** One sheet's state (the data behind every `Sheet` object handed out for it). */
export class SheetModel {
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  conditionalRules: ConditionalRuleData[] = [];
  charts: ChartData[] = [];

  constructor(
    readonly id: number,
    public name: string,
    readonly grid: Grid,
  ) {}
}

/**
 * Where a piece of developer metadata is attached. Rows and columns are held by
 * index on their sheet; inserting or deleting rows/columns moves the index, as
 * Sheets keeps metadata with "the row it was first associated with".
 */
export type MetadataLocation =
  | { readonly type: 'SPREADSHEET' }
  | { readonly type: 'SHEET'; readonly sheet: SheetModel }
  | { readonly type: 'ROW' | 'COLUMN'; readonly sheet: SheetModel; index: number };

/** One piece of developer metadata (the data behind every DeveloperMetadata object for it). */
export interface MetadataRecord {
  readonly id: number;
  key: string;
  /** null when none was given (getValue() answers null). */
  value: string | null;
  visibility: DeveloperMetadataVisibilityName;
  location: MetadataLocation;
}

/** The spreadsheet's state. */
export class Book {
  readonly sheets: SheetModel[] = [];
  active: { sheet: SheetModel; rect: Rect } | null = null;
  /** Developer metadata of the whole spreadsheet, in the order it was added. */
  readonly metadata: MetadataRecord[] = [];
  private nextSheetId = 0;
  private metadataCount = 0;

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
    public locale: string,
  ) {}

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** Sheet names are unique ignoring case, and lookups ignore case too. */
  find(name: string): SheetModel | null {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key) ?? null;
  }

  byId(id: number): SheetModel | null {
    return this.sheets.find((s) => s.id === id) ?? null;
  }

  /** Adds a sheet at a 0-based index (end by default). The first sheet has gid 0, as in Sheets. */
  add(name: string, index: number = this.sheets.length, rows = 1000, columns = 26): SheetModel {
    const id = this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId * 7_919;
    this.nextSheetId++;
    const sheet = new SheetModel(id, name, new Grid(rows, columns));
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  /**
   * A fresh developer metadata id. Sheets picks random positive 32-bit ids; the
   * stand-in walks a fixed permutation of them (n × m mod 2³¹−1), so ids are
   * unique and reproducible but neither small nor in creation order, and code
   * cannot come to rely on either.
   */
  metadataId(): number {
    this.metadataCount++;
    return (this.metadataCount * 506_952_114) % 2_147_483_647;
  }

  /** A name Sheets would give a new unnamed sheet: Sheet1, Sheet2... */
  freshName(): string {
    for (let n = 1; ; n++) if (!this.find(`Sheet${n}`)) return `Sheet${n}`;
  }

  activeSheet(): SheetModel {
    const first = this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
    if (!this.active || !this.sheets.includes(this.active.sheet)) {
      if (!first) throw new Error('Sheets stand-in: the spreadsheet has no sheets');
      this.active = { sheet: first, rect: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
    }
    return this.active.sheet;
  }
}
