import { describe, expect, test } from 'vitest';
import { createStandIn } from '../support/standin';

function book() {
  const standIn = createStandIn({
    timeZone: 'Asia/Seoul',
    locale: 'ko_KR',
    sheets: {
      Deals: [
        ['Deal ID', 'Stage'],
        ['D-001', 'Won'],
      ],
      Stages: [['Stage']],
    },
  });
  const deals = standIn.spreadsheet.getSheetByName('Deals');
  if (!deals) throw new Error('no Deals');
  return { standIn, ss: standIn.spreadsheet, deals };
}

describe('size and content', () => {
  test('getLastRow/getLastColumn count content only; formatting is not content', () => {
    const { deals } = book();
    deals.getRange('A10').setBackground('#ff0000');
    expect([deals.getLastRow(), deals.getLastColumn()]).toEqual([2, 2]);
    deals.getRange('E7').setFormula('=1');
    expect([deals.getLastRow(), deals.getLastColumn()]).toEqual([7, 5]);
    expect([deals.getMaxRows(), deals.getMaxColumns()]).toEqual([1000, 26]);
    expect(deals.getDataRange().getA1Notation()).toBe('A1:E7');
  });

  test('appendRow writes after the last row with content and grows a full sheet', () => {
    const standIn = createStandIn({ timeZone: 'UTC', locale: 'en_US', sheets: { Log: [['When']] } });
    const log = standIn.spreadsheet.getSheetByName('Log');
    if (!log) throw new Error('no Log');
    log.appendRow(['a', '=ROW()', '12%']);
    expect(log.getRange('A2:C2').getValues()).toEqual([['a', '', 0.12]]);
    expect(log.getRange('B2').getFormula()).toBe('=ROW()');
    log.getRange('A1000').setValue('last');
    log.appendRow(['grown']);
    expect(log.getMaxRows()).toBe(1001);
    expect(log.getRange('A1001').getValue()).toBe('grown');
    expect(() => log.getRange(1002, 1)).toThrow('outside the dimensions');
  });

  test('inserting and deleting rows and columns moves cells', () => {
    const { deals } = book();
    deals.insertColumnAfter(1);
    expect(deals.getRange('A1:C1').getValues()).toEqual([['Deal ID', '', 'Stage']]);
    expect(deals.getMaxColumns()).toBe(27);
    deals.insertColumnsAfter(3, 2);
    expect(deals.getMaxColumns()).toBe(29);
    deals.insertRowsAfter(1, 3);
    expect(deals.getRange('A5').getValue()).toBe('D-001');
    deals.deleteRow(5);
    expect(deals.getLastRow()).toBe(1);
    expect(deals.getMaxRows()).toBe(1002);
    expect(() => deals.deleteRow(2000)).toThrow('Those rows are out of bounds.');
  });

  test('frozen rows, column widths, auto-resize', () => {
    const { deals } = book();
    deals.setFrozenRows(1);
    deals.setColumnWidth(2, 240);
    deals.autoResizeColumns(1, 2);
    expect(deals.getFrozenRows()).toBe(1);
    expect(deals.getColumnWidth(2)).toBe(240);
    expect(() => deals.autoResizeColumns(1, 30)).toThrow('Those columns are out of bounds.');
  });
});

describe('sheets of the spreadsheet', () => {
  test('lookup ignores case; names stay unique ignoring case', () => {
    const { ss } = book();
    expect(ss.getSheetByName('deals')?.getName()).toBe('Deals');
    expect(ss.getSheetByName('Tasks')).toBeNull();
    expect(() => ss.insertSheet('STAGES')).toThrow(
      'A sheet with the name "STAGES" already exists. Please enter another name.',
    );
  });

  test('insertSheet(name, index) is 0-based, becomes active; getSheetId and deleteSheet', () => {
    const { ss } = book();
    const tasks = ss.insertSheet('Tasks', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Tasks', 'Deals', 'Stages']);
    expect(ss.getActiveSheet().getName()).toBe('Tasks');
    expect(tasks.getIndex()).toBe(1);
    expect(ss.getSheets()[1]?.getSheetId()).toBe(0);
    expect(tasks.getSheetId()).not.toBe(0);
    ss.deleteSheet(tasks);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Deals', 'Stages']);
    expect(() => tasks.getName()).toThrow('The sheet has been deleted.');
  });

  test('hide and show; the last visible sheet cannot be hidden', () => {
    const { ss, deals } = book();
    deals.hideSheet();
    expect(deals.isSheetHidden()).toBe(true);
    expect(() => ss.getSheetByName('Stages')?.hideSheet()).toThrow(
      "You can't hide all the sheets in a document.",
    );
    deals.showSheet();
    expect(deals.isSheetHidden()).toBe(false);
  });

  test('setName refuses a duplicate', () => {
    const { deals } = book();
    expect(() => deals.setName('stages')).toThrow('already exists');
    deals.setName('Pipeline');
    expect(deals.getName()).toBe('Pipeline');
  });

  test('spreadsheet facts: zone, locale, id, url, toast', () => {
    const { standIn, ss } = book();
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Seoul');
    expect(ss.getSpreadsheetLocale()).toBe('ko_KR');
    ss.setSpreadsheetLocale('en_US');
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
    expect(ss.getUrl()).toContain(ss.getId());
    ss.toast('Done', 'Sheets Pipeline');
    expect(standIn.ui.toasts).toEqual(['Done']);
  });

  test('the user’s selection: select() sets the active sheet and range', () => {
    const { standIn, ss } = book();
    standIn.select('Deals', 'B2');
    expect(ss.getActiveSheet().getName()).toBe('Deals');
    expect(ss.getActiveRange().getA1Notation()).toBe('B2');
    expect(ss.getActiveRange().getValue()).toBe('Won');
    ss.getSheetByName('Stages')?.activate();
    expect(ss.getActiveSheet().getName()).toBe('Stages');
  });
});

describe('snapshot and edit', () => {
  test('snapshot is a deep copy covering values, formulas, formats', () => {
    const { standIn, deals } = book();
    const before = standIn.snapshot('Deals');
    deals.getRange('B2').setBackground('#ffe0e0');
    const after = standIn.snapshot('Deals');
    expect(after.values).toEqual(before.values);
    expect(after.backgrounds[1]?.[1]).toBe('#ffe0e0');
    expect(before.backgrounds[1]?.[1]).toBe('#ffffff');
    expect(after.values).toHaveLength(1000);
  });

  test('edit() as a person typing returns the onEdit event; oldValue for a single cell only', () => {
    const { standIn } = book();
    const e = standIn.edit('Deals', 'B2', [['Lost']], 'rep@example.com');
    expect(e.value).toBe('Lost');
    expect(e.oldValue).toBe('Won');
    expect(String(e.authMode)).toBe('LIMITED');
    expect(e.range.getA1Notation()).toBe('B2');
    expect(e.user.getEmail()).toBe('rep@example.com');
    expect(e.source.getId()).toBe(standIn.spreadsheet.getId());
    const paste = standIn.edit('Deals', 'A3:B4', [
      ['D-002', 'Won'],
      ['D-003', '12'],
    ]);
    expect(paste.value).toBeUndefined();
    expect(paste.oldValue).toBeUndefined();
    expect(standIn.values('Deals')[3]).toEqual(['D-003', 12]);
  });
});
