import { describe, expect, it } from 'vitest';
import { isHealthText } from '../../src/engine/health-texts';
import { cellTexts } from '../../src/engine/texts';

describe('telling Health texts from a team status note', () => {
  it('recognises every text a daily check writes, in both languages, and joined', () => {
    for (const language of ['ko', 'en'] as const) {
      const t = cellTexts(language);
      const stale = t.stale('미팅 약속 완료', 17, 14);
      const overdue = t.overdue('2023-11-10', 5);
      expect(isHealthText(stale)).toBe(true);
      expect(isHealthText(overdue)).toBe(true);
      expect(isHealthText(t.enteredMissing('Demo'))).toBe(true);
      expect(isHealthText(`${stale}${t.joiner}${overdue}`)).toBe(true);
    }
  });

  it('does not take a team note for one', () => {
    for (const note of ['진행중', '보류 — 다음 분기', 'Waiting on legal', 'Stale? ask Kim', '']) {
      expect(isHealthText(note)).toBe(false);
    }
  });
});
