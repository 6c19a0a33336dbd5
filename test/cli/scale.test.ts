/**
 * A big export runs end to end: `report` over a Deals CSV of 150,000 overdue
 * open deals reads, computes and prints every one of them, in text, with
 * nothing on stderr and no stack trace (SPEC §6: nothing overflows the stack).
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Run, run } from './cli-run';

const ROWS = 150_000;

describe('report over 150,000 overdue open deals', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sheets-pipeline-scale-'));
  let r: Run;

  beforeAll(() => {
    copyFileSync('sample-data/en/Stages.csv', join(dir, 'Stages.csv'));
    // Entered Meeting booked on 10 Nov (5 days, limit 14: not stale); expected to close 1 Nov: 14 days overdue.
    const lines = ['Deal ID,Deal,Owner,Amount,Stage,Stage entered,Expected close'];
    for (let i = 1; i <= ROWS; i++)
      lines.push(
        `D-${i},Deal ${i},owner${i % 7}@example.com,${1000 + i},Meeting booked,2023-11-10,2023-11-01`,
      );
    writeFileSync(join(dir, 'Deals.csv'), `${lines.join('\n')}\n`);
    r = run(['report', dir, '--as-of', '2023-11-15', '--tz', 'Asia/Seoul']);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 with nothing on stderr and no stack trace', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Matched as booleans: a failing toMatch would print all 150,000 lines.
    const trace = /RangeError|Maximum call stack|\n\s+at \S+ \(/.exec(`${r.stdout}${r.stderr}`);
    expect(trace?.[0] ?? null, 'stack trace text').toBeNull();
  });

  it('prints every overdue deal under the section header with their count', () => {
    const lines = r.stdout.split('\n');
    const start = lines.indexOf(`Overdue deals (${ROWS})`);
    expect(start, 'the Overdue deals header').toBeGreaterThanOrEqual(0);
    expect(lines[start + 1]?.split(/ {2,}/)).toEqual([
      'Deal ID',
      'Deal',
      'Owner',
      'Expected close',
      'Days overdue',
    ]);
    const body = lines.slice(start + 3, start + 3 + ROWS);
    expect(body.filter((l) => /^D-\d+ +Deal \d+ +owner\d@example\.com +2023-11-01 +14$/.test(l)).length).toBe(
      ROWS,
    );
    expect(body[0]?.startsWith('D-1 ')).toBe(true);
    expect(body[ROWS - 1]?.startsWith(`D-${ROWS} `)).toBe(true);
    expect(lines[start + 3 + ROWS]).toBe('');
  });

  it('finds nothing else: none stale, no problems', () => {
    const lines = r.stdout.split('\n');
    expect(lines.includes('Stale deals (0)')).toBe(true);
    expect(lines.includes('Problems (0)')).toBe(true);
  });
});
