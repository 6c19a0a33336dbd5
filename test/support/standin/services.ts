import type { StandInContext } from './context';
import { ChartType } from './enums';
import { HtmlService } from './html';
import { LockService } from './lock';
import { Logger, makeConsole } from './logger';
import { MailApp } from './mail';
import { PropertiesService } from './properties';
import { Session } from './session';
import { SpreadsheetApp } from './spreadsheet';
import { ScriptApp } from './triggers';
import { Ui } from './ui';
import { Utilities } from './utilities';

/** The Apps Script global names the bundle may use, and nothing else. */
export const GLOBAL_NAMES: readonly (keyof Services)[] = [
  'SpreadsheetApp',
  'PropertiesService',
  'LockService',
  'ScriptApp',
  'Session',
  'Utilities',
  'HtmlService',
  'MailApp',
  'Logger',
  'Charts',
  'console',
];

export interface GlobalOptions {
  /** Session.getActiveUserLocale(), e.g. `ko`. */
  userLocale: () => string;
  effectiveUser: () => string;
}

/** The globals, typed, for tests that call the services directly. */
export interface Services {
  SpreadsheetApp: SpreadsheetApp;
  PropertiesService: PropertiesService;
  LockService: LockService;
  ScriptApp: ScriptApp;
  Session: Session;
  Utilities: Utilities;
  HtmlService: HtmlService;
  MailApp: MailApp;
  Logger: Logger;
  Charts: { readonly ChartType: typeof ChartType };
  console: ReturnType<typeof makeConsole>;
}

/** Builds the globals of one stand-in; every object shares `ctx`. */
export function makeGlobals(ctx: StandInContext, options: GlobalOptions): Services {
  return {
    SpreadsheetApp: new SpreadsheetApp(ctx, () => new Ui(ctx)),
    PropertiesService: new PropertiesService(ctx),
    LockService: new LockService(ctx),
    ScriptApp: new ScriptApp(ctx),
    Session: new Session(ctx, options.userLocale, options.effectiveUser),
    Utilities: new Utilities(ctx),
    HtmlService: new HtmlService(ctx),
    MailApp: new MailApp(ctx),
    Logger: new Logger(ctx),
    // Charts is only used here for its ChartType enum.
    Charts: Object.freeze({ ChartType }),
    console: makeConsole(ctx.logs),
  };
}
