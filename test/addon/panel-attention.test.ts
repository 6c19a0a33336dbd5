/**
 * Needs attention (issue 14, point 8) on the Korean sample as of 2023-11-15
 * in Seoul. From the sample's Deals: stale (days in stage ≥ Stale after) are
 * D-2023-007 (30 ≥ 10), 009 (56 ≥ 21), 012 (13 ≥ 10), 014 (58 ≥ 14), 019 (93 ≥ 21),
 * 023 (20 ≥ 10), 027 (23 ≥ 14), 033 (41 ≥ 21), 034 (41 ≥ 14), 036 (27 ≥ 14),
 * 037 (22 ≥ 14), 038 (14 ≥ 14); overdue (Expected close before 11-15, still open)
 * are 007 (10-31), 014 (10-20), 019 (11-10), 036 (11-14). No override, no bad cell.
 */
import { describe, expect, it } from 'vitest';
import { fromDialog, fromPanel, rowOf, samplePipeline } from './harness';

interface Item {
  row: number;
  dealId: string;
  name: string;
  reasons: string[];
}
interface List {
  mine: boolean;
  user: string;
  items: Item[];
}

const STALE = ['007', '009', '012', '014', '019', '023', '027', '033', '034', '036', '037', '038'];

describe('Needs attention', () => {
  it('lists everyone’s stale and overdue deals in sheet order, saying why', () => {
    const h = samplePipeline();
    const list = fromDialog(h, 'panelGetAttention', false) as List;
    expect(list.mine).toBe(false);
    expect(list.items.map((i) => i.dealId)).toEqual(STALE.map((n) => `D-2023-${n}`));
    expect(list.items.find((i) => i.dealId === 'D-2023-014')?.reasons).toEqual(['stale', 'overdue']);
    expect(list.items.find((i) => i.dealId === 'D-2023-034')).toMatchObject({
      name: '채널 파트너 CRM',
      row: rowOf(h.standIn, 'D-2023-034'),
      reasons: ['stale'],
    });
  });

  it('adds overridden deals and rows with a bad cell, and keeps only mine when asked', () => {
    const h = samplePipeline();
    // D-2023-017 moves on by override (one criterion unmet); D-2023-022's Amount becomes TBD.
    const moved = fromPanel(h, 'panelMoveDeal', {
      dealId: 'D-2023-017',
      expectedStage: '온보딩 교육 중',
      toStage: '계약/견적 전달 받음',
      override: true,
      note: '고객 요청',
    }) as { ok: boolean };
    expect(moved.ok).toBe(true);
    h.standIn.seed('Deals', `F${rowOf(h.standIn, 'D-2023-022')}`, { values: [['TBD']] });
    const all = fromDialog(h, 'panelGetAttention', false) as List;
    expect(all.items.find((i) => i.dealId === 'D-2023-017')?.reasons).toEqual(['override']);
    expect(all.items.find((i) => i.dealId === 'D-2023-022')?.reasons).toEqual(['problem']);
    expect(all.items).toHaveLength(14);
    // The active user is seoyeon.lee@example.com: of the 14, her deals (Owner column).
    const mine = fromDialog(h, 'panelGetAttention', true) as List;
    expect(mine).toMatchObject({ mine: true, user: 'seoyeon.lee@example.com' });
    const owners = h.standIn.values('Deals');
    const ownerOf = (id: string) => owners.find((r) => r[0] === id)?.[4];
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.length).toBeLessThan(all.items.length);
    expect(mine.items.every((i) => ownerOf(i.dealId) === 'seoyeon.lee@example.com')).toBe(true);
    expect(all.items.filter((i) => ownerOf(i.dealId) === 'seoyeon.lee@example.com')).toEqual(mine.items);
  });

  it('next/previous selects the deal’s row in the sheet and answers with its state', () => {
    const h = samplePipeline();
    const state = fromDialog(h, 'panelSelectDeal', 'D-2023-034') as { deal: { id: string } | null };
    expect(state.deal?.id).toBe('D-2023-034');
    expect(fromDialog(h, 'panelGetSelection')).toEqual({
      sheet: 'Deals',
      row: rowOf(h.standIn, 'D-2023-034'),
    });
  });
});
