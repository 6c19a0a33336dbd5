// The house rules a reader relies on, checked on every lint:
// - no import circle in src/ (type-only imports included: they tie files together too);
// - layers only import downwards: features (one folder each) never import each other;
// - the sidebar imports nothing from the Apps Script side, only src/shared/;
// - the engine names no Apps Script global and imports only itself;
// - src/addon/ keeps at most ten files of its own, and every engine module has its test.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, normalize, relative } from 'node:path';

const SRC = 'src';
const problems = [];

/** Every .ts/.js file under a folder. */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The src files a file imports (relative specifiers only; packages are not part of the house). */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const targets = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = normalize(join(dirname(file), m[1]));
    const found = [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')].find(
      (p) => existsSync(p) && statSync(p).isFile(),
    );
    if (found) targets.push(found);
  }
  return targets;
}

const files = filesUnder(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

// 1. Circles, by depth-first search.
const state = new Map();
const stack = [];
function visit(file) {
  state.set(file, 'open');
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 'open') {
      const circle = stack.slice(stack.indexOf(next)).concat(next);
      problems.push(`import circle: ${circle.map((f) => relative(SRC, f)).join(' → ')}`);
    } else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const f of files) if (!state.has(f)) visit(f);

// 2. Layers. A file in one of these folders may import its own folder and the folders listed for it.
const ADDON = 'src/addon';
const LEAVES = ['src/engine', 'src/shared', `${ADDON}/i18n`];
const IO = [`${ADDON}/sheets`, `${ADDON}/storage`];
const HELPERS = [`${ADDON}/pipeline`, `${ADDON}/schedule`];
const FEATURES = ['setup', 'daily', 'edits', 'panel', 'dashboard', 'dialogs', 'functions', 'review'].map(
  (f) => `${ADDON}/${f}`,
);
const allowed = new Map([
  ['src/engine', []],
  ['src/shared', []],
  [`${ADDON}/i18n`, ['src/engine', 'src/shared']],
  ...IO.map((d) => [d, [...LEAVES, ...IO]]),
  ...HELPERS.map((d) => [d, [...LEAVES, ...IO]]),
  ...FEATURES.map((d) => [d, [...LEAVES, ...IO, ...HELPERS]]),
  ['src/panel', ['src/shared']],
  ['src/cli', ['src/engine']],
]);
const folderOf = (file) => {
  const dir = dirname(file);
  return [...allowed.keys()].find((d) => dir === d || dir.startsWith(`${d}/`)) ?? dir;
};
for (const [file, targets] of graph) {
  const from = folderOf(file);
  const may = allowed.get(from);
  if (!may) continue; // src/addon's own top files (entry points, menu) may import anything below them
  for (const target of targets) {
    const to = folderOf(target);
    if (to !== from && !may.includes(to))
      problems.push(`${relative(SRC, file)} imports ${relative(SRC, target)}: ${from} may not import ${to}`);
  }
}

// 3. The engine is pure: no Apps Script global.
const GLOBALS =
  /\b(SpreadsheetApp|ScriptApp|PropertiesService|LockService|MailApp|HtmlService|Session|Utilities|CacheService|Charts)\./;
for (const file of files.filter((f) => f.startsWith('src/engine/'))) {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  if (GLOBALS.test(code)) problems.push(`${relative(SRC, file)} names an Apps Script global`);
}

// 4. Ten files at most directly in src/addon.
const top = readdirSync(ADDON).filter((n) => statSync(join(ADDON, n)).isFile());
if (top.length > 10)
  problems.push(`src/addon has ${top.length} files of its own (at most 10): ${top.join(', ')}`);

// 5. A test beside every engine module.
for (const file of files.filter((f) => dirname(f) === 'src/engine')) {
  const test = join('test/engine', basename(file).replace(/\.ts$/, '.test.ts'));
  if (!existsSync(test)) problems.push(`${file} has no ${test}`);
}

if (problems.length > 0) {
  console.error(
    `check-structure: ${problems.length} problem(s)\n${problems.map((p) => `- ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(`check-structure: ${files.length} files, no circles, layers respected`);
