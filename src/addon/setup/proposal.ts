import type { Cell } from '../../engine/cells';
import { proposeStages } from '../../engine/proposed-stages';
import type { ConnectStage } from '../../shared/connect-protocol';
import { connectText } from '../i18n/connect-text';

/**
 * The Stages a team's deals suggest (SPEC §4), as the dialog shows them:
 * the engine's proposal (the same one the CLI uses without a Stages CSV),
 * each with what its outcome and probability rest on, in words.
 */
export function proposedStages(
  grid: readonly (readonly Cell[])[],
  map: Readonly<Record<string, string>>,
  language: 'ko' | 'en',
): ConnectStage[] {
  const t = connectText(language);
  return proposeStages(grid, { map }).rows.map((row) => ({
    stage: row.stage,
    outcome: row.outcome,
    probability: row.probability,
    deals: row.basedOn.deals,
    basis:
      row.basedOn.outcome === 'name'
        ? t.basisOutcome
        : row.basedOn.probabilities > 0
          ? t.basisDeals(row.basedOn.probabilities)
          : t.basisNone,
  }));
}
