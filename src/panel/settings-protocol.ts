/**
 * What settingsGetState / settingsSave send (src/addon/dialogs.ts). Mirrored
 * here because the server's own types live beside Apps Script globals that
 * the browser build cannot see; keep the two in step.
 */
export interface SettingsWire {
  notifications: boolean;
  managerEmail: string;
  dailyHour: number;
  languageChoice: 'auto' | 'ko' | 'en';
}

export interface RunLogWire {
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
}

export interface SettingsStateWire {
  settings: SettingsWire;
  language: 'ko' | 'en';
  dailyChecksOn: boolean;
  lastRun: RunLogWire | null;
  mailQuota: number | null;
}
