import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { callGlobal, loadBundle } from '../support/load-bundle';
import { createStandIn, GLOBAL_NAMES } from '../support/standin';

/** A tiny classic script shaped like the esbuild bundle: an IIFE namespace and top-level entry points. */
const SCRIPT = `
var App = (function () {
  function table() {
    return SpreadsheetApp.getActive().getSheetByName('Deals').getRange('A1:B3').getValues();
  }
  return { table: table };
})();

function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Run checks now', 'runDailyChecks').addToUi();
}

function runDailyChecks() {
  SpreadsheetApp.getActive().getSheetByName('Deals').getRange('C2').setValue('checked ' + new Date().toISOString());
  return 'ok';
}

function inspect() {
  var values = App.table();
  var when = values[1][1];
  return {
    isArray: Array.isArray(values),
    instanceofArray: values instanceof Array,
    dateTag: Object.prototype.toString.call(when),
    instanceofDate: when instanceof Date,
    now: new Date().toISOString(),
  };
}

function environment() {
  return [typeof require, typeof process, typeof module, typeof setTimeout, typeof globalThis.Buffer, typeof fetch];
}

function badRange() {
  try {
    SpreadsheetApp.getActive().getSheetByName('Deals').getRange(5000, 1);
    return 'no error';
  } catch (err) {
    return [err instanceof Error, err.name, err.message];
  }
}

function ownKeys() {
  var range = SpreadsheetApp.getActive().getSheetByName('Deals').getRange('A1');
  return Object.keys(range).concat(Object.keys(SpreadsheetApp));
}

function installBroken() {
  ScriptApp.newTrigger('noSuchFunction').timeBased().everyDays(1).create();
}
`;

const dir = mkdtempSync(join(tmpdir(), 'standin-bundle-'));
const bundlePath = join(dir, 'Code.js');
writeFileSync(bundlePath, SCRIPT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load() {
  const standIn = createStandIn({
    timeZone: 'Asia/Seoul',
    locale: 'ko_KR',
    now: () => new Date('2023-11-15T00:00:00Z'),
    sheets: {
      Deals: [
        ['Deal ID', 'Stage entered'],
        ['D-1', new Date('2023-11-01T00:00:00+09:00')],
      ],
    },
  });
  return { standIn, context: loadBundle(standIn, bundlePath) };
}

describe('loadBundle', () => {
  test('the script sees exactly the Apps Script globals, and no Node globals', () => {
    const { standIn, context } = load();
    expect(Object.keys(standIn.globals).sort()).toEqual([...GLOBAL_NAMES].sort());
    for (const name of GLOBAL_NAMES) expect(context[name]).toBe(standIn.globals[name]);
    expect(callGlobal(context, 'environment')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
    ]);
  });

  test('entry points are callable: onOpen builds the add-on menu', () => {
    const { standIn, context } = load();
    context.onOpen(standIn.openEvent('NONE'));
    expect(standIn.ui.menus).toEqual([
      {
        title: 'Sheets Pipeline',
        addOn: true,
        items: [{ caption: 'Run checks now', functionName: 'runDailyChecks' }],
      },
    ]);
  });

  test('values cross realms: Array.isArray holds, instanceof does not; Dates carry the Date tag', () => {
    const { context } = load();
    expect(callGlobal(context, 'inspect')).toEqual({
      isArray: true,
      instanceofArray: false,
      dateTag: '[object Date]',
      instanceofDate: false,
      now: '2023-11-15T00:00:00.000Z',
    });
  });

  test('Sheets errors are Errors in the bundle’s realm, named Exception', () => {
    const { context } = load();
    expect(callGlobal(context, 'badRange')).toEqual([
      true,
      'Exception',
      'The coordinates of the range are outside the dimensions of the sheet.',
    ]);
  });

  test('a menu click runs the bundle’s function with the stand-in clock', () => {
    const { standIn, context } = load();
    context.onOpen(standIn.openEvent('NONE'));
    expect(standIn.runMenuItem('Run checks now')).toBe('ok');
    expect(standIn.values('Deals')[1]?.[2]).toBe('checked 2023-11-15T00:00:00.000Z');
  });

  test('service objects expose no data properties the real ones lack (only enums)', () => {
    const { context } = load();
    expect(callGlobal(context, 'ownKeys')).toEqual([
      'DataValidationCriteria',
      'BooleanCriteria',
      'Dimension',
      'WrapStrategy',
      'ChartHiddenDimensionStrategy',
      'DeveloperMetadataLocationType',
      'DeveloperMetadataVisibility',
    ]);
  });

  test('a trigger for a function the bundle lacks is refused', () => {
    const { context } = load();
    expect(() => callGlobal(context, 'installBroken')).toThrow('no global function noSuchFunction');
    expect(() => callGlobal(context, 'missing')).toThrow('The bundle defines no global function missing');
  });
});
