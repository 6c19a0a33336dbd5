import type {
  ChecklistRequest,
  EmailSendRequest,
  MoveRequest,
  TaskDoneRequest,
} from '../../shared/panel-protocol';

/**
 * Everything from the sidebar is untrusted: shapes and lengths are checked
 * before use, and a request that does not fit is refused as a whole.
 */
const MAX_TEXT = 2000;
const MAX_NAME = 200;
const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;

function asRecord(input: unknown): Record<string, unknown> | null {
  return typeof input === 'object' && input !== null && !Array.isArray(input)
    ? (input as Record<string, unknown>)
    : null;
}

export function validateMove(input: unknown): MoveRequest | null {
  const o = asRecord(input);
  if (!o) return null;
  const { dealId, expectedStage, toStage, override, note, reason = '' } = o;
  if (!isText(dealId, MAX_NAME) || dealId.trim() === '') return null;
  if (!isText(expectedStage, MAX_NAME) || !isText(toStage, MAX_NAME)) return null;
  if (typeof override !== 'boolean' || !isText(note) || !isText(reason, MAX_NAME)) return null;
  return { dealId: dealId.trim(), expectedStage, toStage, override, note, reason };
}

export function validateChecklist(input: unknown): ChecklistRequest | null {
  const o = asRecord(input);
  if (!o) return null;
  const { dealId, stage, criterion, done } = o;
  if (!isText(dealId, MAX_NAME) || dealId.trim() === '' || !isText(stage, MAX_NAME) || !isText(criterion))
    return null;
  if (typeof done !== 'boolean') return null;
  return { dealId: dealId.trim(), stage, criterion, done };
}

export function validateTaskDone(input: unknown): TaskDoneRequest | null {
  const o = asRecord(input);
  if (!o) return null;
  const { dealId, key, row, done } = o;
  if (!isText(dealId, MAX_NAME) || !isText(key) || typeof done !== 'boolean' || !Number.isInteger(row))
    return null;
  return { dealId, key, row: row as number, done };
}

export function validateEmailSend(input: unknown): EmailSendRequest | null {
  const o = asRecord(input);
  if (!o) return null;
  const { dealId, key } = o;
  return isText(dealId, MAX_NAME) && isText(key) && key !== '' ? { dealId, key } : null;
}
