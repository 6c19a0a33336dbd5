import type { RunLog as RunLogWire, SettingsState as SettingsStateWire } from '../shared/settings-protocol';
import { el } from './dom';
import { formatInstant } from './format';
import type { Strings } from './i18n';

/**
 * The Settings dialog's record of the daily check: triggers send no failure
 * emails, so this is where a failed or partly failed run shows.
 */
/** Whether the daily check is scheduled, and what its last run did. */
export function lastRun(s: Strings, state: SettingsStateWire): HTMLElement {
  const log: RunLogWire | null = state.lastRun;
  const tag = state.language === 'ko' ? 'ko-KR' : 'en-US';
  const rows: [string, Node | string][] = [[s.dailyChecks, state.dailyChecksOn ? s.checksOn : s.checksOff]];
  if (!log && state.lastRunProblem)
    rows.push([s.lastRun, el('span', { class: 'late', id: 'last-run-problem' }, state.lastRunProblem)]);
  else if (!log) rows.push([s.lastRun, s.never]);
  else {
    rows.push([
      s.lastRun,
      `${formatInstant(log.at, tag, state.timeZone)} (${s.trigger[log.trigger] ?? log.trigger})`,
    ]);
    rows.push(['', el('span', { class: log.ok ? '' : 'late' }, log.ok ? s.runOk : s.runFailed)]);
    const counts = s.counts({
      deals: log.deals,
      stale: log.stale,
      overdue: log.overdue,
      tasks: log.tasksCreated,
      emails: log.emailsSent,
    });
    if (counts) rows.push(['', counts]);
    if (log.emailsSkipped) rows.push(['', el('span', { class: 'late' }, s.emailsSkipped(log.emailsSkipped))]);
    if (log.emailsFailed)
      rows.push([
        '',
        el('span', { class: 'late' }, s.emailsFailed(log.emailsFailed, (log.emailFailures ?? []).join('; '))),
      ]);
    if (log.loggedLate) rows.push(['', s.loggedLate(log.loggedLate)]);
    for (const warning of log.warnings ?? []) rows.push(['', el('span', { class: 'late' }, warning)]);
    if (log.error) rows.push(['', el('span', { class: 'flash error' }, log.error)]);
  }
  if (state.mailQuota !== null) rows.push(['', s.mailQuota(state.mailQuota)]);
  return el(
    'section',
    { class: 'card run', 'aria-labelledby': 'run-h' },
    el('h2', { id: 'run-h' }, s.runSection),
    el('dl', {}, ...rows.flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value)])),
  );
}
