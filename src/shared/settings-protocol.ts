/**
 * What the settings dialog and the server exchange (settingsGetState,
 * settingsSave), and what is kept in document properties. Plain types only:
 * the browser build imports this file too.
 */
export type LanguageChoice = 'auto' | 'ko' | 'en';

/** What a team sets once per spreadsheet. */
export interface Settings {
  notifications: boolean;
  managerEmail: string;
  /** Hour of the day (0–23, spreadsheet time zone) the daily check runs. */
  dailyHour: number;
  /** `auto` follows the spreadsheet's locale. */
  languageChoice: LanguageChoice;
  /**
   * The reasons a lost deal is picked from (SPEC §4), in order; empty = the
   * defaults in the spreadsheet's language (가격 · 경쟁사 선택 · … / Price · …).
   */
  lostReasons: string[];
  /**
   * Send a stage's entry email as soon as a deal enters it, without the panel's
   * click (SPEC §4; off by default): from the account that makes the change,
   * within MailApp's daily quota. Absent in settings saved before it existed.
   */
  autoSendEntryEmails?: boolean;
}

/** What the settings dialog saves: the settings, whether the daily check should run, and an explicit take-over. */
export interface SettingsSaveRequest extends Settings {
  /** Turn the daily check on or off; left out, it stays as it is. */
  dailyChecksOn?: boolean;
  /** Run the daily check from the current user's account (it runs from someone else's now). */
  takeOver?: boolean;
}

/** What the last daily check did, shown in Settings: triggers send no failure emails. */
export interface RunLog {
  at: string;
  trigger: 'menu' | 'schedule';
  ok: boolean;
  error?: string;
  deals?: number;
  stale?: number;
  overdue?: number;
  healthChanged?: number;
  tasksCreated?: number;
  emailsSent?: number;
  /** Digests not sent because MailApp's daily quota ran out; the next run sends them. */
  emailsSkipped?: number;
  /** Digests whose send failed; the next run tries them again. */
  emailsFailed?: number;
  /** `address: error` of the first failed sends. */
  emailFailures?: string[];
  problems?: number;
  /** Stage changes found missing from the history and logged by this run, with a note saying so. */
  loggedLate?: number;
  /** What the run could not use as stored (unreadable settings or last-run record), in words. */
  warnings?: string[];
}

/** Who runs the spreadsheet's daily check: one user's trigger, recorded for everyone to see. */
export interface DailyRunInfo {
  owner: string;
  hour: number;
  timeZone: string;
  /** The current user runs it. */
  mine: boolean;
}

export interface SettingsState {
  settings: Settings;
  language: 'ko' | 'en';
  /** The lost reasons used while `settings.lostReasons` is empty: SPEC §4's, in `language`. */
  defaultLostReasons: string[];
  dailyChecksOn: boolean;
  /** Whose account the daily check runs from; `null` when it is off. */
  dailyRun: DailyRunInfo | null;
  /** The spreadsheet's time zone, which the daily hour is in. */
  timeZone: string;
  /** Why the stored settings could not be used (defaults shown instead), or `null`. */
  settingsProblem: string | null;
  /** Why the record of the last run could not be read (then `lastRun` is null but a run happened), or `null`. */
  lastRunProblem: string | null;
  lastRun: RunLog | null;
  mailQuota: number | null;
}
