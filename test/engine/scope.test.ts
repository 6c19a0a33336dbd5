/**
 * Which deals a figure is about (SPEC §2 Currencies, §3 `pipeline`, §6
 * `--currency` / `--pipeline`): one pipeline or all, in one currency; a deal
 * in another currency is left out and listed, never summed.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/engine/cells';
import { readDeals } from '../../src/engine/deals';
import { commonCurrency, currencyProblem, inScope, pipelinesOf } from '../../src/engine/scope';
import { readPipeline } from '../../src/engine/stages';
import { Zone } from '../../src/engine/zone';

const ctx = { zone: new Zone('Asia/Seoul'), locale: 'ko_KR' };

const STAGES: Cell[][] = [
  ['파이프라인', '단계', '확률', '결과'],
  ['신규', '데모', '20%', ''],
  ['신규', '실주', '0%', '실주'],
  ['갱신', '데모', '80%', ''],
  ['갱신', '실주', '0%', '실주'],
];

/** Deals in two pipelines and three currencies. */
function deals(rows: Cell[][]) {
  const read = readDeals(
    [['딜 ID', '금액', '통화', '단계', '파이프라인'], ...rows],
    readPipeline(STAGES),
    ctx,
  );
  expect(read.problems).toEqual([]);
  return read;
}

const READ = () =>
  deals([
    ['K-1', '₩10,000,000', '', '데모', '신규'],
    ['K-2', '$12,500', '', '데모', '신규'],
    ['K-3', 5_000_000, '', '데모', '갱신'],
    ['K-4', 3_000, 'EUR', '데모', '갱신'],
    ['K-5', '$800', '', '실주', '갱신'],
    ['K-6', 0, 'usd', '데모', '신규'],
    ['K-7', 2_000_000, 'KRW', '데모', ''],
  ]);

describe('inScope', () => {
  it('keeps the forecast’s currency and deals naming none; lists the others that would add something', () => {
    const scoped = inScope(READ().deals, { currency: 'KRW' });
    // K-5 is lost and K-6 is zero: neither adds anything, so neither is refused for its currency.
    expect(scoped.deals.map((d) => d.id)).toEqual(['K-1', 'K-3', 'K-5', 'K-6', 'K-7']);
    expect(scoped.otherCurrency.map((d) => [d.id, d.currency])).toEqual([
      ['K-2', 'USD'],
      ['K-4', 'EUR'],
    ]);
  });

  it('counts every amount when no currency is known to check against', () => {
    const scoped = inScope(READ().deals, { currency: null });
    expect(scoped.deals).toHaveLength(7);
    expect(scoped.otherCurrency).toEqual([]);
  });

  it('keeps one pipeline (case and spaces ignored); blank or null is every pipeline', () => {
    const all = READ().deals;
    // K-7's blank Pipeline is the first pipeline, 신규.
    expect(inScope(all, { pipeline: '신규', currency: 'KRW' }).deals.map((d) => d.id)).toEqual([
      'K-1',
      'K-6',
      'K-7',
    ]);
    expect(inScope(all, { pipeline: ' 갱신 ', currency: 'KRW' })).toMatchObject({
      deals: [{ id: 'K-3' }, { id: 'K-5' }],
      otherCurrency: [{ id: 'K-4' }],
    });
    expect(inScope(all, { pipeline: '', currency: null }).deals).toHaveLength(7);
    expect(inScope(all, { pipeline: null, currency: null }).deals).toHaveLength(7);
  });
});

describe('currencyProblem', () => {
  it('names the row, the column that says the currency, the currency and the amount', () => {
    const read = READ();
    const [usd, eur] = inScope(read.deals, { currency: 'KRW' }).otherCurrency;
    if (!usd || !eur) throw new Error('expected two deals in other currencies');
    // K-2 (row 3): its Currency cell is blank, so the $ in its Amount says it.
    expect(currencyProblem(read.table, usd, 'KRW')).toMatchObject({
      table: 'Deals',
      row: 3,
      column: '금액',
      value: '$12,500',
    });
    expect(currencyProblem(read.table, usd, 'KRW').message).toMatch(/^금액 is in USD \(12,500 USD\).*KRW/);
    // K-4 (row 5): its Currency cell says EUR.
    expect(currencyProblem(read.table, eur, 'KRW')).toMatchObject({ row: 5, column: '통화', value: 'EUR' });
    expect(currencyProblem(read.table, eur, 'KRW').message).toContain('EUR (3,000 EUR)');
  });
});

describe('commonCurrency', () => {
  it('is the currency most deals that add to the forecast name, the first seen winning a tie; null when none names one', () => {
    // KRW: K-1, K-7; USD: K-2 (K-5 is lost and K-6 is zero: they add nothing, so they do not vote); EUR: K-4.
    expect(commonCurrency(READ().deals)).toBe('KRW');
    // Old lost deals in dollars do not make the open deals in euros "another currency".
    const lostInDollars = deals([
      ['K-1', '$100', '', '실주', '신규'],
      ['K-2', '$200', '', '실주', '신규'],
      ['K-3', '€300', '', '데모', '신규'],
    ]);
    expect(commonCurrency(lostInDollars.deals)).toBe('EUR');
    // When no deal that adds names one, the others decide.
    const onlyLost = deals([
      ['K-1', '$100', '', '실주', '신규'],
      ['K-2', 500, '', '데모', '신규'],
    ]);
    expect(commonCurrency(onlyLost.deals)).toBe('USD');
    const tie = deals([
      ['K-1', '€100', '', '데모', ''],
      ['K-2', '$100', '', '데모', ''],
    ]);
    expect(commonCurrency(tie.deals)).toBe('EUR');
    const plain = deals([['K-1', 100, '', '데모', '']]);
    expect(commonCurrency(plain.deals)).toBeNull();
    expect(commonCurrency([])).toBeNull();
  });
});

describe('pipelinesOf', () => {
  it('is Stages’ pipelines in order, then any other the deals name; [""] when none is named', () => {
    const read = READ();
    expect(pipelinesOf(read.deals, ['신규', '갱신'])).toEqual(['신규', '갱신']);
    // Stages without a Pipeline column: the deals' pipelines in order of first appearance.
    const flat = readDeals(
      [
        ['Amount', 'Stage', 'Pipeline'],
        [100, 'Demo', 'SMB'],
        [200, 'Demo', 'Enterprise'],
        [300, 'Demo', 'smb'],
      ],
      readPipeline([
        ['Stage', 'Probability'],
        ['Demo', '50%'],
      ]),
      ctx,
    );
    expect(pipelinesOf(flat.deals, [])).toEqual(['SMB', 'Enterprise']);
    const none = readDeals(
      [
        ['Amount', 'Stage'],
        [100, 'Demo'],
      ],
      readPipeline([
        ['Stage', 'Probability'],
        ['Demo', '50%'],
      ]),
      ctx,
    );
    expect(pipelinesOf(none.deals, [])).toEqual(['']);
  });
});
