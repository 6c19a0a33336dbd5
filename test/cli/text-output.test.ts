/**
 * The text report in a terminal: no control character of the data reaches the
 * terminal (SPEC §6), columns stay aligned by display width, and a section of
 * 150,000 rows prints instead of overflowing the stack.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { renderReport } from '../../src/cli/render';
import type { ReportJson } from '../../src/cli/report-json';
import { displayWidth, terminalText, textTable } from '../../src/cli/text-table';

/** What a terminal would act on: C0 (newline aside, it is the report's own), DEL, C1, bidi controls. */
function rawControls(text: string): string[] {
  const found: string[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    const control =
      (c <= 0x1f && c !== 0x0a) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069);
    if (control) found.push(`U+${c.toString(16).padStart(4, '0')}`);
  }
  return found;
}
const NASTY = 'Evil\u001b[2J\rdeal\nsecond line\u202eexe.txt';
const NASTY_SHOWN = 'Evil\\x1b[2J\\rdeal\\nsecond line\\u202eexe.txt';

function emptyReport(overrides: Partial<ReportJson>): ReportJson {
  return {
    asOf: '2023-11-15',
    timeZone: 'Asia/Seoul',
    language: 'en',
    currency: null,
    forecast: [],
    conversion: [],
    calibration: [],
    stale: [],
    overdue: [],
    tasks: [],
    problems: [],
    ...overrides,
  };
}

/** The display column at which `needle` starts in `line`. */
function columnOf(line: string, needle: string): number {
  const at = line.indexOf(needle);
  expect(at, `${needle} in ${line}`).toBeGreaterThanOrEqual(0);
  return displayWidth(line.slice(0, at));
}

describe('terminalText', () => {
  it('shows every control character of the data as a visible escape', () => {
    expect(terminalText(NASTY)).toBe(NASTY_SHOWN);
    expect(terminalText('a\u0000b\tc\u007fd\u009be\u2066f\u2069g\u202ah')).toBe(
      'a\\x00b\\tc\\x7fd\\x9be\\u2066f\\u2069g\\u202ah',
    );
    // Ordinary text, Korean included, is left as it is.
    expect(terminalText('온보딩 교육 중 — ₩10,000,000')).toBe('온보딩 교육 중 — ₩10,000,000');
  });
});

describe('the text report never passes control characters of the data to the terminal', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sheets-pipeline-text-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const csv = (rows: string[][]) =>
    `${rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;
  writeFileSync(
    join(folder, 'Stages.csv'),
    csv([
      ['Stage', 'Probability', 'Stale after (days)', 'Outcome'],
      ['Meeting\u001b[31m', '20%', '14', ''],
      ['Won', '100%', '', 'won'],
    ]),
  );
  writeFileSync(
    join(folder, 'Deals.csv'),
    csv([
      ['Deal ID', 'Deal', 'Owner', 'Amount', 'Stage', 'Stage entered', 'Expected close'],
      ['D-1', NASTY, 'kim\u202e@example.com', '1000', 'Meeting\u001b[31m', '2023-10-01', '2023-11-01'],
      ['D-2', 'Plain deal', 'lee@example.com', '2000', 'Meeting\u001b[31m', '2023-10-02', '2023-11-02'],
      ['D-3', 'Bad amount', 'park@example.com', 'TBD\u001b]0;pwned\u0007', 'Meeting\u001b[31m', '', ''],
    ]),
  );
  writeFileSync(
    join(folder, 'Stage history.csv'),
    csv([
      ['When', 'Deal ID', 'From stage', 'To stage'],
      ['2023-10-01', 'D-1', '', 'Meeting\u001b[31m'],
    ]),
  );

  let stdout = '';
  const code = runCli(['report', folder, '--as-of', '2023-11-15', '--tz', 'Asia/Seoul'], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => {},
    systemZone: () => 'Asia/Seoul',
    now: () => new Date('2023-11-15T03:00:00Z'),
  });

  it('escapes names, owners, stages and problem values visibly', () => {
    expect(code).toBe(0);
    expect(rawControls(stdout)).toEqual([]);
    expect(stdout).toContain(NASTY_SHOWN);
    expect(stdout).toContain('kim\\u202e@example.com');
    expect(stdout).toContain('Meeting\\x1b[31m');
    expect(stdout).toContain("'TBD\\x1b]0;pwned\\x07'");
  });

  it('keeps the stale and overdue tables aligned, escaped names counted as shown', () => {
    const lines = stdout.split('\n');
    for (const title of ['Stale deals (2)', 'Overdue deals (2)']) {
      const start = lines.indexOf(title);
      expect(start, title).toBeGreaterThanOrEqual(0);
      const [header, rule, first, second] = lines.slice(start + 1, start + 5) as string[];
      expect(rule).toMatch(/^-+( {2}-+)+$/);
      // Deal names differ in length; the Owner column starts at the same place on every line.
      const owner = columnOf(header as string, 'Owner');
      expect(columnOf(first as string, 'kim\\u202e@example.com')).toBe(owner);
      expect(columnOf(second as string, 'lee@example.com')).toBe(owner);
      // The rule under Deal is as wide as the widest (escaped) name.
      expect((rule as string).split('  ')[1]).toBe('-'.repeat(displayWidth(NASTY_SHOWN)));
    }
  });
});

describe('big sections', () => {
  const ROWS = 150_000;

  it('textTable lays out 150,000 rows (widths by a loop, no spread into Math.max)', () => {
    const rows = Array.from({ length: ROWS }, (_, i) => [`D-${i}`, String(i * 7)]);
    const text = textTable(['Deal ID', 'Amount'], rows, ['left', 'right']);
    const lines = text.split('\n');
    expect(lines).toHaveLength(ROWS + 2);
    // Widths come from the widest cell of all 150,000 rows: 'D-149999' (8) and '1049993' (7).
    expect(lines[0]).toBe('Deal ID    Amount');
    expect(lines[1]).toBe('--------  -------');
    expect(lines[2]).toBe('D-0             0');
    expect(lines[ROWS + 1]).toBe('D-149999  1049993');
  });

  it('renderReport prints 150,000 overdue deals', () => {
    const overdue = Array.from({ length: ROWS }, (_, i) => ({
      dealId: `D-${i}`,
      deal: i === 0 ? NASTY : `Deal ${i}`,
      owner: 'kim@example.com',
      expectedClose: '2023-11-01',
      daysOverdue: 14,
    }));
    const text = renderReport(emptyReport({ overdue }));
    expect(text).toContain(`Overdue deals (${ROWS})`);
    expect(text).toContain(`D-${ROWS - 1}`);
    expect(rawControls(text)).toEqual([]);
    expect(text).toContain(NASTY_SHOWN);
  });

  it('renderReport escapes problem lines, one line per problem', () => {
    const text = renderReport(
      emptyReport({
        problems: [
          {
            table: 'Deals',
            row: 3,
            column: 'Amount',
            value: 'TBD\n\u001b[2J',
            message: 'Amount is not an amount',
          },
        ],
      }),
    );
    expect(text).toContain("- Deals row 3, column Amount 'TBD\\n\\x1b[2J': Amount is not an amount");
    expect(rawControls(text)).toEqual([]);
  });
});
