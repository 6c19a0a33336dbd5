/**
 * The built bundle as a custom-function cell calls it: node:vm over a Seoul
 * spreadsheet (ko_KR), each call made as Sheets makes one (a custom-function
 * execution, no user, no lock), with the Korean sample pipeline's stages.
 */
import { loadBundle } from './load-bundle';
import { createStandIn } from './standin';

export function sheetsWith(sheets: Record<string, unknown[][]> = {}) {
  const standIn = createStandIn({ timeZone: 'Asia/Seoul', locale: 'ko_KR', sheets: sheets as never });
  const app = loadBundle(standIn);
  const call = (name: string, ...args: unknown[]) => {
    standIn.customFunction();
    return (app[name] as (...a: unknown[]) => unknown)(...args);
  };
  return { standIn, call };
}

/** The Stages range of the Korean sample, as a cell's argument receives it. */
export const KOREAN_STAGES = [
  ['단계', '수주 성공 확률', '정체 기준일', '결과'],
  ['미팅 약속 완료', 0.1, 14, ''],
  ['제품 살펴보는 중', 0.3, 21, ''],
  ['온보딩 교육 중', 0.7, 14, ''],
  ['최종 결정 및 계약 싸인 완료', 1, '', '수주'],
  ['실주', 0, '', '실주'],
];
