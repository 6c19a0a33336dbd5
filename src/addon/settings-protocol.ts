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
  emailsSkipped?: number;
  problems?: number;
  /** The spreadsheet day the digest went out, so a second run that day sends none. */
  digestDay?: string;
}

export interface SettingsState {
  settings: Settings;
  language: 'ko' | 'en';
  dailyChecksOn: boolean;
  lastRun: RunLog | null;
  mailQuota: number | null;
}
