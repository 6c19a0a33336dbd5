import type { StageChange } from './history';

/**
 * Lost deals by reason (SPEC §4, Dashboard). The deal panel records a loss as
 * a Stage history row into a lost stage whose Note starts with the reason
 * picked (`경쟁사 선택: 가격 비교 후 결정`), so the reason is read back from
 * the Note: no extra column, and rows typed by hand in the same form count too.
 */

/** One line of the block: a reason (`null` = no recognisable reason), its lost deals and their amount. */
export interface LostReasonRow {
  readonly reason: string | null;
  readonly deals: number;
  readonly amount: number;
}

/** What a lost deal brings: its Amount, and the Note of its latest row into a lost stage (`null`: none). */
export interface LostDealNote {
  readonly amount: number;
  readonly note: string | null;
}

/**
 * The reason a Note starts with: the longest of `reasons` (case ignored) that
 * the Note begins with, followed by `:` or the end (spaces before either are
 * allowed). Longest, so `Chose a competitor` wins over a reason `Chose`;
 * followed by `:` or the end, so `Pricey deal` is not `Price`. O(reasons · length).
 *
 * @example
 * reasonOf('경쟁사 선택: 가격 비교 후 결정', ['가격', '경쟁사 선택']) // → '경쟁사 선택'
 * reasonOf('price : too high', ['Price']) // → 'Price'
 * reasonOf('Pricey', ['Price']) // → null
 */
export function reasonOf(note: string, reasons: readonly string[]): string | null {
  const text = note.trim().toLowerCase();
  let best: string | null = null;
  for (const reason of reasons) {
    const key = reason.trim().toLowerCase();
    if (key === '' || !text.startsWith(key)) continue;
    const rest = text.slice(key.length).trimStart();
    if (rest !== '' && !rest.startsWith(':')) continue;
    if (best === null || key.length > best.trim().length) best = reason;
  }
  return best;
}

/**
 * The Note of a deal's latest row into a lost stage, from its rows in time
 * order (as `changesByDeal` gives them); `null` when none went into a lost stage.
 *
 * @example
 * const open = { name: '미팅', key: 'm', pipeline: '', outcome: 'open' }
 * const lost = { name: '실주', key: 's', pipeline: '', outcome: 'lost' }
 * const rows = [{ to: lost, note: '시기: 내년' }, { to: open, note: '재개' }, { to: lost, note: '예산 없음' }]
 * latestLostNote(rows) // → '예산 없음'
 */
export function latestLostNote(
  changes: readonly { readonly to: Pick<StageChange['to'], 'outcome'>; readonly note: string }[],
): string | null {
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i];
    if (change && change.to.outcome === 'lost') return change.note;
  }
  return null;
}

/**
 * Counts and sums lost deals by reason: one row per reason, in the order
 * given (a reason with no deals shows 0, so the block keeps its shape), then
 * the deals whose Note names none of them (`reason: null`). O(deals · reasons).
 *
 * @example
 * const lost = [
 *   { amount: 5000000, note: '가격: 20% 비쌈' },
 *   { amount: 3000000, note: '경쟁사 선택' },
 *   { amount: 2000000, note: null },
 * ]
 * lostByReason(lost, ['가격', '경쟁사 선택', '시기'])
 * // → [{ reason: '가격', deals: 1, amount: 5000000 }, { reason: '경쟁사 선택', deals: 1, amount: 3000000 }, { reason: '시기', deals: 0, amount: 0 }, { reason: null, deals: 1, amount: 2000000 }]
 */
export function lostByReason(lost: readonly LostDealNote[], reasons: readonly string[]): LostReasonRow[] {
  const totals = new Map<string | null, { deals: number; amount: number }>();
  for (const reason of [...reasons, null]) totals.set(reason, { deals: 0, amount: 0 });
  for (const deal of lost) {
    const reason = deal.note === null ? null : reasonOf(deal.note, reasons);
    const total = totals.get(reason) as { deals: number; amount: number };
    total.deals += 1;
    total.amount += deal.amount;
  }
  return [...totals].map(([reason, total]) => ({ reason, ...total }));
}
