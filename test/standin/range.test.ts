import { describe, expect, test } from 'vitest';
import { createStandIn } from '../support/standin';

const deals = [
  ['Deal ID', 'Deal', 'Amount'],
  ['D-001', 'Fleet', 48000],
  ['D-002', 'Pilot', 12500],
];

function sheetWithDeals() {
  const standIn = createStandIn({ timeZone: 'Asia/Seoul', locale: 'en_US', sheets: { Deals: deals } });
  const sheet = standIn.spreadsheet.getSheetByName('Deals');
  if (!sheet) throw new Error('no Deals sheet');
  return { standIn, sheet };
}

describe('getRange forms', () => {
  test('1-based (row, col), (row, col, rows), (row, col, rows, cols)', () => {
    const { sheet } = sheetWithDeals();
    expect(sheet.getRange(2, 1).getValue()).toBe('D-001');
    expect(sheet.getRange(2, 3, 2).getValues()).toEqual([[48000], [12500]]);
    expect(sheet.getRange(1, 1, 2, 2).getA1Notation()).toBe('A1:B2');
  });

  test('A1 forms: cell, block, whole columns, open-ended rows, whole rows', () => {
    const { sheet } = sheetWithDeals();
    expect(sheet.getRange('B3').getValue()).toBe('Pilot');
    expect(sheet.getRange('a1:$C$1').getValues()).toEqual([deals[0]]);
    const columns = sheet.getRange('A:C');
    expect([columns.getRow(), columns.getNumRows(), columns.getNumColumns()]).toEqual([1, 1000, 3]);
    expect(columns.getA1Notation()).toBe('A:C');
    const fromRow2 = sheet.getRange('A2:C');
    expect([fromRow2.getRow(), fromRow2.getNumRows(), fromRow2.getA1Notation()]).toEqual([2, 999, 'A2:C']);
    const rows = sheet.getRange('2:3');
    expect([rows.getNumRows(), rows.getNumColumns(), rows.getA1Notation()]).toEqual([2, 26, '2:3']);
  });

  test('spreadsheet.getRange takes a sheet name, quoted when it has spaces', () => {
    const standIn = createStandIn({
      timeZone: 'UTC',
      locale: 'en_US',
      sheets: { Deals: deals, 'Stage history': [['When', 'Deal ID']] },
    });
    expect(standIn.spreadsheet.getRange('Deals!A2:B2').getValues()).toEqual([['D-001', 'Fleet']]);
    expect(standIn.spreadsheet.getRange("'Stage history'!B1").getValue()).toBe('Deal ID');
    expect(() => standIn.spreadsheet.getRange('Nope!A1')).toThrow('Range not found');
  });

  test('whole-column reads are padded with blanks to the range size', () => {
    const { sheet } = sheetWithDeals();
    const values = sheet.getRange('A:D').getValues();
    expect(values).toHaveLength(1000);
    expect(values[1]).toEqual(['D-001', 'Fleet', 48000, '']);
    expect(values[999]).toEqual(['', '', '', '']);
  });

  test('ranges past the sheet, zero sizes and bad arguments throw like Sheets', () => {
    const { sheet } = sheetWithDeals();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow('outside the dimensions');
    expect(() => sheet.getRange(0, 1)).toThrow('outside the dimensions');
    expect(() => sheet.getRange('A1:A1001')).toThrow('outside the dimensions');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange('B')).toThrow('Range not found');
    expect(() => (sheet.getRange as (...a: unknown[]) => unknown)(undefined, 1)).toThrow(
      "The parameters (null,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expect(() => sheet.getRange(1.5, 1)).toThrow('Cannot convert 1.5 to int.');
  });
});

describe('values', () => {
  test('getValues returns a fresh copy each time; Dates are new objects', () => {
    const when = new Date('2023-11-05T05:30:00Z');
    const standIn = createStandIn({ timeZone: 'UTC', locale: 'en_US', sheets: { S: [[when, 'x']] } });
    const range = standIn.spreadsheet.getRange('S!A1:B1');
    const first = range.getValues();
    const firstRow = first[0] ?? [];
    (firstRow[0] as Date).setFullYear(1999);
    firstRow[1] = 'changed';
    const second = range.getValues();
    expect(second).toEqual([[when, 'x']]);
    expect(second[0]?.[0]).not.toBe(when);
  });

  test('setValues size mismatch throws Sheets’ own messages', () => {
    const { sheet } = sheetWithDeals();
    const range = sheet.getRange(1, 1, 3, 2);
    expect(() =>
      range.setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setValues([[1], [2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    // Nothing was written by the failed calls.
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['Deal ID', 'Deal']]);
  });

  test('setValue fills every cell of the range; getValue reads the top-left', () => {
    const { sheet } = sheetWithDeals();
    sheet.getRange('E1:F2').setValue('x');
    expect(sheet.getRange('E1:F2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    expect(sheet.getRange('A2:C3').getValue()).toBe('D-001');
  });

  test('strings convert as typed text; plain-text cells and a leading apostrophe keep text', () => {
    const standIn = createStandIn({ timeZone: 'Asia/Seoul', locale: 'en_US', sheets: { S: [] } });
    const sheet = standIn.spreadsheet.getSheetByName('S');
    if (!sheet) throw new Error('no sheet');
    sheet.getRange('A1:F1').setValues([['007', '1,000', '70%', 'TRUE', '2023-11-05', 'D-001']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([
      [7, 1000, 0.7, true, new Date('2023-11-04T15:00:00Z'), 'D-001'],
    ]);
    sheet.getRange('A2').setNumberFormat('@').setValue('007');
    sheet.getRange('B2').setValue("'007");
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['007', '007']]);
    expect(sheet.getRange('C1').getNumberFormat()).toBe('0%');
  });

  test('values Sheets cannot hold are refused', () => {
    const { sheet } = sheetWithDeals();
    expect(() => sheet.getRange('A1').setValue({ a: 1 })).toThrow('cannot hold');
    expect(() => sheet.getRange('A1').setValue(Number.NaN)).toThrow('cannot be written');
    expect(() => sheet.getRange('A1').setValues('x' as unknown as unknown[][])).toThrow(
      "don't match the method signature",
    );
  });

  test('null and undefined clear a cell', () => {
    const { sheet } = sheetWithDeals();
    sheet.getRange('A2:B2').setValues([[null, undefined]]);
    expect(sheet.getRange('A2:C2').getValues()).toEqual([['', '', 48000]]);
  });
});

describe('formulas', () => {
  test('a formula cell keeps its text, its value is what the test seeded, setValues replaces it', () => {
    const { standIn, sheet } = sheetWithDeals();
    sheet.getRange('D2').setFormula('=C2*0.7');
    expect(sheet.getRange('D2').getFormula()).toBe('=C2*0.7');
    expect(sheet.getRange('D2').getValue()).toBe('');
    standIn.seed('Deals', 'D2', { values: [[33600]] });
    expect(sheet.getRange('D2').getValue()).toBe(33600);
    expect(sheet.getRange('D2').getFormula()).toBe('=C2*0.7');
    sheet.getRange('D2').setValues([[1]]);
    expect(sheet.getRange('D2').getFormulas()).toEqual([['']]);
    expect(sheet.getRange('D2').getValue()).toBe(1);
  });

  test('setValues with a string starting with = writes a formula', () => {
    const { sheet } = sheetWithDeals();
    sheet.getRange('D1:E1').setValues([['=SUM(C:C)', 'text']]);
    expect(sheet.getRange('D1:E1').getFormulas()).toEqual([['=SUM(C:C)', '']]);
  });

  test('setFormulas checks the size like setValues', () => {
    const { sheet } = sheetWithDeals();
    expect(() => sheet.getRange('D1:D2').setFormulas([['=1']])).toThrow(
      'The data has 1 but the range has 2.',
    );
  });
});

describe('formats and display', () => {
  test('defaults, setters and batch setters', () => {
    const { sheet } = sheetWithDeals();
    const range = sheet.getRange('A1:B1');
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(range.getNumberFormats()).toEqual([['0.###############', '0.###############']]);
    range.setBackground('#FC0').setFontWeight('bold');
    expect(range.getBackgrounds()).toEqual([['#ffcc00', '#ffcc00']]);
    expect(range.getFontWeights()).toEqual([['bold', 'bold']]);
    range.setBackgrounds([['red', null]]);
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    expect(() => range.setBackgrounds([['red']])).toThrow('The data has 1 but the range has 2.');
  });

  test('getDisplayValues renders numbers and dates by format in the spreadsheet zone', () => {
    const standIn = createStandIn({
      timeZone: 'Asia/Seoul',
      locale: 'ko_KR',
      sheets: { S: [[new Date('2023-11-04T15:00:00Z'), 10000000, 0.7, true]] },
    });
    const range = standIn.spreadsheet.getRange('S!A1:D1');
    range.setNumberFormats([['yyyy-mm-dd', '#,##0', '0%', '@']]);
    expect(range.getDisplayValues()).toEqual([['2023-11-05', '10,000,000', '70%', 'TRUE']]);
    range.getCell(1, 1).setNumberFormat('yyyy. M. d');
    expect(range.getDisplayValue()).toBe('2023. 11. 5');
  });

  test('clearContent keeps formats; clear removes them', () => {
    const { sheet } = sheetWithDeals();
    const range = sheet.getRange('A2:C2');
    range.setBackground('#eeeeee');
    range.clearContent();
    expect(range.getValues()).toEqual([['', '', '']]);
    expect(range.getBackground()).toBe('#eeeeee');
    range.clear();
    expect(range.getBackground()).toBe('#ffffff');
  });
});

describe('geometry', () => {
  test('getRow/getColumn/getNumRows/getNumColumns/getLastRow/getLastColumn/getSheet/offset', () => {
    const { sheet } = sheetWithDeals();
    const range = sheet.getRange('B2:C3');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      2, 2, 2, 2,
    ]);
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([3, 3]);
    expect(range.getSheet().getName()).toBe('Deals');
    expect(range.offset(1, -1, 1, 1).getA1Notation()).toBe('A3');
    expect(() => range.offset(0, -2)).toThrow('outside the dimensions');
  });

  test('sort reorders rows of the range only, as a user sorting the table', () => {
    const { sheet } = sheetWithDeals();
    sheet.getRange('A2:C3').sort({ column: 3, ascending: true });
    expect(sheet.getRange('A2:C3').getValues()).toEqual([
      ['D-002', 'Pilot', 12500],
      ['D-001', 'Fleet', 48000],
    ]);
  });
});
