// `npm run calibrate [-- --quick]`: how honest the win-rate interval is. Runs the
// pipeline simulator's coverage check (../shared/sim/coverage.mjs, or the folder in
// SHEETS_PIPELINE_SIM) against the built CLI: hundreds of simulated pipelines whose
// true win rates are known, and for every scenario, size and stage, how often
// [Win rate low, Win rate high] holds the truth and how biased the Win rate is.
// Figures are printed, never asserted in unit tests (they are a statistical claim).
// Needs `npm run build` first. Extra arguments go to coverage.mjs (--quick, --reps R,
// --scenario NAME, --json FILE).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const sim = path.resolve(process.env.SHEETS_PIPELINE_SIM ?? path.join('..', 'shared', 'sim'));
const coverage = path.join(sim, 'coverage.mjs');
if (!existsSync(coverage)) {
  console.error(
    `calibrate: the pipeline simulator is not at ${coverage}; set SHEETS_PIPELINE_SIM to the folder holding coverage.mjs.`,
  );
  process.exit(2);
}
if (!existsSync('build/cli.cjs')) {
  console.error('calibrate: build/cli.cjs is missing; run `npm run build` first.');
  process.exit(1);
}
const args = ['--cli', path.resolve('bin/sheets-pipeline.js'), ...process.argv.slice(2)];
console.log(`node ${path.relative(process.cwd(), coverage)} ${args.join(' ')}`);
try {
  execFileSync(process.execPath, [coverage, ...args], { stdio: 'inherit' });
} catch (e) {
  process.exit(typeof e.status === 'number' ? e.status : 1);
}
