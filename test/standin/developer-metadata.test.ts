import { describe, expect, test } from 'vitest';
import { ARBITRARY_RANGE, createStandIn, type DeveloperMetadata, type Sheet } from '../support/standin';

const deals = [
  ['Deal ID', 'Deal', 'Stage', 'Amount', 'Health'],
  ['D-001', 'Fleet', 'Won', 48000, ''],
  ['D-002', 'Pilot', 'Lead', 12500, ''],
  ['D-003', 'Renewal', 'Proposal', 9000, ''],
];

function book() {
  const standIn = createStandIn({
    timeZone: 'Asia/Seoul',
    locale: 'en_US',
    sheets: { Deals: deals, Tasks: [['Task']] },
  });
  const ss = standIn.spreadsheet;
  const sheet = (name: string): Sheet => {
    const found = ss.getSheetByName(name);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  const { DeveloperMetadataVisibility: Visibility, DeveloperMetadataLocationType: LocationType } =
    standIn.services.SpreadsheetApp;
  return { standIn, ss, deals: sheet('Deals'), tasks: sheet('Tasks'), Visibility, LocationType };
}

const keys = (found: DeveloperMetadata[]) => found.map((m) => m.getKey());
/** Where each metadata of a key is, as `Deals!E:E` text (uncounted). */
const where = (standIn: ReturnType<typeof book>['standIn'], key: string) =>
  standIn
    .developerMetadata()
    .filter((m) => m.key === key)
    .map((m) => m.location);

describe('adding developer metadata', () => {
  test('spreadsheet, sheet, entire column and entire row; each add returns its object', () => {
    const { standIn, ss, deals, Visibility } = book();
    expect(ss.addDeveloperMetadata('schema', '3')).toBe(ss);
    expect(deals.addDeveloperMetadata('table', 'deals', Visibility.PROJECT)).toBe(deals);
    const column = deals.getRange('E:E');
    expect(column.addDeveloperMetadata('column', 'health')).toBe(column);
    const row = deals.getRange('3:3');
    expect(row.addDeveloperMetadata('row', Visibility.PROJECT)).toBe(row);
    deals.getRange(1, 4, deals.getMaxRows(), 1).addDeveloperMetadata('amount');
    expect(
      standIn.developerMetadata().map(({ key, value, visibility, locationType, location }) => ({
        key,
        value,
        visibility,
        locationType,
        location,
      })),
    ).toEqual([
      { key: 'schema', value: '3', visibility: 'DOCUMENT', locationType: 'SPREADSHEET', location: '' },
      { key: 'table', value: 'deals', visibility: 'PROJECT', locationType: 'SHEET', location: 'Deals' },
      {
        key: 'column',
        value: 'health',
        visibility: 'DOCUMENT',
        locationType: 'COLUMN',
        location: 'Deals!E:E',
      },
      { key: 'row', value: null, visibility: 'PROJECT', locationType: 'ROW', location: 'Deals!3:3' },
      { key: 'amount', value: null, visibility: 'DOCUMENT', locationType: 'COLUMN', location: 'Deals!D:D' },
    ]);
  });

  test('any range but one entire row or column is refused with Sheets’ message', () => {
    const { deals } = book();
    for (const a1 of ['A1', 'B2:D4', 'B6:D6', 'E2:E', 'E1:E999', 'A:B', '3:5']) {
      expect(() => deals.getRange(a1).addDeveloperMetadata('k'), a1).toThrow(ARBITRARY_RANGE);
    }
    expect(ARBITRARY_RANGE).toBe(
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    );
    expect(() => deals.getRange(1, 1, 1, deals.getMaxColumns()).addDeveloperMetadata('k')).not.toThrow();
  });

  test('arguments are checked like Apps Script’s: a string is a value, only the enum is a visibility', () => {
    const { ss, deals, Visibility } = book();
    const add = ss.addDeveloperMetadata as (...args: unknown[]) => unknown;
    expect(() => add.call(ss)).toThrow(
      "The parameters () don't match the method signature for SpreadsheetApp.Spreadsheet.addDeveloperMetadata.",
    );
    expect(() => add.call(ss, 'k', 'v', 'PROJECT')).toThrow(
      "The parameters (String,String,String) don't match the method signature",
    );
    expect(() => add.call(ss, 'k', { v: 1 })).toThrow("The parameters (String,Object) don't match");
    expect(() => ss.addDeveloperMetadata('')).toThrow('non-empty key');
    ss.addDeveloperMetadata('k', 'PROJECT');
    ss.addDeveloperMetadata('n', 7 as unknown as string);
    const [k, n] = ss.getDeveloperMetadata();
    expect([k?.getValue(), String(k?.getVisibility())]).toEqual(['PROJECT', 'DOCUMENT']);
    expect(n?.getValue()).toBe('7');
    deals.addDeveloperMetadata('empty', '', Visibility.DOCUMENT);
    expect(deals.getDeveloperMetadata()[0]?.getValue()).toBeNull();
  });

  test('ids are unique positive integers; the same key may be added twice', () => {
    const { ss } = book();
    for (let i = 0; i < 20; i++) ss.addDeveloperMetadata('dup', String(i));
    const ids = ss.getDeveloperMetadata().map((m) => m.getId());
    expect(new Set(ids).size).toBe(20);
    for (const id of ids) expect(Number.isInteger(id) && id > 0 && id < 2 ** 31).toBe(true);
  });
});

describe('reading it back', () => {
  function tagged() {
    const b = book();
    b.ss.addDeveloperMetadata('top');
    b.deals.addDeveloperMetadata('dealsSheet');
    b.tasks.addDeveloperMetadata('tasksSheet');
    b.deals.getRange('E:E').addDeveloperMetadata('healthColumn', 'v1');
    b.deals.getRange('B:B').addDeveloperMetadata('dealColumn');
    b.deals.getRange('3:3').addDeveloperMetadata('row3', b.Visibility.PROJECT);
    b.tasks.getRange('A:A').addDeveloperMetadata('taskColumn');
    return b;
  }

  test('getDeveloperMetadata: the spreadsheet’s own, the sheet’s own, exactly this row or column', () => {
    const { ss, deals } = tagged();
    expect(keys(ss.getDeveloperMetadata())).toEqual(['top']);
    expect(keys(deals.getDeveloperMetadata())).toEqual(['dealsSheet']);
    expect(keys(deals.getRange('E:E').getDeveloperMetadata())).toEqual(['healthColumn']);
    expect(keys(deals.getRange('3:3').getDeveloperMetadata())).toEqual(['row3']);
    // A cell or block inside the column does not carry the column's metadata.
    expect(deals.getRange('E3').getDeveloperMetadata()).toEqual([]);
    expect(deals.getRange('A:E').getDeveloperMetadata()).toEqual([]);
  });

  test('finder scopes: spreadsheet finds all, sheet finds its own and its rows and columns', () => {
    const { ss, deals } = tagged();
    expect(keys(ss.createDeveloperMetadataFinder().find())).toEqual([
      'top',
      'dealsSheet',
      'tasksSheet',
      'healthColumn',
      'dealColumn',
      'row3',
      'taskColumn',
    ]);
    expect(keys(deals.createDeveloperMetadataFinder().find())).toEqual([
      'dealsSheet',
      'healthColumn',
      'dealColumn',
      'row3',
    ]);
  });

  test('a range finder finds what lies wholly inside; onIntersectingLocations what crosses it', () => {
    const { deals } = tagged();
    expect(keys(deals.getRange('A:E').createDeveloperMetadataFinder().find())).toEqual([
      'healthColumn',
      'dealColumn',
    ]);
    expect(keys(deals.getRange('1:5').createDeveloperMetadataFinder().find())).toEqual(['row3']);
    expect(deals.getRange('A1:D5').createDeveloperMetadataFinder().find()).toEqual([]);
    expect(
      keys(deals.getRange('A1:D5').createDeveloperMetadataFinder().onIntersectingLocations().find()),
    ).toEqual(['dealColumn', 'row3']);
    expect(
      keys(deals.getRange('E3').createDeveloperMetadataFinder().onIntersectingLocations().find()),
    ).toEqual(['healthColumn', 'row3']);
  });

  test('onIntersectingLocations is for range-scoped searches only (stricter: refused elsewhere)', () => {
    const { ss, deals } = tagged();
    expect(() => ss.createDeveloperMetadataFinder().onIntersectingLocations()).toThrow(
      'only valid for range-scoped searches',
    );
    expect(() => deals.createDeveloperMetadataFinder().onIntersectingLocations()).toThrow(
      'only valid for range-scoped searches',
    );
  });

  test('withKey, withValue, withId, withLocationType, withVisibility narrow the search', () => {
    const { ss, Visibility, LocationType } = tagged();
    const finder = () => ss.createDeveloperMetadataFinder();
    expect(keys(finder().withKey('healthColumn').find())).toEqual(['healthColumn']);
    expect(keys(finder().withValue('v1').find())).toEqual(['healthColumn']);
    expect(finder().withValue('').find()).toEqual([]);
    expect(keys(finder().withLocationType(LocationType.COLUMN).find())).toEqual([
      'healthColumn',
      'dealColumn',
      'taskColumn',
    ]);
    expect(keys(finder().withLocationType(LocationType.SHEET).withKey('tasksSheet').find())).toEqual([
      'tasksSheet',
    ]);
    expect(keys(finder().withVisibility(Visibility.PROJECT).find())).toEqual(['row3']);
    const id = finder().withKey('dealColumn').find()[0]?.getId() ?? 0;
    expect(keys(finder().withId(id).find())).toEqual(['dealColumn']);
    expect(finder().withId(id).withKey('top').find()).toEqual([]);
    expect(() => finder().withLocationType('COLUMN' as never)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.DeveloperMetadataFinder.withLocationType.",
    );
    expect(() => finder().withId(1.5)).toThrow('Cannot convert 1.5 to int.');
  });

  test('DeveloperMetadataLocation answers for its own type only; rows and columns come back whole', () => {
    const { ss, deals, LocationType } = tagged();
    const one = (key: string) => {
      const found = ss.createDeveloperMetadataFinder().withKey(key).find()[0];
      if (!found) throw new Error(`no ${key}`);
      return found.getLocation();
    };
    const column = one('healthColumn');
    expect(column.getLocationType()).toBe(LocationType.COLUMN);
    expect(column.getColumn()?.getA1Notation()).toBe('E:E');
    expect(column.getColumn()?.getNumRows()).toBe(deals.getMaxRows());
    expect([column.getRow(), column.getSheet(), column.getSpreadsheet()]).toEqual([null, null, null]);
    const row = one('row3');
    expect(String(row.getLocationType())).toBe('ROW');
    expect(row.getRow()?.getA1Notation()).toBe('3:3');
    expect(row.getRow()?.getSheet().getName()).toBe('Deals');
    expect(row.getSheet()).toBeNull();
    expect(one('dealsSheet').getSheet()?.getName()).toBe('Deals');
    expect(one('dealsSheet').getSpreadsheet()).toBeNull();
    expect(one('top').getSpreadsheet()?.getId()).toBe(ss.getId());
    expect(one('top').getSheet()).toBeNull();
  });
});

describe('changing it', () => {
  test('setKey, setValue, setVisibility; every handle sees the change', () => {
    const { deals, Visibility } = book();
    deals.addDeveloperMetadata('k', 'v');
    const [a] = deals.getDeveloperMetadata();
    const [b] = deals.getDeveloperMetadata();
    a?.setKey('key2').setValue('value2').setVisibility(Visibility.PROJECT);
    expect([b?.getKey(), b?.getValue(), String(b?.getVisibility())]).toEqual(['key2', 'value2', 'PROJECT']);
    expect(() => a?.setKey('')).toThrow('non-empty key');
  });

  test('remove: gone from every search; a handle to it throws from then on', () => {
    const { ss, deals } = book();
    deals.getRange('E:E').addDeveloperMetadata('k');
    const [handle] = deals.getRange('E:E').getDeveloperMetadata();
    handle?.remove();
    expect(ss.createDeveloperMetadataFinder().find()).toEqual([]);
    expect(() => handle?.getKey()).toThrow('no longer exists');
    expect(() => handle?.remove()).toThrow('no longer exists');
  });

  test('moveToColumn, moveToRow, moveToSheet, moveToSpreadsheet', () => {
    const { standIn, ss, deals, tasks } = book();
    ss.addDeveloperMetadata('k');
    const [m] = ss.getDeveloperMetadata();
    if (!m) throw new Error('no metadata');
    expect(m.moveToColumn(deals.getRange('C:C'))).toBe(m);
    expect(where(standIn, 'k')).toEqual(['Deals!C:C']);
    m.moveToRow(tasks.getRange('2:2'));
    expect(where(standIn, 'k')).toEqual(['Tasks!2:2']);
    m.moveToSheet(deals);
    expect(where(standIn, 'k')).toEqual(['Deals']);
    m.moveToSpreadsheet();
    expect(where(standIn, 'k')).toEqual(['']);
    expect(() => m.moveToColumn(deals.getRange('3:3'))).toThrow(ARBITRARY_RANGE);
    expect(() => m.moveToRow(deals.getRange('A3:C3'))).toThrow(ARBITRARY_RANGE);
  });
});

describe('rows and columns move, and metadata with them', () => {
  function columns() {
    const b = book();
    b.deals.getRange('C:C').addDeveloperMetadata('stage');
    b.deals.getRange('E:E').addDeveloperMetadata('health');
    b.deals.getRange('3:3').addDeveloperMetadata('row3');
    return b;
  }

  test('inserting columns before a column moves its metadata; after it, not', () => {
    const { standIn, deals } = columns();
    deals.insertColumnsBefore(2, 2);
    expect([where(standIn, 'stage'), where(standIn, 'health')]).toEqual([['Deals!E:E'], ['Deals!G:G']]);
    deals.insertColumnAfter(7);
    deals.insertColumnBefore(8);
    expect(where(standIn, 'health')).toEqual(['Deals!G:G']);
    deals.insertColumnAfter(6);
    expect(where(standIn, 'health')).toEqual(['Deals!H:H']);
    // The column's values moved with it, so the metadata still labels the same data.
    const [health] = standIn.spreadsheet.createDeveloperMetadataFinder().withKey('health').find();
    expect(health?.getLocation().getColumn()?.getValues()[0]).toEqual(['Health']);
  });

  test('deleting columns before it moves it back; deleting its column removes it', () => {
    const { standIn, deals } = columns();
    deals.deleteColumns(1, 2);
    expect([where(standIn, 'stage'), where(standIn, 'health')]).toEqual([['Deals!A:A'], ['Deals!C:C']]);
    deals.deleteColumn(3);
    expect(where(standIn, 'health')).toEqual([]);
    expect(where(standIn, 'stage')).toEqual(['Deals!A:A']);
    expect(where(standIn, 'row3')).toEqual(['Deals!3:3']);
  });

  test('rows likewise: inserted before moves it, deleted before moves it back, deleting the row removes it', () => {
    const { standIn, deals } = columns();
    deals.insertRowsBefore(2, 3);
    expect(where(standIn, 'row3')).toEqual(['Deals!6:6']);
    deals.insertRowAfter(6);
    expect(where(standIn, 'row3')).toEqual(['Deals!6:6']);
    deals.deleteRows(1, 2);
    expect(where(standIn, 'row3')).toEqual(['Deals!4:4']);
    expect(deals.getRange('4:4').getValues()[0]?.slice(0, 2)).toEqual(['D-002', 'Pilot']);
    deals.deleteRow(4);
    expect(where(standIn, 'row3')).toEqual([]);
    expect(where(standIn, 'stage')).toEqual(['Deals!C:C']);
  });

  test('a deleted sheet takes its metadata along; the others stay', () => {
    const { standIn, ss, deals, tasks } = columns();
    ss.addDeveloperMetadata('top');
    tasks.addDeveloperMetadata('tasks');
    deals.addDeveloperMetadata('dealsSheet');
    const [handle] = deals.getDeveloperMetadata();
    ss.deleteSheet(deals);
    expect(standIn.developerMetadata().map((m) => m.key)).toEqual(['top', 'tasks']);
    expect(() => handle?.getKey()).toThrow('no longer exists');
  });

  test('values written, cleared or sorted leave row and column metadata where it was', () => {
    const { standIn, deals } = columns();
    deals.getRange('A2:E4').setValues([
      ['X-1', 'a', 'b', 1, 'ok'],
      ['X-2', 'c', 'd', 2, 'ok'],
      ['X-3', 'e', 'f', 3, 'ok'],
    ]);
    deals.getRange('E:E').clear();
    deals.getRange('C2:C4').clearContent();
    deals.getRange('A2:E4').sort({ column: 4, ascending: false });
    deals.clear();
    expect(standIn.developerMetadata().map((m) => m.location)).toEqual([
      'Deals!C:C',
      'Deals!E:E',
      'Deals!3:3',
    ]);
  });

  test('a sort moves the cells under the metadata, not the metadata', () => {
    const { standIn, deals } = columns();
    deals.getRange('A2:E4').sort(3); // by Stage: Lead, Proposal, Won
    expect(deals.getRange('A2:A4').getValues()).toEqual([['D-002'], ['D-003'], ['D-001']]);
    // Row 3 held D-002 and now holds D-003: the metadata stays on row 3, and column C's on C.
    expect(where(standIn, 'row3')).toEqual(['Deals!3:3']);
    expect(where(standIn, 'stage')).toEqual(['Deals!C:C']);
  });
});

describe('executions and counting', () => {
  test('a custom function may read metadata but not add, change or search it', () => {
    const { standIn, ss, deals } = book();
    deals.getRange('E:E').addDeveloperMetadata('health', 'v1');
    standIn.customFunction();
    const [m] = deals.getRange('E:E').getDeveloperMetadata();
    expect([m?.getKey(), m?.getValue(), m?.getLocation().getColumn()?.getA1Notation()]).toEqual([
      'health',
      'v1',
      'E:E',
    ]);
    expect(keys(ss.getDeveloperMetadata())).toEqual([]);
    expect(() => deals.addDeveloperMetadata('k')).toThrow(
      'You do not have permission to call addDeveloperMetadata',
    );
    expect(() => m?.setValue('v2')).toThrow('You do not have permission to call setValue');
    expect(() => m?.remove()).toThrow('You do not have permission to call remove');
    expect(() => deals.createDeveloperMetadataFinder()).toThrow(
      'You do not have permission to call createDeveloperMetadataFinder',
    );
  });

  test('a simple trigger (LIMITED) may add it; AuthMode.NONE may not', () => {
    const { standIn, ss } = book();
    standIn.begin('edit');
    ss.addDeveloperMetadata('k');
    standIn.begin('open', 'NONE');
    expect(() => ss.getDeveloperMetadata()).toThrow(
      'You do not have permission to call Spreadsheet.getDeveloperMetadata',
    );
  });

  test('every call counts, on the finder, the metadata and its location too', () => {
    const { standIn, deals, LocationType } = book();
    standIn.calls.reset();
    deals.getRange('E:E').addDeveloperMetadata('health');
    const found = deals
      .createDeveloperMetadataFinder()
      .withKey('health')
      .withLocationType(LocationType.COLUMN)
      .find();
    found[0]?.getLocation().getColumn();
    expect(standIn.calls.byMethod()).toEqual({
      'DeveloperMetadata.getLocation': 1,
      'DeveloperMetadataFinder.find': 1,
      'DeveloperMetadataFinder.withKey': 1,
      'DeveloperMetadataFinder.withLocationType': 1,
      'DeveloperMetadataLocation.getColumn': 1,
      'Range.addDeveloperMetadata': 1,
      'Sheet.createDeveloperMetadataFinder': 1,
      'Sheet.getRange': 1,
    });
    standIn.developerMetadata();
    expect(standIn.calls.total()).toBe(8);
  });

  test('the enums are on the SpreadsheetApp global, print as their names, and are not strings', () => {
    const { standIn } = book();
    const app = standIn.globals.SpreadsheetApp as typeof standIn.services.SpreadsheetApp;
    expect(Object.keys(app.DeveloperMetadataVisibility)).toEqual(['DOCUMENT', 'PROJECT']);
    expect(Object.keys(app.DeveloperMetadataLocationType)).toEqual(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);
    expect(String(app.DeveloperMetadataVisibility.PROJECT)).toBe('PROJECT');
    expect(app.DeveloperMetadataVisibility.PROJECT as unknown).not.toBe('PROJECT');
  });
});
