// Builds the Node CLI (build/cli.cjs) and the Apps Script add-on (dist/).
// dist/ is what clasp pushes, so nothing Node-only may land there.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { buildPanel } from './build-panel.mjs';

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'build/cli.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');

// simple-statistics ships one prebuilt file that computes a table at load, and declares no
// `sideEffects: false`: bundled as is, every custom-function cell would pay for all of it.
// Its source index re-exports one small pure module per function, so resolving to that (marked
// free of side effects) keeps only what the engine imports.
const pureLibraries = {
  name: 'pure-libraries',
  setup(b) {
    b.onResolve({ filter: /^simple-statistics$/ }, () => ({
      path: resolvePath('node_modules/simple-statistics/index.js'),
      sideEffects: false,
    }));
    b.onResolve({ filter: /^\.\/src\// }, (args) =>
      args.importer.includes('simple-statistics')
        ? { path: resolvePath(dirname(args.importer), args.path), sideEffects: false }
        : undefined,
    );
  },
};

// One classic script: the bundle defines the global `SheetsPipeline`; the
// stubs after it are the top-level functions Apps Script can see.
const stubs = readFileSync('src/addon/entry-stubs.js', 'utf8');
const bundle = await build({
  entryPoints: ['src/addon/main.ts'],
  bundle: true,
  plugins: [pureLibraries],
  write: false,
  format: 'iife',
  globalName: 'SheetsPipeline',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'none',
  // Every custom-function cell loads the whole script: less to parse is a faster cell, and
  // Apps Script's 200 KiB goal (npm run bench) holds as the add-on grows. Local names are
  // shortened too; what a user or the run log sees is our messages, never a stack trace,
  // and the exported names (the namespace's keys, the stubs' globals) are kept.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  logLevel: 'warning',
});
const code = withEntryPoints(bundle.outputFiles[0].text, stubs);
writeFileSync('dist/Code.js', code);
copyFileSync('appsscript/appsscript.json', 'dist/appsscript.json');
await buildPanel('dist');

const built = [
  'build/cli.cjs',
  'dist/Code.js',
  'dist/Sidebar.html',
  'dist/Settings.html',
  'dist/Connect.html',
  'dist/Review.html',
  'dist/appsscript.json',
];
const sizes = built
  .filter((f) => existsSync(f))
  .map((f) => `${f} (${(statSync(f).size / 1024).toFixed(1)} KiB)`);
console.log(`built ${sizes.join(', ')}`);

/**
 * The bundle, then a top-level declaration for every function the module
 * exports (Apps Script sees nothing else): the custom functions' from
 * entry-stubs.js, with their help; the rest made here, so no entry point can
 * be forgotten. A hand-written stub for a name the module does not export
 * would be an entry point that cannot run, so it fails the build.
 */
function withEntryPoints(bundled, handWritten) {
  const context = vm.createContext({});
  vm.runInContext(`${bundled}\nthis.__exports = Object.keys(SheetsPipeline);`, context);
  const exported = context.__exports.filter((name) => !name.endsWith('_'));
  const stubbed = new Set([...handWritten.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]));
  const dangling = [...stubbed].filter((name) => !exported.includes(name));
  if (dangling.length > 0)
    throw new Error(`entry-stubs.js declares [${dangling}], which src/addon/main.ts does not export`);
  const made = exported
    .filter((name) => !stubbed.has(name))
    .map((name) => `function ${name}() {\n  return SheetsPipeline.${name}.apply(this, arguments);\n}\n`);
  return `${bundled}\n${handWritten}\n// Menu items, triggers and dialog calls: each forwards to the module.\n${made.join('\n')}`;
}
