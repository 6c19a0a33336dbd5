/**
 * The bundled sample workbooks: the Korean "영업 파이프라인" in sample-data/ and
 * the English one in sample-data/en/. Both must run clean, the Korean one must
 * hold the product's worked example, and the text report must be readable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import type { ReportJson } from '../../src/cli/report-json';

const SAMPLE_KO = fileURLToPath(new URL('../../sample-data', import.meta.url));
const SAMPLE_EN = fileURLToPath(new URL('../../sample-data/en', import.meta.url));

function run(argv: readonly string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    systemZone: () => {
      throw new Error('the system zone was read although --tz was given');
    },
    now: () => {
      throw new Error('the clock was read although --as-of was given');
    },
  });
  return { code, stdout, stderr };
}

function runJson(folder: string, tz: string, extra: readonly string[] = []): ReportJson {
  const r = run(['report', folder, '--json', '--as-of', '2023-11-15', '--tz', tz, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
}

/** A CSV as rows of objects keyed by header, read independently of the CLI. */
function readCsv(path: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    delimiter: ',',
    skipEmptyLines: 'greedy',
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** A cell of a CSV row by its header; '' when absent. */
function get(row: Record<string, string>, header: string): string {
  return row[header] ?? '';
}

/** The amounts the sample uses: `₩10,000,000`, `30,000,000원`, `1,500만원`, `1.2억`. */
function amountOf(text: string): number {
  const t = text.replace(/[₩원,\s]/g, '');
  const m = /^(\d+(?:\.\d+)?)(만|억)?$/.exec(t);
  if (!m) throw new Error(`test cannot read amount '${text}'`);
  return Number(m[1]) * (m[2] === '억' ? 1e8 : m[2] === '만' ? 1e4 : 1);
}

describe('sample-data/ (Korean, "영업 파이프라인"), as of 2023-11-15 in Asia/Seoul', () => {
  const dealsCsv = join(SAMPLE_KO, '영업 파이프라인 - Deals.csv');
  const stagesCsv = join(SAMPLE_KO, '영업 파이프라인 - Stages.csv');

  it('runs clean: no problems, exit 0 even with --strict', () => {
    const report = runJson(SAMPLE_KO, 'Asia/Seoul', ['--strict']);
    expect(report.problems).toEqual([]);
    expect(report.language).toBe('ko');
    expect(report.timeZone).toBe('Asia/Seoul');
    expect(report.asOf).toBe('2023-11-15');
    expect(report.conversion.map((c) => c.stage)).toEqual([
      '미팅 약속 완료',
      '제품 살펴보는 중',
      '온보딩 교육 중',
      '계약/견적 전달 받음',
    ]);
  });

  it('holds the worked example: ₩10,000,000 in 온보딩 교육 중 (70%) closing 2023-11 adds 7,000,000', () => {
    const deals = readCsv(dealsCsv);
    const stages = readCsv(stagesCsv);
    const example = deals.filter(
      (d) =>
        get(d, '금액') === '₩10,000,000' &&
        get(d, '단계') === '온보딩 교육 중' &&
        /^2023\.\s*11\./.test(get(d, '수주 예정일')),
    );
    expect(example.map((d) => get(d, '딜 ID'))).toEqual(['D-2023-017']);
    const onboarding = stages.find((s) => get(s, '단계') === '온보딩 교육 중');
    expect(get(onboarding ?? {}, '수주 성공 확률')).toBe('70%');
    // 10,000,000 × 70% = 7,000,000
    expect(amountOf(get(example[0] ?? {}, '금액')) * 0.7).toBe(7_000_000);
  });

  it('2023-11 weighted total equals the sum worked out here from the CSVs', () => {
    const stages = readCsv(stagesCsv);
    const probability = new Map(
      stages.map((s) => [get(s, '단계'), Number(get(s, '수주 성공 확률').replace('%', '')) / 100]),
    );
    const outcome = new Map(stages.map((s) => [get(s, '단계'), get(s, '결과')]));
    let weighted = 0;
    let openPipeline = 0;
    let won = 0;
    let openDeals = 0;
    for (const d of readCsv(dealsCsv)) {
      const stage = get(d, '단계');
      if (stage === '' || !/^2023\.\s*11\./.test(get(d, '수주 예정일'))) continue;
      const p = probability.get(stage);
      expect(p, `stage of ${get(d, '딜 ID')}`).toBeDefined();
      if (outcome.get(stage) === '실주') continue;
      const amount = amountOf(get(d, '금액'));
      weighted += amount * (p ?? 0);
      if (outcome.get(stage) === '수주') won += amount;
      else {
        openPipeline += amount;
        openDeals++;
      }
    }
    // D-2023-015 ₩120,000,000 × 90% = 108,000,000
    // D-2023-017 ₩10,000,000  × 70% =   7,000,000   (the worked example)
    // D-2023-019 ₩9,000,000   × 30% =   2,700,000
    // D-2023-023 ₩7,000,000   × 90% =   6,300,000
    // D-2023-024 ₩85,000,000  won   =  85,000,000
    // D-2023-036 ₩19,000,000  × 10% =   1,900,000
    // (D-2023-018 ₩54,000,000 is 실주: nothing)                total 210,900,000
    expect(weighted).toBe(210_900_000);

    const november = runJson(SAMPLE_KO, 'Asia/Seoul').forecast.find((f) => f.month === '2023-11');
    expect(november).toEqual({
      month: '2023-11',
      weighted,
      openPipeline, // 120 + 10 + 9 + 7 + 19 = 165,000,000
      won, // 85,000,000
      openDeals, // 5
    });
    expect(openPipeline).toBe(165_000_000);
  });

  it('forecast months ascend, with the one deal without a close date in (no date) last', () => {
    const months = runJson(SAMPLE_KO, 'Asia/Seoul').forecast.map((f) => f.month);
    expect(months).toEqual([
      '2023-08',
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
      '(no date)',
    ]);
  });
});

describe('sample-data/en (English), as of 2023-11-15 in America/New_York', () => {
  it('runs clean: no problems, exit 0 even with --strict', () => {
    const report = runJson(SAMPLE_EN, 'America/New_York', ['--strict']);
    expect(report.problems).toEqual([]);
    expect(report.language).toBe('en');
    expect(report.timeZone).toBe('America/New_York');
    expect(report.conversion.map((c) => c.stage)).toEqual([
      'Meeting booked',
      'Evaluating product',
      'Onboarding training',
      'Quote received',
    ]);
    expect(report.forecast.length).toBeGreaterThan(0);
  });
});

/** Terminal columns a string takes: Hangul and other wide characters take two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    w += wide ? 2 : 1;
  }
  return w;
}

/** The line as terminal cells: a wide character fills its cell and a '\0' after it. */
function cells(line: string): string[] {
  const out: string[] = [];
  for (const ch of line) {
    out.push(ch);
    if (width(ch) === 2) out.push('\0');
  }
  return out;
}

interface TextTable {
  header: string[];
  rows: string[][];
  /** For each column, whether every row's cell sits flush right (else flush left). */
  flushRight: boolean[];
  flushLeft: boolean[];
}

/**
 * The table under `title`: header, `---` rule, rows until a blank line. Columns
 * come from the rule's dash runs; every non-space character of every line must
 * fall inside one of them.
 */
function tableUnder(text: string, title: string): TextTable {
  const lines = text.split('\n');
  const at = lines.indexOf(title);
  expect(at, `section '${title}'`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', at);
  const [headerLine, rule, ...rowLines] = lines.slice(at + 1, end);
  expect(rule).toMatch(/^-+( {2}-+)*$/);
  const spans: [number, number][] = [];
  for (const m of (rule ?? '').matchAll(/-+/g)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const split = (line: string) => {
    const c = cells(line);
    expect(c.length, `'${line}' is no wider than the rule`).toBeLessThanOrEqual((rule ?? '').length);
    // Outside the columns there is only padding.
    c.forEach((ch, i) => {
      if (!spans.some(([s, e]) => i >= s && i < e)) expect(ch, `'${line}' column ${i}`).toBe(' ');
    });
    return spans.map(([s, e]) => c.slice(s, e));
  };
  const header = split(headerLine ?? '').map((x) => x.join('').replace(/\0/g, '').trim());
  const split2 = rowLines.map(split);
  const rows = split2.map((r) => r.map((x) => x.join('').replace(/\0/g, '').trim()));
  const flushRight = spans.map(([s, e], col) =>
    split2.every((r) => {
      const x = r[col] ?? [];
      return x.join('').trim() === '' || (x.length === e - s && x[x.length - 1] !== ' ');
    }),
  );
  const flushLeft = spans.map((_, col) => split2.every((r) => (r[col] ?? [])[0] !== ' '));
  return { header, rows, flushRight, flushLeft };
}

describe('text output (no --json)', () => {
  const text = () => {
    const r = run(['report', SAMPLE_KO, '--as-of', '2023-11-15', '--tz', 'Asia/Seoul']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout;
  };

  it('has every section title, with counts that match the JSON report', () => {
    const out = text();
    const json = runJson(SAMPLE_KO, 'Asia/Seoul');
    const lines = out.split('\n');
    expect(lines).toContain('Sheets Pipeline report — as of 2023-11-15 (Asia/Seoul)');
    expect(lines).toContain('Weighted forecast by month of expected close');
    expect(lines).toContain('Stage conversion (from Stage history)');
    expect(lines).toContain(`Stale deals (${json.stale.length})`);
    expect(lines).toContain(`Overdue deals (${json.overdue.length})`);
    expect(lines).toContain(`Tasks a daily check would create (${json.tasks.length})`);
    expect(lines).toContain('Problems (0)');
    expect(json.stale.length).toBeGreaterThan(0);
    expect(json.overdue.length).toBeGreaterThan(0);
  });

  it('forecast table: amounts right-aligned with thousands separators, and a Total row', () => {
    const t = tableUnder(text(), 'Weighted forecast by month of expected close');
    expect(t.header).toEqual(['Month', 'Weighted', 'Open pipeline', 'Won', 'Open deals']);
    expect(t.flushLeft[0]).toBe(true);
    expect(t.flushRight.slice(1)).toEqual([true, true, true, true]);
    for (const row of t.rows) {
      for (const amount of row.slice(1, 4)) expect(amount).toMatch(/^\d{1,3}(,\d{3})*$/);
    }
    expect(t.rows.find((r) => r[0] === '2023-11')).toEqual([
      '2023-11',
      '210,900,000',
      '165,000,000',
      '85,000,000',
      '5',
    ]);
    expect(t.rows[t.rows.length - 2]?.[0]).toBe('(no date)');
    const json = runJson(SAMPLE_KO, 'Asia/Seoul');
    const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
    const sum = (f: (x: ReportJson['forecast'][number]) => number) =>
      json.forecast.reduce((s, x) => s + f(x), 0);
    expect(t.rows[t.rows.length - 1]).toEqual([
      'Total',
      fmt(sum((f) => f.weighted)),
      fmt(sum((f) => f.openPipeline)),
      fmt(sum((f) => f.won)),
      String(sum((f) => f.openDeals)),
    ]);
  });

  it('tables with Korean text stay aligned (Hangul counts two columns)', () => {
    const out = text();
    const stale = tableUnder(out, `Stale deals (${runJson(SAMPLE_KO, 'Asia/Seoul').stale.length})`);
    expect(stale.header).toEqual(['Deal ID', 'Deal', 'Owner', 'Stage', 'Days', 'Limit']);
    expect(stale.flushLeft.slice(0, 4)).toEqual([true, true, true, true]);
    expect(stale.flushRight.slice(4)).toEqual([true, true]);
    expect(stale.rows).toContainEqual([
      'D-2023-007',
      '강사 관리 솔루션',
      'seoyeon.lee@example.com',
      '계약/견적 전달 받음',
      '30',
      '10',
    ]);

    const conversion = tableUnder(out, 'Stage conversion (from Stage history)');
    expect(conversion.rows.map((r) => r[0])).toEqual([
      '미팅 약속 완료',
      '제품 살펴보는 중',
      '온보딩 교육 중',
      '계약/견적 전달 받음',
    ]);
    // Reached … Suggested stale, and what the rates rest on: 12 numeric columns, right-aligned.
    expect(conversion.flushRight.slice(1)).toEqual(new Array(12).fill(true));
  });

  it('the English sample prints the same sections with separated amounts', () => {
    const r = run(['report', SAMPLE_EN, '--as-of', '2023-11-15', '--tz', 'America/New_York']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sheets Pipeline report — as of 2023-11-15 (America/New_York)');
    const t = tableUnder(r.stdout, 'Weighted forecast by month of expected close');
    expect(t.flushRight.slice(1)).toEqual([true, true, true, true]);
    expect(t.rows[t.rows.length - 1]?.[0]).toBe('Total');
    expect(t.rows.some((row) => /^\d{1,3}(,\d{3})+$/.test(row[1] ?? ''))).toBe(true);
    expect(r.stdout).toContain('Problems (0)');
  });
});
