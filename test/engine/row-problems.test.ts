import { describe, expect, it } from 'vitest';
import { problemAt } from '../../src/engine/row-problems';
import { DEALS } from '../../src/engine/schema';
import { readTable } from '../../src/engine/table';
import { CUT, HUGE } from '../support/engine/long-text';

describe('a problem at a cell', () => {
  it('names the sheet, the row as the sheet numbers it, and the column as the user wrote it', () => {
    const table = readTable(
      [
        ['딜 ID', ' 금액 ', '단계'],
        ['D-1', 'TBD', '미팅'],
      ],
      DEALS,
      { firstRow: 5 },
    );
    expect(problemAt(table, 1, 'amount', 'TBD', 'is not an amount')).toEqual({
      table: 'Deals',
      row: 6,
      column: '금액',
      value: 'TBD',
      message: '금액 is not an amount',
    });
  });

  it('names a column the sheet lacks in English, and a Date by its instant', () => {
    const table = readTable([['Amount', 'Stage']], DEALS);
    expect(problemAt(table, 3, 'expectedClose', new Date(Date.UTC(2023, 10, 1)), 'is late')).toEqual({
      table: 'Deals',
      row: 4,
      column: 'Expected close',
      value: '2023-11-01T00:00:00.000Z',
      message: 'Expected close is late',
    });
  });

  it('shortens a 50,000-character header and value to a line', () => {
    const table = readTable([['Stage', HUGE]], DEALS, { positions: { amount: 1 } });
    expect(problemAt(table, 1, 'amount', HUGE, 'is not an amount')).toEqual({
      table: 'Deals',
      row: 2,
      column: CUT,
      value: CUT,
      message: `${CUT} is not an amount`,
    });
  });
});
