import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { createStandIn } from '../support/standin';
import { instantAt, serialNumber } from '../support/standin/time-zone';

// 2023-11-01 00:30 in Seoul is still 31 October in UTC and in Los Angeles.
const SEOUL_NOV_1 = new Date('2023-10-31T15:30:00Z');

describe('Utilities.formatDate', () => {
  const { Utilities } = createStandIn({ timeZone: 'Asia/Seoul', locale: 'ko_KR' }).services;

  test('formats in the zone it is given, whatever the machine’s zone', () => {
    expect(Utilities.formatDate(SEOUL_NOV_1, 'Asia/Seoul', 'yyyy-MM-dd HH:mm:ss')).toBe(
      '2023-11-01 00:30:00',
    );
    expect(Utilities.formatDate(SEOUL_NOV_1, 'America/Los_Angeles', 'yyyy-MM-dd HH:mm')).toBe(
      '2023-10-31 08:30',
    );
    expect(Utilities.formatDate(SEOUL_NOV_1, 'Pacific/Kiritimati', 'M/d H:mm')).toBe('11/1 5:30');
    expect(Utilities.formatDate(SEOUL_NOV_1, 'Asia/Seoul', 'yyyy-MM')).toBe('2023-11');
  });

  test('Java letters: names, 12-hour clock, offsets, quoted text', () => {
    expect(Utilities.formatDate(SEOUL_NOV_1, 'Asia/Seoul', "EEE, d MMM yyyy h:mm a 'KST' Z XXX")).toBe(
      'Wed, 1 Nov 2023 12:30 AM KST +0900 +09:00',
    );
    expect(Utilities.formatDate(SEOUL_NOV_1, 'UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe(
      '2023-10-31T15:30:00.000Z',
    );
  });

  test('DST: the same wall-clock hour differs in UTC across the change', () => {
    const before = new Date(instantAt('America/New_York', 2023, 11, 4, 12));
    const after = new Date(instantAt('America/New_York', 2023, 11, 6, 12));
    expect(before.toISOString()).toBe('2023-11-04T16:00:00.000Z');
    expect(after.toISOString()).toBe('2023-11-06T17:00:00.000Z');
    expect(Utilities.formatDate(after, 'America/New_York', 'HH:mm')).toBe('12:00');
  });

  test('an unknown zone id means GMT, as in Java', () => {
    expect(Utilities.formatDate(SEOUL_NOV_1, 'ko_KR', 'HH:mm')).toBe('15:30');
  });

  test('Dates from another realm are accepted (tag, not instanceof)', () => {
    const foreign = vm.runInNewContext(`new Date(${SEOUL_NOV_1.getTime()})`) as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(Utilities.formatDate(foreign, 'Asia/Seoul', 'd')).toBe('1');
  });
});

describe('dates typed into cells', () => {
  test('typed text becomes the instant of that wall clock in the spreadsheet zone', () => {
    const standIn = createStandIn({ timeZone: 'Asia/Seoul', locale: 'ko_KR' });
    standIn.edit('Sheet1', 'A1:C1', [['2023. 11. 1', '2023. 11. 1 오후 2:30:00', '2023-11-01 09:05']]);
    const [date, afternoon, morning] = standIn.values('Sheet1')[0] ?? [];
    expect((date as Date).toISOString()).toBe('2023-10-31T15:00:00.000Z');
    expect((afternoon as Date).toISOString()).toBe('2023-11-01T05:30:00.000Z');
    expect((morning as Date).toISOString()).toBe('2023-11-01T00:05:00.000Z');
  });

  test('US locale reads month first; day-first locales read day first', () => {
    const us = createStandIn({ timeZone: 'UTC', locale: 'en_US' });
    us.edit('Sheet1', 'A1', [['11/5/2023']]);
    expect(us.values('Sheet1')).toEqual([[new Date('2023-11-05T00:00:00Z')]]);
    const uk = createStandIn({ timeZone: 'UTC', locale: 'en_GB' });
    uk.edit('Sheet1', 'A1', [['11/5/2023']]);
    expect(uk.values('Sheet1')).toEqual([[new Date('2023-05-11T00:00:00Z')]]);
  });

  test('a date edit reports its serial number in e.value, as text', () => {
    const standIn = createStandIn({ timeZone: 'Asia/Seoul', locale: 'ko_KR' });
    const e = standIn.edit('Sheet1', 'A1', [['2023-11-05']]);
    expect(e.value).toBe('45235');
    expect(serialNumber(instantAt('Asia/Seoul', 2023, 11, 5), 'Asia/Seoul')).toBe(45235);
  });
});

describe('the stand-in clock', () => {
  test('now(), setNow() and advanceTime()', () => {
    const standIn = createStandIn({
      timeZone: 'UTC',
      locale: 'en_US',
      now: () => new Date('2023-11-15T00:00:00Z'),
    });
    expect(standIn.now().toISOString()).toBe('2023-11-15T00:00:00.000Z');
    standIn.advanceTime(86_400_000);
    expect(standIn.now().toISOString()).toBe('2023-11-16T00:00:00.000Z');
    standIn.setNow(new Date('2024-01-01T00:00:00Z'));
    expect(standIn.now().toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});
