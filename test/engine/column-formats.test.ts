import { describe, expect, it } from 'vitest';
import {
  columnValues,
  currencyOf,
  dateOrderOf,
  readingOf,
  showsDayFirst,
} from '../../src/engine/column-formats';
import { DEALS, HISTORY, STAGES } from '../../src/engine/schema';
import { readTable } from '../../src/engine/table';

describe('the date order of a column (SPEC §2)', () => {
  it('year-last dates with slashes are month-first unless --day-first or a first part over 12 says otherwise', () => {
    expect(dateOrderOf(['11/05/2023', '12/01/2023'])).toBe('month-first');
    expect(dateOrderOf(['11/05/2023', '12/01/2023'], true)).toBe('day-first');
    expect(dateOrderOf(['11/05/2023', '30/11/2023 14:30'])).toBe('day-first');
    expect(dateOrderOf(['11-05-2023', '13-01-2023'])).toBe('day-first');
    // A second part over 12 is what month-first looks like; it does not make it day-first.
    expect(dateOrderOf(['11/30/2023'])).toBe('month-first');
  });

  it('dotted year-last dates are day-first; ISO, dotted year-first and Korean dates are year-first', () => {
    expect(dateOrderOf(['15.11.2023', '01.02.2024'])).toBe('day-first');
    expect(dateOrderOf(['2023-11-15', '2023/11/15', '2023. 11. 5.', '2023년 11월 15일'])).toBe('year-first');
    expect(dateOrderOf(['2023-04-04 11:48'])).toBe('year-first');
  });

  it('slashes decide over other forms in the same column; no date text at all is null', () => {
    expect(dateOrderOf(['2023-11-15', '11/05/2023'])).toBe('month-first');
    expect(dateOrderOf(['', 'soon', 45_000, new Date(0)])).toBeNull();
    expect(dateOrderOf([])).toBeNull();
  });

  it('showsDayFirst: what the CLI follows for the whole run', () => {
    expect(showsDayFirst(['15/11/2023'])).toBe(true);
    expect(showsDayFirst(['15.11.2023'])).toBe(true);
    expect(showsDayFirst(['11/05/2023', '05.11.2023'])).toBe(false);
    expect(showsDayFirst(['2023-11-15'])).toBe(false);
  });
});

describe('the currency of an Amount column', () => {
  it('is the most common sign or code, the first seen winning a tie', () => {
    expect(currencyOf(['₩10,000,000', '30,000,000원', '$5', 'KRW 1,000'])).toBe('KRW');
    expect(currencyOf(['12.500,00 €', '8.000 EUR', '$3'])).toBe('EUR');
    expect(currencyOf(['£1,000', 'GBP 2', '¥3', '3 CHF', '4 CZK'])).toBe('GBP');
    expect(currencyOf(['$1', '€2'])).toBe('USD');
  });

  it('is null for plain numbers, and letters inside words are no code (TBD, Musd)', () => {
    expect(currencyOf([375000, '1000000', ''])).toBeNull();
    expect(currencyOf(['TBD', 'Eurotunnel deal'])).toBeNull();
  });
});

describe('readingOf: how a table is read', () => {
  it('fields → headers, null when missing; ignored and refused headers; the header row as the sheet numbers it', () => {
    const grid = [
      ['Pipeline report'],
      ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Status', 'Notes', ''],
      ['1', 'A', 'Demo', '$1,000', 'call back Tuesday', 'x', ''],
      ['2', 'B', 'Demo', '$2,000', '', '', ''],
    ];
    const r = readingOf(readTable(grid, DEALS));
    expect(r.headerRow).toBe(2);
    expect(r.fields).toMatchObject({
      dealId: 'Record ID',
      deal: 'Deal Name',
      stage: 'Deal Stage',
      amount: 'Amount',
      status: null,
      company: null,
    });
    expect(Object.keys(r.fields)).toEqual(Object.keys(DEALS.columns));
    // `Status` holds a note, not a status: refused, so it is among the ignored.
    expect(r.refused).toEqual(['Status']);
    expect(r.ignored).toEqual(['Status', 'Notes']);
    expect([r.amountUnit, r.currency, r.dateOrder]).toEqual([1, 'USD', null]);
  });

  it('the unit comes from the Amount header, else the title row; its currency before the values', () => {
    const header = readingOf(
      readTable(
        [
          ['Deal', 'Deal Value (K)', 'Stage', 'Close date'],
          ['A', '12', 'Demo', '15/11/2023'],
        ],
        DEALS,
      ),
    );
    expect([header.amountUnit, header.currency, header.dateOrder]).toEqual([1000, null, 'day-first']);
    const title = readingOf(
      readTable(
        [
          ['2024 영업 현황 (단위: 천원)'],
          ['딜명', '금액', '단계', '수주 예정일'],
          ['A', '$12', '제안', '2024-03-15'],
        ],
        DEALS,
      ),
    );
    expect([title.amountUnit, title.currency, title.dateOrder]).toEqual([1000, 'KRW', 'year-first']);
  });

  it('a Currency column names the currency when the amounts do not', () => {
    const r = readingOf(
      readTable(
        [
          ['title', 'value', 'currency', 'stage'],
          ['A', '100', 'EUR', 'x'],
          ['B', '100', 'USD', 'x'],
          ['C', '100', 'EUR', 'x'],
        ],
        DEALS,
      ),
    );
    expect(r.currency).toBe('EUR');
  });

  it('a table without an Amount has no unit or currency; Stages have no dates, Stage history its When', () => {
    const stages = readingOf(readTable([['Stage', 'Probability']], STAGES));
    expect([stages.amountUnit, stages.currency, stages.dateOrder]).toEqual([null, null, null]);
    const history = readTable(
      [
        ['When', 'Deal ID', 'To stage'],
        ['05.11.2023 10:00', 'D-1', 'Demo'],
      ],
      HISTORY,
    );
    expect(readingOf(history).dateOrder).toBe('day-first');
    expect(columnValues(history, 'when')).toEqual(['05.11.2023 10:00']);
    expect(columnValues(history, 'by')).toEqual([]);
  });
});
