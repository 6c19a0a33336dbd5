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
  /** The currency the amounts are in (the deal's own, else the spreadsheet locale's), `null` when none is known. */
  currency: string | null;
  expectedClose: string;
  /** Health as a daily check run now would write it (not the cell's text, which may be last night's). */
  health: string;
  stage: string;
  stageEntered: string;
  daysInStage: number | null;
  staleAfter: number | null;
  /** Its stage is an open one: it has exit criteria to meet (a won or lost deal owes nothing). */
  open: boolean;
  /** Expected close is before today and the deal is still open. */
  overdue: boolean;
  /** By how many days (today − Expected close) when overdue, else 0. */
  overdueDays: number;
  /** A lost deal's reason: the Settings reason its Note starts with, else that Note ('' for open or won deals). */
  lostReason: string;
  /** Its Stage cell names a stage of Stages; when not, nothing that depends on the stage (moves, checklist) is offered. */
  stageKnown: boolean;
  /** Cells of these figures could not be read: the panel says so instead of showing 0 or nothing. */
  unreadable: { amount: boolean; expectedClose: boolean; stageEntered: boolean };
}

export interface PanelTask {
  key: string;
  row: number;
  task: string;
  due: string;
  done: boolean;
  source: string;
  /** Days past its Due date (0: not overdue). Overdue tasks come first, the latest first. */
  overdueDays: number;
}

/** One Stage history row of the deal, oldest first. */
export interface PanelTimelineRow {
  /** `YYYY-MM-DD HH:mm` in the spreadsheet's time zone. */
  when: string;
  /** Blank for the row that put the deal into the pipeline. */
  from: string;
  to: string;
  by: string;
  note: string;
  /** The add-on wrote it for a move past unmet criteria (its Note begins `Override` / `예외 처리`). */
  override: boolean;
}

/** An entry email drafted for the deal's contact (SPEC §4), sent from the panel on one click. */
export interface PanelEmail {
  /** The email task's Key and row in Tasks. */
  key: string;
  row: number;
  stage: string;
  to: string;
  subject: string;
  body: string;
  /** Why it cannot be sent as it is (no or a bad Contact email); `null` when it can. */
  problem: string | null;
}

export interface EmailSendRequest {
  dealId: string;
  key: string;
}

export interface PanelState {
  /** The sheet and row this state is for: the panel compares the selection it polls with it. */
  selection: PanelSelection;
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
  /** Entry emails of the current stay still to send. */
  emails: PanelEmail[];
  /** Every Stage history row of the deal. */
  timeline: PanelTimelineRow[];
  /** The row's unreadable values, each named (column, value, why); the deal is still shown. */
  problems: string[];
  /** The reasons a loss is picked from (Settings), none preselected. */
  lostReasons: string[];
  /** For a won or lost deal: the stage Reopen proposes (the From of its row into won/lost), or `null`. */
  reopenTo: string | null;
  /** The stage a forward move goes to: the next open stage, or the won stage after the last. */
  next: string | null;
}

/** Why a deal is on the Needs attention list. */
export type AttentionReason = 'stale' | 'overdue' | 'override' | 'problem';

export interface AttentionItem {
  /** Its Deals sheet row now (the list is read afresh each time it is asked for). */
  row: number;
  dealId: string;
  name: string;
  reasons: AttentionReason[];
}

export interface AttentionList {
  /** Only the deals whose Owner is the active user's email. */
  mine: boolean;
  /** The active user's email ('' when Apps Script does not say). */
  user: string;
  items: AttentionItem[];
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
  /** For a move to a lost stage: one of the state's lostReasons (the Note then starts with it); else ''. */
  reason?: string;
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

/**
 * `selection`: the selected row is not the deal the request names (the user selected another row meanwhile);
 * `reason`: a loss without a reason picked from the Settings list.
 */
export type RefusalReason =
  | 'selection'
  | 'reason'
  | 'changed'
  | 'criteria'
  | 'note'
  | 'same'
  | 'invalid'
  | 'busy'
  | 'missing';

export type ActionResult =
  | { ok: true; message: string; state: PanelState }
  | { ok: false; reason: RefusalReason; message: string; missing: string[]; state: PanelState | null };
