import type { TableSchema } from './schema';
import { parseUnit, type StatedUnit } from './units';

/**
 * Header matching ignores case, surrounding spaces and inner spacing and
 * punctuation, so `Stale after (days)`, `stale_after_days` and `STALE AFTER`
 * are one header. NFC folds Korean typed on macOS (decomposed jamo).
 *
 * @example
 * normalizeHeader('Stale after (days)') // → 'staleafterdays'
 * normalizeHeader(' 수주 예정일 ') // → '수주예정일'
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A leading word CRMs put before every deal field (`Deal - Value`, `Opportunity Name`, `Deal-금액`). */
const PREFIXES = ['opportunity', 'deal', '딜'];
/** A trailing unit in brackets: `금액(원)`, `Deal Value ($)`, `Probability (%)`. */
const BRACKETED = /^(.*?)\s*[([（【]\s*([^)\]）】]*?)\s*[)\]）】]\s*$/u;

/** A header's readings, most literal first, each with the unit its brackets state. */
function readingsOf(header: string): { name: string; unit: StatedUnit | null }[] {
  const readings: { name: string; unit: StatedUnit | null }[] = [
    { name: normalizeHeader(header), unit: null },
  ];
  const m = BRACKETED.exec(header.trim());
  const unit = m ? parseUnit(m[2] as string) : null;
  if (m && unit) readings.push({ name: normalizeHeader(m[1] as string), unit });
  for (const reading of [...readings]) {
    const prefix = PREFIXES.find((p) => reading.name.startsWith(p) && reading.name.length > p.length);
    if (prefix) readings.push({ name: reading.name.slice(prefix.length), unit: reading.unit });
  }
  return readings;
}

/** Where a table's fields are in a header row, and the units their headers state. */
export interface ColumnMatch<F extends string> {
  readonly columns: Partial<Record<F, number>>;
  readonly units: Partial<Record<F, StatedUnit>>;
}

/**
 * The schema's fields in a header row. A header named in `map` wins over an
 * alias, and a field mapped to `''` has no column (a team's `Status` column
 * the add-on should not read as one); otherwise a header matches an alias as written, then without its
 * bracketed unit, then without a leading `Deal`/`Opportunity` word
 * (`Deal - Value ($)` is the Amount, in dollars). The first matching column
 * wins: a second `Stage` column is the team's own.
 *
 * @example
 * matchColumns(['Deal - Title', 'Deal - Value ($)', 'Deal - Stage'], DEALS).columns // → { deal: 0, amount: 1, stage: 2 }
 * matchColumns(['Stage', 'Status'], DEALS, { status: '' }).columns // → { stage: 0 }
 */
export function matchColumns<F extends string>(
  headers: readonly string[],
  schema: TableSchema<F>,
  map: Readonly<Partial<Record<string, string>>> = {},
): ColumnMatch<F> {
  const columns: Partial<Record<F, number>> = {};
  const units: Partial<Record<F, StatedUnit>> = {};
  const taken = new Set<number>();
  const unmapped = new Set<string>();
  for (const [field, header] of Object.entries(map) as [F, string | undefined][]) {
    if (header === undefined) continue;
    if (header.trim() === '') {
      unmapped.add(field);
      continue;
    }
    const wanted = normalizeHeader(header);
    const index = headers.findIndex((h) => normalizeHeader(h) === wanted);
    if (index < 0 || taken.has(index) || !(field in schema.columns)) continue;
    columns[field] = index;
    taken.add(index);
    const unit = readingsOf(headers[index] as string).find((r) => r.unit)?.unit;
    if (unit) units[field] = unit;
  }
  const byAlias = aliasIndex(schema);
  headers.forEach((header, index) => {
    if (taken.has(index) || header.trim() === '') return;
    for (const reading of readingsOf(header)) {
      const field = byAlias.get(reading.name);
      if (field === undefined) continue;
      if (columns[field] !== undefined || unmapped.has(field) || isNever(schema, field, header)) return;
      columns[field] = index;
      // `Probability (%)` matches as written (punctuation is dropped); its brackets still state a unit.
      const unit = reading.unit ?? readingsOf(header).find((r) => r.unit)?.unit;
      if (unit) units[field] = unit;
      return;
    }
  });
  return { columns, units };
}

function isNever(schema: TableSchema<string>, field: string, header: string): boolean {
  const never = schema.columns[field]?.never;
  if (!never) return false;
  return readingsOf(header).some((r) => never.includes(r.name));
}

const indexes = new WeakMap<object, Map<string, string>>();

/** Normalised alias → field, built once per schema. The first field to claim an alias keeps it. */
function aliasIndex<F extends string>(schema: TableSchema<F>): Map<string, F> {
  let index = indexes.get(schema);
  if (!index) {
    index = new Map();
    for (const field of Object.keys(schema.columns) as F[]) {
      for (const alias of schema.columns[field].aliases) {
        const key = normalizeHeader(alias);
        if (!index.has(key)) index.set(key, field);
      }
    }
    indexes.set(schema, index);
  }
  return index as Map<string, F>;
}

/**
 * The header most like a missing field's names, for the message that says
 * how to map it: the smallest edit distance to any alias, relative to its
 * length, among headers no other field took. `null` when none is close.
 *
 * @example
 * closestHeader(['Record ID', 'Deal Value', 'Phase'], DEALS, 'amount', [0]) // → 'Deal Value'
 */
export function closestHeader<F extends string>(
  headers: readonly string[],
  schema: TableSchema<F>,
  field: F,
  taken: readonly number[],
): string | null {
  const aliases = schema.columns[field].aliases.map(normalizeHeader);
  let best: { header: string; score: number } | null = null;
  headers.forEach((header, index) => {
    if (taken.includes(index) || header.trim() === '') return;
    for (const reading of readingsOf(header)) {
      for (const alias of aliases) {
        const score = editDistance(reading.name, alias) / Math.max(alias.length, reading.name.length, 1);
        if (score < 0.6 && (!best || score < best.score)) best = { header, score };
      }
      // A header that contains the alias (`Total deal value`) is close too.
      if (aliases.some((a) => a.length >= 4 && reading.name.includes(a)) && (!best || best.score > 0.3))
        best = { header, score: 0.3 };
    }
  });
  return (best as { header: string } | null)?.header ?? null;
}

/** Levenshtein distance, O(a·b) over two short normalised headers. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
