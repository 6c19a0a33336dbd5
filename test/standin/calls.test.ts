import { describe, expect, test } from 'vitest';
import type { Sheet } from '../support/standin';
import { createStandIn } from '../support/standin';

function table(rows: number) {
  return [['Deal ID', 'Health'], ...Array.from({ length: rows }, (_, i) => [`D-${i}`, ''])];
}

describe('call counting', () => {
  test('every method call on a service object counts once, keyed Type.method', () => {
    const standIn = createStandIn({ timeZone: 'UTC', locale: 'en_US', sheets: { Deals: table(3) } });
    const sheet = standIn.services.SpreadsheetApp.getActive().getSheetByName('Deals') as Sheet;
    sheet.getRange('A1:B4').getValues();
    sheet.getRange(2, 2, 3, 1).setValues([['x'], ['y'], ['z']]);
    expect(standIn.calls.byMethod()).toEqual({
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 2,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActive': 1,
    });
    expect(standIn.calls.total()).toBe(6);
    expect(standIn.calls.sequence()[0]).toBe('SpreadsheetApp.getActive');
  });

  test('one setBackgrounds costs 1 call where cell-by-cell costs one per cell', () => {
    const standIn = createStandIn({ timeZone: 'UTC', locale: 'en_US', sheets: { Deals: table(100) } });
    const sheet = standIn.spreadsheet.getSheetByName('Deals') as Sheet;
    standIn.calls.reset();
    for (let r = 2; r <= 101; r++) sheet.getRange(r, 2).setBackground('#ffeeee');
    expect(standIn.calls.count('Range.setBackground')).toBe(100);
    standIn.calls.reset();
    sheet.getRange(2, 2, 100, 1).setBackgrounds(Array.from({ length: 100 }, () => ['#ffeeee']));
    expect(standIn.calls.total()).toBe(2);
  });

  test('builders, properties, locks and triggers count too; test hooks do not', () => {
    const standIn = createStandIn({ timeZone: 'UTC', locale: 'en_US' });
    const { PropertiesService, LockService } = standIn.services;
    PropertiesService.getDocumentProperties().setProperty('k', 'v');
    LockService.getDocumentLock().tryLock(1000);
    standIn.snapshot('Sheet1');
    standIn.edit('Sheet1', 'A1', [['typed']]);
    expect(standIn.calls.byMethod()).toEqual({
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'Properties.setProperty': 1,
      'PropertiesService.getDocumentProperties': 1,
    });
    standIn.calls.reset();
    expect(standIn.calls.total()).toBe(0);
  });

  test('a failed call still counts (it was a round trip)', () => {
    const standIn = createStandIn({ timeZone: 'UTC', locale: 'en_US' });
    const sheet = standIn.spreadsheet.getSheets()[0] as Sheet;
    standIn.calls.reset();
    expect(() => sheet.getRange(5000, 1)).toThrow();
    expect(standIn.calls.count('Sheet.getRange')).toBe(1);
  });
});
