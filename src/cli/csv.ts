import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Cell } from '../engine/cells';
import { decodeCp949, decodeWindows1252 } from './encodings';
import { InputError } from './errors';

/** How a CSV's bytes were written (SPEC §6). */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'cp949' | 'windows-1252';
export type Separator = ',' | ';' | '\t';

/** A CSV file read into a grid of text cells, with what was detected. */
export interface CsvFile {
  /** The path as the user gave it (or the folder they gave joined with the file's name). */
  readonly path: string;
  readonly grid: Cell[][];
  readonly encoding: Encoding;
  readonly separator: Separator;
}

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * The CP949 text of bytes that are not UTF-8, when they read as Korean: they
 * decode as CP949, yield Hangul, and at least half of their two-byte
 * characters are in the KS X 1001 range (both bytes 0xA1–0xFE) where Korean
 * text lives. A Windows-1252 `Ärzte` also decodes as CP949, but as a rare
 * extended syllable, so it stays Windows-1252. `null` otherwise.
 */
function koreanText(bytes: Uint8Array): string | null {
  const text = decodeCp949(bytes);
  if (text === null || !HANGUL.test(text)) return null;
  let pairs = 0;
  let standard = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] as number;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1] ?? 0;
    pairs++;
    if (lead >= 0xa1 && lead <= 0xfe && trail >= 0xa1 && trail <= 0xfe) standard++;
    i++;
  }
  return standard * 2 >= pairs ? text : null;
}

/**
 * The text of a CSV's bytes and how they were encoded: UTF-8 with a BOM,
 * UTF-8 (`TextDecoder` with `fatal` says whether it is), else CP949 (Korean
 * Excel) when the bytes read as Korean, else Windows-1252 (Excel elsewhere),
 * which decodes any bytes.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8
  }
  const korean = koreanText(bytes);
  if (korean !== null) return { text: korean, encoding: 'cp949' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

const SEPARATORS: readonly Separator[] = [',', ';', '\t'];
/** How many records the separator is judged on. */
const SAMPLE_RECORDS = 50;

/** Per record of the first lines, how often each separator stands outside quotes. */
function separatorCounts(text: string): Record<Separator, number>[] {
  const records: Record<Separator, number>[] = [];
  let current = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ',' || ch === ';' || ch === '\t') current[ch]++;
    else if (ch === '\n' || ch === '\r') {
      // A line with no separator at all (a title, a blank line) says nothing.
      if (current[','] + current[';'] + current['\t'] > 0) records.push(current);
      current = { ',': 0, ';': 0, '\t': 0 };
    }
  }
  if (current[','] + current[';'] + current['\t'] > 0) records.push(current);
  return records;
}

/**
 * The separator whose count outside quotes is the same on the most lines
 * (its most common count, at least 1); a tie goes to the one giving more
 * columns, then to `,`, `;`, tab in that order. A decimal comma in a
 * `;`-separated file varies from line to line; the `;` does not: in
 * `Deal;Amount` / `A;"1,5"` / `B;2,25` it is `;`.
 */
export function detectSeparator(text: string): Separator {
  const records = separatorCounts(text);
  let best: { sep: Separator; score: number; columns: number } = { sep: ',', score: 0, columns: 0 };
  for (const sep of SEPARATORS) {
    const tally = new Map<number, number>();
    for (const r of records) if (r[sep] > 0) tally.set(r[sep], (tally.get(r[sep]) ?? 0) + 1);
    for (const [columns, score] of tally) {
      if (score > best.score || (score === best.score && columns > best.columns))
        best = { sep, score, columns };
    }
  }
  return best.sep;
}

/** CSV text as a grid of text cells. Blank lines are kept, so row numbers match the sheet's. */
export function parseCsv(text: string, separator: Separator): Cell[][] {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: separator });
  const rows = parsed.data;
  // A final newline makes one empty trailing row; it is not a sheet row.
  if (rows.length > 0 && rows[rows.length - 1]?.length === 1 && rows[rows.length - 1]?.[0] === '') rows.pop();
  return rows;
}

/** Reads a CSV file, detecting its encoding and separator. */
export function readCsvFile(path: string): CsvFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new InputError(`cannot read ${path}`);
  }
  const { text, encoding } = decodeCsv(bytes);
  const separator = detectSeparator(text);
  return { path, grid: parseCsv(text, separator), encoding, separator };
}

/** A separator as a person reads it in the summary. */
export function separatorName(separator: Separator): string {
  return separator === '\t' ? 'tab' : `"${separator}"`;
}
