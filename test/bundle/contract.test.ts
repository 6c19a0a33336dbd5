import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';

// `npm test` builds first; these tests read what `clasp push` would upload.
const code = readFileSync('dist/Code.js', 'utf8');
const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8')) as Record<string, unknown>;

const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'onDealsEdit',
  'showDealPanel',
  'setupPipeline',
  'runDailyChecks',
  'runChecksNow',
  'toggleDailyChecks',
  'buildDashboard',
  'showSettings',
  'panelGetSelection',
  'panelGetAttention',
  'panelGetState',
  'panelMoveDeal',
  'panelSelectDeal',
  'panelSetChecklistItem',
  'panelSetTaskDone',
  'panelSendEntryEmail',
  'settingsGetState',
  'settingsSave',
  'showConnect',
  'connectGetState',
  'connectPreview',
  'connectSave',
  'showReview',
  'reviewGetState',
  'reviewApply',
];
const CUSTOM_FUNCTIONS: Record<string, string[]> = {
  FORECAST_WEIGHTED: ['deals', 'stages', 'month', 'pipeline'],
  FORECAST_RANGE: ['deals', 'stages', 'month', 'trials', 'pipeline'],
  STAGE_CONVERSION: ['history', 'stages', 'as_of', 'pipeline'],
  WIN_RATE: ['history', 'stages', 'stage', 'min_closed', 'as_of'],
};

describe('dist/Code.js as Apps Script loads it', () => {
  const comments: acorn.Comment[] = [];
  const program = acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script', onComment: comments });

  it('is one ES2020 classic script: no import, export or require', () => {
    expect(program.sourceType).toBe('script');
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('declares every entry point as a top-level function', () => {
    const declared = program.body
      .filter((n): n is acorn.FunctionDeclaration => n.type === 'FunctionDeclaration')
      .map((n) => n.id.name);
    for (const name of [...ENTRY_POINTS, ...Object.keys(CUSTOM_FUNCTIONS)]) expect(declared).toContain(name);
  });

  it('puts each custom function’s @customfunction JSDoc directly above its declaration, every parameter named', () => {
    for (const [name, params] of Object.entries(CUSTOM_FUNCTIONS)) {
      const fn = program.body.find(
        (n): n is acorn.FunctionDeclaration => n.type === 'FunctionDeclaration' && n.id.name === name,
      );
      expect(fn, name).toBeDefined();
      if (!fn) continue;
      expect(fn.params.map((p) => (p as acorn.Identifier).name)).toEqual(params);
      const doc = comments.filter((c) => c.type === 'Block' && c.end <= fn.start).at(-1);
      expect(doc, name).toBeDefined();
      if (!doc) continue;
      // Only white space between the comment and `function`.
      expect(code.slice(doc.end, fn.start).trim(), name).toBe('');
      expect(doc.value).toContain('@customfunction');
      expect(doc.value).toMatch(/@example =/);
      for (const p of params)
        expect(doc.value, `${name} @param ${p}`).toMatch(new RegExp(`@param \\{[^}]+\\} ${p} \\S`));
    }
  });

  it('runs nothing at load but defining the module (custom-function cells pay for every load)', () => {
    const topLevel = program.body.map((n) => n.type);
    expect(topLevel.filter((t) => t !== 'FunctionDeclaration' && t !== 'ExpressionStatement')).toEqual([
      'VariableDeclaration',
    ]);
    expect(code.length).toBeLessThan(200 * 1024);
  });

  it('keeps Node-only code (papaparse, the CLI) out of the bundle', () => {
    expect(code).not.toMatch(/papaparse|Papa\.parse|process\.argv|node:/);
  });

  it('is what clasp would push: exactly the script, the sidebar, the three dialogs and the manifest', () => {
    // clasp 3 answers this offline from .clasp.json (rootDir dist) and the files there.
    const status = execFileSync('node_modules/.bin/clasp', ['show-file-status'], { encoding: 'utf8' });
    const tracked = status.split('Untracked files:')[0] ?? '';
    expect(tracked.match(/dist\/\S+/g)?.sort()).toEqual([
      'dist/Code.js',
      'dist/Connect.html',
      'dist/Review.html',
      'dist/Settings.html',
      'dist/Sidebar.html',
      'dist/appsscript.json',
    ]);
  });

  it('has a manifest for V8 with the narrow scopes only', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      // Session.getActiveUser() needs it: Stage history's "By" is who moved the deal.
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });
});
