import { bilingual } from '../../shared/bilingual';

/** The labels the dashboard writes beside its formulas and charts. */
export const dashboardText = bilingual({
  en: {
    title: 'Sheets Pipeline dashboard',
    month: 'Month for the range',
    range: 'P10 / P50 / P90 of that month',
    forecast: 'Weighted forecast by month',
    funnel: 'Stage funnel',
    forecastChart: 'Weighted forecast vs open pipeline',
    funnelChart: 'Deals reaching each stage',
    lost: (at: string, zone: string) =>
      `Lost deals by reason (computed ${at} ${zone}; build the dashboard again to refresh)`,
    lostHeader: ['Reason', 'Lost deals', 'Amount'],
    noReason: '(no reason)',
  },
  ko: {
    title: 'Sheets Pipeline 대시보드',
    month: '범위를 볼 월',
    range: '해당 월 P10 / P50 / P90',
    forecast: '월별 가중 매출 예측',
    funnel: '단계별 전환',
    forecastChart: '가중 예측 vs 진행 중 파이프라인',
    funnelChart: '단계별 도달 딜 수',
    lost: (at, zone) => `실주 사유별 딜 (${at} ${zone} 기준; 대시보드를 다시 만들면 갱신)`,
    lostHeader: ['사유', '실주 딜 수', '금액'],
    noReason: '(사유 없음)',
  },
});

/** Every language's title: how a dashboard made before sheets were tagged is recognised. */
export const DASHBOARD_TITLES: readonly string[] = [dashboardText('en').title, dashboardText('ko').title];

export type DashboardText = ReturnType<typeof dashboardText>;
