import { describe, expect, it } from 'vitest';
import { closestHeader, matchColumns, normalizeHeader } from '../../src/engine/header-match';
import { DEALS, STAGES } from '../../src/engine/schema';

describe('headers as CRMs and teams write them', () => {
  it('a leading Deal / Opportunity word is read past (Pipedrive, Salesforce, Korean sheets)', () => {
    const pipedrive = matchColumns(
      ['Deal - ID', 'Deal - Title', 'Deal - Value', 'Deal - Stage', 'Deal - Owner'],
      DEALS,
    );
    expect(pipedrive.columns).toEqual({ dealId: 0, deal: 1, amount: 2, stage: 3, owner: 4 });
    const salesforce = matchColumns(
      ['Opportunity Name', 'Account Name', 'Opportunity Owner', 'Stage', 'Amount'],
      DEALS,
    );
    expect(salesforce.columns).toEqual({ deal: 0, company: 1, owner: 2, stage: 3, amount: 4 });
    expect(matchColumns(['Deal-금액', '딜 스테이지'], DEALS).columns).toEqual({ amount: 0, stage: 1 });
  });

  it('a trailing unit in brackets is read past and kept: 금액(천원) multiplies by 1,000', () => {
    const m = matchColumns(['건명', '금액(천원)', 'Probability (%)', 'Deal Value ($)'], DEALS);
    expect(m.columns).toMatchObject({ deal: 0, amount: 1, probability: 2 });
    expect(m.units.amount).toMatchObject({ multiplier: 1000, currency: 'KRW' });
    expect(m.units.probability).toMatchObject({ percent: true });
  });

  it('weighted figures are never the Amount', () => {
    for (const header of ['Expected Revenue', 'Weighted amount', 'Weighted value', 'Forecast amount'])
      expect(matchColumns([header, 'Stage'], DEALS).columns.amount, header).toBeUndefined();
    expect(matchColumns(['Expected Revenue', 'Amount', 'Stage'], DEALS).columns.amount).toBe(1);
  });

  it('a header the user mapped wins over an alias, and its column is no other field', () => {
    const m = matchColumns(['Stage', 'Phase', 'Budget'], DEALS, { stage: 'Phase', amount: 'budget' });
    expect(m.columns).toEqual({ stage: 1, amount: 2 });
  });

  it('the first matching column wins: a second Stage column is the team’s own', () => {
    expect(matchColumns(['Stage', 'Stage'], STAGES).columns).toEqual({ stage: 0 });
  });

  it('normalises case, spaces and punctuation', () => {
    expect(normalizeHeader('Expected_Close-Date')).toBe('expectedclosedate');
  });
});

describe('the header closest to a missing field', () => {
  it('is the most like one of its names, among headers no other field took', () => {
    expect(closestHeader(['Record ID', 'Deal Valu', 'Phase'], DEALS, 'amount', [0])).toBe('Deal Valu');
    expect(closestHeader(['Total deal value', 'Phase'], DEALS, 'amount', [])).toBe('Total deal value');
    expect(closestHeader(['Budget', 'Owner'], DEALS, 'amount', [])).toBeNull();
  });
});
