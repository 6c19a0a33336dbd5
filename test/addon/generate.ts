/**
 * Realistic generated pipelines for size tests: Korean buyer-centric stages,
 * five owners, Seoul Date cells as Sheets hands them over, one history row
 * per deal. Deterministic: deal i's situation depends on i only, so 100 deals
 * and 20,000 deals have the same mix (every block of 25 deals looks alike).
 *
 * Per block of 25: 1 stale deal, 1 deal only overdue, 1 deal in 계약/견적 for 9
 * days (stale tomorrow), 3 more healthy open deals, 11 won, 8 lost. That is
 * 4% stale, as a team with years of closed deals in the sheet would have.
 */
import type { Cell } from '../support/standin';

export const OWNERS = [
  'minjun.kim@example.com',
  'seoyeon.lee@example.com',
  'jihoon.park@example.com',
  'sua.choi@example.com',
  'doyun.jung@example.com',
];

const OPEN = ['미팅 약속 완료', '제품 살펴보는 중', '온보딩 교육 중', '계약/견적 전달 받음'] as const;
const WON = '최종 결정 및 계약 싸인 완료';
const LOST = '실주';
const COMPANIES = [
  '한빛물산',
  '세종테크',
  '다온푸드',
  '미래로지스틱스',
  '푸른바이오',
  '코리아정밀',
  '새봄교육',
];
const DAY = 86_400_000;

export const DEALS_HEADER = [
  '딜 ID',
  '딜 이름',
  '고객사',
  '담당자',
  '금액',
  '단계',
  '단계 진입일',
  '수주 예정일',
  '파이프라인 점검',
];
export const HISTORY_HEADER = ['일시', '딜 ID', '이전 단계', '단계', '변경자', '메모'];

interface Situation {
  stage: string;
  /** Days in the stage as of today. */
  inStage: number;
  /** Expected close, days from today (negative: passed). */
  closeIn: number;
}

function situation(i: number): Situation {
  const block = Math.floor(i / 25);
  const kind = i % 25;
  const open = OPEN[block % OPEN.length] as string;
  if (kind === 0) return { stage: open, inStage: 22 + (block % 30), closeIn: 20 }; // stale (limits are 10–21)
  if (kind === 1) return { stage: OPEN[0], inStage: 3, closeIn: -1 - (block % 9) }; // overdue only
  if (kind === 2) return { stage: OPEN[3], inStage: 9, closeIn: 15 }; // stale tomorrow (limit 10)
  if (kind <= 5) return { stage: OPEN[kind - 3] as string, inStage: kind, closeIn: 30 }; // healthy
  if (kind <= 16) return { stage: WON, inStage: 40 + kind, closeIn: -30 - kind };
  return { stage: LOST, inStage: 50 + kind, closeIn: -20 - kind };
}

/** `count` deals as of `today` (a Seoul midnight Date): Deals and Stage history grids, header first. */
export function generatePipeline(count: number, today: Date): { deals: Cell[][]; history: Cell[][] } {
  const deals: Cell[][] = [DEALS_HEADER];
  const history: Cell[][] = [HISTORY_HEADER];
  for (let i = 0; i < count; i++) {
    const id = `D-${String(i + 1).padStart(5, '0')}`;
    // Owners rotate across blocks too, so every owner has stale and overdue deals even among 100.
    const owner = OWNERS[(i + Math.floor(i / 25)) % OWNERS.length] as string;
    const { stage, inStage, closeIn } = situation(i);
    const entered = new Date(today.getTime() - inStage * DAY);
    const company = COMPANIES[i % COMPANIES.length] as string;
    deals.push([
      id,
      `${company} 도입 ${i + 1}`,
      company,
      owner,
      1_000_000 * (1 + ((i * 7919) % 120)),
      stage,
      entered,
      new Date(today.getTime() + closeIn * DAY),
      '',
    ]);
    history.push([new Date(entered.getTime() + 10 * 3_600_000), id, '', stage, owner, '']);
  }
  return { deals, history };
}
