// Bundles bench/run.ts (it imports the Sheets stand-in, which is TypeScript)
// and runs it in its own process. Needs `npm run build` first (it measures dist/Code.js).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

if (!existsSync('dist/Code.js')) {
  console.error('bench: dist/Code.js is missing; run `npm run build` first.');
  process.exit(1);
}
await build({
  entryPoints: ['bench/run.ts'],
  outfile: 'build/bench.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
execFileSync(process.execPath, ['--max-old-space-size=8192', 'build/bench.cjs'], { stdio: 'inherit' });
