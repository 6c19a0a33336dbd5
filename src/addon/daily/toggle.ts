import { uiText } from '../i18n/ui-text';
import { dailyRunStatus, turnDailyChecksOff, turnDailyChecksOn } from '../schedule/triggers';
import { beginExecution } from '../storage/execution';

/**
 * Menu: flips the spreadsheet's daily check and says which way. When it runs
 * from someone else's account, turning it off for everyone is asked first.
 */
export function toggleDailyChecks(): void {
  const { ss, store, settings, language } = beginExecution();
  const t = uiText(language);
  const status = dailyRunStatus(ss, store);
  if (status.run) {
    if (!status.mine) {
      const ui = SpreadsheetApp.getUi();
      const answer = ui.alert(
        t.title,
        t.turnOffOthers(status.run.owner, status.run.hour),
        ui.ButtonSet.YES_NO,
      );
      if (answer !== ui.Button.YES) return;
    }
    turnDailyChecksOff(ss, store);
    store.save();
    ss.toast(t.checksOff, t.title, 6);
    return;
  }
  turnDailyChecksOn(ss, store, settings.dailyHour);
  store.save();
  ss.toast(t.checksOn(settings.dailyHour), t.title, 6);
}
