import type { Cell } from '../../engine/cells';
import { DEALS } from '../../engine/schema';
import { Zone } from '../../engine/zone';
import type {
  ConnectRequest,
  ConnectSaveRequest,
  ConnectStage,
  ConnectState,
} from '../../shared/connect-protocol';
import { connectText } from '../i18n/connect-text';
import { uiText } from '../i18n/ui-text';
import { ensureEditTrigger } from '../schedule/triggers';
import { Ownership } from '../sheets/ownership';
import { readGrid } from '../sheets/sheets-io';
import { loadSheet } from '../sheets/workbook';
import { readColumnMap, writeColumnMap } from '../storage/column-map';
import { beginExecution, type Execution } from '../storage/execution';
import { readingOf, sheetsByFit } from './connect-read';
import { outcomeWord } from './default-pipeline';
import { proposedStages } from './proposal';
import { setupWorkbook } from './setup';

/** The sheet the dialog proposes (the connected one, else the best fit for Deals) and how it reads. */
export function connectGetState(): ConnectState {
  const exec = beginExecution();
  const own = new Ownership(exec.ss, exec.store);
  const sheets = sheetsByFit(exec.ss, own);
  const connected = own.rememberedName('Deals');
  const best = [...sheets].sort((a, b) => b.score - a.score)[0]?.name ?? '';
  const sheet = connected && sheets.some((s) => s.name === connected) ? connected : best;
  return stateOf(exec, own, sheets, { sheet, map: definedOnly(exec.columnMap.Deals ?? {}) });
}

/** How another sheet, or another mapping, reads; nothing is saved. */
export function connectPreview(input: unknown): ConnectState {
  const exec = beginExecution();
  const own = new Ownership(exec.ss, exec.store);
  return stateOf(exec, own, sheetsByFit(exec.ss, own), requestOf(input));
}

/**
 * Connects the sheet: saves the map, tags the sheet as the pipeline's Deals,
 * and makes the add-on's own sheets (Stages from the proposal when there is
 * none, Stage history, Tasks). Nothing is written to the team's sheet.
 */
export function connectSave(input: unknown): ConnectState {
  const exec = beginExecution();
  const request = requestOf(input);
  const stages = stagesOf(input);
  const own = new Ownership(exec.ss, exec.store);
  const sheet = exec.ss.getSheetByName(request.sheet);
  if (!sheet) throw new Error(connectText(exec.language).noSheet(request.sheet));
  const state = stateOf(exec, own, sheetsByFit(exec.ss, own), request);
  if (state.problem) throw new Error(state.problem);
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) throw new Error(uiText(exec.language).busy);
  try {
    writeColumnMap(exec.store, { ...readColumnMap(exec.store), Deals: request.map });
    own.tagSheet(sheet, 'Deals');
    const connected: Execution = { ...exec, columnMap: { ...exec.columnMap, Deals: request.map } };
    setupWorkbook(connected, {
      connectedDeals: sheet,
      stageRows: stages ? stageRows(stages, exec.language) : null,
    });
    ensureEditTrigger(exec.ss);
    exec.store.save();
  } finally {
    lock.releaseLock();
  }
  const after = beginExecution();
  const afterOwn = new Ownership(after.ss, after.store);
  return stateOf(after, afterOwn, sheetsByFit(after.ss, afterOwn), request);
}

function stateOf(
  exec: Execution,
  own: Ownership,
  sheets: { name: string; score: number }[],
  request: ConnectRequest,
): ConnectState {
  const t = connectText(exec.language);
  const sheet = exec.ss.getSheetByName(request.sheet);
  const grid: Cell[][] = sheet ? readGrid(sheet) : [];
  const zone = new Zone(exec.ss.getSpreadsheetTimeZone());
  const reading = readingOf(grid, request.map, zone, exec.language, exec.locale);
  const missing = reading.fields.filter((f) => f.required && f.header === null).map((f) => f.label);
  const stagesSheet = loadSheet(exec.ss, 'Stages', own)?.sheet.getName() ?? null;
  const connected =
    own.rememberedName('Deals') === request.sheet && sameMap(exec.columnMap.Deals ?? {}, request.map);
  return {
    language: exec.language,
    sheets,
    sheet: request.sheet,
    headerRow: reading.headerRow,
    headers: reading.headers,
    fields: reading.fields,
    amountUnit: reading.amountUnit,
    currency: reading.currency,
    dateOrder: reading.dateOrder,
    stagesSheet,
    proposedStages:
      stagesSheet || missing.length > 0 ? null : proposedStages(grid, request.map, exec.language),
    problem: !sheet ? t.noSheet(request.sheet) : missing.length > 0 ? t.needs(missing) : null,
    connected,
  };
}

/** The rows of a new Stages sheet, in SETUP_COLUMNS.Stages order: stage, probability, stale after, outcome. */
function stageRows(stages: NonNullable<ConnectSaveRequest['stages']>, language: 'ko' | 'en'): Cell[][] {
  return stages.map((s) => [
    s.stage,
    s.outcome === 'won' ? 1 : s.outcome === 'lost' ? 0 : (s.probability ?? ''),
    '',
    s.outcome === 'open' ? '' : outcomeWord(s.outcome, language),
    '',
    '',
    '',
  ]);
}

const MAX_TEXT = 200;

function sameMap(a: Partial<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

function definedOnly(map: Partial<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) if (v !== undefined) out[k] = v;
  return out;
}

/** The dialog's request, checked: a sheet name and a map of known fields to headers (`''` = "(none)"). */
function requestOf(input: unknown): ConnectRequest {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const sheet = typeof o.sheet === 'string' ? o.sheet.slice(0, MAX_TEXT) : '';
  const map: Record<string, string> = {};
  if (typeof o.map === 'object' && o.map !== null)
    for (const [field, header] of Object.entries(o.map as Record<string, unknown>))
      if (field in DEALS.columns && field !== 'health' && typeof header === 'string')
        map[field] = header.trim() === '' ? '' : header.slice(0, MAX_TEXT);
  return { sheet, map };
}

function stagesOf(input: unknown): ConnectStage[] | null {
  const stages = (input as { stages?: unknown } | null)?.stages;
  if (!Array.isArray(stages)) return null;
  return stages.slice(0, 100).flatMap((s): ConnectStage[] => {
    const o = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
    if (typeof o.stage !== 'string' || o.stage.trim() === '') return [];
    const outcome = o.outcome === 'won' || o.outcome === 'lost' ? o.outcome : 'open';
    const p =
      typeof o.probability === 'number' && o.probability >= 0 && o.probability <= 1 ? o.probability : null;
    return [{ stage: o.stage.slice(0, MAX_TEXT), outcome, probability: p, deals: 0, basis: '' }];
  });
}
