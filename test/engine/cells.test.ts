import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cellText, isBlankCell, isDateCell, toGrid } from '../../src/engine/cells';

describe('cells as Sheets hands them over', () => {
  it('a Date made in another realm (as Apps Script hands it over) is still a date', () => {
    const foreign = vm.runInNewContext('new Date(Date.UTC(2023, 10, 15))');
    expect(foreign instanceof Date).toBe(false);
    expect(isDateCell(foreign)).toBe(true);
    expect(isDateCell(new Date(0))).toBe(true);
    expect(isDateCell('2023-11-15')).toBe(false);
    expect(isDateCell(45_245)).toBe(false);
  });

  it('blank is empty, null, undefined or only white space; 0 and FALSE are values', () => {
    expect(['', '   ', '\n\t', null, undefined].map(isBlankCell)).toEqual([true, true, true, true, true]);
    expect([0, false, 'x', ' . '].map(isBlankCell)).toEqual([false, false, false, false]);
  });

  it('reads a cell back as text for a message', () => {
    expect(cellText(new Date(Date.UTC(2023, 10, 15, 1, 2)))).toBe('2023-11-15T01:02:00.000Z');
    expect(cellText(new Date(Number.NaN))).toBe('Invalid Date');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(true)).toBe('true');
    expect(cellText(' as typed ')).toBe(' as typed ');
  });

  it('a custom-function argument becomes a grid: a bare cell, a flat one-row range or a 2-D range', () => {
    expect(toGrid(5)).toEqual([[5]]);
    expect(toGrid('')).toEqual([['']]);
    expect(toGrid([])).toEqual([]);
    expect(toGrid(['Amount', 'Stage'])).toEqual([['Amount', 'Stage']]);
    const grid = [['Amount'], [100]];
    expect(toGrid(grid)).toBe(grid);
  });
});
