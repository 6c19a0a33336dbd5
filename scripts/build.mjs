// Builds the Node CLI (build/cli.cjs) and the Apps Script add-on (dist/).
// dist/ is what clasp pushes, so nothing Node-only may land there.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'build/cli.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
console.log('built build/cli.cjs');
