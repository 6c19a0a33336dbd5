import { describe, expect, test } from 'vitest';
import { createStandIn } from '../support/standin';

const make = (extra: Partial<Parameters<typeof createStandIn>[0]> = {}) =>
  createStandIn({ timeZone: 'Asia/Seoul', locale: 'ko_KR', userEmail: 'rep@example.com', ...extra });

describe('PropertiesService', () => {
  test('stores strings per store; user stores are per user', () => {
    const standIn = make();
    const { PropertiesService } = standIn.services;
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty('threshold', 14);
    expect(doc.getProperty('threshold')).toBe('14');
    expect(doc.getProperty('missing')).toBeNull();
    doc.setProperties({ a: '1', b: true });
    expect(doc.getProperties()).toEqual({ threshold: '14', a: '1', b: 'true' });
    doc.setProperties({ only: 'x' }, true);
    expect(doc.getKeys()).toEqual(['only']);
    doc.deleteProperty('only');
    expect(standIn.properties.document()).toEqual({});

    PropertiesService.getUserProperties().setProperty('lang', 'ko');
    standIn.setUser('boss@example.com');
    expect(PropertiesService.getUserProperties().getProperty('lang')).toBeNull();
    expect(standIn.properties.user('rep@example.com')).toEqual({ lang: 'ko' });
  });

  test('a value over 9 KB is refused, and so is a store over 500 KB', () => {
    const props = make().services.PropertiesService.getScriptProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    // Korean text is 3 bytes a character in UTF-8.
    expect(() => props.setProperty('ko', '가'.repeat(3100))).toThrow('Argument too large: value');
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, 'x'.repeat(9000)); // 56 × ~9 KB fit in 500 KB
    expect(() => props.setProperty('k56', 'x'.repeat(9000))).toThrow('exceeded the property storage quota');
  });
});

describe('LockService', () => {
  test('tryLock/hasLock/releaseLock when no one else holds it', () => {
    const standIn = make();
    const lock = standIn.services.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(5000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(standIn.locks.heldByScript('document')).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('held elsewhere: tryLock is false, waitLock throws Apps Script’s message', () => {
    const standIn = make();
    standIn.locks.holdElsewhere('document');
    const lock = standIn.services.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(() => lock.waitLock(30000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(standIn.services.LockService.getScriptLock().tryLock(1)).toBe(true);
    standIn.locks.releaseElsewhere('document');
    expect(lock.tryLock(1000)).toBe(true);
  });

  test('a holder that lets go after some attempts; a new execution drops our locks', () => {
    const standIn = make();
    standIn.locks.holdElsewhere('script', 2);
    const lock = standIn.services.LockService.getScriptLock();
    expect([lock.tryLock(1), lock.tryLock(1), lock.tryLock(1)]).toEqual([false, false, true]);
    standIn.begin('sidebar');
    expect(lock.hasLock()).toBe(false);
  });
});

describe('ScriptApp triggers', () => {
  test('time-driven and edit triggers, readable through Trigger', () => {
    const standIn = make();
    const { ScriptApp } = standIn.services;
    const daily = ScriptApp.newTrigger('runDailyChecks')
      .timeBased()
      .everyDays(1)
      .atHour(7)
      .inTimezone('Asia/Seoul')
      .create();
    const edit = ScriptApp.newTrigger('onEditInstalled')
      .forSpreadsheet(standIn.spreadsheet)
      .onEdit()
      .create();
    expect(daily.getHandlerFunction()).toBe('runDailyChecks');
    expect(daily.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(edit.getEventType()).toBe(ScriptApp.EventType.ON_EDIT);
    expect(String(edit.getTriggerSource())).toBe('SPREADSHEETS');
    expect(edit.getTriggerSourceId()).toBe(standIn.spreadsheet.getId());
    expect(ScriptApp.getUserTriggers(standIn.spreadsheet).map((t) => t.getUniqueId())).toEqual([
      daily.getUniqueId(),
      edit.getUniqueId(),
    ]);
    expect(standIn.triggers()[0]).toMatchObject({
      handler: 'runDailyChecks',
      eventType: 'CLOCK',
      owner: 'rep@example.com',
      schedule: { everyDays: 1, atHour: 7, inTimezone: 'Asia/Seoul' },
    });
  });

  test('add-on limits: one trigger per type per user per document, at most hourly', () => {
    const standIn = make();
    const { ScriptApp } = standIn.services;
    ScriptApp.newTrigger('runDailyChecks').timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('other').timeBased().everyDays(1).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(() => ScriptApp.newTrigger('x').timeBased().everyMinutes(30)).toThrow('at most once per hour');
    expect(() => ScriptApp.newTrigger('x').timeBased().everyHours(3)).toThrow(
      'must be one of 1, 2, 4, 6, 8, 12',
    );
    // Another user of the same document has their own allowance.
    standIn.setUser('boss@example.com');
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
    ScriptApp.newTrigger('runDailyChecks').timeBased().everyDays(1).create();
    // Deleting makes room again.
    standIn.setUser('rep@example.com');
    for (const t of ScriptApp.getProjectTriggers()) ScriptApp.deleteTrigger(t);
    ScriptApp.newTrigger('runDailyChecks').timeBased().everyDays(1).atHour(6).create();
    expect(standIn.triggers().map((t) => t.owner)).toEqual(['boss@example.com', 'rep@example.com']);
  });

  test('outside an add-on, several triggers of a type are allowed up to 20 per user', () => {
    const { ScriptApp } = make({ addOn: false }).services;
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyMinutes(5).create();
    expect(() => ScriptApp.newTrigger('f20').timeBased().everyDays(1).create()).toThrow('too many triggers');
  });

  test('enums are objects that print as their names', () => {
    const { ScriptApp } = make().services;
    expect(String(ScriptApp.AuthMode.NONE)).toBe('NONE');
    expect(ScriptApp.AuthMode.NONE as unknown).not.toBe('NONE');
  });
});

describe('auth modes', () => {
  test('AuthMode.NONE (onOpen before authorization) allows building the menu only', () => {
    const standIn = make();
    const e = standIn.openEvent('NONE');
    expect(String(e.authMode)).toBe('NONE');
    expect(e.source).toBeUndefined();
    const { SpreadsheetApp, PropertiesService } = standIn.services;
    SpreadsheetApp.getUi().createAddonMenu().addItem('Set up pipeline sheets', 'setupPipeline').addToUi();
    expect(() => SpreadsheetApp.getActive()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActive',
    );
    expect(() => PropertiesService.getDocumentProperties()).toThrow('You do not have permission');
    expect(standIn.ui.menus).toEqual([
      {
        title: 'Sheets Pipeline',
        addOn: true,
        items: [{ caption: 'Set up pipeline sheets', functionName: 'setupPipeline' }],
      },
    ]);
  });

  test('a simple onEdit (LIMITED) cannot send mail or manage triggers', () => {
    const standIn = make();
    standIn.edit('Sheet1', 'A1', [['x']]);
    expect(() => standIn.services.MailApp.sendEmail('a@example.com', 's', 'b')).toThrow(
      'You do not have permission',
    );
    expect(() => standIn.services.ScriptApp.getProjectTriggers()).toThrow('You do not have permission');
    expect(standIn.services.SpreadsheetApp.getActive().getName()).toBe('Stand-in spreadsheet');
  });

  test('an installable edit trigger runs with FULL auth and carries its triggerUid', () => {
    const standIn = make();
    expect(() => standIn.edit('Sheet1', 'A1', [['x']], undefined, { installable: true })).toThrow(
      'nobody has an installable edit trigger here',
    );
    const trigger = standIn.services.ScriptApp.newTrigger('onEditInstalled')
      .forSpreadsheet(standIn.spreadsheet)
      .onEdit()
      .create();
    const e = standIn.edit('Sheet1', 'A1', [['x']], undefined, { installable: true });
    expect([String(e.authMode), e.triggerUid]).toEqual(['FULL', trigger.getUniqueId()]);
    standIn.services.MailApp.sendEmail('a@example.com', 's', 'b');
  });

  test('a time-driven run has no UI; a custom function cannot write', () => {
    const standIn = make();
    standIn.services.ScriptApp.newTrigger('runDailyChecks').timeBased().everyDays(1).create();
    const e = standIn.clockEvent('runDailyChecks');
    expect(e.triggerUid).toBe(standIn.triggers()[0]?.id);
    expect(() => standIn.services.SpreadsheetApp.getUi()).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    standIn.customFunction();
    const range = standIn.services.SpreadsheetApp.getActiveSheet().getRange('A1');
    expect(range.getValue()).toBe('');
    expect(() => range.setValue(1)).toThrow('You do not have permission to call setValue');
  });
});

describe('MailApp', () => {
  test('records messages in every form and spends quota per recipient', () => {
    const standIn = make({ mailQuota: 3 });
    const { MailApp } = standIn.services;
    MailApp.sendEmail('a@example.com', 'Digest', 'body');
    MailApp.sendEmail({
      to: 'b@example.com',
      subject: 'Digest',
      body: 'text',
      htmlBody: '<b>x</b>',
      name: 'Sheets Pipeline',
    });
    expect(standIn.sentMail).toEqual([
      { to: 'a@example.com', subject: 'Digest', body: 'body' },
      { to: 'b@example.com', subject: 'Digest', body: 'text', htmlBody: '<b>x</b>', name: 'Sheets Pipeline' },
    ]);
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => MailApp.sendEmail('c@example.com,d@example.com', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(() => MailApp.sendEmail('not-an-email', 's', 'b')).toThrow('Invalid email: not-an-email');
  });
});

describe('Ui and HtmlService', () => {
  test('menus, alerts with queued answers, prompts, sidebars and dialogs are recorded', () => {
    const standIn = make({ htmlFiles: { Sidebar: '<p>panel</p>' } });
    const { SpreadsheetApp, HtmlService } = standIn.services;
    const ui = SpreadsheetApp.getUi();
    ui.createMenu('Tools')
      .addItem('One', 'one')
      .addSeparator()
      .addSubMenu(ui.createMenu('More').addItem('Two', 'two'))
      .addToUi();
    expect(standIn.ui.menus[0]?.items).toEqual([
      { caption: 'One', functionName: 'one' },
      'separator',
      { caption: 'More', submenu: [{ caption: 'Two', functionName: 'two' }] },
    ]);
    expect(ui.alert('Hello')).toBe(ui.Button.OK);
    standIn.respond('NO');
    expect(ui.alert('Title', 'Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    standIn.respond('OK', 'a reason');
    const answer = ui.prompt('Why?', ui.ButtonSet.OK_CANCEL);
    expect([answer.getResponseText(), answer.getSelectedButton()]).toEqual(['a reason', ui.Button.OK]);
    expect(standIn.ui.alerts).toEqual(['Hello', 'Sure?']);

    ui.showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Deal').setWidth(300));
    expect(standIn.ui.sidebars).toEqual([{ title: 'Deal', html: '<p>panel</p>' }]);
    ui.showModalDialog(HtmlService.createHtmlOutput('<i>x</i>').append('!'), 'Settings');
    expect(standIn.ui.dialogs[0]).toMatchObject({ title: 'Settings', html: '<i>x</i>!', modal: true });
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  test('templates evaluate <?= ?> (escaped) and <?!= ?> (raw)', () => {
    const { HtmlService } = make({ htmlFiles: { Page: '<h1><?= title ?></h1><?!= raw ?>' } }).services;
    const template = HtmlService.createTemplateFromFile('Page') as unknown as Record<string, unknown> & {
      evaluate(): { getContent(): string };
    };
    template.title = '<Deals>';
    template.raw = '<hr>';
    expect(template.evaluate().getContent()).toBe('<h1>&lt;Deals&gt;</h1><hr>');
  });
});

describe('Session and Logger', () => {
  test('users, zones, locale', () => {
    const standIn = make({ scriptTimeZone: 'America/New_York' });
    const { Session } = standIn.services;
    expect(Session.getActiveUser().getEmail()).toBe('rep@example.com');
    expect(Session.getEffectiveUser().getEmail()).toBe('rep@example.com');
    expect(Session.getScriptTimeZone()).toBe('America/New_York');
    expect(Session.getActiveUserLocale()).toBe('ko');
  });

  test('Logger.log and console lines are kept', () => {
    const standIn = make();
    standIn.services.Logger.log('moved %s to %s', 'D-1', 'Won');
    standIn.services.console.warn('careful', { n: 1 });
    expect(standIn.logs).toEqual(['moved D-1 to Won', '[warn] careful {"n":1}']);
  });
});
