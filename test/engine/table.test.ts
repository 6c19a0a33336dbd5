import { describe, expect, it } from 'vitest';
import { readDeals } from '../../src/engine/deals';
import { DEALS } from '../../src/engine/schema';
import { readPipeline } from '../../src/engine/stages';
import { findHeaderRow, readTable } from '../../src/engine/table';
import { Zone } from '../../src/engine/zone';

const zone = new Zone('Asia/Seoul');

describe('the header row', () => {
  it('is the first row naming two columns, so title rows may stand above it', () => {
    const grid = [
      ['2024 영업 현황 (단위: 천원)', '', ''],
      ['', '', ''],
      ['딜 이름', '단계', '금액'],
      ['A사 도입', '미팅 약속 완료', 1000],
    ];
    const table = readTable(grid, DEALS);
    expect(table.headerIndex).toBe(2);
    expect(table.columns).toMatchObject({ deal: 0, stage: 1, amount: 2 });
    expect(table.dataRows).toEqual([3]);
  });

  it('is row 1 when row 1 names the columns', () => {
    expect(
      findHeaderRow(
        [
          ['Stage', 'Amount'],
          ['Won', 1],
        ],
        DEALS,
      ),
    ).toBe(0);
  });

  it('must stand within the first 20 rows', () => {
    const grid = [...Array.from({ length: 20 }, () => ['note']), ['Stage', 'Amount']];
    expect(findHeaderRow(grid, DEALS)).toBe(0);
    expect(() => readTable(grid, DEALS)).toThrow(/header row must be within the first 20 rows/);
  });

  it('takes a position decided elsewhere over the header match, or none at all', () => {
    const grid = [['Stage', 'Amount', 'Health', 'Pipeline health']];
    expect(readTable(grid, DEALS, { positions: { health: 3 } }).columns.health).toBe(3);
    expect(readTable(grid, DEALS, { positions: { health: null } }).columns.health).toBeUndefined();
  });
});

describe('reading tables by header', () => {
  it('names the missing required column and the aliases it looked for', () => {
    const read = () => readDeals([['Deal', 'Stage']], readPipeline([['Stage', 'Probability']]), { zone });
    expect(read).toThrow("Deals has no column 'Amount' (looked for: Amount, Value, Deal value, Deal amount,");
    // …and what it saw instead, so the fix is one step (SPEC §1, issue 11).
    expect(read).toThrow("Its headers: Deal, Stage; no header is close to 'Amount'.");
    expect(() => readPipeline([])).toThrow(/Stages is empty/);
  });
});
