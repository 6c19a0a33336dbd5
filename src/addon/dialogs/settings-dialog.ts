import type { SettingsState } from '../../shared/settings-protocol';
import { messages } from '../i18n/messages';
import { uiText } from '../i18n/ui-text';
import { dailyRunStatus, turnDailyChecksOff, turnDailyChecksOn } from '../schedule/triggers';
import { beginExecution, type Execution } from '../storage/execution';
import { readRunLog } from '../storage/run-log';
import { DEFAULT_LOST_REASONS, validateSettings, writeSettings } from '../storage/settings';

/** What the settings dialog shows: the settings, who runs the daily check, and the last run. */
export function settingsGetState(): SettingsState {
  return stateOf(beginExecution());
}

function stateOf(exec: Execution): SettingsState {
  const { ss, store, settings, language } = exec;
  const status = dailyRunStatus(ss, store);
  const lastRun = readRunLog(store);
  return {
    settings,
    language,
    defaultLostReasons: [...DEFAULT_LOST_REASONS[language]],
    dailyChecksOn: status.run !== null,
    dailyRun: status.run
      ? { owner: status.run.owner, hour: status.run.hour, timeZone: status.run.timeZone, mine: status.mine }
      : null,
    timeZone: ss.getSpreadsheetTimeZone(),
    settingsProblem: exec.settingsProblem,
    lastRunProblem: lastRun.unreadable ? messages(language).runLogUnreadable : null,
    lastRun: lastRun.log,
    mailQuota: settings.notifications ? MailApp.getRemainingDailyQuota() : null,
  };
}

/**
 * Saves validated settings and whether the daily check runs. A new daily
 * hour moves the daily trigger when it is the current user's; when the check
 * runs from someone else's account the hour is refused unless the user takes
 * the check over (`takeOver: true`).
 */
export function settingsSave(input: unknown): SettingsState {
  const exec = beginExecution();
  const { ss, store, language } = exec;
  // Errors are shown in the dialog, in the language it is in now.
  const settings = validateSettings(input, language);
  const extra = (typeof input === 'object' && input !== null ? input : {}) as {
    takeOver?: unknown;
    dailyChecksOn?: unknown;
  };
  const m = messages(language);
  if (extra.dailyChecksOn !== undefined && typeof extra.dailyChecksOn !== 'boolean')
    throw new Error(m.dailyChecksOnOrOff);
  if (extra.takeOver !== undefined && typeof extra.takeOver !== 'boolean') throw new Error(m.takeOverYesOrNo);
  const status = dailyRunStatus(ss, store);
  const wantOn = typeof extra.dailyChecksOn === 'boolean' ? extra.dailyChecksOn : status.run !== null;
  if (!wantOn) {
    if (status.run) turnDailyChecksOff(ss, store);
  } else if (
    !status.run ||
    extra.takeOver === true ||
    (status.mine && status.run.hour !== settings.dailyHour)
  ) {
    turnDailyChecksOn(ss, store, settings.dailyHour);
  } else if (!status.mine && status.run.hour !== settings.dailyHour) {
    throw new Error(uiText(language).hourOfOthers(status.run.owner, status.run.hour));
  }
  writeSettings(store, settings);
  store.save();
  // Read back as the next opening of the dialog will (the language may have changed).
  return stateOf(beginExecution());
}
