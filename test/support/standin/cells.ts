import type { Cell as EngineCell } from '../../../src/engine/cells';

/**
 * A cell value as Sheets stores it: blanks are `''`, never null or undefined.
 * (The engine's `Cell` also admits null/undefined for robustness; Sheets never sends them.)
 */
export type Cell = Exclude<EngineCell, null | undefined>;

/**
 * True for a `Date` from any realm. Values written by the bundle come from the
 * `node:vm` context, where `instanceof Date` is false, so test the tag.
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A fresh copy made in this (the outer) realm, as Sheets hands out new objects on every read. */
export function copyCell(value: Cell): Cell {
  return isDate(value) ? new Date(value.getTime()) : value;
}

export function copyGrid(grid: readonly (readonly Cell[])[]): Cell[][] {
  return grid.map((row) => row.map(copyCell));
}

/** How Sheets names a value's type in "The parameters (...) don't match" messages. */
export function typeLabel(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return Array.isArray(value[0]) ? 'Object[][]' : 'Object[]';
  if (isDate(value)) return 'Date';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

/** True when the value is a 2-D array (from any realm). */
export function isGrid(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}
