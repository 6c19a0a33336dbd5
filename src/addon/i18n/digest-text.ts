import { bilingual, englishCount } from '../../shared/bilingual';

/** The daily digest email, in the spreadsheet's language. */
export const digestText = bilingual({
  en: {
    stale: (deal: string, stage: string, days: number, limit: number) =>
      `• ${deal}: ${englishCount(days, 'day', 'days')} in ${stage} (limit ${limit})`,
    overdue: (deal: string, date: string, days: number) =>
      `• ${deal}: expected close ${date} passed (${englishCount(days, 'day', 'days')})`,
    subject: (spreadsheet: string, count: number) =>
      `[${spreadsheet}] ${englishCount(count, 'deal needs', 'deals need')} attention`,
    footer: (url: string) => `\n\nOpen the sheet: ${url}`,
  },
  ko: {
    stale: (deal, stage, days, limit) => `• ${deal}: ${stage} ${days}일째 (기준 ${limit}일)`,
    overdue: (deal, date, days) => `• ${deal}: 수주 예정일 ${date} 지남 (${days}일)`,
    subject: (spreadsheet, count) => `[${spreadsheet}] 확인이 필요한 딜 ${count}건`,
    footer: (url) => `\n\n시트 열기: ${url}`,
  },
});

export type DigestText = ReturnType<typeof digestText>;
