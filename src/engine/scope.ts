import type { Deal } from './deals';
import type { Problem } from './problems';
import { problemAt } from './row-problems';
import type { DealField } from './schema';
import type { Table } from './table';
import { stageKey } from './values';

/**
 * Which deals a figure is about (SPEC §2, §3): one pipeline or all of them,
 * in one currency. A deal in another currency is never summed with the
 * others (no exchange rate is guessed): it is left out and listed.
 */
export interface Scope {
  /** A pipeline name (case and spaces ignored), or `null`/`''` for every pipeline. */
  readonly pipeline?: string | null;
  /** The forecast's currency; `null` counts every amount (no currency is known to check against). */
  readonly currency: string | null;
}

/** The deals a figure counts, and the open or won deals left out for their currency. */
export interface Scoped {
  readonly deals: readonly Deal[];
  readonly otherCurrency: readonly Deal[];
}

/**
 * The deals in scope. A deal with no currency of its own is in the
 * forecast's; a lost deal or a zero amount adds nothing, so it is never
 * refused for its currency.
 *
 * @example
 * const pipeline = readPipeline([['Stage', 'Probability'], ['Demo', '50%']]);
 * const read = readDeals([['Amount', 'Stage'], ['₩1,000', 'Demo'], ['$20', 'Demo'], [300, 'Demo']], pipeline, { zone: new Zone('UTC') });
 * inScope(read.deals, { currency: 'KRW' }).deals.map((d) => d.amount) // → [1000, 300]
 * inScope(read.deals, { currency: 'KRW' }).otherCurrency.map((d) => d.currency) // → ['USD']
 */
export function inScope(deals: readonly Deal[], scope: Scope): Scoped {
  const where = scopeOf(scope);
  // The usual case, every deal in scope, keeps the list as it is (no copy of a 500,000-deal array).
  if (!where.narrows && !deals.some((d) => where(d) === 'otherCurrency')) return { deals, otherCurrency: [] };
  const kept: Deal[] = [];
  const otherCurrency: Deal[] = [];
  for (const deal of deals) {
    const place = where(deal);
    if (place === 'in') kept.push(deal);
    else if (place === 'otherCurrency') otherCurrency.push(deal);
  }
  return { deals: kept, otherCurrency };
}

/** Where one deal stands in a scope: counted, in another pipeline, or in another currency (a problem). */
export type ScopePlace = 'in' | 'out' | 'otherCurrency';

/**
 * The scope as a test of one deal, for readers that hand deals over one at a
 * time; `narrows` says whether it can leave any deal out (a pipeline is named).
 *
 * @example
 * const where = scopeOf({ pipeline: 'Enterprise', currency: 'KRW' });
 * where.narrows // → true
 */
export function scopeOf(scope: Scope): ((deal: Deal) => ScopePlace) & { readonly narrows: boolean } {
  const wanted = scope.pipeline ? stageKey(scope.pipeline) : null;
  const place = (deal: Deal): ScopePlace => {
    if (wanted !== null && stageKey(deal.pipeline) !== wanted) return 'out';
    const foreign =
      scope.currency !== null &&
      deal.currency !== null &&
      deal.currency !== scope.currency &&
      deal.outcome !== 'lost' &&
      deal.amount !== 0;
    return foreign ? 'otherCurrency' : 'in';
  };
  return Object.assign(place, { narrows: wanted !== null });
}

/** Why a deal in another currency is not in the figures, as a problem on its row. */
export function currencyProblem(table: Table<DealField>, deal: Deal, currency: string): Problem {
  const field: DealField =
    table.columns.currency !== undefined && deal.cells[table.columns.currency] !== '' ? 'currency' : 'amount';
  const c = table.columns[field] as number;
  const amount = `${deal.amount.toLocaleString('en-US')} ${deal.currency}`;
  return problemAt(
    table,
    deal.row - table.firstRow,
    field,
    deal.cells[c] ?? '',
    `is in ${deal.currency} (${amount}); the forecast is in ${currency} and no exchange rate is guessed, so the deal is left out of every figure`,
  );
}

/**
 * The currency most deals name (SPEC §2: the CLI's default), the first seen
 * winning a tie; `null` when none names one. Counted over the deals the
 * forecast adds up (open or won, a non-zero amount): those are the ones a
 * currency check can leave out, so a file of old lost deals in dollars does
 * not make its open deals in euros "another currency". Only when none of
 * them names a currency do the others decide.
 *
 * @example
 * const pipeline = readPipeline([['Stage', 'Probability'], ['Demo', '50%'], ['Lost', '0%']]);
 * const read = readDeals([['Amount', 'Stage'], ['$10', 'Lost'], ['$20', 'Lost'], ['€30', 'Demo']], pipeline, { zone: new Zone('UTC') });
 * commonCurrency(read.deals) // → 'EUR'
 */
export function commonCurrency(deals: readonly Deal[]): string | null {
  const counted = deals.filter((d) => d.outcome !== 'lost' && d.amount !== 0);
  return mostNamed(counted) ?? mostNamed(deals);
}

function mostNamed(deals: readonly Deal[]): string | null {
  const counts = new Map<string, number>();
  for (const d of deals) if (d.currency !== null) counts.set(d.currency, (counts.get(d.currency) ?? 0) + 1);
  let best: string | null = null;
  for (const [code, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = code;
  return best;
}

/**
 * The pipelines the deals are in, in order of first appearance in Stages
 * (`names`) then in the deals; `['']` when none is named anywhere.
 */
export function pipelinesOf(deals: readonly Deal[], names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names) seen.set(stageKey(n), n);
  for (const d of deals) if (!seen.has(stageKey(d.pipeline))) seen.set(stageKey(d.pipeline), d.pipeline);
  const all = [...seen.values()];
  return all.length === 0 ? [''] : all;
}
