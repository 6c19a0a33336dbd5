/** Runs the CLI in-process, and writes throwaway folders of CSV files, for the CLI tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { runCli } from '../../src/cli/main';
import type { ReportJson } from '../../src/cli/report-json';
import type { TablesSummary } from '../../src/cli/summary';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `sheets-pipeline <argv>`; the system zone and clock must not be needed (give --tz and --as-of). */
export function run(argv: readonly string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    systemZone: () => 'Asia/Seoul',
    now: () => new Date('2023-11-15T03:00:00Z'),
  });
  return { code, stdout, stderr };
}

/** A run that must succeed: exit 0, nothing on stderr. */
export function ok(argv: readonly string[]): string {
  const r = run(argv);
  expect(r.stderr, `stderr of ${argv.join(' ')}`).toBe('');
  expect(r.code, `exit code of ${argv.join(' ')}`).toBe(0);
  return r.stdout;
}

export const reportOf = (argv: readonly string[]) =>
  JSON.parse(ok(['report', ...argv, '--json'])) as ReportJson;
export const columnsOf = (argv: readonly string[]) =>
  JSON.parse(ok(['columns', ...argv, '--json'])) as { tables: TablesSummary };

/** A one-line reason, as `sheets-pipeline: …\n`; returns the line. */
export function oneLine(stderr: string): string {
  expect(stderr.endsWith('\n')).toBe(true);
  const body = stderr.slice(0, -1);
  expect(body).not.toContain('\n');
  expect(body).toMatch(/^sheets-pipeline: \S/);
  return body;
}

/** CSV text from rows, every cell quoted as Sheets and CRMs write it when needed. */
export function csv(rows: readonly (readonly string[])[], separator = ','): string {
  const cell = (c: string) => (/[",;\t\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `${rows.map((r) => r.map(cell).join(separator)).join('\n')}\n`;
}

/** A fresh folder holding these files (text as UTF-8, or bytes as given); removed after the file's tests. */
export function folderWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sheets-pipeline-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
