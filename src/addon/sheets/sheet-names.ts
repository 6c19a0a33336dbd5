import type { TableName } from '../../engine/problems';
import type { Language } from '../../engine/table';

/** Sheet (tab) names each table is found under; the first of a language is the one setup creates. */
export const SHEET_NAMES: Record<
  TableName | 'Dashboard',
  { en: string; ko: string; aliases: readonly string[] }
> = {
  Stages: { en: 'Stages', ko: 'Stages', aliases: ['Stages', '단계', '딜 스테이지'] },
  Deals: { en: 'Deals', ko: 'Deals', aliases: ['Deals', '딜', '딜 목록'] },
  'Stage history': {
    en: 'Stage history',
    ko: 'Stage history',
    aliases: ['Stage history', '단계 이력', '단계 변경 이력'],
  },
  Tasks: { en: 'Tasks', ko: 'Tasks', aliases: ['Tasks', '할일'] },
  Dashboard: { en: 'Dashboard', ko: 'Dashboard', aliases: ['Dashboard', '대시보드'] },
};

/**
 * Tab names stay English in both languages: formulas such as
 * `=FORECAST_WEIGHTED(Deals!A:L, Stages!A:G)` then read the same in every
 * spreadsheet. Headers inside the sheets follow the language.
 */
export function sheetNameFor(table: keyof typeof SHEET_NAMES, language: Language): string {
  return SHEET_NAMES[table][language];
}
