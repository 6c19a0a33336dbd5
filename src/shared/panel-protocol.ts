/**
 * What crosses `google.script.run` between the deal panel and the server:
 * plain objects only, dates as `YYYY-MM-DD` strings (a `Date` does not cross).
 * Imported by both sides, so a change breaks the build on both.
 */
export type PanelLanguage = 'ko' | 'en';

/** How a move to a stage relates to where the deal is: decided by the server, shown by the panel. */
export type PanelMoveKind = 'forward' | 'back' | 'lost' | 'reopen' | 'same';

export interface PanelStage {
  name: string;
  outcome: 'open' | 'won' | 'lost';
  probability: number;
  /** What a move there would be for the deal shown (`null` when no deal is shown). */
  move: PanelMoveKind | null;
}

export interface PanelDeal {
  id: string;
  row: number;
  name: string;
  company: string;
  owner: string;
  amount: number;
  weighted: number;
  expectedClose: string;
  health: string;
  stage: string;
  stageEntered: string;
  daysInStage: number | null;
  staleAfter: number | null;
  /** Its stage is an open one: it has exit criteria to meet (a won or lost deal owes nothing). */
  open: boolean;
  /** Expected close is before today and the deal is still open. */
  overdue: boolean;
}

export interface PanelTask {
  key: string;
  row: number;
  task: string;
  due: string;
  done: boolean;
  source: string;
}

export interface PanelState {
  language: PanelLanguage;
  locale: string;
  today: string;
  stages: PanelStage[];
  deal: PanelDeal | null;
  /** Why no deal is shown (another sheet selected, header row, blank stage, bad values). */
  notice: string | null;
  checklist: { criterion: string; done: boolean }[];
  requiredFields: { field: string; filled: boolean }[];
  missing: string[];
  openTasks: PanelTask[];
  /** The stage a forward move goes to: the next open stage, or the won stage after the last. */
  next: string | null;
}

export interface PanelSelection {
  sheet: string;
  row: number;
}

export interface MoveRequest {
  dealId: string;
  /** The stage the panel showed; the move is refused if the sheet says otherwise now. */
  expectedStage: string;
  toStage: string;
  override: boolean;
  note: string;
}

export interface ChecklistRequest {
  dealId: string;
  stage: string;
  criterion: string;
  done: boolean;
}

export interface TaskDoneRequest {
  dealId: string;
  key: string;
  row: number;
  done: boolean;
}

export type RefusalReason = 'changed' | 'criteria' | 'note' | 'same' | 'invalid' | 'busy' | 'missing';

export type ActionResult =
  | { ok: true; message: string; state: PanelState }
  | { ok: false; reason: RefusalReason; message: string; missing: string[]; state: PanelState | null };
