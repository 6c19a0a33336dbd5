import { describe, expect, it } from 'vitest';
import { type ColumnSpec, DEALS, HISTORY, STAGES, TASKS, type TableSchema } from '../../src/engine/schema';
import { findColumns, normalizeHeader } from '../../src/engine/table';

const TABLES: readonly TableSchema<string>[] = [STAGES, DEALS, HISTORY, TASKS];
const specs = (schema: TableSchema<string>) => Object.entries(schema.columns) as [string, ColumnSpec][];

describe('the four tables’ columns', () => {
  it.each(TABLES.map((t) => [t.name, t] as const))(
    '%s: every alias normalises to one field only (no header claimed by two columns)',
    (_, schema) => {
      const claims = new Map<string, Set<string>>();
      for (const [field, spec] of specs(schema)) {
        for (const alias of spec.aliases) {
          const key = normalizeHeader(alias);
          claims.set(key, (claims.get(key) ?? new Set()).add(field));
        }
      }
      const clashes = [...claims]
        .filter(([, fields]) => fields.size > 1)
        .map(([key, fields]) => [key, [...fields]]);
      expect(clashes).toEqual([]);
    },
  );

  it.each(TABLES.map((t) => [t.name, t] as const))(
    '%s: a header row the add-on writes, in English or in Korean, is read back column for column',
    (_, schema) => {
      const fields = specs(schema).map(([field]) => field);
      const expected = Object.fromEntries(fields.map((f, i) => [f, i]));
      for (const language of ['en', 'ko'] as const) {
        const headers = specs(schema).map(([, spec]) => spec[language]);
        expect(findColumns(headers, schema), language).toEqual(expected);
      }
    },
  );

  it('requires only the columns a computation cannot do without', () => {
    const required = TABLES.map((t) => [
      t.name,
      specs(t)
        .filter(([, spec]) => spec.required)
        .map(([field]) => field),
    ]);
    expect(required).toEqual([
      ['Stages', ['stage', 'probability']],
      ['Deals', ['amount', 'stage']],
      ['Stage history', ['when', 'dealId', 'to']],
      ['Tasks', ['dealId', 'task']],
    ]);
  });

  it('never takes a team’s own 상태 or Status column for the add-on’s Pipeline health', () => {
    // (`상태` may be the deal's Status when every value in it is a status word; never the add-on's Health.)
    expect(findColumns(['딜 ID', '상태', 'Status'], DEALS).health).toBeUndefined();
    expect(findColumns(['Deal ID', 'Pipeline health'], DEALS)).toEqual({ dealId: 0, health: 1 });
    expect(findColumns(['딜 ID', '파이프라인 점검'], DEALS)).toEqual({ dealId: 0, health: 1 });
  });
});
