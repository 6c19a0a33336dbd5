import type { Cell } from '../../engine/cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The grid an execution read of a sheet, kept equal to what the add-on then
 * writes into it: after a panel action the state it answers with is worked
 * out from these grids, so nothing just written is read back (one read of
 * each sheet per call). Keyed by the Sheet object the read and the writes
 * share; a grid is only ever patched by this execution's own writes.
 */
const grids = new WeakMap<Sheet, Cell[][]>();

export function mirrorGrid(sheet: Sheet, grid: Cell[][]): void {
  grids.set(sheet, grid);
}

/** Puts `rows` (the values as the sheet now holds them) at 1-based `row`, `column` of the read grid. */
export function mirrorWrite(
  sheet: Sheet,
  row: number,
  column: number,
  rows: readonly (readonly Cell[])[],
): void {
  const grid = grids.get(sheet);
  if (!grid) return;
  const width = Math.max(grid[0]?.length ?? 0, column - 1 + (rows[0]?.length ?? 0));
  rows.forEach((values, r) => {
    const index = row - 1 + r;
    while (grid.length <= index) grid.push([]);
    const target = grid[index] as Cell[];
    while (target.length < width) target.push('');
    values.forEach((value, c) => {
      target[column - 1 + c] = value;
    });
  });
  // Every row as wide as the widest, as getSheetValues gives them.
  for (const target of grid) while (target.length < width) target.push('');
}
