import { describe, expect, test } from 'vitest';
import { createStandIn, type Sheet } from '../support/standin';

function book() {
  const standIn = createStandIn({
    timeZone: 'Asia/Seoul',
    locale: 'en_US',
    userEmail: 'owner@example.com',
    sheets: {
      Log: [
        ['When', 'What'],
        ['day 1', 'opened'],
      ],
    },
  });
  const log = standIn.spreadsheet.getSheetByName('Log') as Sheet;
  return { standIn, log, services: standIn.services };
}

describe('a person acting during an execution (beforeCall)', () => {
  test('a row typed between the code’s getLastRow and setValues is overwritten by naive code', () => {
    const { standIn, log } = book();
    standIn.beforeCall('Range.setValues', () => {
      standIn.edit('Log', 'A3:B3', [['day 2', 'typed by a person']], 'colleague@example.com');
    });
    // The add-on's naive append: where to write is decided before the person types.
    const next = log.getLastRow() + 1;
    log.getRange(next, 1, 1, 2).setValues([['day 2', 'written by the add-on']]);
    expect(standIn.values('Log')).toEqual([
      ['When', 'What'],
      ['day 1', 'opened'],
      ['day 2', 'written by the add-on'],
    ]);
  });

  test('appendRow finds the last row when it runs, so the test sees both rows', () => {
    const { standIn, log } = book();
    const typing = standIn.beforeCall('Sheet.appendRow', () => {
      standIn.edit('Log', 'A3:B3', [['day 2', 'typed by a person']], 'colleague@example.com');
    });
    expect(log.getLastRow()).toBe(2);
    expect(typing.fired()).toBe(false);
    log.appendRow(['day 2', 'written by the add-on']);
    expect(typing.fired()).toBe(true);
    expect(standIn.values('Log')).toEqual([
      ['When', 'What'],
      ['day 1', 'opened'],
      ['day 2', 'typed by a person'],
      ['day 2', 'written by the add-on'],
    ]);
  });

  test('the action runs once, before the (skip+1)-th matching call; a RegExp matches Type.method', () => {
    const { standIn, log } = book();
    const seen: number[] = [];
    standIn.beforeCall(/^Range\.set(Value|Values)$/, () => seen.push(log.getLastRow()), { skip: 1 });
    log.getRange('A3').setValue('first');
    log.getRange('A4:A5').setValues([['second'], ['third']]);
    log.getRange('A6').setValue('fourth');
    // Before the second matching call, rows up to 3 were filled; it never runs again.
    expect(seen).toEqual([3]);
  });

  test('the action and the calls it makes are not counted, and pass no auth check', () => {
    const { standIn, log } = book();
    standIn.customFunction(); // a custom function may not write
    standIn.beforeCall('Range.getValues', () => {
      // A person could do anything; here through the service objects, which the code may not.
      log.getRange('C1').setValue('note by a person');
    });
    standIn.calls.reset();
    expect(log.getRange('A1:C1').getValues()).toEqual([['When', 'What', 'note by a person']]);
    expect(standIn.calls.byMethod()).toEqual({ 'Range.getValues': 1, 'Sheet.getRange': 1 });
    expect(() => log.getRange('C2').setValue('x')).toThrow('You do not have permission to call setValue');
  });

  test('an edit inside the action keeps the execution’s kind, auth mode, locks and user', () => {
    const { standIn, log, services } = book();
    standIn.begin('sidebar');
    const lock = services.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    let event: ReturnType<typeof standIn.edit> | null = null;
    standIn.beforeCall('Range.setValue', () => {
      event = standIn.edit('Log', 'B2', [['edited']], 'colleague@example.com');
    });
    log.getRange('C2').setValue('by the add-on');
    expect(event).not.toBeNull();
    expect(String((event as unknown as { authMode: unknown }).authMode)).toBe('LIMITED');
    // Still the sidebar's FULL execution, holding its lock, run by its user.
    expect(lock.hasLock()).toBe(true);
    expect(services.Session.getActiveUser().getEmail()).toBe('owner@example.com');
    expect(services.MailApp.getRemainingDailyQuota()).toBe(100); // refused in LIMITED
    expect(standIn.values('Log')[1]).toEqual(['day 1', 'edited', 'by the add-on']);
  });

  test('a seed in the action, several actions on one call, and cancel', () => {
    const { standIn, log } = book();
    const order: string[] = [];
    standIn.beforeCall('Sheet.getLastRow', () => {
      order.push('seed');
      standIn.seed('Log', 'A3', { values: [['seeded']] });
    });
    standIn.beforeCall('Sheet.getLastRow', () => order.push('second'));
    const dropped = standIn.beforeCall('Sheet.getLastRow', () => order.push('cancelled'));
    dropped.cancel();
    expect(log.getLastRow()).toBe(3);
    expect(order).toEqual(['seed', 'second']);
    expect(dropped.fired()).toBe(false);
  });

  test('an action set inside an action waits for a later call, not the one running', () => {
    const { standIn, log } = book();
    const order: string[] = [];
    standIn.beforeCall('Sheet.getLastRow', () => {
      order.push('outer');
      standIn.beforeCall('Sheet.getLastRow', () => order.push('inner'));
    });
    log.getLastRow();
    expect(order).toEqual(['outer']);
    log.getLastRow();
    expect(order).toEqual(['outer', 'inner']);
  });

  test('a failing action says so, instead of passing for the code’s exception', () => {
    const { standIn, log } = book();
    standIn.beforeCall('Range.setValue', () => {
      standIn.edit('Nope', 'A1', [['x']]);
    });
    expect(() => log.getRange('A3').setValue('x')).toThrow(
      'Sheets stand-in: the beforeCall action before Range.setValue threw: Sheets stand-in: no sheet named Nope',
    );
    // The code's call was not made (it would have been the next round trip).
    expect(log.getRange('A3').getValue()).toBe('');
  });

  test('bad arguments are refused up front', () => {
    const { standIn } = book();
    expect(() => standIn.beforeCall('setValues', () => {})).toThrow("beforeCall takes 'Type.method'");
    expect(() => standIn.beforeCall('Range.setValues', () => {}, { skip: -1 })).toThrow('whole number');
  });
});
