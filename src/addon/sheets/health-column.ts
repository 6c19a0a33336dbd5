import { type Cell, cellText, type Grid, isBlankCell } from '../../engine/cells';
import { isHealthText } from '../../engine/health-texts';
import { DEALS } from '../../engine/schema';
import { findHeaderRow, type Language, normalizeHeader } from '../../engine/table';
import { addHealthHighlight } from './health-highlight';
import type { Ownership } from './ownership';
import { setBlock } from './sheets-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Where the add-on's Health column is, and whether it still needs its tag. */
export interface HealthColumnFound {
  /** 0-based column, or `null` when Deals has none the add-on may write. */
  readonly column: number | null;
  /** Found without a tag (made by an earlier version, or an empty column adopted): tag it before writing. */
  readonly untagged: boolean;
}

// Headers the add-on gives (and an earlier version gave) its Health column: with only Health texts
// under it, such a column is the add-on's even without a tag (an earlier version, a CSV re-import).
const LEGACY_HEADERS = new Set(['Health', '상태', DEALS.columns.health.en, DEALS.columns.health.ko]);
const HEALTH_ALIASES = new Set(DEALS.columns.health.aliases.map(normalizeHeader));

/**
 * The Health column the add-on may write, without writing anything:
 * 1. the column it tagged;
 * 2. a column the add-on made before columns were tagged: headed `Health`,
 *    `상태`, `Pipeline health` or `파이프라인 점검`, holding nothing but
 *    Health texts (at least one), which only the add-on writes;
 * 3. an empty column headed `Health`, `Pipeline health` or `파이프라인 점검`.
 * A column with anything else in it is the team's, whatever its header.
 */
export function findHealthColumn(
  sheet: Sheet,
  grid: Grid,
  own: Ownership,
  map: Readonly<Partial<Record<string, string>>> = {},
): HealthColumnFound {
  const headerIndex = findHeaderRow(grid, DEALS, map);
  const headers = (grid[headerIndex] ?? []).map((h) => cellText(h).trim());
  const tagged = own.ownedColumn(sheet, 'Deals.health', (c) => headers[c] ?? '');
  if (tagged !== null) return { column: tagged, untagged: false };
  const legacy = headers.findIndex((h, c) => {
    if (!LEGACY_HEADERS.has(h)) return false;
    const values = filledValues(grid, headerIndex, c);
    return values.length > 0 && values.every(isHealthText);
  });
  if (legacy >= 0) return { column: legacy, untagged: true };
  const empty = headers.findIndex(
    (h, c) => HEALTH_ALIASES.has(normalizeHeader(h)) && filledValues(grid, headerIndex, c).length === 0,
  );
  return empty >= 0 ? { column: empty, untagged: true } : { column: null, untagged: false };
}

/** Where a new Health column goes: after the sheet's last column, header in its header row. */
export interface HealthColumnPlace {
  /** Sheet row of the Deals header row. */
  readonly headerRow: number;
  /** The sheet's last column with content (1-based), so nothing of the team's is under the new column. */
  readonly lastColumn: number;
  /** The language of the Deals headers: a column added to a sheet follows its headers. */
  readonly language: Language;
  /** The header text of a 0-based column, as read. */
  readonly headerAt: (column: number) => string;
}

/**
 * The Health column, made the add-on's for writing: tagged when found
 * untagged, or added after the last column (with its header and highlight
 * rule) when Deals has none it may write.
 *
 * @returns the 0-based column, and whether it was added now
 */
export function claimHealthColumn(
  sheet: Sheet,
  found: HealthColumnFound,
  place: HealthColumnPlace,
  own: Ownership,
): { column: number; added: boolean } {
  if (found.column !== null) {
    if (found.untagged) own.tagColumn(sheet, found.column, 'Deals.health', place.headerAt(found.column));
    return { column: found.column, added: false };
  }
  const column = place.lastColumn;
  const max = sheet.getMaxColumns();
  if (column + 1 > max) sheet.insertColumnsAfter(max, column + 1 - max);
  const header = place.language === 'ko' ? DEALS.columns.health.ko : DEALS.columns.health.en;
  setBlock(sheet.getRange(place.headerRow, column + 1), [[header]]);
  own.tagColumn(sheet, column, 'Deals.health', header);
  addHealthHighlight(sheet, column, place.headerRow);
  return { column, added: true };
}

/** The non-blank cells of a column below the header, as text. */
function filledValues(grid: Grid, headerIndex: number, column: number): string[] {
  const values: string[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cell: Cell = grid[i]?.[column] ?? '';
    if (!isBlankCell(cell)) values.push(cellText(cell));
  }
  return values;
}
